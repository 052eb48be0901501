import { Session } from 'node:inspector/promises';
import fs from 'node:fs';
import { threadTimes, diff } from './threads.js';
import { startWorkers } from '../../workers/index.js';
import { enqueueAnalysis } from '../../workers/poll-worker.js';
import { benchContext, benchReviews, until } from '../bench/setup.js';

const threads = Number(process.env.THREADS ?? 0);
const { ctx, close } = await benchContext({ workers: { analyzeBatchSize: 250, analyzeConcurrency: 4, analysisThreads: threads } as never });
const pool = startWorkers(ctx, { queues: ['analyze'], analysisThreadScript: process.env.SRC_THREAD ? undefined : new URL('../../dist/analysis-thread.js', import.meta.url) });
const run = async (batch: ReturnType<typeof benchReviews>, sourceId: string): Promise<number> => {
  const started = performance.now();
  for (let i = 0; i < batch.length; i += 500) {
    const result = await ctx.store.upsertReviews(batch.slice(i, i + 500), { backfill: false });
    await enqueueAnalysis(ctx, sourceId, result.created);
  }
  await until(async () => (await ctx.redis.zcard(ctx.store.key('pending', sourceId))) === 0, 600_000, 'analysis');
  return (performance.now() - started) / 1000;
};
await run(benchReviews(2000, 'warmup', 'warm'), 'warmup');
const reviews = benchReviews(Number(process.env.N ?? 20000));
const s = new Session(); s.connect();
await s.post('Profiler.enable'); await s.post('Profiler.setSamplingInterval', { interval: 200 }); if (process.env.PROF) await s.post('Profiler.start');
const cpu = process.cpuUsage(); const t0 = threadTimes(); const r0 = await ctx.redis.info('cpu');
const secs = await run(reviews, 'bench');
const used = process.cpuUsage(cpu); console.log(diff(t0, threadTimes(), reviews.length)); const r1 = await ctx.redis.info('cpu'); const f=(i:string)=>Number(/used_cpu_user:([\d.]+)/.exec(i)![1])+Number(/used_cpu_sys:([\d.]+)/.exec(i)![1]); console.log('redis µs/review', ((f(r1)-f(r0))*1e6/reviews.length).toFixed(0));
if (process.env.PROF) { const { profile } = await s.post('Profiler.stop'); fs.writeFileSync('/tmp/pipe.cpuprofile', JSON.stringify(profile)); }
console.log({ rate: Math.round(reviews.length / secs), cpuMicrosPerReview: Math.round((used.user + used.system) / reviews.length) });
await pool.close();
await close();
process.exit(0);
