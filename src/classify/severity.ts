import type { Severity } from '../domain/verdict.js';
import { surface } from './phrases.js';
import type { PhraseTag, TextAnalysis } from './features.js';
import type { Token } from './tokenize.js';
import type { LanguageRules } from './lang/index.js';
import { REASON_OPENER } from './word-table.js';

/** A keyword rule that makes a review `critical`: someone must look at it today. */
export interface CriticalRule {
  id: string;
  label: string;
  /** PhraseMatcher patterns ("sue*" matches sue/suing, "food poisoning", "# stars" …). */
  patterns: string[];
}

/**
 * The built-in critical categories; config rules are added to these, not substituted. The patterns
 * here are English; each language adds its own wording (`critical` in src/classify/lang/).
 */
export const DEFAULT_CRITICAL_RULES: readonly CriticalRule[] = Object.freeze([
  {
    id: 'legal_threat', label: 'threat of legal action',
    patterns: ['my lawyer', 'our lawyer', 'a lawyer', 'my attorney', 'an attorney', 'lawsuit', 'sue', 'suing', 'legal action',
      'small claims', 'take you to court', 'see you in court', 'class action', 'my solicitor', 'consumer protection', 'better business bureau',
      'report you to', 'reported you to', 'trading standards', 'attorney general', 'chargeback', 'filing a complaint',
      'a solicitor', 'our solicitor', 'my solicitors', 'our solicitors'],
  },
  {
    id: 'health_safety', label: 'health or safety',
    patterns: ['food poisoning', 'poisoned', 'got sick', 'get sick', 'made me sick', 'made us sick', 'made my * sick', 'vomit*',
      'threw up', 'throwing up', 'diarrhea', 'hospital', 'hospitalized', 'hospitalised', 'emergency room', 'allergic reaction', 'anaphyla*', 'injur*',
      'burned me', 'burnt me', 'electrocut*', 'caught fire', 'exploded', 'on fire', 'smoke came', 'unsafe', 'dangerous',
      'safety hazard', 'fire hazard', 'choking hazard', 'glass in', 'metal in', 'wire in', 'bleeding', 'salmonella', 'e. coli',
      'mold in', 'raw chicken', 'a rat', 'rats', 'mice', 'cockroach*', 'roach*', 'nut allergy', 'my allergy', 'epipen', 'epi pen'],
  },
  {
    id: 'fraud_scam', label: 'fraud or scam accusation',
    patterns: ['scam*', 'fraud*', 'con artist*', 'stole', 'stolen', 'stealing', 'theft', 'thieves', 'thief', 'ripped me off',
      'unauthorized charge*', 'unauthorised charge*', 'charged without', 'never authorized', 'fake reviews', 'counterfeit', 'criminal'],
  },
  {
    id: 'discrimination', label: 'discrimination',
    patterns: ['racist', 'racism', 'racial*', 'sexist', 'sexism', 'homophobic', 'transphobic', 'discriminat*', 'bigot*',
      'because of my race', 'because i am black', 'because im black', 'because of my skin', 'because i was in a wheelchair',
      // Described rather than named (a new user's trial).
      'because we are black', 'because we were black', 'because of our race', 'because of our skin', 'because we are gay', 'because of my accent',
      'because of our accent',
      'harass*', 'slur', 'slurs'],
  },
  {
    id: 'privacy', label: 'data or privacy complaint',
    patterns: ['privacy', 'data breach', 'leaked my', 'sold my data', 'sold my information', 'shared my data',
      'my personal data', 'my personal information', 'my data', 'gdpr', 'identity theft', 'spyware', 'tracking me', 'hacked',
      'spam me', 'spamming me', 'without my consent', 'without consent'],
  },
]);

/** A critical rule that fired, with the words that fired it. */
export interface CriticalHit {
  id: string;
  label: string;
  phrase: string;
}

/** Critical rules as phrase patterns for the shared matcher, and the rules an analysed text fires. */
export class CriticalMatcher {
  constructor(private readonly rules: readonly CriticalRule[]) {}

  /**
   * The rules' patterns tagged with their rule, for createPhraseMatcher: every rule's own patterns
   * (config rules are matched in every language), plus `language`'s wording of the built-in ones.
   */
  patterns(language?: LanguageRules): (readonly [string, PhraseTag])[] {
    return this.rules.flatMap((r, index) =>
      [...r.patterns, ...(language?.critical[r.id] ?? [])].map((p) => [p, { kind: 'critical', index }] as const),
    );
  }

  /**
   * First hit per rule; a negated mention ("not a scam", "no food poisoning") does not count, unless the rule's words
   * give a reason ("No me atendieron por ser extranjero": the negation is of the service, the reason stands).
   */
  match(a: TextAnalysis): CriticalHit[] {
    const out: CriticalHit[] = [];
    for (const h of a.phraseHits) {
      if (h.value.kind !== 'critical' || (a.negated[h.start] && !opensReason(a, h.start))) continue;
      const rule = this.rules[h.value.index] as CriticalRule;
      if (out.some((c) => c.id === rule.id)) continue;
      out.push({ id: rule.id, label: rule.label, phrase: surface(a.tokens, h.start, h.end) });
    }
    return out;
  }
}

/** Whether token `i` opens a reason in the text's language ("por ser extranjero", "parce que nous sommes"). */
function opensReason(a: TextAnalysis, i: number): boolean {
  const id = a.ids[i] as number;
  return id >= 0 && ((a.table.flags[id] as number) & REASON_OPENER) !== 0;
}

/** Severity of a verdict: critical rules first, then how negative the rating and the text are. */
export function severityOf(negative: boolean, score: number, rating: number | undefined, critical: readonly CriticalHit[]): Severity {
  if (critical.length > 0) return 'critical';
  if (!negative) return 'low';
  if ((rating !== undefined && rating <= 1) || score <= -0.7) return 'high';
  if ((rating !== undefined && rating <= 2) || score <= -0.35) return 'medium';
  return 'low';
}
