import { CONTRAST_AFTER_WEIGHT, CONTRAST_BEFORE_WEIGHT } from './lexicon.js';
import { LANGUAGE_RULES, type LanguageRules } from './lang/index.js';
import { normalisePattern, PhraseMatcher, type PhraseHit } from './phrases.js';
import { destretched, tokenize, TokenBuffer, type Token } from './tokenize.js';
import { BREAKER, CONCESSIVE, CONTRAST, COORDINATOR, DISBELIEF_VERB, EXCLAMATIVE, FINITE, hashWord, NEGATOR, NEVER_SO, NEVER_WORD, REASON_OPENER, REMEDY, SARCASM_OPENER, SOFTENER, WordTable } from './word-table.js';

export { WordTable } from './word-table.js';

const ENGLISH = LANGUAGE_RULES.en as LanguageRules;

/**
 * Builds the word table of one language from a valence lexicon and the language's closed-class lists;
 * words in `order` get the first ids, in that order.
 */
export function buildWordTable(valence: ReadonlyMap<string, number>, order: Iterable<string> = [], rules: LanguageRules = ENGLISH): WordTable {
  const table = new WordTable();
  table.language = rules.code;
  table.negationLooksBack = rules.negationLooksBack;
  table.countsEveryNegator = rules.code === 'en';
  for (const w of order) table.entry(w);
  // entry() may grow the arrays: each is read from the table after it.
  for (const [w, v] of valence) {
    const id = table.entry(w);
    table.valence[id] = v;
  }
  const flag = (words: Iterable<string>, f: number): void => {
    for (const w of words) {
      const id = table.entry(normaliseWord(w));
      table.flags[id] = (table.flags[id] as number) | f;
    }
  };
  flag(rules.negators, NEGATOR);
  flag(rules.negationBreakers, BREAKER);
  flag(rules.coordinators, COORDINATOR);
  flag(rules.frontingVerbs ?? [], FINITE);
  flag(rules.softeners, SOFTENER);
  flag(rules.contrastAfter, CONTRAST);
  flag(rules.concessiveOpeners, CONCESSIVE);
  flag(rules.disbelief?.verbs ?? [], DISBELIEF_VERB);
  flag(rules.disbelief?.openers ?? [], EXCLAMATIVE);
  flag(rules.sarcasmOpeners ?? [], SARCASM_OPENER);
  flag(rules.reasonOpeners, REASON_OPENER);
  flag(rules.neverSo?.never ?? [], NEVER_WORD);
  flag(rules.neverSo?.so ?? [], NEVER_SO);
  flag(rules.remedies ?? [], REMEDY);
  for (const [w, b] of rules.boosters) {
    const id = table.entry(normaliseWord(w));
    table.booster[id] = b;
  }
  return table;
}

/**
 * The id of a stretched word's other reading ("baaaad" as "bad"), or -1. The token takes that reading, so phrases
 * and word pairs read it too ("sooo baaaad service").
 */
function readStretched(t: Token, table: WordTable): number {
  const alt = destretched(t);
  if (alt === undefined) return -1;
  const h = hashWord(alt);
  const id = table.get(alt, h);
  if (id >= 0) {
    t.norm = alt;
    t.hash = h;
  }
  return id;
}

/**
 * French and Italian articles, pronouns and prepositions that elide before a vowel ("l'", "d'", "s'", "qu'", "un'",
 * "dell'"): the tokenizer keeps them joined to their word, as the word lists write "l'avocat" and "n'est".
 */
const ELIDED = new Set(['l', 'd', 's', 'n', 'j', 'm', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'un', 'dell', 'all', 'dall', 'nell',
  'sull', 'coll', 'quest', 'quell', 'nessun', 'tutt', 'com', 'dov', 'v']);

/**
 * The id of the word after an elided article or pronoun ("un'ottima" as "ottima", "d'aussi" as "aussi"), or -1, for a
 * joined word the tables do not know, when that word carries sentiment or a rule's flag. The token keeps its joined form:
 * phrases and topic keywords are written joined ("salle d'attente", "on l'attend encore") and are matched as written
 * (analyzeTokens hides this reading from the phrase matcher).
 */
function readElided(t: Token, table: WordTable): number {
  const raw = t.raw;
  let k = raw.indexOf("'");
  if (k < 0) k = raw.indexOf('’');
  if (k <= 0 || !ELIDED.has(raw.slice(0, k).toLowerCase())) return -1;
  const rest = t.norm.slice(k);
  const id = table.get(rest, hashWord(rest));
  if (id < 0 || (Number.isNaN(table.valence[id] as number) && (table.flags[id] as number) === 0 && (table.booster[id] as number) === 0)) return -1;
  return id;
}

/** A word of a word list as the tokenizer normalises it (lower case, no apostrophes, accents folded). */
export function normaliseWord(w: string): string {
  return normalisePattern(w).join(' ');
}

/** Why a piece of text moved the score: shown to the owner in `reasons`. */
export type CueKind = 'word' | 'negated' | 'phrase' | 'sarcasm' | 'emoji' | 'ngram';

/** One piece of evidence found in the text, with its signed weight (negative = complaint). */
export interface Cue {
  kind: CueKind;
  start: number;
  end: number;
  /** Signed valence after negation, intensifiers, capitals and contrast (VADER scale, -4..4 per word). */
  valence: number;
  intensified: boolean;
  caps: boolean;
  /** Clause weight: >1 after "but"/"however", <1 before it or in an "although" clause. */
  clause: number;
}

/** Everything the scorer needs from a text: tokens, per-token context and the lexical evidence. */
export interface TextAnalysis {
  tokens: Token[];
  /** Word-table id of each token (-1 for unknown words and non-words); the table is `table`. */
  ids: Int32Array;
  table: WordTable;
  nWords: number;
  /** Weight of each token's clause: >1 after "but", <1 before it or in a conceded clause. */
  weight: Float32Array;
  /** Every phrase pattern found (sentiment phrases, topic keywords, critical rules). */
  phraseHits: PhraseHit<PhraseTag>[];
  /** Whether a star taken off is among the phrase hits (LanguageRules.deductions): most texts have none. */
  deduction: boolean;
  /** Token is inside a negation scope ("not [very good]"). */
  negated: Uint8Array;
  cues: Cue[];
  lexPos: number;
  lexNeg: number;
  complaint: number;
  praise: number;
  sarcasm: number;
  exclaim: number;
  question: number;
  negators: number;
  /** Share of letters written in capitals when the whole text shouts. */
  shouting: boolean;
}

const NEGATION_SCOPE = 4;
const PHRASE_PASSES = ['complaint', 'praise'] as const;
const NEGATION_SCALAR = -0.74; // VADER: a negated word keeps some of its strength, reversed
const CAPS_SCALAR = 1.5;

/**
 * What a phrase pattern stands for. Sentiment phrases, the taxonomy's topic keywords and the
 * critical rules all go into one matcher, so a review is scanned for phrases once, not three times.
 */
export type PhraseTag =
  | { kind: 'complaint' | 'praise' | 'sarcasm'; valence: number; deduction?: true }
  | { kind: 'topic'; index: number }
  | { kind: 'critical'; index: number };

/** A star taken off is mild praise: 104 of the German tuning set's 106 reviews that say "Stern Abzug" are good ones. */
const DEDUCTION_VALENCE = 1.5;

/** Whether a phrase hit is a star taken off (LanguageRules.deductions). */
export const isDeduction = (h: PhraseHit<PhraseTag>): boolean => h.value.kind === 'praise' && h.value.deduction === true;

/** A language's sentiment phrases as matcher patterns; its multi-word lexicon entries are phrases too. */
function sentimentPatterns(rules: LanguageRules): (readonly [string, PhraseTag])[] {
  const phrases = rules.lexicon.filter(([w]) => w.includes(' '));
  return [
    ...rules.sarcasmPhrases.map((p) => [p, { kind: 'sarcasm', valence: -2 }] as const),
    ...[...rules.complaintPhrases, ...phrases.filter(([, v]) => v < 0)].map(([p, v]) => [p, { kind: 'complaint', valence: v }] as const),
    ...[...rules.praisePhrases, ...phrases.filter(([, v]) => v > 0)].map(([p, v]) => [p, { kind: 'praise', valence: v }] as const),
    ...(rules.deductions ?? []).map((p) => [p, { kind: 'praise', valence: DEDUCTION_VALENCE, deduction: true }] as const),
  ];
}

/** A matcher for a language's sentiment phrases (English by default) plus `extra` patterns (topics, critical rules). */
export function createPhraseMatcher(extra: Iterable<readonly [string, PhraseTag]> = [], rules: LanguageRules = ENGLISH): PhraseMatcher<PhraseTag> {
  return new PhraseMatcher<PhraseTag>([...sentimentPatterns(rules), ...extra]);
}

const SENTIMENT_ONLY = createPhraseMatcher();

/**
 * Per-token arrays recycled from one review to the next, with the tokens themselves. Like the
 * token buffer: what analyzeText returns with it is only valid until its next call.
 */
export class AnalysisBuffer {
  readonly tokens = new TokenBuffer();
  private weight = new Float32Array(256);
  private negated = new Uint8Array(256);
  private covered = new Uint8Array(256);
  private ids = new Int32Array(256);
  private praiseLen = new Uint8Array(256);

  /** The arrays for a review of `n` tokens, reset (weights 1, flags 0); longer than `n` once grown. */
  arrays(n: number): { weight: Float32Array; negated: Uint8Array; covered: Uint8Array; ids: Int32Array; praiseLen: Uint8Array } {
    if (n > this.weight.length) {
      const size = Math.max(n, this.weight.length * 2);
      this.weight = new Float32Array(size);
      this.negated = new Uint8Array(size);
      this.covered = new Uint8Array(size);
      this.ids = new Int32Array(size);
      this.praiseLen = new Uint8Array(size);
    }
    this.weight.fill(1, 0, n);
    this.negated.fill(0, 0, n);
    this.covered.fill(0, 0, n);
    this.praiseLen.fill(0, 0, n);
    return { weight: this.weight, negated: this.negated, covered: this.covered, ids: this.ids, praiseLen: this.praiseLen };
  }
}

/** Fresh arrays for callers that keep analyses (the trainer). */
function freshArrays(n: number): ReturnType<AnalysisBuffer['arrays']> {
  return { weight: new Float32Array(n).fill(1), negated: new Uint8Array(n), covered: new Uint8Array(n), ids: new Int32Array(n), praiseLen: new Uint8Array(n) };
}

/**
 * Scans a text once and collects the sentiment evidence the model and the reasons are built from.
 * With a `buffer`, the tokens are only valid until the next call that uses the same buffer.
 */
export function analyzeText(
  text: string,
  table: WordTable,
  matcher: PhraseMatcher<PhraseTag> = SENTIMENT_ONLY,
  buffer?: AnalysisBuffer,
): TextAnalysis {
  return analyzeTokens(tokenize(text, buffer?.tokens), table, matcher, buffer);
}

/** analyzeText on tokens already made (the classifier tokenizes once, then picks the language's table). */
export function analyzeTokens(
  tokens: Token[],
  table: WordTable,
  matcher: PhraseMatcher<PhraseTag> = SENTIMENT_ONLY,
  buffer?: AnalysisBuffer,
): TextAnalysis {
  const n = tokens.length;
  // Typed-array allocation per review cost more than the clause pass itself.
  const { weight, negated, covered, ids, praiseLen } = buffer ? buffer.arrays(n) : freshArrays(n);
  const { flags } = table;
  // Tokens read through an elided article and the id they read as (readElided), in pairs, or undefined: most texts have none.
  let elided: number[] | undefined;
  let nWords = 0;
  let negators = 0;
  let exclaim = 0;
  let question = 0;
  let capsWords = 0;

  // Word look-ups, clause weights and negation scopes in one pass.
  let sentenceStart = 0;
  let afterContrast = false;
  let concessive = false;
  let negLeft = 0;
  let negStart = -1;
  // The never-word of the current negation ("never", "jamais", "nunca"), or -1.
  let neverAt = -1;
  // The last word read, and whether it was a negator with nothing after it yet (German/Dutch "…nicht.").
  let lastWord = -1;
  let clauseStart = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    let id = t.kind === 'punct' || t.kind === 'number' ? -1 : table.get(t.norm, t.hash);
    if (id < 0 && t.kind === 'word') id = readStretched(t, table);
    if (id < 0 && t.kind === 'word') {
      id = readElided(t, table);
      if (id >= 0) (elided ??= []).push(i, id);
    }
    ids[i] = id;
    const f = id < 0 ? 0 : (flags[id] as number);
    if (t.kind === 'punct') {
      if (table.negationLooksBack) negateBack(tokens, ids, table, negated, clauseStart, lastWord);
      clauseStart = i + 1;
      negLeft = 0;
      if (t.norm.startsWith('!')) exclaim += t.norm.length;
      if (t.norm.includes('?')) question++;
      if (t.norm !== ',' && t.norm !== '-') {
        sentenceStart = i + 1;
        afterContrast = false;
      }
      concessive = false;
      weight[i] = 0;
      continue;
    }
    if (t.kind === 'word') {
      nWords++;
      if (t.caps) capsWords++;
      lastWord = i;
      if (f & CONTRAST) {
        if (table.negationLooksBack) negateBack(tokens, ids, table, negated, clauseStart, i - 1);
        clauseStart = i + 1;
        for (let j = sentenceStart; j < i; j++) weight[j] = (weight[j] as number) * CONTRAST_BEFORE_WEIGHT;
        afterContrast = true;
        negLeft = 0;
        continue;
      }
      if (i === sentenceStart && f & CONCESSIVE) concessive = true;
      // "Other than that, great app": the complaint before is the minor part, whatever sentence it was in.
      if (setsAsideWhatCameBefore(tokens, i)) {
        for (let j = 0; j < i; j++) weight[j] = (weight[j] as number) * CONTRAST_BEFORE_WEIGHT;
        afterContrast = true;
        negLeft = 0;
        weight[i] = 0;
        continue;
      }
    }
    weight[i] = concessive ? CONTRAST_BEFORE_WEIGHT : afterContrast ? CONTRAST_AFTER_WEIGHT : 1;
    if (negLeft > 0) {
      if (f & BREAKER || isLitotes(tokens, i) || (f & COORDINATOR && !joinsSentimentWords(tokens, ids, table, i, negStart))) negLeft = 0;
      else if (f & NEVER_SO && neverAt >= 0) {
        // "never had such", "nunca había comido tan", "jamais je n'ai mangé aussi": emphasis, not negation.
        for (let j = neverAt + 1; j < i; j++) negated[j] = 0;
        negLeft = 0;
      } else if (f & EXCLAMATIVE && isDisbelief(tokens, ids, table, i)) {
        for (let j = negStart + 1; j < i; j++) negated[j] = 0;
        negLeft = 0;
      } else {
        negated[i] = 1;
        negLeft--;
      }
    }
    if (t.kind === 'word' && f & NEGATOR && !(i > 0 && (ids[i - 1] as number) >= 0 && (flags[ids[i - 1] as number] as number) & SOFTENER)) {
      // One negation, however many negators say it: Romance languages double them ("no … nada",
      // "ne … pas"), and counting each made their texts read as complaints.
      if (negLeft === 0 || table.countsEveryNegator) negators++;
      // A never-word stays the negation's opener when another negator joins it ("Jamais je n'ai…", "non ho mai").
      if (f & NEVER_WORD) neverAt = i;
      else if (negLeft === 0) neverAt = -1;
      negLeft = NEGATION_SCOPE;
      negStart = i;
    }
  }
  if (table.negationLooksBack) negateBack(tokens, ids, table, negated, clauseStart, lastWord);
  const shouting = nWords >= 3 && capsWords / nWords > 0.6;

  const cues: Cue[] = [];
  let complaint = 0;
  let praise = 0;
  let deduction = false;
  let sarcasm = 0;
  // Created only when a sarcasm marker is found: most reviews have none.
  let sarcasticSentence: Set<number> | undefined;

  // The phrase matcher reads an elided word as written ("salle d'attente"): its id is hidden from it (-1 is an unknown
  // word, looked up by the token's own hash), then given back for the lexicon.
  if (elided) for (let k = 0; k < elided.length; k += 2) ids[elided[k] as number] = -1;
  const phraseHits = matcher.findAll(tokens, ids);
  if (elided) for (let k = 0; k < elided.length; k += 2) ids[elided[k] as number] = elided[k + 1] as number;
  for (const h of phraseHits) {
    if (h.value.kind !== 'sarcasm') continue;
    sarcasm += 1;
    complaint += h.value.valence;
    cues.push({ kind: 'sarcasm', start: h.start, end: h.end, valence: h.value.valence, intensified: false, caps: false, clause: 1 });
    for (let j = h.start; j < h.end; j++) covered[j] = 1;
    (sarcasticSentence ??= new Set<number>()).add(sentenceOf(tokens, h.start));
  }
  // "Great, another update that breaks everything.", "Love how it crashes", "Best service ever... not": praise said
  // of a complaint, which no rating tells apart. The marker is scored as a sarcasm phrase is.
  const marker = sarcasmMarker(tokens, ids, table, negated, phraseHits, nWords);
  if (marker !== undefined) {
    const [start, end] = marker;
    sarcasm += 1;
    complaint += SARCASM_MARKER;
    cues.push({ kind: 'sarcasm', start, end, valence: SARCASM_MARKER, intensified: false, caps: false, clause: 1 });
    for (let j = start; j < end; j++) covered[j] = 1;
    (sarcasticSentence ??= new Set<number>()).add(sentenceOf(tokens, start));
  }
  // In a short review one sarcasm marker makes all its praise suspect ("Great, it crashes. Thanks for
  // nothing."); in a long one only the praise in the same sentence.
  const wholeTextSarcastic = sarcasticSentence !== undefined && nWords <= 40;
  // Complaints before praise: "wont be returning" is a complaint, not negated "be returning"; but a longer praise
  // phrase over a complaint is the reading (praiseSpan).
  const anyPraise = markPraiseSpans(phraseHits, praiseLen);
  for (const pass of PHRASE_PASSES) {
    for (const h of phraseHits) {
      if (h.value.kind !== pass || covered[h.start]) continue;
      const valence = h.value.valence;
      const isComplaint = pass === 'complaint';
      if (isComplaint && anyPraise && outweighedByPraise(praiseLen, h)) continue;
      // A phrase that holds its own negator ("hält nicht", "not worth it") says the negation already: the negator
      // at a German clause's end ("Hält nicht, was es verspricht.") must not turn it back into praise.
      const neg = negated[h.start] === 1 && !holdsNegator(ids, flags, h.start, h.end);
      const w = weight[h.start] as number;
      let v = valence * w * (neg ? NEGATION_SCALAR : 1);
      if (!isComplaint && isSarcastic(tokens, h.start, wholeTextSarcastic, sarcasticSentence)) v = -Math.abs(v) * 0.5;
      for (let j = h.start; j < h.end; j++) covered[j] = 1;
      if (isDeduction(h)) deduction = true;
      if (v < 0) complaint += v;
      else praise += v;
      cues.push({ kind: neg ? 'negated' : 'phrase', start: h.start, end: h.end, valence: v, intensified: false, caps: false, clause: w });
    }
  }

  let lexPos = 0;
  let lexNeg = 0;
  const { valence, booster } = table;
  for (let i = 0; i < n; i++) {
    if (covered[i]) continue;
    const id = ids[i] as number;
    if (id < 0) continue; // unknown words and non-words
    const t = tokens[i] as Token;
    const base = valence[id] as number;
    if (Number.isNaN(base)) continue;
    let v = base;
    let start = i;
    let intensified = false;
    let sarcastic = false;
    if (t.kind === 'word') {
      // Intensifiers and diminishers up to two words back ("really very good", "a bit slow").
      for (let k = 1; k <= 2 && i - k >= 0; k++) {
        const prevId = ids[i - k] as number;
        const b = prevId < 0 ? 0 : (booster[prevId] as number);
        if (!b) break;
        v *= b;
        start = i - k;
        intensified = intensified || b > 1;
      }
      if (t.caps && !shouting) v *= CAPS_SCALAR;
      if (negated[i]) {
        v *= NEGATION_SCALAR;
        start = negationStart(tokens, ids, flags, start);
      }
      if (v > 0 && isSarcastic(tokens, i, wholeTextSarcastic, sarcasticSentence)) {
        v = -v * 0.5;
        sarcastic = true;
      }
    }
    v *= weight[i] as number;
    if (v > 0) lexPos += v;
    else lexNeg += v;
    cues.push({
      kind: t.kind === 'word' ? (sarcastic ? 'sarcasm' : negated[i] ? 'negated' : 'word') : 'emoji',
      start, end: i + 1, valence: v, intensified, caps: t.caps && !shouting, clause: weight[i] as number,
    });
  }
  if (shouting) {
    lexPos *= CAPS_SCALAR;
    lexNeg *= CAPS_SCALAR;
  }

  return { tokens, ids, table, phraseHits, deduction, nWords, weight, negated, cues, lexPos, lexNeg, complaint, praise, sarcasm, exclaim, question, negators, shouting };
}

/** Valence of a sarcastic opener or tail, as a sarcasm phrase's. */
const SARCASM_MARKER = -2;

/**
 * The span of a sarcasm marker the phrase lists cannot hold, in a short text (3–40 words):
 * - an interjection of praise and a comma at the start ("Great,", "Toll,": LanguageRules.sarcasmOpeners) or English
 *   "(I) love how", when the rest
 *   of the text complains (a complaint word or phrase) and neither praises (another praise word or phrase) nor turns
 *   ("but", "though"): "Great, another update that breaks everything." but not "Great, the staff were so helpful";
 * - English "… not." ending the text ("Best customer service ever... not.").
 */
function sarcasmMarker(
  tokens: readonly Token[],
  ids: Int32Array,
  table: WordTable,
  negated: Uint8Array,
  hits: readonly PhraseHit<PhraseTag>[],
  nWords: number,
): [number, number] | undefined {
  if (nWords < 3 || nWords > 40) return undefined;
  const n = tokens.length;
  const english = table.language === 'en';
  // "… not." / "…, NOT!" at the end.
  let last = n - 1;
  while (last > 0 && (tokens[last] as Token).kind === 'punct') last--;
  if (english && (tokens[last] as Token).norm === 'not' && (tokens[last - 1] as Token | undefined)?.kind === 'punct') return [last, last + 1];
  const first = tokens[0] as Token;
  if (first.kind !== 'word') return undefined;
  let end = 0;
  const id0 = ids[0] as number;
  const next = tokens[1];
  if (id0 >= 0 && (table.flags[id0] as number) & SARCASM_OPENER && next?.norm === ',') end = 1;
  else if (english && first.norm === 'love' && next?.norm === 'how') end = 2;
  else if (english && first.norm === 'i' && next?.norm === 'love' && tokens[2]?.norm === 'how') end = 3;
  if (end === 0) return undefined;
  let complains = false;
  for (let i = end; i < n; i++) {
    const id = ids[i] as number;
    if (id < 0 || (tokens[i] as Token).kind !== 'word') continue;
    if ((table.flags[id] as number) & (CONTRAST | CONCESSIVE)) return undefined;
    const v = table.valence[id] as number;
    if (Number.isNaN(v) || v === 0) continue;
    if ((v > 0) !== (negated[i] === 1)) return undefined;
    complains = true;
  }
  for (const h of hits) {
    if (h.start < end || h.value.kind === 'topic' || h.value.kind === 'critical') continue;
    // A complaint phrase denied ("nichts läuft aus") praises; one holding its own negator ("not worth it") does not.
    const denied = negated[h.start] === 1 && !holdsNegator(ids, table.flags, h.start, h.end);
    if ((h.value.kind === 'praise') !== denied) return undefined;
    if (h.value.kind === 'complaint') complains = true;
  }
  return complains ? [0, end] : undefined;
}

/** Praise at token `i` reads as sarcasm: the whole (short) text is sarcastic, or its sentence is. */
function isSarcastic(tokens: readonly Token[], i: number, wholeText: boolean, sentences: Set<number> | undefined): boolean {
  return wholeText || (sentences !== undefined && sentences.has(sentenceOf(tokens, i)));
}

/** "couldn't be happier", "could not have been easier": a negated comparative is praise, not a complaint. */
function isLitotes(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (t.norm !== 'be' && t.norm !== 'been') return false;
  const next = tokens[i + 1];
  if (!next || next.kind !== 'word') return false;
  const w = next.norm === 'any' || next.norm === 'much' ? tokens[i + 2]?.norm ?? '' : next.norm;
  return w === 'more' || (w.length > 4 && w.endsWith('er') && w !== 'never' && w !== 'worse' && w !== 'over');
}

function sentenceOf(tokens: readonly Token[], i: number): number {
  let j = i;
  while (j > 0 && !endsSentence(tokens[j - 1] as Token)) j--;
  return j;
}

/** Whether a token ends a sentence: punctuation other than a comma or a dash. */
export function endsSentence(t: Token): boolean {
  return t.kind === 'punct' && t.norm !== ',' && t.norm !== '-';
}

function holdsNegator(ids: Int32Array, flags: Uint16Array, start: number, end: number): boolean {
  for (let j = start; j < end; j++) if (isNegator(ids, flags, j)) return true;
  return false;
}

function isNegator(ids: Int32Array, flags: Uint16Array, i: number): boolean {
  return hasFlag(ids, flags, i, NEGATOR);
}

/** Whether the word at `i` has any of the roles in `mask` (NEGATOR, BREAKER…). */
function hasFlag(ids: Int32Array, flags: Uint16Array, i: number, mask: number): boolean {
  const id = ids[i] as number;
  return id >= 0 && ((flags[id] as number) & mask) !== 0;
}

/**
 * Whether the coordinator at `i` joins two sentiment words of one polarity ("nicht freundlich und hilfsbereit", "pas
 * aimable et poli"), which a negation before them covers together; not a noun and what follows ("Kein Frühstück und
 * unfreundliches Personal"), a negated verb and a new clause ("Läuft nicht aus und sieht schön aus"), or words of
 * opposite polarity ("Nicht teuer und sehr lecker": not expensive, and tasty). Boosters after it are skipped. A
 * word of no valence joins a praise word when it follows "nicht"/"niet"/"pas"/"no" directly ("nicht warm und lecker",
 * "pas chaud et bon"): an adverb's negation covers the pair, where "kein"/"geen" negate a noun that "and" leaves
 * ("Kein WLAN und nettes Personal"); a German word written with a capital is a noun, left as well.
 */
function joinsSentimentWords(tokens: readonly Token[], ids: Int32Array, table: WordTable, i: number, negStart: number): boolean {
  const before = i > 0 ? (ids[i - 1] as number) : -1;
  if (before < 0 || (table.flags[before] as number) & NEGATOR) return false;
  let polarity = Math.sign(valenceOf(table, before));
  if (polarity === 0) {
    if (i - 2 !== negStart || !ADVERB_NEGATORS.has((tokens[negStart] as Token).norm)) return false;
    const raw = (tokens[i - 1] as Token).raw;
    if (table.language === 'de' && raw[0] !== raw[0]!.toLowerCase()) return false;
    polarity = 1;
  }
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    if (t.kind !== 'word') return false;
    const id = table.get(t.norm, t.hash);
    if (id < 0) return false;
    if (table.booster[id]) continue;
    return Math.sign(valenceOf(table, id)) === polarity;
  }
  return false;
}

/**
 * "believe how", "tell you how", "croire à quel point": a verb of believing or saying (LanguageRules.disbelief) right
 * before the exclamative word at `i`, or before one short word before it.
 */
function isDisbelief(tokens: readonly Token[], ids: Int32Array, table: WordTable, i: number): boolean {
  const isVerb = (k: number): boolean => {
    const id = ids[k];
    return id !== undefined && id >= 0 && ((table.flags[id] as number) & DISBELIEF_VERB) !== 0;
  };
  if (i >= 1 && isVerb(i - 1)) return true;
  const between = tokens[i - 1];
  return i >= 2 && between !== undefined && between.kind === 'word' && between.norm.length <= 3 && isVerb(i - 2);
}

/** "other than that", "apart from that", "aside from this", "besides that" ending at `i`: what came before is set aside. */
export function setsAsideWhatCameBefore(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (t.norm !== 'that' && t.norm !== 'this') return false;
  const p1 = tokens[i - 1]?.norm;
  const p2 = tokens[i - 2]?.norm;
  return (p1 === 'than' && p2 === 'other') || (p1 === 'from' && (p2 === 'apart' || p2 === 'aside')) || p1 === 'besides';
}

/** The negators that negate an adjective or a verb, not a noun: see joinsSentimentWords. */
const ADVERB_NEGATORS = new Set(['nicht', 'niet', 'pas', 'no']);

const valenceOf = (table: WordTable, id: number): number => {
  const v = table.valence[id] as number;
  return Number.isNaN(v) ? 0 : v;
};

/** Index of the negator that opened the scope ending at `i`, so the reason reads "not very good". */
function negationStart(tokens: readonly Token[], ids: Int32Array, flags: Uint16Array, i: number): number {
  for (let j = i - 1; j >= 0 && j >= i - NEGATION_SCOPE - 2; j--) {
    if ((tokens[j] as Token).kind === 'punct') break;
    if (isNegator(ids, flags, j)) return j;
  }
  return i;
}

/**
 * German and Dutch put the negator after what it negates at the end of a clause ("Ich kann es nicht
 * empfehlen" reads forward, "Das Essen schmeckte nicht." backward): when the clause's last word
 * is a negator, the words before it (up to the scope) are negated, and so is a predicate put first (fronted).
 */
function negateBack(tokens: readonly Token[], ids: Int32Array, table: WordTable, negated: Uint8Array, clauseStart: number, last: number): void {
  const { flags } = table;
  if (last < clauseStart || !isNegator(ids, flags, last)) return;
  let left = NEGATION_SCOPE;
  for (let j = last - 1; j >= clauseStart && left > 0; j--) {
    const t = tokens[j] as Token;
    // A breaker ends the scope backwards too: "Der Service war freundlich und gefiel uns nicht" keeps "freundlich".
    if (t.kind !== 'word' || hasFlag(ids, flags, j, NEGATOR | BREAKER | COORDINATOR)) break;
    if (!isComparative(table, tokens, ids, j, clauseStart)) negated[j] = 1;
    left--;
  }
  negateFronted(tokens, ids, table, negated, clauseStart, last);
}

/**
 * A main clause that opens with its predicate and a finite verb second ("Sauber und ordentlich war es nicht",
 * "Wiederkommen und weiterempfehlen werden wir sicher nicht", "Schoon en netjes was het niet") has the negator at
 * its end negate that predicate, however far back it stands: the backward scope stopped four words short, or at
 * "und". The front is one word, or two joined by "und"/"en", after an optional booster ("Sehr freundlich war…").
 * A fronted complaint word is left alone: "Leider" fronts clauses that a "nicht" ends, and is no predicate.
 */
function negateFronted(tokens: readonly Token[], ids: Int32Array, table: WordTable, negated: Uint8Array, clauseStart: number, last: number): void {
  const isWord = (j: number): boolean => j < last && (tokens[j] as Token).kind === 'word' && !hasFlag(ids, table.flags, j, NEGATOR | FINITE | COORDINATOR);
  let first = clauseStart;
  if (isWord(first) && (ids[first] as number) >= 0 && table.booster[ids[first] as number]) first++;
  if (!isWord(first)) return;
  let end = first + 1;
  if (hasFlag(ids, table.flags, end, COORDINATOR) && isWord(end + 1)) end += 2;
  // The finite verb, then at least one word before the negator ("Gut war es nicht", not "Gut ist nicht").
  if (end + 1 >= last || !hasFlag(ids, table.flags, end, FINITE)) return;
  for (let j = first; j < end; j++) {
    if (hasFlag(ids, table.flags, j, COORDINATOR)) continue;
    const id = ids[j] as number;
    if ((id >= 0 && (table.valence[id] as number) < 0) || isComparative(table, tokens, ids, j, clauseStart)) return;
  }
  for (let j = first; j < end; j++) if (!hasFlag(ids, table.flags, j, COORDINATOR)) negated[j] = 1;
}

/** The comparatives that a German or Dutch clause-final negator leaves as praise: "Besser geht es nicht". */
const IRREGULAR_COMPARATIVES = new Set(['besser', 'lieber', 'beter', 'liever']);

/**
 * A comparative of a praise word ("schöner", "netter", "beter", "lekkerder", "mooier") put first, right before the
 * finite verb: negated at the clause's end it is the highest praise, "Besser geht es nicht", "Schöner kann man nicht
 * wohnen", "Beter kan het niet" (they read as complaints). Read off the lexicon: the word less its "er" (Dutch "der"
 * after an r) is a praise word. Only there: elsewhere "-er" is an adjective's ending ("Ein guter Kauf war das nicht").
 */
function isComparative(table: WordTable, tokens: readonly Token[], ids: Int32Array, j: number, clauseStart: number): boolean {
  const w = (tokens[j] as Token).norm;
  if (w.length < 5 || !w.endsWith('er')) return false;
  if (IRREGULAR_COMPARATIVES.has(w)) return true;
  if (j !== clauseStart || !hasFlag(ids, table.flags, j + 1, FINITE)) return false;
  const praise = (stem: string): boolean => {
    const id = table.get(stem);
    return id >= 0 && (table.valence[id] as number) > 0;
  };
  return praise(w.slice(0, -2)) || (w.endsWith('rder') && praise(w.slice(0, -3)));
}

/**
 * A longer praise phrase over a complaint phrase is the reading: "the lamb fell apart in my mouth" is no "fell apart",
 * "so slow cooked" no "so slow". A complaint as long as the praise inside it still wins ("wont be returning").
 */
function outweighedByPraise(praiseLen: Uint8Array, h: PhraseHit<PhraseTag>): boolean {
  for (let j = h.start; j < h.end; j++) if ((praiseLen[j] as number) > h.end - h.start) return true;
  return false;
}

/**
 * Marks in `span` (zeroed) the length of the longest praise phrase over each token, and says whether the text has
 * one. Linear in the phrases' length: a review may be thousands of phrases long.
 */
function markPraiseSpans(hits: readonly PhraseHit<PhraseTag>[], span: Uint8Array): boolean {
  let any = false;
  for (const p of hits) {
    if (p.value.kind !== 'praise') continue;
    any = true;
    const len = Math.min(255, p.end - p.start);
    for (let j = p.start; j < p.end; j++) if ((span[j] as number) < len) span[j] = len;
  }
  return any;
}

/** Names of the dense (non-word) model inputs, in the order `denseFeatures` fills them. */
export const DENSE_FEATURES = [
  'lex_density', 'lex_compound', 'lex_balance', 'complaint', 'praise', 'sarcasm', 'exclaim', 'question', 'negators', 'neg_cues',
] as const;

/** The model's dense inputs: lexicon evidence normalised so a one-line review and a long one compare. */
export function denseFeatures(a: TextAnalysis, out: Float64Array = new Float64Array(DENSE_FEATURES.length)): Float64Array {
  const len = Math.sqrt(a.nWords + 4);
  const lex = a.lexPos + a.lexNeg;
  const total = lex + a.complaint + a.praise;
  const sign = total < 0 ? -1 : total > 0 ? 1 : 0;
  let negCues = 0;
  for (const c of a.cues) if (c.valence < 0) negCues++;
  out[0] = lex / len;
  out[1] = total / Math.sqrt(total * total + 15);
  out[2] = (a.lexPos + a.praise + a.lexNeg + a.complaint) / (a.lexPos + a.praise - a.lexNeg - a.complaint + 1);
  out[3] = a.complaint / len;
  out[4] = a.praise / len;
  out[5] = Math.min(a.sarcasm, 2);
  out[6] = Math.min(a.exclaim, 4) * sign * 0.25;
  out[7] = Math.min(a.question, 3) / len;
  out[8] = a.negators / len;
  out[9] = negCues / len;
  return out;
}

/**
 * Calls `sink` for each word and word-pair feature: `w`, `!w` inside a negation scope, and
 * `w1 w2`. Values carry the clause weight and are scaled by 1/sqrt(length), so a short review
 * and a long one land on a comparable scale.
 */
export function forEachNgram(a: TextAnalysis, sink: (key: string, value: number, start: number, end: number) => void): void {
  const { tokens, weight, negated } = a;
  const scale = 1 / Math.sqrt(a.nWords + 4);
  let prev = -1;
  // Intensifiers are transparent for pairs too: "was extremely bad" also yields "was bad", so an
  // intensifier never loses the pair the model knows.
  let beforeBooster = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct' || t.kind === 'number') {
      prev = -1;
      beforeBooster = -1;
      continue;
    }
    const w = (weight[i] as number) * scale;
    sink(negated[i] ? '!' + t.norm : t.norm, w, i, i + 1);
    if (prev >= 0) sink((tokens[prev] as Token).norm + ' ' + t.norm, w, prev, i + 1);
    if (beforeBooster >= 0) sink((tokens[beforeBooster] as Token).norm + ' ' + t.norm, w, beforeBooster, i + 1);
    const id = a.ids[i] as number;
    if (id >= 0 && a.table.booster[id]) {
      if (beforeBooster < 0) beforeBooster = prev;
    } else beforeBooster = -1;
    prev = i;
  }
}
