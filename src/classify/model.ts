import { DENSE_FEATURES, denseFeatures, forEachNgram, type TextAnalysis } from './features.js';

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
  readonly valence: ReadonlyMap<string, number>;
  private readonly weights: Map<string, number>;
  private readonly denseWeights: Float64Array;
  private readonly bias: number;
  private readonly dense = new Float64Array(DENSE_FEATURES.length);

  constructor(file: ModelFile) {
    if (file.format !== 1) throw new Error(`Unsupported model format ${String(file.format)}`);
    this.bias = file.bias;
    this.weights = zipMap(file.ngrams.keys, file.ngrams.weights);
    this.valence = zipMap(file.lexicon.words, file.lexicon.valences);
    this.denseWeights = new Float64Array(DENSE_FEATURES.length);
    DENSE_FEATURES.forEach((name, i) => {
      const j = file.dense.names.indexOf(name);
      if (j < 0) throw new Error(`Model has no weight for dense feature "${name}": retrain with npm run train`);
      this.denseWeights[i] = file.dense.weights[j] ?? 0;
    });
  }

  /** Logit of the negative class for an analysed text; `topK` strongest n-grams are kept for reasons. */
  score(a: TextAnalysis, topK = 0): ModelScore {
    const d = denseFeatures(a, this.dense);
    let lexical = 0;
    for (let i = 0; i < d.length; i++) lexical += (d[i] as number) * (this.denseWeights[i] as number);
    let ngram = 0;
    const top: NgramContribution[] = [];
    const weights = this.weights;
    forEachNgram(a, (key, value, start, end) => {
      const w = weights.get(key);
      if (w === undefined) return;
      const c = w * value;
      ngram += c;
      if (topK > 0) top.push({ key, value: c, start, end });
    });
    if (topK > 0) {
      top.sort((x, y) => Math.abs(y.value) - Math.abs(x.value));
      if (top.length > topK) top.length = topK;
    }
    return { logit: this.bias + lexical + ngram, lexical, ngram, top };
  }
}

function zipMap(keys: readonly string[], values: readonly number[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) m.set(keys[i] as string, values[i] ?? 0);
  return m;
}
