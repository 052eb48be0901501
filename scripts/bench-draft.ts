/**
 * npm run bench:draft [-- --quick]
 * Reply drafting throughput on one core, in drafts per CPU-second, on the negative train reviews cut to
 * about 60 words (as the pipeline benchmark feeds them), with the pipeline benchmark's business config.
 * Verdicts come from `fallbackVerdict` (rating and keywords), not the classifier, so the number moves only
 * when drafting does. Exports benchDraft so a combined benchmark can call it.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Review } from '../src/domain/review.js';
import type { Verdict } from '../src/domain/verdict.js';
import { draftReply, fallbackVerdict, type DraftContext } from '../src/draft/index.js';
import { loadTrainSet } from './lib/data.js';
import { median } from './lib/stats.js';

export interface DraftBench {
  /** Drafts per second of CPU time in the fastest round: what one core does when it is ours. */
  draftsPerSec: number;
  microsPerDraft: number;
  medianDraftsPerSec: number;
  rounds: number;
  drafts: number;
}

const WORDS_PER_REVIEW = 60;

/** The negative train reviews as stored reviews with their fallback verdicts, ids fixed so runs compare. */
export function benchDraftInputs(): { review: Review; verdict: Verdict }[] {
  return loadTrainSet()
    .filter((t) => t.negative)
    .map((t, i) => {
      const text = t.text.split(/\s+/).slice(0, WORDS_PER_REVIEW).join(' ');
      const review: Review = {
        id: `bench-${i.toString(16).padStart(16, '0')}`,
        sourceId: 'bench',
        platformId: `p${i}`,
        author: 'Dana Reyes',
        title: t.title,
        text,
        rating: t.rating,
        contentHash: 'h',
        fetchedAt: '2026-01-01T00:00:00.000Z',
      };
      return { review, verdict: fallbackVerdict({ text, title: t.title, rating: t.rating }) };
    });
}

/** The pipeline benchmark's business (scripts/bench/setup.ts), default limit (4096). */
const CONTEXT: DraftContext = {
  business: { name: 'Harbor Bistro', contact: { email: 'care@harborbistro.example', phone: '+1 555 0100' }, signature: 'Maya, Guest Relations', tone: 'friendly', language: 'en', replyLanguage: 'reviewer' },
  sourceId: 'bench',
};

/**
 * Runs rounds over all inputs and reports the best and median round by CPU time (best = least disturbed
 * by other processes on a shared machine). `quick`: 3 rounds instead of 8.
 */
export function benchDraft({ quick = false }: { quick?: boolean } = {}): DraftBench {
  const inputs = benchDraftInputs();
  let sink = 0;
  for (const { review, verdict } of inputs) sink += draftReply(review, verdict, CONTEXT).reply.length; // warm-up
  const rounds = quick ? 3 : 8;
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const cpu = process.cpuUsage();
    for (const { review, verdict } of inputs) sink += draftReply(review, verdict, CONTEXT).reply.length;
    const used = process.cpuUsage(cpu);
    rates.push(inputs.length / ((used.user + used.system) / 1e6));
  }
  if (sink === 0) throw new Error('no drafts');
  const sorted = [...rates].sort((a, b) => b - a);
  const best = sorted[0]!;
  return {
    draftsPerSec: Math.round(best),
    microsPerDraft: Math.round((1e6 / best) * 10) / 10,
    medianDraftsPerSec: Math.round(median(rates)),
    rounds,
    drafts: inputs.length,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(benchDraft({ quick: process.argv.includes('--quick') })));
}
