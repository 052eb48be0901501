import { buildWordTable, DENSE_FEATURES, denseFeatures, wordInfo, type TextAnalysis, type WordTable } from './features.js';
import type { Token } from './tokenize.js';

/** The trained model file as `npm run train` writes it (arrays, not objects: small and quick to parse). */
export interface ModelFile {
  format: 1;
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
  private readonly denseWeights: Float64Array;
  private readonly bias: number;
  private readonly dense = new Float64Array(DENSE_FEATURES.length);

  constructor(file: ModelFile) {
    if (file.format !== 1) throw new Error(`Unsupported model format ${String(file.format)}`);
    this.bias = file.bias;
    // Split by shape so scoring never builds a key string: "w", "!w" (negated) and "w1 w2" (two levels).
    this.words = buildWordTable(zipMap(file.lexicon.words, file.lexicon.valences));
    file.ngrams.keys.forEach((key, i) => {
      const w = file.ngrams.weights[i] ?? 0;
      const space = key.indexOf(' ');
      if (space > 0) {
        const e = wordInfo(this.words, key.slice(0, space));
        if (!e.bigrams) e.bigrams = new Map();
        e.bigrams.set(key.slice(space + 1), w);
      } else if (key.startsWith('!') && key.length > 1) wordInfo(this.words, key.slice(1)).neg = w;
      else wordInfo(this.words, key).uni = w;
    });
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

  /** Logit of the negative class for an analysed text; `topK` strongest n-grams are kept for reasons. */
  score(a: TextAnalysis, topK = 0): ModelScore {
    const d = denseFeatures(a, this.dense);
    let lexical = 0;
    for (let i = 0; i < d.length; i++) lexical += (d[i] as number) * (this.denseWeights[i] as number);
    let ngram = 0;
    let n = 0;
    // Same features as forEachNgram (the trainer's definition), computed without allocating keys.
    const { tokens, weight, negated, infos } = a;
    const scale = 1 / Math.sqrt(a.nWords + 4);
    let prev: Map<string, number> | undefined;
    let prevIndex = -1;
    // Pairs skip over intensifiers as well (see forEachNgram).
    let skip: Map<string, number> | undefined;
    let skipIndex = -1;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (t.kind === 'punct' || t.kind === 'number') {
        prev = undefined;
        prevIndex = -1;
        skip = undefined;
        skipIndex = -1;
        continue;
      }
      const v = (weight[i] as number) * scale;
      const info = infos[i];
      const w = info === undefined ? 0 : negated[i] ? info.neg : info.uni;
      if (w !== 0) {
        ngram += w * v;
        if (topK > 0) n = this.keep(n, w * v, i, i + 1);
      }
      if (prev !== undefined) {
        const wb = prev.get(t.norm); // the only second look-up: bigrams are keyed under their first word
        if (wb !== undefined) {
          ngram += wb * v;
          if (topK > 0) n = this.keep(n, wb * v, prevIndex, i + 1);
        }
      }
      if (skip !== undefined) {
        const wb = skip.get(t.norm);
        if (wb !== undefined) {
          ngram += wb * v;
          if (topK > 0) n = this.keep(n, wb * v, skipIndex, i + 1);
        }
      }
      if (info?.booster) {
        if (skipIndex < 0) {
          skip = prev;
          skipIndex = prevIndex;
        }
      } else {
        skip = undefined;
        skipIndex = -1;
      }
      prev = info?.bigrams;
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

function zipMap(keys: readonly string[], values: readonly number[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) m.set(keys[i] as string, values[i] ?? 0);
  return m;
}
