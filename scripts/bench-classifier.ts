/**
 * npm run bench:classify [-- --quick]
 * Classifier throughput on one core, on reviews of typical length (about 60 words) cut from the
 * train set texts. Exports benchClassifier so a combined benchmark can call it.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from '../src/classify/index.js';
import type { ClassifyInput } from '../src/domain/verdict.js';
import { loadTrainSet } from './lib/data.js';

/** Result of one benchmark run. */
export interface ClassifierBench {
  reviewsPerSec: number;
  reviews: number;
  avgWords: number;
  seconds: number;
}

const WORDS_PER_REVIEW = 60;

/** Reviews of about 60 words: the first 60 words of each train review, with its title and no rating. */
export function benchReviews(): ClassifyInput[] {
  return loadTrainSet().map((r) => ({ title: r.title, text: r.text.split(/\s+/).slice(0, WORDS_PER_REVIEW).join(' ') }));
}

/** Measures classifier throughput (reviews/s) on one core; `quick` runs for about half a second. */
export async function benchClassifier({ quick = false }: { quick?: boolean } = {}): Promise<ClassifierBench> {
  const reviews = benchReviews();
  const avgWords = reviews.reduce((n, r) => n + r.text.split(/\s+/).length, 0) / reviews.length;
  // Warm-up: let V8 optimise the hot paths before timing.
  for (let i = 0; i < (quick ? 2000 : 10000); i++) classify(reviews[i % reviews.length]!);
  const budgetNs = BigInt(quick ? 5e8 : 3e9);
  let count = 0;
  let sink = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < budgetNs) {
    for (const r of reviews) if (classify(r).negative) sink++;
    count += reviews.length;
    elapsed = process.hrtime.bigint() - start;
  }
  const seconds = Number(elapsed) / 1e9;
  if (sink < 0) console.log(sink); // keeps the results observable so nothing is optimised away
  return { reviewsPerSec: count / seconds, reviews: count, avgWords, seconds };
}

async function main(): Promise<void> {
  const r = await benchClassifier({ quick: process.argv.includes('--quick') });
  console.log(
    `classifier: ${Math.round(r.reviewsPerSec).toLocaleString('en-US')} reviews/s on one core ` +
      `(${r.reviews} reviews of ~${r.avgWords.toFixed(0)} words in ${r.seconds.toFixed(2)} s; target 50,000)`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
