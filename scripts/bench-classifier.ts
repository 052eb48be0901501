/**
 * npm run bench:classify [-- --quick] [--json]
 * Runs the esbuild bundle of this script (scripts/.build/, built by npm run build:bench), as the service
 * runs its bundle (dist/): tsx's transform names every closure it creates, which costs the classifier
 * about a tenth and is not what runs in production.
 * Classifier throughput on one core, on reviews of typical length (about 60 words) cut from the
 * train set texts. Exports benchClassifier so a combined benchmark can call it.
 *
 *   --languages   also each other language with data (the dev and tuning sets under
 *                 $REVIEW_LANG_DATA_DIR, joined into reviews of about 60 words), language detected as
 *                 in production; a language without data is reported as missing. Target 30,000.
 *
 * Instructions per review, repeatable on a busy machine (CPU time is not):
 *   valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/cg.out \
 *     node scripts/.build/bench-classifier.mjs --callgrind
 * counts one round of the reviews after two warm-up rounds; divide callgrind's total by the reviews.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from '../src/classify/index.js';
import type { ClassifyInput } from '../src/domain/verdict.js';
import { DEV_LANGUAGES, langDataDir, loadDevSet, loadJsonl, loadTrainSet } from './lib/data.js';
import { join } from 'node:path';
import { median } from './lib/stats.js';

/** Result of one benchmark run: the best round and the median round. */
export interface ClassifierBench {
  /** Reviews per second of CPU time in the fastest round: what one core does when it is ours. */
  reviewsPerSec: number;
  medianReviewsPerSec: number;
  /** Reviews per second of wall-clock time in the fastest round (lower when the machine is busy). */
  wallReviewsPerSec: number;
  rounds: number;
  reviews: number;
  avgWords: number;
  seconds: number;
}

const WORDS_PER_REVIEW = 60;

/** Reviews of about 60 words: the first 60 words of each train review, with its title and no rating. */
export function benchReviews(): ClassifyInput[] {
  return loadTrainSet().map((r) => ({ title: r.title, text: r.text.split(/\s+/).slice(0, WORDS_PER_REVIEW).join(' ') }));
}

/**
 * Reviews of about 60 words in one language: its dev and tuning sentences joined in order, no rating
 * and no language given; undefined when the language has no data.
 */
export function languageBenchReviews(code: string): ClassifyInput[] | undefined {
  const dir = langDataDir();
  const sentences = [...(loadDevSet(code, dir) ?? []), ...(loadJsonl(join(dir, 'tune', `${code}.jsonl`)) ?? [])].map((r) => r.text);
  if (sentences.length === 0) return undefined;
  const out: ClassifyInput[] = [];
  let words: string[] = [];
  // Each sentence starts one review and the ones after it fill it up: as many reviews as sentences.
  for (let i = 0; i < sentences.length; i++) {
    words = [];
    for (let j = i; words.length < WORDS_PER_REVIEW && j < i + sentences.length; j++) words.push(...sentences[j % sentences.length]!.split(/\s+/));
    out.push({ text: words.slice(0, WORDS_PER_REVIEW).join(' ') });
  }
  return out;
}

/**
 * Measures classifier throughput on one core, in reviews per second of CPU time. Runs several
 * rounds over the reviews (the 4000 English ones by default) and reports the best and the median, as
 * timeit does: on a shared machine the best round is the one least slowed by other processes.
 * `quick` runs 3 rounds, not 10.
 */
export async function benchClassifier({ quick = false, reviews = benchReviews() }: { quick?: boolean; reviews?: ClassifyInput[] } = {}): Promise<ClassifierBench> {
  const avgWords = reviews.reduce((n, r) => n + r.text.split(/\s+/).length, 0) / reviews.length;
  // Warm-up: let V8 optimise the hot paths before timing.
  for (let i = 0; i < (quick ? 4000 : 12000); i++) classify(reviews[i % reviews.length]!);
  const rounds = quick ? 3 : 10;
  const rates: number[] = [];
  const wallRates: number[] = [];
  let sink = 0;
  let total = 0;
  let seconds = 0;
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    for (const r of reviews) if (classify(r).negative) sink++;
    const used = process.cpuUsage(cpu);
    const s = Number(process.hrtime.bigint() - start) / 1e9;
    // CPU time, not wall time: other processes on a shared machine take the core away in bursts.
    const cpuSeconds = (used.user + used.system) / 1e6;
    rates.push(reviews.length / Math.max(cpuSeconds, 1e-9));
    wallRates.push(reviews.length / s);
    total += reviews.length;
    seconds += s;
    // Let timers and I/O of a host process run between rounds.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (sink < 0) console.log(sink); // keeps the results observable so nothing is optimised away
  rates.sort((a, b) => a - b);
  wallRates.sort((a, b) => a - b);
  return {
    reviewsPerSec: rates[rates.length - 1]!,
    medianReviewsPerSec: median(rates),
    wallReviewsPerSec: wallRates[wallRates.length - 1]!,
    rounds,
    reviews: total,
    avgWords,
    seconds,
  };
}

/** Classifies the reviews twice to warm up, then once with callgrind's instrumentation switched on. */
function callgrindRound(): void {
  const reviews = benchReviews();
  let sink = 0;
  for (let round = 0; round < 2; round++) for (const r of reviews) if (classify(r).negative) sink++;
  execFileSync('callgrind_control', ['-i', 'on', String(process.pid)], { stdio: 'ignore' });
  for (const r of reviews) if (classify(r).negative) sink++;
  execFileSync('callgrind_control', ['-i', 'off', String(process.pid)], { stdio: 'ignore' });
  console.log(`callgrind: instrumented 1 round of ${reviews.length} reviews (${sink} negative in 3 rounds); instructions per review = total / ${reviews.length}`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--callgrind')) return callgrindRound();
  const quick = process.argv.includes('--quick');
  const r = await benchClassifier({ quick });
  if (process.argv.includes('--json')) return void process.stdout.write(`${JSON.stringify(r)}\n`);
  const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
  const line = (name: string, r: ClassifierBench, target: string): string =>
    `${name}: ${fmt(r.reviewsPerSec)} reviews per CPU-second on one core (best of ${r.rounds} rounds; median ${fmt(r.medianReviewsPerSec)}; ` +
    `wall clock best ${fmt(r.wallReviewsPerSec)}/s), ${r.reviews} reviews of ~${r.avgWords.toFixed(0)} words; target ${target}`;
  console.log(line('classifier (en)', r, '50,000'));
  if (!process.argv.includes('--languages')) return;
  for (const code of DEV_LANGUAGES) {
    const reviews = languageBenchReviews(code);
    if (!reviews) console.log(`classifier (${code}): no data (${langDataDir()}/dev/${code}.jsonl missing)`);
    else console.log(line(`classifier (${code})`, await benchClassifier({ quick, reviews }), '30,000'));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
