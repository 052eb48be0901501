import { Redis } from 'ioredis';
import { createContext } from '../../src/app.js';
import type { AppContext } from '../../src/context.js';
import { sourceOfReviewId, type Review } from '../../src/domain/review.js';
import { startWorkers } from '../../workers/index.js';
import { throughPipeline } from './pipeline.js';
import { tenancyConfig } from './tenancy.js';
import { cli, startLocalCluster } from '../lib/redis-cluster.js';
import { BENCH_REDIS_URL, benchConfig, benchReviews, keyBatches, silentLogger, until } from './setup.js';
import { enqueueAnalysis } from '../../workers/poll-worker.js';

// The pipeline (reviews stored in poll-sized chunks, classified and drafted by the analyze worker, flagged and
// their alerts enqueued) on one Redis and on a three-node Redis Cluster on the same machine, rounds alternating,
// and where the cluster's keys are. On one machine the cluster cannot be faster (three servers share two cores,
// and the client follows slots): what it shows is the cost per review, and how the keys spread.

export interface ClusterBench {
  reviewsPerRound: number;
  single: Side;
  cluster: Side;
  /** Keys on each node after the one-business run, and each node's share: one business's keys share one hash tag. */
  keysPerNode: { port: number; keys: number; share: number }[];
  /**
   * The pipeline with the reviews spread over many businesses (10 per business, each business its own hash tag and
   * analysis jobs per source), on one Redis and on the cluster, and the keys each cluster node gained.
   */
  businesses: { count: number; reviews: number; single: Side; cluster: Side; keysPerNode: { port: number; keys: number; share: number }[] };
  /**
   * Queue shards: one poll job per source of 1,000 businesses × 10 sources enqueued on the cluster with
   * `redis.queueShards` shards; the keys each node gained, and its share.
   */
  queueShards: { shards: number; jobs: number; keysPerNode: { port: number; keys: number; share: number }[] };
}

interface Side {
  reviewsPerSec: number;
  /** CPU per review: this process (all its threads) and the Redis server(s). */
  nodeMicros: number;
  redisMicros: number;
}

async function redisCpu(ports: readonly number[] | undefined): Promise<number> {
  const read = async (info: string): Promise<number> => {
    const field = (name: string): number => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
    return field('used_cpu_user') + field('used_cpu_sys');
  };
  if (!ports) {
    const r = new Redis(BENCH_REDIS_URL);
    try {
      return await read(await r.info('cpu'));
    } finally {
      r.disconnect();
    }
  }
  let sum = 0;
  for (const p of ports) sum += await read(await cli(p, 'info', 'cpu'));
  return sum;
}

export async function benchCluster({ quick = false } = {}): Promise<ClusterBench> {
  const perRound = quick ? 2_000 : 10_000;
  const rounds = 3;
  const cluster = await startLocalCluster({ own: true });
  const prefix = `{bench-cluster-${process.pid}}`;
  const sides: { name: 'single' | 'cluster'; ctx: AppContext; close(): Promise<void>; ports?: number[]; stopWorkers(): Promise<void> }[] = [];
  try {
    for (const name of ['single', 'cluster'] as const) {
      const config = benchConfig({
        redis: name === 'cluster' ? { cluster: cluster.nodes, prefix, autostart: false } : { url: BENCH_REDIS_URL, prefix, autostart: false },
        workers: { analyzeBatchSize: 250, analyzeConcurrency: 4 },
      });
      const { ctx, close } = await createContext(config, silentLogger());
      const pool = startWorkers(ctx, { queues: ['analyze'] });
      sides.push({ name, ctx, close, ports: name === 'cluster' ? cluster.ports : undefined, stopWorkers: () => pool.close() });
    }
    const run = (ctx: AppContext, batch: Review[], sourceId: string): Promise<number> => throughPipeline(ctx, batch, sourceId, 5);
    // Warm both (the analysis thread compiles its hot paths), then alternate which goes first.
    for (const s of sides) await run(s.ctx, benchReviews(perRound / 2, 'warmup', `w-${s.name}`), 'warmup');
    const measured = await alternateRounds(sides, rounds, perRound, (s, salt) => run(s.ctx, benchReviews(perRound, 'bench', salt), 'bench'));
    const dbsize = (): Promise<{ port: number; keys: number }[]> => Promise.all(cluster.ports.map(async (port) => ({ port, keys: Number((await cli(port, 'dbsize')).trim()) })));
    const shares = (counts: { port: number; keys: number }[]) => {
      const all = counts.reduce((a, c) => a + c.keys, 0) || 1;
      return counts.map((c) => ({ ...c, share: Math.round((c.keys / all) * 1000) / 1000 }));
    };
    const keysPerNode = shares(await dbsize());
    const businesses = await manyBusinesses(cluster, quick, dbsize, shares);
    // Queue shards: a poll job for every source of many businesses, each business's on its shard.
    const shards = 12;
    const tenancy = tenancyConfig(1_000, 10, '0 0 1 1 *', `{bench-shards-${process.pid}}`, { cluster: cluster.nodes, queueShards: shards });
    const before = await dbsize();
    const { ctx: sharded, close: closeSharded } = await createContext(tenancy, silentLogger());
    try {
      const at = new Date();
      await sharded.queues.addBulk('poll', tenancy.sources.map((s) => ({ id: `poll-${s.id}-${at.getTime()}`, data: { sourceId: s.id, tick: at.toISOString(), reason: 'schedule' as const } })));
    } finally {
      await closeSharded();
    }
    const after = await dbsize();
    const gained = after.map((a, i) => ({ port: a.port, keys: a.keys - before[i]!.keys }));
    return { reviewsPerRound: perRound, ...measured, keysPerNode, businesses, queueShards: { shards, jobs: tenancy.sources.length, keysPerNode: shares(gained) } };
  } finally {
    for (const s of sides) {
      await s.stopWorkers();
      await s.ctx.queues.queues.notify.obliterate({ force: true }).catch(() => undefined);
      // The single Redis is the machine's (or the benchmark's private one): its keys go; the cluster goes whole.
      if (s.name === 'single') {
        let cursor = '0';
        do {
          const [next, keys] = await s.ctx.redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 5000);
          cursor = next;
          if (keys.length) await s.ctx.redis.del(...keys);
        } while (cursor !== '0');
      }
      await s.close();
    }
    await cluster.stop();
  }
}

/**
 * 1,000 businesses of one source (100 with --quick), 10 reviews each, through the pipeline: stored 500 at a time
 * (the store groups each call by business), one analysis job per source in 12 queue shards, on one Redis and on the
 * cluster, rounds alternating. Then the keys (store and queues) each cluster node gained from it.
 */
async function manyBusinesses(
  cluster: Awaited<ReturnType<typeof startLocalCluster>>,
  quick: boolean,
  dbsize: () => Promise<{ port: number; keys: number }[]>,
  shares: (counts: { port: number; keys: number }[]) => { port: number; keys: number; share: number }[],
): Promise<ClusterBench['businesses']> {
  const count = quick ? 100 : 1_000;
  const perBusiness = 10;
  const rounds = 3;
  const before = await dbsize();
  const sides: { name: 'single' | 'cluster'; ctx: AppContext; close(): Promise<void>; ports?: number[]; prefix: string; stopWorkers(): Promise<void> }[] = [];
  try {
    for (const name of ['single', 'cluster'] as const) {
      const prefix = `{bench-biz-${name}-${process.pid}}`;
      // Queue shards too: the analysis jobs of 1,000 businesses would otherwise all sit under the deployment's tag.
      const config = tenancyConfig(count, 1, '0 0 1 1 *', prefix, name === 'cluster' ? { cluster: cluster.nodes, queueShards: 12 } : { url: BENCH_REDIS_URL, queueShards: 12 });
      const { ctx, close } = await createContext({ ...config, workers: { ...config.workers, analyzeBatchSize: 250, analyzeConcurrency: 4 } }, silentLogger());
      const pool = startWorkers(ctx, { queues: ['analyze'] });
      sides.push({ name, ctx, close, prefix, ports: name === 'cluster' ? cluster.ports : undefined, stopWorkers: () => pool.close() });
    }
    const sourceIds = Array.from({ length: count }, (_, b) => `b${b}.s0`);
    const round = async (ctx: AppContext, salt: string): Promise<number> => {
      const reviews = sourceIds.flatMap((sourceId) => benchReviews(perBusiness, sourceId, `${salt}-${sourceId}`));
      const started = performance.now();
      for (let i = 0; i < reviews.length; i += 500) {
        const result = await ctx.store.upsertReviews(reviews.slice(i, i + 500), { backfill: false });
        const bySource = new Map<string, string[]>();
        for (const id of result.created) {
          const src = sourceOfReviewId(id);
          bySource.set(src, [...(bySource.get(src) ?? []), id]);
        }
        await Promise.all([...bySource].map(([src, ids]) => enqueueAnalysis(ctx, src, ids)));
      }
      await until(async () => {
        const c = (await ctx.queues.counts()).analyze;
        return (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) === 0;
      }, 600_000, 'analysis of many businesses', 20);
      return (performance.now() - started) / 1000;
    };
    for (const s of sides) await round(s.ctx, `warm-${s.name}`);
    const reviews = count * perBusiness;
    const measured = await alternateRounds(sides, rounds, reviews, (s, salt) => round(s.ctx, salt));
    const after = await dbsize();
    return { count, reviews, ...measured, keysPerNode: shares(after.map((a, i) => ({ port: a.port, keys: a.keys - before[i]!.keys }))) };
  } finally {
    for (const s of sides) {
      await s.stopWorkers();
      if (s.name === 'single') for await (const keys of keyBatches(s.ctx, s.prefix)) await s.ctx.redis.unlink(...keys);
      for (const shard of s.ctx.queues.shards) for (const q of Object.values(shard.queues)) await q.obliterate({ force: true }).catch(() => undefined);
      await s.close();
    }
  }
}

/**
 * `rounds` rounds of `perRound` reviews on each side, alternating which side goes first (a slow minute of this
 * shared machine then falls on both): each side's best round as reviews/s, and its CPU per review in this process
 * (all threads) and in its Redis server(s).
 */
async function alternateRounds<S extends { name: 'single' | 'cluster'; ports?: number[] | undefined }>(
  sides: readonly S[],
  rounds: number,
  perRound: number,
  run: (side: S, salt: string) => Promise<number>,
): Promise<Record<'single' | 'cluster', Side>> {
  const totals = new Map(sides.map((s) => [s.name, { seconds: [] as number[], node: 0, redis: 0 }]));
  for (let r = 0; r < rounds; r++) {
    for (const s of r % 2 === 0 ? sides : [...sides].reverse()) {
      const cpu0 = process.cpuUsage();
      const redis0 = await redisCpu(s.ports);
      const seconds = await run(s, `r${r}-${s.name}-${Date.now().toString(36)}`);
      const cpu = process.cpuUsage(cpu0);
      const t = totals.get(s.name)!;
      t.seconds.push(seconds);
      t.node += (cpu.user + cpu.system) / 1e6;
      t.redis += (await redisCpu(s.ports)) - redis0;
    }
  }
  const side = (name: 'single' | 'cluster'): Side => {
    const t = totals.get(name)!;
    const n = perRound * rounds;
    return { reviewsPerSec: Math.round(perRound / Math.min(...t.seconds)), nodeMicros: Math.round((t.node / n) * 1e6), redisMicros: Math.round((t.redis / n) * 1e6) };
  };
  return { single: side('single'), cluster: side('cluster') };
}
