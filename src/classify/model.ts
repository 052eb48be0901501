import { buildWordTable, DENSE_FEATURES, denseFeatures, normaliseWord, type TextAnalysis } from './features.js';
import { LANGUAGE_RULES, type LanguageRules } from './lang/index.js';
import { foldAccents, type Token } from './tokenize.js';
import type { WordTable } from './word-table.js';

/** The trained model file as `npm run train` writes it (arrays, not objects: small and quick to parse). */
export interface ModelFile {
  format: 1;
  /** ISO 639-1 language the model reads (its closed-class words and phrases come from lang/); English when absent. */
  language?: string | undefined;
  /** How the file was made, for anyone wondering where the numbers came from. */
  meta: Record<string, unknown>;
  bias: number;
  dense: { names: string[]; weights: number[] };
  ngrams: { keys: string[]; weights: number[] };
  lexicon: { words: string[]; valences: number[] };
}

/** One n-gram's push on the logit, kept so `reasons` can quote the words that weighed most. */
export interface NgramContribution {
  key: string;
  value: number;
  start: number;
  end: number;
}

/** The logit of "negative" and the parts it was summed from. */
export interface ModelScore {
  logit: number;
  lexical: number;
  ngram: number;
  top: NgramContribution[];
}

/** A loaded logistic-regression model: weights over word/bigram features plus lexicon features. */
export class SentimentModel {
  /** Lexicon and learned weights by word: what analyzeText and score look tokens up in. */
  readonly words: WordTable;
  private readonly pairs: PairTable;
  private readonly denseWeights: Float64Array;
  private readonly bias: number;
  private readonly dense = new Float64Array(DENSE_FEATURES.length);
  /** Whether the model learned word weights (English), or is its language's lexicon alone (the others, scripts/train.ts). */
  readonly learned: boolean;

  constructor(file: ModelFile) {
    if (file.format !== 1) throw new Error(`Unsupported model format ${String(file.format)}`);
    this.bias = file.bias;
    // Words get their ids in the order the file names them (`npm run train` writes the most frequent
    // first): the entries nearly every review reads then sit together in memory, which measured a few
    // per cent faster than the alphabetical order of the lexicon.
    const order: string[] = [];
    for (const key of file.ngrams.keys) for (const w of (key.startsWith('!') ? key.slice(1) : key).split(' ')) order.push(w);
    const rules = LANGUAGE_RULES[file.language ?? 'en'];
    if (!rules) throw new Error(`Model language "${String(file.language)}" has no rules in src/classify/lang/`);
    const valence = withRules(zipMap(file.lexicon.words, file.lexicon.valences), rules);
    this.words = buildWordTable(valence, [...order, ...file.lexicon.words], rules);
    // Split by shape so scoring never builds a key string: "w", "!w" (negated) and "w1 w2" (two levels).
    this.learned = file.ngrams.keys.length > 0;
    const pairKeys = file.ngrams.keys.filter((k) => k.indexOf(' ') > 0).length;
    this.pairs = new PairTable(pairKeys);
    file.ngrams.keys.forEach((key, i) => {
      const w = file.ngrams.weights[i] ?? 0;
      const space = key.indexOf(' ');
      if (space > 0) {
        this.pairs.set(this.words.entry(key.slice(0, space)), this.words.entry(key.slice(space + 1)), w);
      } else if (key.startsWith('!') && key.length > 1) {
        const id = this.words.entry(key.slice(1));
        this.words.neg[id] = w;
      } else {
        const id = this.words.entry(key);
        this.words.uni[id] = w;
      }
    });
    // Pairs are keyed by two 16-bit word ids, and any word of a text may be looked up in a pair.
    if (this.words.size > MAX_PAIR_ID + 1) throw new Error(`Model has ${this.words.size} words; word pairs are keyed for at most ${MAX_PAIR_ID + 1}`);
    this.denseWeights = new Float64Array(DENSE_FEATURES.length);
    DENSE_FEATURES.forEach((name, i) => {
      const j = file.dense.names.indexOf(name);
      if (j < 0) throw new Error(`Model has no weight for dense feature "${name}": retrain with npm run train`);
      this.denseWeights[i] = file.dense.weights[j] ?? 0;
    });
  }

  private keep(n: number, value: number, start: number, end: number): number {
    if (n >= contribValue.length) return n;
    contribValue[n] = value;
    contribStart[n] = start;
    contribEnd[n] = end;
    return n + 1;
  }

  private topContributions(n: number, k: number, tokens: readonly Token[]): NgramContribution[] {
    const out: NgramContribution[] = [];
    for (let round = 0; round < k && round < n; round++) {
      let best = -1;
      let bestAbs = 0;
      for (let i = 0; i < n; i++) {
        const abs = Math.abs(contribValue[i] as number);
        if (abs > bestAbs) {
          bestAbs = abs;
          best = i;
        }
      }
      if (best < 0) break;
      const start = contribStart[best] as number;
      const end = contribEnd[best] as number;
      let key = '';
      for (let j = start; j < end; j++) key += (j > start ? ' ' : '') + (tokens[j] as Token).norm;
      out.push({ key, value: contribValue[best] as number, start, end });
      contribValue[best] = 0;
    }
    return out;
  }

  /**
   * What the learned n-grams over tokens [lo, hi) add to the logit, without the text's length scale: above 0 those words
   * lean towards a complaint. Tells which clause of a review complains when no word of the lexicon does ("but the
   * queue was really slow"). The same unigrams and pairs as `score`, pairs skipping intensifiers: keep the two loops
   * alike. One method serving both (span, scale, topK as arguments) read the same verdicts but measured 3–4% slower on
   * `score`, the classifier's hot path, in four of five alternating bench runs.
   */
  lean(a: TextAnalysis, lo: number, hi: number): number {
    const { tokens, weight, negated, ids } = a;
    const { uni, neg, booster } = this.words;
    const pairs = this.pairs;
    let sum = 0;
    let prev = -1;
    let skip = -1;
    // Whether a skip is under way (its word may be unknown: skip -1) and whether a word came before in the run, as
    // `score` tracks them by index.
    let skipping = false;
    let hasPrev = false;
    for (let i = lo; i < hi; i++) {
      const t = tokens[i] as Token;
      if (t.kind === 'punct' || t.kind === 'number') {
        prev = -1;
        skip = -1;
        skipping = false;
        hasPrev = false;
        continue;
      }
      const id = ids[i] as number;
      const v = weight[i] as number;
      if (id >= 0) sum += (negated[i] ? (neg[id] as number) : (uni[id] as number)) * v;
      if (prev >= 0 && id >= 0) sum += pairs.get(prev, id) * v;
      if (skip >= 0 && id >= 0) sum += pairs.get(skip, id) * v;
      if (id >= 0 && booster[id]) {
        if (!skipping && hasPrev) {
          skip = prev;
          skipping = true;
        }
      } else {
        skip = -1;
        skipping = false;
      }
      prev = id;
      hasPrev = true;
    }
    return sum;
  }

  /** Logit of the negative class for an analysed text; `topK` strongest n-grams are kept for reasons. */
  score(a: TextAnalysis, topK = 0): ModelScore {
    const d = denseFeatures(a, this.dense);
    let lexical = 0;
    for (let i = 0; i < d.length; i++) lexical += (d[i] as number) * (this.denseWeights[i] as number);
    let ngram = 0;
    let n = 0;
    // Same features as forEachNgram (the trainer's definition), computed without allocating keys.
    const { tokens, weight, negated, ids } = a;
    const { uni, neg, booster } = this.words;
    const scale = 1 / Math.sqrt(a.nWords + 4);
    const pairs = this.pairs;
    let prev = -1; // word id of the previous token, -1 when it has none
    let prevIndex = -1;
    // Pairs skip over intensifiers as well (see forEachNgram).
    let skip = -1;
    let skipIndex = -1;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (t.kind === 'punct' || t.kind === 'number') {
        prev = -1;
        prevIndex = -1;
        skip = -1;
        skipIndex = -1;
        continue;
      }
      const v = (weight[i] as number) * scale;
      const id = ids[i] as number;
      const w = id < 0 ? 0 : negated[i] ? (neg[id] as number) : (uni[id] as number);
      if (w !== 0) {
        ngram += w * v;
        if (topK > 0) n = this.keep(n, w * v, i, i + 1);
      }
      if (prev >= 0 && id >= 0) {
        const wb = pairs.get(prev, id);
        if (wb !== 0) {
          ngram += wb * v;
          if (topK > 0) n = this.keep(n, wb * v, prevIndex, i + 1);
        }
      }
      if (skip >= 0 && id >= 0) {
        const wb = pairs.get(skip, id);
        if (wb !== 0) {
          ngram += wb * v;
          if (topK > 0) n = this.keep(n, wb * v, skipIndex, i + 1);
        }
      }
      if (id >= 0 && booster[id]) {
        if (skipIndex < 0) {
          skip = prev;
          skipIndex = prevIndex;
        }
      } else {
        skip = -1;
        skipIndex = -1;
      }
      prev = id;
      prevIndex = i;
    }
    const top = topK > 0 ? this.topContributions(n, topK, tokens) : [];
    return { logit: this.bias + lexical + ngram, lexical, ngram, top };
  }
}

// Contributions are kept in reusable typed arrays and only the top few become objects: the
// classifier is called tens of thousands of times a second and garbage is the main cost.
const contribValue = new Float64Array(4096);
const contribStart = new Int32Array(4096);
const contribEnd = new Int32Array(4096);

/**
 * Word-pair weights in an open-addressing hash table over typed arrays, keyed by the two word ids.
 * A Map per first word meant a cache miss per pair. Each slot is two 32-bit cells side by side (the
 * pair's key, both ids packed, and the weight as float32): 8 bytes a slot keeps the table at half a
 * megabyte for the shipped model, small enough to stay in a core's L2 cache with the word table.
 */
class PairTable {
  private readonly cells: Int32Array;
  /** The same memory as `cells`, read as float32: the weight of slot k is weights[2k + 1]. */
  private readonly weights: Float32Array;
  private readonly mask: number;

  constructor(size: number) {
    let cap = 16;
    while (cap < size * 2) cap <<= 1;
    this.cells = new Int32Array(cap * 2).fill(EMPTY);
    this.weights = new Float32Array(this.cells.buffer);
    this.mask = cap - 1;
  }

  set(a: number, b: number, w: number): void {
    const cells = this.cells;
    const key = pairKey(a, b);
    let h = hashPair(a, b) & this.mask;
    while (cells[h * 2] !== EMPTY && cells[h * 2] !== key) h = (h + 1) & this.mask;
    cells[h * 2] = key;
    this.weights[h * 2 + 1] = w;
  }

  /** Weight of the pair, 0 when the model has none. */
  get(a: number, b: number): number {
    const cells = this.cells;
    const key = pairKey(a, b);
    let h = hashPair(a, b) & this.mask;
    for (;;) {
      const k = cells[h * 2] as number;
      if (k === key) return this.weights[h * 2 + 1] as number;
      if (k === EMPTY) return 0;
      h = (h + 1) & this.mask;
    }
  }
}

/** Word ids go up to this in a pair key (16 bits each); the shipped model has about 19,000 words. */
const MAX_PAIR_ID = 0xfffe;
/** No pair has this key: it would take two ids of 0xffff, above MAX_PAIR_ID. */
const EMPTY = -1;

function pairKey(a: number, b: number): number {
  return (a << 16) | b;
}

function hashPair(a: number, b: number): number {
  return Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
}

/**
 * The file's lexicon with the language's core words laid over it, and the inflected forms of both
 * (German and Romance adjectives agree: "schlecht", "schlechte", "schlechten"). A form the lexicon
 * lists itself keeps its own valence. A translated lexicon gives function words valences of the
 * English words they translate ("plus", "zeer", "si"…): the language's closed-class words keep
 * none, and a core word of valence 0 takes a word out ("prix" is a price in a review, not a prize).
 */
function withRules(lexicon: Map<string, number>, rules: LanguageRules): Map<string, number> {
  if (rules.code !== 'en') {
    const closed = [...rules.stopWords, ...rules.negators, ...rules.negationBreakers, ...rules.contrastAfter, ...rules.concessiveOpeners,
      ...rules.boosters.map(([w]) => w)];
    for (const w of closed) lexicon.delete(normaliseWord(w));
  }
  for (const [w, v] of rules.lexicon) if (!w.includes(' ')) lexicon.set(normaliseWord(w), v);
  const forms = new Map<string, number>();
  for (const [w, v] of lexicon) {
    // A form is the normalised word with another ending: only its accents may need folding now it is longer.
    for (const form of rules.inflections(w)) {
      const f = foldAccents(form);
      if (!lexicon.has(f)) forms.set(f, v);
    }
    // "superlecker", "supervriendelijk", "superbueno": one word in most languages other than English. A word the
    // lexicon lists keeps its own valence here too: "superestimado" (overrated) is no praise for "estimado".
    if (rules.code !== 'en' && v >= 1.5 && !w.startsWith('super') && !lexicon.has('super' + w)) forms.set('super' + w, Math.min(4, v * 1.2));
  }
  for (const [f, v] of forms) lexicon.set(f, v);
  for (const [w, v] of lexicon) if (v === 0) lexicon.delete(w);
  return lexicon;
}

function zipMap(keys: readonly string[], values: readonly number[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) m.set(keys[i] as string, values[i] ?? 0);
  return m;
}
