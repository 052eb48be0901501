import { startWorkers } from '../../workers/index.js';
import { enqueueAnalysis } from '../../workers/poll-worker.js';
import { benchContext, benchReviews, until } from './setup.js';
const { ctx, close } = await benchContext({ workers: { analyzeBatchSize: 250, analyzeConcurrency: 4 } });
const n = 4000;
const reviews = benchReviews(n);
const { Session } = await import('node:inspector/promises');
const session = new Session(); session.connect();
await session.post('Profiler.enable'); await session.post('Profiler.start');
const pool = startWorkers(ctx, { queues: ['analyze'] });
{ const w = benchReviews(3000, 'warmup', 'w'); for (let i = 0; i < w.length; i += 500) { const r = await ctx.store.upsertReviews(w.slice(i, i + 500), { backfill: false }); await enqueueAnalysis(ctx, 'warmup', r.created); } await until(async () => (await ctx.redis.zcard(ctx.store.key('pending', 'warmup'))) === 0, 600_000, 'warm'); }
await session.post('Profiler.stop'); await session.post('Profiler.start');
const t = performance.now(); const c0 = process.cpuUsage();
for (let i = 0; i < n; i += 500) { const r = await ctx.store.upsertReviews(reviews.slice(i, i + 500), { backfill: false }); await enqueueAnalysis(ctx, 'bench', r.created); }
await until(async () => (await ctx.redis.zcard(ctx.store.key('pending', 'bench'))) === 0, 600_000, 'analysis');
const c = process.cpuUsage(c0);
console.log('reviews/s', Math.round(n / ((performance.now() - t) / 1000)), 'cpu µs/review', Math.round((c.user + c.system) / n));
const { profile } = await session.post('Profiler.stop');
await pool.close();
const self = new Map<string, number>(); const counts = new Map<number, number>();
profile.samples!.forEach((s, i) => counts.set(s, (counts.get(s) ?? 0) + (profile.timeDeltas![i] ?? 0)));
for (const nd of profile.nodes) { const k = `${nd.callFrame.functionName} ${nd.callFrame.url.split('/').slice(-2).join('/')}:${nd.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (counts.get(nd.id) ?? 0)); }
const byFile = new Map<string, number>();
for (const nd of profile.nodes) { const k = nd.callFrame.url.split('/').slice(-3, -1).join('/') || nd.callFrame.functionName; byFile.set(k, (byFile.get(k) ?? 0) + (counts.get(nd.id) ?? 0)); }
const tot = [...self.values()].reduce((a, b) => a + b, 0);
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => `${(v / tot * 100).toFixed(1)}% ${k}`).join('\n'));
console.log('--- by folder');
console.log([...byFile.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${(v / tot * 100).toFixed(1)}% ${k}`).join('\n'));
await close(); process.exit(0);
