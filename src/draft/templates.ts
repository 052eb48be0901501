import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { baseLanguage } from '../domain/language-code.js';
import de from './templates/de.json' with { type: 'json' };
import en from './templates/en.json' with { type: 'json' };
import es from './templates/es.json' with { type: 'json' };
import fr from './templates/fr.json' with { type: 'json' };
import it from './templates/it.json' with { type: 'json' };
import nl from './templates/nl.json' with { type: 'json' };
import pt from './templates/pt.json' with { type: 'json' };
import ptPT from './templates/pt-PT.json' with { type: 'json' };

// Template sets are data: a language is one JSON file. Built-in sets are imported (so the build copies them
// and no path has to be guessed at run time); a deployment adds more with `drafting.templatesDir`.

const tonedLines = z.strictObject({ friendly: z.array(z.string().min(1)).min(1), formal: z.array(z.string().min(1)).min(1) });

export const PART_NAMES = [
  'greeting',
  'greetingNoName',
  'ackIssue',
  'ackClause',
  'ackGeneric',
  'thanks',
  'thanksShort',
  'apology',
  'apologyShort',
  'reassure',
  'contact',
  'contactShort',
  'escalateNamed',
  'escalate',
  'escalateShort',
  'signoff',
  'followUpOpen',
  'followUpChange',
  'followUpThanks',
  'followUpInvite',
  'followUpAbout',
  'followUpAboutGeneric',
  'updatePrefix',
  // A review that is not negative gets a thank-you: no apology, no taking it offline.
  'praiseThanks',
  'praiseGlad',
  'praiseInvite',
] as const;

/**
 * Parts a set may leave out (a set written before them still loads). A review that is not negative but not praise
 * either (3 stars, or a lukewarm or unreadable text without a rating) is thanked plainly and told the business
 * wants to do better, instead of "what a lovely review"; without these parts it gets the praise parts.
 */
export const OPTIONAL_PART_NAMES = [
  'neutralThanks',
  'neutralInvite',
  // A review that is a rating and nothing else (no text, no title) is answered for its rating: these stand in for
  // ackGeneric, thanks, reassure, praiseThanks, praiseGlad and neutralThanks, whose lines thank the reviewer for
  // what they wrote ("your kind words", "nos escrever"). A set without them uses those parts.
  'ratingAck',
  'ratingThanks',
  'ratingReassure',
  'ratingPraiseThanks',
  'ratingPraiseGlad',
  'ratingNeutralThanks',
  // A review that is not negative but criticises something (its verdict's `concerns`): the thank-you takes note of it,
  // without an apology ("We've taken note of what you said about the breakfast"). A set without it leaves it out.
  'mixedNote',
  // The acknowledgement when the reply names the complaint by its topics ("the problems with the breakfast", "the
  // long wait") rather than by the reviewer's own words: lines that read right with a topic's noun phrase ("No one
  // should have to put up with {issue}" does not). A set without it uses ackIssue.
  'ackTopic',
  // A critical review (food poisoning, fraud, a lawyer named): acknowledged and apologised for without playing it down
  // ("your experience did not meet your expectations") or conceding its cause ("so that it does not happen again"); no
  // reassure sentence follows. A set without them uses ackIssue/ackGeneric and apology, and keeps the reassure.
  'ackCritical',
  'apologyCritical',
  // Its thanks: plain, never for the reviewer's "honesty" or "frank review" (flippant to someone in hospital).
  'thanksCritical',
  // And its sign-off: no "See you soon", "Have a nice day" or hug ("À bientôt", "Um abraço") to someone in hospital.
  'signoffCritical',
  // A bank, an app, a tradesman or a clinic is not visited for pleasure: "See you again soon!" reads wrong to its
  // customers, and these stand in for praiseInvite, neutralInvite and followUpInvite there (see customersVisit).
  // A set without them uses the visit wording.
  'serviceInvite',
  'serviceNeutralInvite',
  'serviceFollowUpInvite',
] as const;
export type PartName = (typeof PART_NAMES)[number] | (typeof OPTIONAL_PART_NAMES)[number];

const validRegex = z.string().refine((s) => {
  try {
    new RegExp(s, 'iu');
    return true;
  } catch {
    return false;
  }
}, 'must be a valid regular expression');

export const templateSetSchema = z.strictObject({
  language: z.string().min(2),
  parts: z.strictObject({
    ...(Object.fromEntries(PART_NAMES.map((p) => [p, tonedLines])) as Record<(typeof PART_NAMES)[number], typeof tonedLines>),
    ...(Object.fromEntries(OPTIONAL_PART_NAMES.map((p) => [p, tonedLines.optional()])) as Record<(typeof OPTIONAL_PART_NAMES)[number], z.ZodOptional<typeof tonedLines>>),
  }),
  contactPhrase: z.strictObject({ email: z.array(z.string()).min(1), phone: z.array(z.string()).min(1), both: z.array(z.string()).min(1) }),
  contactShort: z.strictObject({ email: z.string(), phone: z.string() }),
  whomUnnamed: z.strictObject({ friendly: z.string(), formal: z.string() }),
  /**
   * Whom each tone's greeting names: the reviewer's first name (default) or whole name. A formal German, French,
   * Dutch, Italian or Spanish reply greets "Klaus Meier": the first name alone belongs to the familiar register.
   */
  greetingName: z.strictObject({ friendly: z.enum(['first', 'full']), formal: z.enum(['first', 'full']) }).optional(),
  /** How each tone addresses the reviewer ("Sie", "du"), told to a model drafting in this language. */
  address: z.strictObject({ friendly: z.string(), formal: z.string() }).optional(),
  topics: z.record(z.string(), z.strictObject({ long: z.string(), short: z.string() })),
  /** A topic the set has no phrase for, from its id's words ("the {topic}"); empty: leave such topics out. */
  unknownTopic: z.string(),
  listAnd: z.string(),
  /**
   * Joins two items when the first already holds `listAnd` ("how we quote and charge" + "keeping you informed":
   * " as well as "), so no list reads "A and B and C". Optional: a set without it joins with `listAnd`.
   */
  listAlso: z.string().optional(),
  /**
   * Words that start the body in lower case after a greeting ending in a comma: German writes "Hallo Anna,\n\nwir …"
   * (DIN 5008), but keeps a noun's and "Sie"/"Ihr"'s capital, so only the words listed (written capitalised) lose it.
   */
  lowercaseAfterGreeting: z.array(z.string()).optional(),
  /**
   * Name topics with this set's own `topics` before the industry taxonomies' phrases, which are written for the
   * language's main region (pt-PT: the taxonomies' Portuguese is Brazil's "equipe", "café da manhã").
   */
  ownTopicWords: z.boolean().optional(),
  /** Regexes (case-insensitive) that recognise thanks and apology in this language, for the guardrails. */
  markers: z.strictObject({ thanks: validRegex, apology: validRegex }),
});
export type TemplateSet = z.output<typeof templateSetSchema>;
export type Tone = 'friendly' | 'formal';

// Keyed in lower case, as findSet looks up and loadTemplateDir keys: "pt-PT" is found for "pt-pt" too.
const builtIn = new Map<string, TemplateSet>([en, de, fr, es, nl, it, pt, ptPT].map((set) => [set.language.toLowerCase(), templateSetSchema.parse(set)]));
const loadedDirs = new Map<string, Map<string, TemplateSet>>();

/** Reads every `<language>.json` in `dir`; a malformed file throws naming the file and the bad field. */
export function loadTemplateDir(dir: string, opts: { fresh?: boolean } = {}): Map<string, TemplateSet> {
  const cached = opts.fresh ? undefined : loadedDirs.get(dir);
  if (cached) return cached;
  const sets = new Map<string, TemplateSet>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const full = path.join(dir, file);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(full, 'utf8'));
    } catch (err) {
      throw new Error(`Invalid template set ${full}: not JSON (${(err as Error).message})`);
    }
    const result = templateSetSchema.safeParse(json);
    if (!result.success) {
      throw new Error(`Invalid template set ${full}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    sets.set(result.data.language.toLowerCase(), result.data);
  }
  loadedDirs.set(dir, sets);
  return sets;
}

/** The template set for exactly this language (`pt-BR`, else `pt`), from `templatesDir` first, else built in. */
function findSet(language: string | undefined, templatesDir?: string): TemplateSet | undefined {
  if (!language) return undefined;
  const extra = templatesDir ? loadTemplateDir(templatesDir) : undefined;
  const wanted = language.toLowerCase().replace('_', '-');
  for (const code of [wanted, baseLanguage(wanted)]) {
    const set = extra?.get(code) ?? builtIn.get(code);
    if (set) return set;
  }
  return undefined;
}

/** The template set for a language (`en-GB` → `en`), from `templatesDir` first, else built in, else English. */
export function templateSetFor(language: string | undefined, templatesDir?: string): TemplateSet {
  return findSet(language ?? 'en', templatesDir) ?? (builtIn.get('en') as TemplateSet);
}

/**
 * The set a reply is written with: `replyLanguage` when it names a language, else the reviewer's language;
 * when that has no set (or is `und`), the business's own `language`; else English.
 */
export function replySetFor(reviewer: string | undefined, business: { language?: string | undefined; replyLanguage?: string | undefined }, templatesDir?: string): TemplateSet {
  const forced = business.replyLanguage && business.replyLanguage !== 'reviewer' ? business.replyLanguage : undefined;
  return findSet(forced ?? reviewer, templatesDir) ?? templateSetFor(business.language, templatesDir);
}

/** Whether replies can be written in `language` (its own set or its base language's, built in or in `templatesDir`). */
export function hasTemplateSet(language: string, templatesDir?: string): boolean {
  return findSet(language, templatesDir) !== undefined;
}

/** Languages with a template set (built in plus `templatesDir`). */
export function templateLanguages(templatesDir?: string): string[] {
  // As the sets write them ("pt-PT"); the maps are keyed in lower case for the look-up.
  return [...new Set([...builtIn.values(), ...(templatesDir ? loadTemplateDir(templatesDir).values() : [])].map((s) => s.language))];
}
