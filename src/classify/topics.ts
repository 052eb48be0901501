import { endsSentence, isDeduction, type PhraseTag, type TextAnalysis } from './features.js';
import { PhraseMatcher, type PhraseHit } from './phrases.js';
import { DEFAULT_INDUSTRY, taxonomyFor, type Industry } from './taxonomies/index.js';
import { tokenize, type Token } from './tokenize.js';
import { CONTRAST, NEGATOR, REMEDY } from './word-table.js';

/** One topic of the taxonomy: config can add its own, keywords use the PhraseMatcher syntax. */
export interface Topic {
  id: string;
  label: string;
  /** Words and phrases: `refund*` matches refunds/refunded, `#` any number ("waited # minutes"). */
  keywords: string[];
}

/**
 * The taxonomy of a business whose industry is not set (`generic`); ids are stable (stored with verdicts,
 * used in alerts and config). Every industry's taxonomy is data in ./taxonomies/.
 */
export const DEFAULT_TAXONOMY: readonly Topic[] = taxonomyFor('generic');

/** A taxonomy as phrase patterns for the shared matcher, and the topics found in an analysed text. */
export class TopicMatcher {
  private readonly ids: string[];

  constructor(private readonly taxonomy: readonly Topic[]) {
    this.ids = taxonomy.map((t) => t.id);
  }

  /** The keywords tagged with their topic, for createPhraseMatcher. */
  patterns(): (readonly [string, PhraseTag])[] {
    return this.taxonomy.flatMap((t, index) => t.keywords.map((k) => [k, { kind: 'topic', index }] as const));
  }

  /**
   * Topic ids the text raises, in taxonomy order. A mention in a clause that only praises ("lovely staff,
   * but the food was cold") is not one: a reply must not acknowledge what the reviewer liked.
   */
  match(a: TextAnalysis): string[] {
    return this.fromHits(a.phraseHits, a);
  }

  /**
   * Topic ids raised in a clause that complains (a negative cue in it, or after a contrast word a lean towards a complaint,
   * see leansComplaint): what a review that is not negative overall still
   * criticises ("Lovely room. Breakfast was disappointing"), for the thank-you to take note of. A neutral mention ("we
   * had breakfast in the garden") is no concern. Judged languages only: another is read with the English tables.
   */
  concerns(a: TextAnalysis, model: LearnedLean): string[] {
    // The complaint cues' spans, once (most reviews that are not negative have none: a clause after a contrast word
    // is then the only way a topic becomes a concern, see leansComplaint).
    negativeSpans.length = 0;
    for (const c of a.cues) if (c.valence < 0) negativeSpans.push(c.start, c.end, c.valence);
    // A star taken off names what for in its sentence ("Ein Stern Abzug, weil die Lieferung gedauert hat"), commas and all.
    deductionSentences.length = 0;
    if (a.deduction) for (const h of a.phraseHits) if (isDeduction(h)) deductionSentences.push(clauseStart(a, h.start, breaksSentence), clauseEnd(a, h.end, breaksSentence));
    let seen: boolean[] | undefined;
    for (const h of a.phraseHits) {
      if (h.value.kind !== 'topic' || !stands(a.phraseHits, h, h.value.index, a)) continue;
      if (!(clauseComplains(a, h.start, h.end) || within(deductionSentences, h.start, h.end) || leansComplaint(a, h.start, h.end, model))) continue;
      seen ??= new Array<boolean>(this.ids.length).fill(false);
      seen[h.value.index] = true;
    }
    const out: string[] = [];
    if (seen) for (let i = 0; i < this.ids.length; i++) if (seen[i]) out.push(this.ids[i] as string);
    return out;
  }

  /** Topic ids of the topic hits among `hits`, in taxonomy order; with the analysis, praise-only clauses left out. */
  fromHits(hits: readonly PhraseHit<PhraseTag>[], a?: TextAnalysis): string[] {
    // A plain array: a typed array's backing store costs a malloc per review.
    let seen: boolean[] | undefined;
    for (const h of hits) {
      if (h.value.kind !== 'topic' || !stands(hits, h, h.value.index, a)) continue;
      seen ??= new Array<boolean>(this.ids.length).fill(false);
      seen[h.value.index] = true;
    }
    const out: string[] = [];
    if (seen) for (let i = 0; i < this.ids.length; i++) if (seen[i]) out.push(this.ids[i] as string);
    return out;
  }
}

/**
 * Whether a hit of topic `index` raises its topic: not inside another topic's longer keyword, and, with the analysis,
 * not a problem fixed nor named in a clause that only praises. What both `match` and `concerns` count.
 */
function stands(hits: readonly PhraseHit<PhraseTag>[], h: PhraseHit<PhraseTag>, index: number, a: TextAnalysis | undefined): boolean {
  if (withinLonger(hits, h, index)) return false;
  return a === undefined || !(remedied(a, h) || onlyPraised(a, h.start, h.end));
}

/**
 * Whether another topic's keyword spans `h` and more: the longer phrase says what the words are about ("auf die
 * Rechnung warten" is a wait, though "Rechnung" alone is the bill's price).
 */
function withinLonger(hits: readonly PhraseHit<PhraseTag>[], h: PhraseHit<PhraseTag>, index: number): boolean {
  for (const o of hits) {
    if (o.start > h.start) break;
    if (o.value.kind === 'topic' && o.value.index !== index && o.end >= h.end && o.end - o.start > h.end - h.start) return true;
  }
  return false;
}

/** How far from a topic's words a remedy verb may stand: "fixed the leak", "hat das Leck schnell repariert". */
const REMEDY_REACH = 3;

/**
 * Whether the topic hit `h` names a problem put right: a remedy verb (LanguageRules.remedies) within REMEDY_REACH tokens
 * before (not right before) or after it in its clause, with no negator just before the verb ("fixed the leak", "het lek snel gerepareerd";
 * not "never fixed the leak", "nicht repariert"). Such a mention is praise for the fix, neither a topic nor a concern.
 */
function remedied(a: TextAnalysis, h: PhraseHit<PhraseTag>): boolean {
  const flags = a.table.flags;
  const isRemedy = (i: number): boolean => {
    const id = a.ids[i] as number;
    if (id < 0 || ((flags[id] as number) & REMEDY) === 0) return false;
    for (let j = Math.max(0, i - 2); j < i; j++) {
      const nid = a.ids[j] as number;
      if (nid >= 0 && ((flags[nid] as number) & NEGATOR) !== 0) return false;
    }
    return true;
  };
  // Before the topic, a word between: a verb takes its object with an article or a possessive ("fixed the leak"); one
  // right before the noun is an adjective ("the fixed price", "un prix réglé d'avance" aside).
  for (let i = h.start - 1; i >= 0 && i >= h.start - REMEDY_REACH && !breaksClause(a, i); i--) if (i < h.start - 1 && isRemedy(i)) return true;
  for (let i = h.end; i < a.tokens.length && i < h.end + REMEDY_REACH && !breaksClause(a, i); i++) if (isRemedy(i)) return true;
  return false;
}

/** Whether token `i` ends a clause: punctuation, or a contrast word ("but", "aber", "mais"). */
function breaksClause(a: TextAnalysis, i: number): boolean {
  if ((a.tokens[i] as Token).kind === 'punct') return true;
  const id = a.ids[i] as number;
  return id >= 0 && ((a.table.flags[id] as number) & CONTRAST) !== 0;
}

/** Whether token `i` ends a sentence (features.ts endsSentence). */
function breaksSentence(a: TextAnalysis, i: number): boolean {
  return endsSentence(a.tokens[i] as Token);
}

/** First token of the clause (or, with `breaks` = breaksSentence, the sentence) holding token `start`. */
function clauseStart(a: TextAnalysis, start: number, breaks = breaksClause): number {
  let lo = start;
  while (lo > 0 && !breaks(a, lo - 1)) lo--;
  return lo;
}

/** End (exclusive) of the clause (or sentence) holding the token before `end`. */
function clauseEnd(a: TextAnalysis, end: number, breaks = breaksClause): number {
  let hi = end;
  while (hi < a.tokens.length && !breaks(a, hi)) hi++;
  return hi;
}

/** Start, end and valence of each complaint cue of the text `concerns` is reading, in triples (reused). */
const negativeSpans: number[] = [];
/** Start and end of each sentence holding a star taken off, in pairs (reused). */
const deductionSentences: number[] = [];

/** Whether tokens [start, end) lie inside one of `spans` (start/end pairs). */
function within(spans: readonly number[], start: number, end: number): boolean {
  for (let k = 0; k < spans.length; k += 2) if ((spans[k] as number) <= start && end <= (spans[k + 1] as number)) return true;
  return false;
}

/** A complaint cue this mild that is the topic's own words says the topic was named, not that it was complained of. */
const MILD_KEYWORD = -1;

/**
 * Whether the clause around tokens [start, end) holds a complaint cue (`negativeSpans`). The keyword's own words count
 * ("rude"), unless they are only a mild complaint word: "le service client répond vite" names customer service, which
 * app-store reviews mention mostly to complain of it.
 */
function clauseComplains(a: TextAnalysis, start: number, end: number): boolean {
  const lo = clauseStart(a, start);
  const hi = clauseEnd(a, end);
  for (let k = 0; k < negativeSpans.length; k += 3) {
    const s = negativeSpans[k] as number;
    const e = negativeSpans[k + 1] as number;
    if (s < lo || e > hi) continue;
    if (s >= start && e <= end && (negativeSpans[k + 2] as number) > MILD_KEYWORD) continue;
    return true;
  }
  return false;
}

/** The trained model's reading of a span of the text (SentimentModel.lean). */
export interface LearnedLean {
  lean(a: TextAnalysis, lo: number, hi: number): number;
  /** False for a model that is a lexicon alone: it has no lean to give. */
  readonly learned: boolean;
}

/**
 * Learned lean (SentimentModel.lean) from which a clause after a contrast word, with no word of the lexicon in it,
 * complains: "Great coffee but the queue was really slow" (5.8), not "but the cakes made up for it" (−2.2). Only
 * after "but": elsewhere a topic's neutral mention leans either way ("reasonable pricing and tell the public…" 3.1).
 */
const CONTRAST_LEAN = 0.5;

/**
 * Whether the clause around tokens [start, end) follows a contrast word ("but", "though", "aber") and, with no praise
 * word in it ("but the staff were quick and friendly": the lexicon has spoken), reads as a complaint to the model;
 * to a model without learned words, whatever follows the contrast word without praise does.
 */
function leansComplaint(a: TextAnalysis, start: number, end: number, model: LearnedLean): boolean {
  const lo = clauseStart(a, start);
  // A clause breaks at punctuation or a contrast word: the token before it is the one or the other.
  if (lo === 0 || (a.tokens[lo - 1] as Token).kind === 'punct') return false;
  const hi = clauseEnd(a, end);
  // The topic's own words are no praise of it: "les frais" (fees) reads as "frais" (fresh).
  for (const c of a.cues) if (c.start >= lo && c.end <= hi && c.valence > 0 && (c.end <= start || c.start >= end)) return false;
  // A lexicon alone has no lean ("aber das WLAN funktionierte kaum", "maar het ontbijt viel tegen" hold no word of
  // it): a topic named after the contrast word, with no praise beside it, is what the reviewer is taking issue with.
  if (!model.learned) return true;
  return model.lean(a, lo, hi) > CONTRAST_LEAN;
}

/** Summed valence (before clause weighting) from which a clause with no complaint in it reads as praise. */
const PRAISE = 1.5;

/**
 * True when the clause around tokens [start, end) praises and complains about nothing (English text). A
 * clause ends at punctuation and at a contrast word ("but", "however"): "Friendly staff, good location, but
 * the bed…".
 */
function onlyPraised(a: TextAnalysis, start: number, end: number): boolean {
  // Every language reads its own lexicon's cues: "Das Personal war super nett, aber das Essen war kalt" praises the
  // staff (a German reply apologised for them while each language was read with English tables, this was English-only).
  if (a.cues.length === 0) return false;
  const lo = clauseStart(a, start);
  const hi = clauseEnd(a, end);
  let praise = 0;
  for (const c of a.cues) {
    if (c.start < lo || c.end > hi) continue;
    // The keyword's own words do not praise it ("support" is a positive word, "support never answered" is not),
    // unless the reviewer denied a complaint word ("the staff were not rude"): that is praise of the staff.
    if (c.start < end && c.end > start && !(c.kind === 'negated' && c.valence > 0)) continue;
    // A star taken off praises the rest, not the thing it was taken off for ("one star off for the ads").
    if (a.deduction && c.kind === 'phrase' && c.valence > 0 && isDeductionAt(a, c.start)) continue;
    if (c.valence < 0) return false;
    praise += c.clause > 0 ? c.valence / c.clause : c.valence;
  }
  return praise >= PRAISE;
}

function isDeductionAt(a: TextAnalysis, start: number): boolean {
  for (const h of a.phraseHits) if (h.start === start && isDeduction(h)) return true;
  return false;
}

const spotters = new Map<Industry, { topics: TopicMatcher; phrases: PhraseMatcher<PhraseTag> }>();

/**
 * The topics of an industry's taxonomy a text mentions, without the rest of the classifier: for drafting
 * when no verdict is at hand. The same keywords, so the same topics, as a verdict's.
 */
export function spotTopics(text: string, industry: Industry = DEFAULT_INDUSTRY): string[] {
  let s = spotters.get(industry);
  if (!s) {
    const topics = new TopicMatcher(taxonomyFor(industry));
    spotters.set(industry, (s = { topics, phrases: new PhraseMatcher<PhraseTag>(topics.patterns()) }));
  }
  return s.topics.fromHits(s.phrases.findAll(tokenize(text)));
}
