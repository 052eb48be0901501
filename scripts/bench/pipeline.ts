import { Queue, Worker } from 'bullmq';
import { createRedis } from '../../src/redis.js';
import { startWorkers } from '../../workers/index.js';
import { enqueueAnalysis } from '../../workers/poll-worker.js';
import { BENCH_REDIS_URL, benchContext, benchReviews, until } from './setup.js';

/** Reviews/s from parsed reviews to stored + classified + drafted + alert enqueued, versus BullMQ's no-op job rate. */
export interface PipelineBench {
  reviewsPerSec: number;
  bullmqNoopPerSec: number;
  ratio: number;
  reviews: number;
  negative: number;
  alertsEnqueued: number;
}

/** The same count of empty jobs, each added and processed by BullMQ (bulk adds, concurrent worker). */
async function noopRate(n: number, prefix: string): Promise<number> {
  const connection = createRedis(BENCH_REDIS_URL, { name: 'bench-noop' });
  const queue = new Queue('noop', { connection, prefix, defaultJobOptions: { removeOnComplete: true } });
  let done = 0;
  const worker = new Worker('noop', async () => undefined, { connection, prefix, concurrency: 50, autorun: false });
  worker.on('completed', () => void (done += 1));
  const started = performance.now();
  const running = worker.run();
  for (let i = 0; i < n; i += 500) {
    await queue.addBulk(Array.from({ length: Math.min(500, n - i) }, (_, j) => ({ name: 'noop', data: { i: i + j } })));
  }
  await until(async () => done >= n, 300_000, 'no-op jobs');
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await running;
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  return n / seconds;
}

/** Stores reviews in poll-sized chunks and lets the analyze worker classify, draft and flag them. */
export async function benchPipeline({ quick = false } = {}): Promise<PipelineBench> {
  const n = quick ? 4_000 : 40_000;
  const { ctx, close } = await benchContext({ workers: { analyzeBatchSize: 200, analyzeConcurrency: 2 } });
  try {
    const reviews = benchReviews(n);
    const noop = await noopRate(n, `${ctx.config.redis.prefix}-noop`);
    const pool = startWorkers(ctx, { queues: ['analyze'] });
    const started = performance.now();
    for (let i = 0; i < n; i += 500) {
      // One poll's worth: store, then enqueue analysis of what was new.
      const result = await ctx.store.upsertReviews(reviews.slice(i, i + 500), { backfill: false });
      await enqueueAnalysis(ctx, 'bench', result.created);
    }
    await until(async () => (await ctx.redis.zcard(ctx.store.key('pending', 'bench'))) === 0, 600_000, 'analysis');
    const seconds = (performance.now() - started) / 1000;
    await pool.close();
    const alertsEnqueued = (await ctx.queues.queues.notify.getJobCounts('waiting')).waiting ?? 0;
    const negative = await ctx.redis.zcard(ctx.store.key('alerts'));
    const reviewsPerSec = n / seconds;
    return { reviewsPerSec: Math.round(reviewsPerSec), bullmqNoopPerSec: Math.round(noop), ratio: round2(reviewsPerSec / noop), reviews: n, negative, alertsEnqueued };
  } finally {
    await close();
  }
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
