import { Redis } from 'ioredis';
import { createContext } from '../../src/app.js';
import type { AppContext } from '../../src/context.js';
import type { Review } from '../../src/domain/review.js';
import { startWorkers } from '../../workers/index.js';
import { throughPipeline } from './pipeline.js';
import { tenancyConfig } from './tenancy.js';
import { cli, startLocalCluster } from '../lib/redis-cluster.js';
import { BENCH_REDIS_URL, benchConfig, benchReviews, silentLogger } from './setup.js';

// The pipeline (reviews stored in poll-sized chunks, classified and drafted by the analyze worker, flagged and
// their alerts enqueued) on one Redis and on a three-node Redis Cluster on the same machine, rounds alternating,
// and where the cluster's keys are. On one machine the cluster cannot be faster (three servers share two cores,
// and the client follows slots): what it shows is the cost per review, and how the keys spread.

export interface ClusterBench {
  reviewsPerRound: number;
  single: Side;
  cluster: Side;
  /** Keys on each node after the run, and each node's share; the store and the queues share one hash tag. */
  keysPerNode: { port: number; keys: number; share: number }[];
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
    const totals = new Map(sides.map((s) => [s.name, { seconds: [] as number[], node: 0, redis: 0 }]));
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? sides : [...sides].reverse();
      for (const s of order) {
        const batch = benchReviews(perRound, 'bench', `r${r}-${s.name}-${Date.now().toString(36)}`);
        const cpu0 = process.cpuUsage();
        const redis0 = await redisCpu(s.ports);
        const seconds = await run(s.ctx, batch, 'bench');
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
    const dbsize = (): Promise<{ port: number; keys: number }[]> => Promise.all(cluster.ports.map(async (port) => ({ port, keys: Number((await cli(port, 'dbsize')).trim()) })));
    const shares = (counts: { port: number; keys: number }[]) => {
      const all = counts.reduce((a, c) => a + c.keys, 0) || 1;
      return counts.map((c) => ({ ...c, share: Math.round((c.keys / all) * 1000) / 1000 }));
    };
    const keysPerNode = shares(await dbsize());
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
    return { reviewsPerRound: perRound, single: side('single'), cluster: side('cluster'), keysPerNode, queueShards: { shards, jobs: tenancy.sources.length, keysPerNode: shares(gained) } };
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
