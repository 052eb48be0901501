import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue, Worker } from 'bullmq';
import { jobSchemas } from '../../src/queues.js';
import { createRedis } from '../../src/redis.js';
import { startWorkers } from '../../workers/index.js';
import { enqueueAnalysis } from '../../workers/poll-worker.js';
import type { Review } from '../../src/domain/review.js';
import type { AppContext } from '../../src/context.js';
import { median } from '../lib/stats.js';
import { BENCH_REDIS_URL, benchContext, benchReviews, until } from './setup.js';

/** Reviews/s from parsed reviews to stored + classified + drafted + alert enqueued, versus BullMQ's no-op job rate. */
export interface PipelineBench {
  /** Best round of each side, and their ratio. */
  reviewsPerSec: number;
  bullmqNoopPerSec: number;
  ratio: number;
  /** The median of the rounds' own ratios (pipeline round / the no-op round beside it). */
  medianRoundRatio: number;
  rounds: { reviewsPerSec: number; bullmqNoopPerSec: number }[];
  reviews: number;
  negative: number;
  alertsEnqueued: number;
  notifyJobs: number;
  /** CPU time per review and per no-op job, this process (all its threads) and Redis apart: where the time goes. */
  cpuMicros: { review: { node: number; redis: number }; noopJob: { node: number; redis: number } };
}

/** CPU seconds used so far by this process (every thread) and by the Redis server. */
async function cpuNow(redis: { info(section: string): Promise<string> }): Promise<{ node: number; redis: number }> {
  const info = await redis.info('cpu');
  const field = (name: string): number => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  const u = process.cpuUsage();
  return { node: (u.user + u.system) / 1e6, redis: field('used_cpu_user') + field('used_cpu_sys') };
}

/** BullMQ's no-op job: an empty job added (bulk adds) and processed (concurrent worker), nothing else. */
async function noopRunner(prefix: string): Promise<{ round(count: number): Promise<number>; close(): Promise<void> }> {
  const connection = createRedis(BENCH_REDIS_URL, { name: 'bench-noop' });
  const queue = new Queue('noop', { connection, prefix, defaultJobOptions: { removeOnComplete: true } });
  let done = 0;
  const worker = new Worker('noop', async () => undefined, { connection, prefix, concurrency: 50, autorun: false });
  worker.on('completed', () => void (done += 1));
  const running = worker.run();
  return {
    async round(count) {
      const target = done + count;
      const started = performance.now();
      for (let i = 0; i < count; i += 500) {
        await queue.addBulk(Array.from({ length: Math.min(500, count - i) }, (_, j) => ({ name: 'noop', data: { i: i + j } })));
      }
      // Checked every 2 ms on both sides: a round ends with its last item, not up to a polling interval later.
      await until(async () => done >= target, 300_000, 'no-op jobs', 2);
      return (performance.now() - started) / 1000;
    },
    async close() {
      await worker.close();
      await running;
      await queue.obliterate({ force: true });
      await queue.close();
      connection.disconnect();
    },
  };
}

/**
 * Stores reviews in poll-sized chunks and lets the analyze worker classify, draft and flag them, in rounds
 * that alternate with rounds of as many no-op jobs. The machine's speed swings by a third within minutes:
 * measured one after the other, once each, either side could land on a slow minute. Alternating rounds
 * give both the same minutes, and each rate is its best round (what the code does when the machine lets
 * it, as the classifier's figure is), with the median of the round-by-round ratios beside it.
 */
export async function benchPipeline({ quick = false } = {}): Promise<PipelineBench> {
  const rounds = 4;
  // Long rounds: a round of the pipeline has a fixed start and end (the first batch waits to be stored,
  // fetched and sent to the thread; the last one is analysed after everything else is stored), about 50 ms
  // that a no-op round hardly has. In rounds of 2,500 that alone cost the pipeline a fifth of its rate.
  const perRound = quick ? 5_000 : 20_000;
  const n = rounds * perRound;
  const { ctx, close } = await benchContext({ workers: { analyzeBatchSize: 250, analyzeConcurrency: 4 } });
  const noop = await noopRunner(`${ctx.config.redis.prefix}-noop`);
  // The analysis thread the service ships (npm run bench builds it first), not its source through tsx.
  const pool = startWorkers(ctx, { queues: ['analyze'], analysisThreadScript: shippedAnalysisThread() });
  try {
    const run = (batch: Review[], sourceId: string): Promise<number> => throughPipeline(ctx, batch, sourceId, 2);
    // Each round's reviews are made first (new ids each round: every one is news), before the warm-up: made
    // just before the first timed round, their megabytes were copied and promoted by the collector during it.
    const batches = Array.from({ length: rounds }, (_, r) => benchReviews(perRound, 'bench', `r${r}-${Date.now().toString(36)}`));
    // A running service is warm: a first round of each, as long as the others and not counted, compiles the
    // hot paths. (After 2,000 reviews the pipeline still sped up from round to round: drafting's code runs
    // for negative reviews only, and the analysis thread's was not all optimised yet.)
    await noop.round(perRound);
    await run(benchReviews(perRound, 'warmup', 'warm'), 'warmup');
    await ctx.queues.queues.notify.obliterate({ force: true });
    const pipelineRates: number[] = [];
    const noopRates: number[] = [];
    const ratios: number[] = [];
    const cpuPipeline = { node: 0, redis: 0 };
    const cpuNoop = { node: 0, redis: 0 };
    const timed = async (f: () => Promise<number>, cpu: { node: number; redis: number }): Promise<number> => {
      const before = await cpuNow(ctx.redis);
      const seconds = await f();
      const after = await cpuNow(ctx.redis);
      cpu.node += after.node - before.node;
      cpu.redis += after.redis - before.redis;
      return perRound / seconds;
    };
    for (let r = 0; r < rounds; r++) {
      // Which goes first alternates too, so neither always follows the other's garbage.
      const pipelineFirst = r % 2 === 1;
      let p = 0;
      let q = 0;
      if (pipelineFirst) p = await timed(() => run(batches[r]!, 'bench'), cpuPipeline);
      q = await timed(() => noop.round(perRound), cpuNoop);
      if (!pipelineFirst) p = await timed(() => run(batches[r]!, 'bench'), cpuPipeline);
      pipelineRates.push(p);
      noopRates.push(q);
      ratios.push(p / q);
    }
    // One notify job carries an analysis batch's alerts for one channel.
    const notifyJobs = await ctx.queues.queues.notify.getJobs(['waiting'], 0, -1);
    const alertsEnqueued = notifyJobs.reduce((sum, j) => sum + jobSchemas.notify.parse(j.data).reviewIds.length, 0);
    const negative = await ctx.redis.zcard(ctx.store.key('alerts', 'src', 'bench'));
    const best = (xs: number[]): number => Math.max(...xs);
    const micros = (c: { node: number; redis: number }): { node: number; redis: number } => ({
      node: Math.round((c.node / n) * 1e6),
      redis: Math.round((c.redis / n) * 1e6),
    });
    return {
      reviewsPerSec: Math.round(best(pipelineRates)),
      bullmqNoopPerSec: Math.round(best(noopRates)),
      ratio: round2(best(pipelineRates) / best(noopRates)),
      medianRoundRatio: round2(median(ratios)),
      rounds: pipelineRates.map((p, i) => ({ reviewsPerSec: Math.round(p), bullmqNoopPerSec: Math.round(noopRates[i]!) })),
      reviews: n,
      negative,
      alertsEnqueued,
      notifyJobs: notifyJobs.length,
      cpuMicros: { review: micros(cpuPipeline), noopJob: micros(cpuNoop) },
    };
  } finally {
    await pool.close();
    await noop.close();
    await close();
  }
}

/**
 * Stores `batch` in poll-sized chunks, enqueueing the analysis of what was new as a poll does, and resolves with
 * the seconds until the analyze workers have analysed all of it (checked every `everyMs`).
 */
export async function throughPipeline(ctx: AppContext, batch: readonly Review[], sourceId: string, everyMs: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < batch.length; i += 500) {
    const result = await ctx.store.upsertReviews(batch.slice(i, i + 500), { backfill: false });
    await enqueueAnalysis(ctx, sourceId, result.created);
  }
  await until(async () => (await ctx.redis.zcard(ctx.store.key('pending', sourceId))) === 0, 600_000, 'analysis', everyMs);
  return (performance.now() - started) / 1000;
}

/** dist/analysis-thread.js, which `npm run bench` builds before it runs. */
function shippedAnalysisThread(): URL {
  const url = new URL('../../dist/analysis-thread.js', import.meta.url);
  if (!existsSync(url)) throw new Error(`${fileURLToPath(url)} is missing: run npm run build first (npm run bench does)`);
  return url;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

// Run on its own (npm run bench runs the esbuild bundle of this file, scripts/.build/bench-pipeline.mjs, in a
// process of its own): prints the figures as one JSON line.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await benchPipeline({ quick: process.argv.includes('--quick') }))}\n`);
  // BullMQ's and ioredis's timers would keep a finished benchmark alive.
  process.exit(0);
}
