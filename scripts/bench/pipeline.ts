import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Queue, Worker } from 'bullmq';
import { jobSchemas } from '../../src/queues.js';
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

/** Microseconds of CPU per item between two cpuNow readings. */
function perItem(a: { node: number; redis: number }, b: { node: number; redis: number }, n: number): { node: number; redis: number } {
  return { node: Math.round(((b.node - a.node) / n) * 1e6), redis: Math.round(((b.redis - a.redis) / n) * 1e6) };
}

/** The same count of empty jobs, each added and processed by BullMQ (bulk adds, concurrent worker). */
async function noopRate(n: number, prefix: string): Promise<{ rate: number; cpu: { node: number; redis: number } }> {
  const connection = createRedis(BENCH_REDIS_URL, { name: 'bench-noop' });
  const queue = new Queue('noop', { connection, prefix, defaultJobOptions: { removeOnComplete: true } });
  let done = 0;
  const worker = new Worker('noop', async () => undefined, { connection, prefix, concurrency: 50, autorun: false });
  worker.on('completed', () => void (done += 1));
  const running = worker.run();
  const round = async (count: number): Promise<number> => {
    const target = done + count;
    const started = performance.now();
    for (let i = 0; i < count; i += 500) {
      await queue.addBulk(Array.from({ length: Math.min(500, count - i) }, (_, j) => ({ name: 'noop', data: { i: i + j } })));
    }
    await until(async () => done >= target, 300_000, 'no-op jobs');
    return (performance.now() - started) / 1000;
  };
  // Warm up (JIT, connections) as the pipeline is, then measure.
  await round(Math.min(2_000, n));
  const cpu0 = await cpuNow(connection);
  const seconds = await round(n);
  const cpu = perItem(cpu0, await cpuNow(connection), n);
  await worker.close();
  await running;
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  return { rate: n / seconds, cpu };
}

/** Stores reviews in poll-sized chunks and lets the analyze worker classify, draft and flag them. */
export async function benchPipeline({ quick = false } = {}): Promise<PipelineBench> {
  const n = quick ? 4_000 : 40_000;
  const { ctx, close } = await benchContext({ workers: { analyzeBatchSize: 250, analyzeConcurrency: 4 } });
  try {
    const reviews = benchReviews(n);
    const noop = await noopRate(n, `${ctx.config.redis.prefix}-noop`);
    // The analysis thread the service ships (npm run bench builds it first), not its source through tsx.
    const pool = startWorkers(ctx, { queues: ['analyze'], analysisThreadScript: shippedAnalysisThread() });
    const run = async (batch: typeof reviews, sourceId: string): Promise<number> => {
      const started = performance.now();
      for (let i = 0; i < batch.length; i += 500) {
        // One poll's worth: store, then enqueue analysis of what was new.
        const result = await ctx.store.upsertReviews(batch.slice(i, i + 500), { backfill: false });
        await enqueueAnalysis(ctx, sourceId, result.created);
      }
      await until(async () => (await ctx.redis.zcard(ctx.store.key('pending', sourceId))) === 0, 600_000, 'analysis');
      return (performance.now() - started) / 1000;
    };
    // A running service is warm: a first round (not counted) compiles the classifier and drafting paths.
    await run(benchReviews(Math.min(2_000, n), 'warmup', 'warm'), 'warmup');
    await ctx.queues.queues.notify.obliterate({ force: true });
    const cpu0 = await cpuNow(ctx.redis);
    const seconds = await run(reviews, 'bench');
    const cpu = perItem(cpu0, await cpuNow(ctx.redis), n);
    await pool.close();
    // One notify job carries an analysis batch's alerts for one channel.
    const notifyJobs = await ctx.queues.queues.notify.getJobs(['waiting'], 0, -1);
    const alertsEnqueued = notifyJobs.reduce((n, j) => n + jobSchemas.notify.parse(j.data).reviewIds.length, 0);
    const negative = await ctx.redis.zcard(ctx.store.key('alerts', 'src', 'bench'));
    const reviewsPerSec = n / seconds;
    return {
      reviewsPerSec: Math.round(reviewsPerSec),
      bullmqNoopPerSec: Math.round(noop.rate),
      ratio: round2(reviewsPerSec / noop.rate),
      reviews: n,
      negative,
      alertsEnqueued,
      notifyJobs: notifyJobs.length,
      cpuMicros: { review: cpu, noopJob: noop.cpu },
    };
  } finally {
    await close();
  }
}

/** dist/analysis-thread.js, which `npm run bench` builds before it runs. */
function shippedAnalysisThread(): URL {
  const url = new URL('../../dist/analysis-thread.js', import.meta.url);
  if (!existsSync(url)) throw new Error(`${fileURLToPath(url)} is missing: run npm run build first (npm run bench does)`);
  return url;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
