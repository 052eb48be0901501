/**
 * npm run bench [-- --quick]
 * Every figure beside its reference, measured in the same run on the same machine: JSON on stdout,
 * a short table on stderr. --quick makes every part smaller (the whole run stays under a minute).
 * Needs Redis (REDIS_URL, else 127.0.0.1:6379) and the built CLI (npm run build) for the footprint's API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { createLogger } from '../src/logger.js';
import { createRedis, startPrivateRedis, whichRedisServer } from '../src/redis.js';

// Unless REDIS_URL names one, the benchmarks get a Redis of their own, started with the settings the
// deployment uses (AOF, noeviction, compact hashes: see src/redis.ts and docker-compose.yml), so
// other work on the machine's Redis neither skews the figures nor sees the benchmark's keys.
let privateRedis: ChildProcess | undefined;
let privateDir: string | undefined;
if (!process.env.REDIS_URL) {
  const binary = whichRedisServer();
  if (!binary) throw new Error('npm run bench needs redis-server on the PATH, or REDIS_URL');
  privateDir = mkdtempSync(path.join(tmpdir(), 'rm-bench-redis-'));
  const port = 36_000 + Math.floor(Math.random() * 2_000);
  privateRedis = await startPrivateRedis(binary, port, privateDir, createLogger('silent'));
  process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
}
const { benchClassifierBundled, benchPipelineBundled } = await import('./bench/bundled.js');
const { benchParse } = await import('./bench-parse.js');
const { benchApi } = await import('./bench/api.js');
const { benchFootprint } = await import('./bench/footprint.js');
const { benchInbox, measureInbox } = await import('./bench/inbox.js');
const { benchExport, measureExport } = await import('./bench/export.js');
const { benchFreshness } = await import('./bench/freshness.js');
const { benchStats } = await import('./bench/stats.js');
const { benchTenancy } = await import('./bench/tenancy.js');
const { benchCluster } = await import('./bench/cluster.js');
const { BENCH_REDIS_URL } = await import('./bench/setup.js');

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const want = (part: string): boolean => !only || only.includes(part);
const say = (s: string): void => void process.stderr.write(`${s}\n`);

async function redisSettings(): Promise<Record<string, string>> {
  const r = createRedis(BENCH_REDIS_URL, { name: 'bench-info' });
  try {
    const [, listpack] = (await r.config('GET', 'hash-max-listpack-value')) as string[];
    const version = /redis_version:(\S+)/.exec(await r.info('server'))?.[1] ?? '?';
    const [, aof] = (await r.config('GET', 'appendonly')) as string[];
    return { version, private: privateRedis ? 'yes' : 'no', appendonly: aof ?? '?', hashMaxListpackValue: listpack ?? '?' };
  } finally {
    r.disconnect();
  }
}

const started = Date.now();
const out: Record<string, unknown> = { quick, node: process.version, redis: await redisSettings(), at: new Date().toISOString() };
if (want('pipeline')) {
  say('pipeline: reviews stored + classified + drafted + alert enqueued, vs BullMQ no-op jobs …');
  out.pipeline = await benchPipelineBundled({ quick });
}
if (want('api')) {
  say('api: GET /v1/alerts?limit=50 vs a Fastify hello-world (autocannon, 10 connections) …');
  out.api = await benchApi({ quick });
}
if (want('classifier')) {
  say('classifier: reviews/s per CPU-second, ~60-word reviews …');
  out.classifier = await benchClassifierBundled({ quick });
}
if (want('parsers')) {
  say('parsers: reviews/s per source type, rss-parser alone as the reference …');
  out.parsers = await benchParse({ quick });
}
if (want('footprint')) {
  say(`footprint: Redis bytes per stored review, API RSS${want('inbox') ? ', inbox first page' : ''} with ${quick ? '5,000' : '1,000,000'} reviews stored …`);
  // The inbox is timed on the footprint's store (a million reviews) rather than filling another.
  const f = await benchFootprint({
    quick,
    atSize:
      want('inbox') || want('export')
        ? async (ctx, n) => {
            if (want('inbox')) out.inbox = await measureInbox(ctx, n);
            if (want('export')) out.export = await measureExport(ctx, n);
          }
        : undefined,
  });
  out.redisBytesPerReview = f.redisBytesPerReview;
  out.footprint = f;
}
if (want('inbox') && !out.inbox) {
  say(`inbox: server time of the workspace inbox's first page with ${quick ? '20,000' : '1,000,000'} reviews stored …`);
  out.inbox = await benchInbox({ quick });
}
if (want('export') && !out.export) {
  say(`export: CSV of every review with ${quick ? '20,000' : '1,000,000'} reviews stored …`);
  out.export = await benchExport({ quick });
}
if (want('stats')) {
  say(`stats: GET /v1/stats over ${quick ? '50,000' : '1,000,000'} reviews published over two years, and the counters' cost per review …`);
  out.stats = await benchStats({ quick });
}
if (want('tenancy')) {
  say(`tenancy: ${quick ? 100 : 1_000} businesses of 10 sources: the scheduler's tick and memory, an insight check, a worker's analysis …`);
  out.tenancy = await benchTenancy({ quick });
}
if (want('cluster')) {
  say('cluster: the pipeline on one Redis and on a three-node Redis Cluster, rounds alternating; where the keys are …');
  out.cluster = await benchCluster({ quick });
}
if (want('freshness')) {
  say('freshness: review at the source → alert at the webhook, 1 s poll schedule …');
  out.freshness = await benchFreshness({ quick });
}
out.seconds = Math.round((Date.now() - started) / 1000);
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);

const p = out.pipeline as Awaited<ReturnType<typeof benchPipelineBundled>> | undefined;
const a = out.api as Awaited<ReturnType<typeof benchApi>> | undefined;
const c = out.classifier as Awaited<ReturnType<typeof benchClassifierBundled>> | undefined;
const f = out.footprint as Awaited<ReturnType<typeof benchFootprint>> | undefined;
const ib = out.inbox as Awaited<ReturnType<typeof benchInbox>> | undefined;
const fr = out.freshness as Awaited<ReturnType<typeof benchFreshness>> | undefined;
const ex = out.export as Awaited<ReturnType<typeof benchExport>> | undefined;
const st = out.stats as Awaited<ReturnType<typeof benchStats>> | undefined;
const tn = out.tenancy as Awaited<ReturnType<typeof benchTenancy>> | undefined;
const cl = out.cluster as Awaited<ReturnType<typeof benchCluster>> | undefined;
const mark = (ok: boolean): string => (ok ? 'met' : 'MISSED');
const rows: [string, string, string][] = [];
if (p) rows.push(['pipeline', `${p.reviewsPerSec} reviews/s vs ${p.bullmqNoopPerSec} no-op jobs/s = ${p.ratio} (median of rounds ${p.medianRoundRatio})`, `ratio ≥ 1.0 ${mark(p.ratio >= 1)}`]);
if (a) rows.push(['api', `${a.rps} req/s (p99 ${a.p99Ms} ms) vs hello ${a.helloRps} req/s = ${a.ratio}`, `ratio ≥ 0.25 ${mark(a.ratio >= 0.25)}, p99 < 20 ms ${mark(a.p99Ms < 20)}`]);
if (c) rows.push(['classifier', `${Math.round(c.reviewsPerSec)} reviews/s (one core)`, `≥ 50,000 ${mark(c.reviewsPerSec >= 50_000)}`]);
if (out.parsers) {
  const ps = out.parsers as Record<string, { reviewsPerSec: number }>;
  rows.push(['parsers', Object.entries(ps).map(([k, v]) => `${k} ${v.reviewsPerSec}`).join(', '), 'reference: rss-parser']);
}
if (f) rows.push(['footprint', `${f.redisBytesPerReview} B/review in Redis; API RSS ${f.apiRssMb} MB with ${f.apiRssAtReviews} stored`, `≤ 2048 B ${mark(f.redisBytesPerReview <= 2048)}`]);
if (ex) rows.push(['export', `${ex.rowsPerSec} CSV rows/s (${ex.rows} rows, ${ex.megabytes} MB in ${ex.seconds} s); RSS +${ex.peakRssGrowthMb} MB at peak, heap kept +${ex.retainedHeapGrowthMb} MB`, 'streams (flat memory)']);
if (ib) rows.push(['inbox', `first page ${ib.firstPage.medianMs} ms median, p95 ${ib.firstPage.p95Ms} ms (${ib.storedReviews} stored, ${ib.flagged} flagged); a status tab ${ib.statusPage.medianMs} ms; a search ${ib.searchPage.medianMs} ms`, `< 100 ms ${mark(ib.firstPage.p95Ms < 100)}`]);
if (st) {
  const worst = Math.max(...Object.values(st.windows).map((w) => w.p99Ms));
  rows.push(['stats', `/v1/stats p99 ${Object.entries(st.windows).map(([k, w]) => `${k} ${w.p99Ms} ms`).join(', ')} (${st.storedReviews} reviews over ${st.historyDays} days); counters ${st.countersMicrosPerReview} µs of a ${st.saveMicrosPerReview} µs save per new review (${st.countersMicrosPerChangedReview} µs when a verdict changes)`, `p99 < 50 ms ${mark(worst < 50)}`]);
}
if (tn) rows.push(['tenancy', `${tn.businesses} businesses / ${tn.sources} sources (config ${tn.configHeapMb} MB heap): scheduler tick ${tn.scheduler.tickCpuMs} ms CPU (${tn.scheduler.jobsPerTick} polls queued in ${tn.scheduler.tickWallMs} ms), idle ${tn.scheduler.idleCpuMsPerSec} ms CPU/s, +${tn.scheduler.rssMb} MB RSS; insight check ${tn.insightCheckMs} ms; across businesses (10 alerts each): alerts page ${tn.acrossBusinesses.firstPageMs} ms (next ${tn.acrossBusinesses.nextPageMs}, filtered ${tn.acrossBusinesses.filteredPageMs}, one business ${tn.acrossBusinesses.oneBusinessPageMs}), status counts ${tn.acrossBusinesses.statusCountsMs} ms, a week of counters ${tn.acrossBusinesses.weekOfCountersMs} ms, insight check ${tn.acrossBusinesses.insightCheckMs} ms; worker analysis +${tn.worker.heapMb} MB heap (${tn.worker.classifiers} classifiers), ${tn.worker.microsPerReview} µs/review vs ${tn.worker.microsPerReviewOneBusiness} with one business`, 'measured (no target)']);
if (cl) rows.push(['cluster (many businesses)', `${cl.businesses.count} businesses, ${cl.businesses.reviews} reviews per round: one Redis ${cl.businesses.single.reviewsPerSec} reviews/s (${cl.businesses.single.nodeMicros} µs node + ${cl.businesses.single.redisMicros} µs Redis CPU per review); cluster ${cl.businesses.cluster.reviewsPerSec} reviews/s (${cl.businesses.cluster.nodeMicros} + ${cl.businesses.cluster.redisMicros} µs); keys per node ${cl.businesses.keysPerNode.map((k) => `${Math.round(k.share * 1000) / 10}%`).join(' / ')}`, `keys (store and queues) spread within ±10% of a third: ${mark(cl.businesses.keysPerNode.every((k) => Math.abs(k.share - 1 / 3) <= 0.1 / 3))}`]);
if (cl) rows.push(['cluster', `one Redis ${cl.single.reviewsPerSec} reviews/s (${cl.single.nodeMicros} µs node + ${cl.single.redisMicros} µs Redis CPU per review); three-node cluster ${cl.cluster.reviewsPerSec} reviews/s (${cl.cluster.nodeMicros} + ${cl.cluster.redisMicros} µs); one business's keys per node ${cl.keysPerNode.map((k) => `${Math.round(k.share * 100)}%`).join(' / ')} (one hash tag, by design); ${cl.queueShards.jobs} poll jobs of 1,000 businesses in ${cl.queueShards.shards} queue shards: ${cl.queueShards.keysPerNode.map((k) => `${Math.round(k.share * 100)}%`).join(' / ')} of their keys per node`, `queue jobs spread within ±10% of a third: ${mark(cl.queueShards.keysPerNode.every((k) => Math.abs(k.share - 1 / 3) <= 0.1 / 3))}`]);
if (fr) rows.push(['freshness', `p50 ${fr.p50Ms} ms, p99 ${fr.p99Ms} ms (${fr.samples} reviews)`, `p99 ≤ ${fr.pollIntervalMs + 1000} ms ${mark(fr.p99Ms <= fr.pollIntervalMs + 1000)}`]);
for (const [name, figure, target] of rows) say(`${name.padEnd(11)} ${figure}\n${''.padEnd(11)} ${target}`);
privateRedis?.kill('SIGTERM');
if (privateDir) setTimeout(() => rmSync(privateDir!, { recursive: true, force: true }), 500).unref();
await new Promise((r) => setTimeout(r, 600));
process.exit(0);
