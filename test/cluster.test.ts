import { execFile } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startService, type Service } from '../src/app.js';
import { createLogger } from '../src/logger.js';
import { captureLogs } from './helpers/context.js';
import { makeConfig } from './helpers/factories.js';
import { startTestCluster, type TestCluster } from './helpers/cluster.js';
import { waitFor } from './helpers/http.js';
import { uniquePrefix } from './helpers/redis.js';

const run = promisify(execFile);
const KEY = 'cluster-key-0123456789';
const FEED = pathToFileURL(path.resolve('config/demo/harbor-bistro.rss')).href;

/** The node (index into `ports`) serving the slot of a hash tag. */
async function ownerOf(cluster: TestCluster, tag: string): Promise<number> {
  const slot = Number((await run('redis-cli', ['-p', String(cluster.ports[0]), 'cluster', 'keyslot', tag])).stdout.trim());
  const nodes = (await run('redis-cli', ['-p', String(cluster.ports[0]), 'cluster', 'nodes'])).stdout.trim().split('\n');
  for (const line of nodes) {
    const [, addr, , , , , , , ...ranges] = line.split(' ');
    const port = Number(addr!.split(':')[1]!.split('@')[0]);
    if (ranges.some((r) => (r.includes('-') ? slot >= Number(r.split('-')[0]) && slot <= Number(r.split('-')[1]) : slot === Number(r)))) return cluster.ports.indexOf(port);
  }
  throw new Error(`no node serves slot ${slot}`);
}

describe('on a three-node Redis Cluster', () => {
  const started: { service?: Service; cluster?: TestCluster }[] = [];
  afterEach(async () => {
    for (const s of started.splice(0)) {
      await s.service?.stop();
      await s.cluster?.stop();
    }
  });

  it('runs the pipeline and the lifecycle, and keeps working through the restart of the node holding its keys', { timeout: 120_000 }, async () => {
    // A cluster of its own: a node of it is killed.
    const cluster = await startTestCluster({ own: true });
    const prefix = uniquePrefix('c');
    // Left out, the prefix becomes a hash tag by itself; given without braces, it is refused.
    expect(makeConfig({ redis: { cluster: cluster.nodes } }).redis.prefix).toBe('{rm}');
    expect(() => makeConfig({ redis: { cluster: cluster.nodes, prefix: 'rm' } })).toThrow('redis.prefix: with redis.cluster the prefix must be a hash tag in braces, e.g. "{rm}" (every key in one slot)');
    const config = makeConfig({
      redis: { cluster: cluster.nodes, prefix: `{${prefix}}` },
      // The test asks the API every few ms while it waits: no rate limit in the way on a slow machine.
      api: { keys: [KEY], port: 0, host: '127.0.0.1', rateLimit: { max: 1_000_000 } },
      sources: [{ id: 'harbor', type: 'rss', url: FEED, schedule: '0 0 1 1 *', alertOnBackfill: true }],
      workers: { retryDelayMs: 100 },
    });
    const logs = captureLogs();
    const service = await startService(config, createLogger('info', logs.stream), 'all');
    started.push({ service, cluster });
    const api = async (url: string, init: RequestInit = {}) => {
      const res = await fetch(`${service.address}${url}`, { ...init, headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> & { items?: { id: string; status: string }[] } };
    };

    // Polled, stored, classified, drafted and alerted: the feed's complaints are flagged.
    const alerts = await waitFor(async () => {
      const items = (await api('/v1/alerts')).body.items ?? [];
      return items.length >= 3 ? items : undefined;
    }, 30_000, 'alerts on the cluster');
    expect(alerts.length).toBeGreaterThanOrEqual(3);
    // Every key of the service is in the one slot of its hash tag.
    const owner = await ownerOf(cluster, `{${prefix}}`);
    const slot = (await run('redis-cli', ['-p', String(cluster.ports[0]), 'cluster', 'keyslot', `{${prefix}}`])).stdout.trim();
    const keys = Number((await run('redis-cli', ['-p', String(cluster.ports[owner]), 'cluster', 'countkeysinslot', slot])).stdout.trim());
    expect(keys).toBeGreaterThan(20);

    // The lifecycle: acknowledge, approve (overriding any guardrail), record the reply posted, resolve.
    const id = alerts[0]!.id;
    expect((await api(`/v1/reviews/${id}/acknowledge`, { method: 'POST', body: '{}' })).status).toBe(200);
    expect((await api(`/v1/reviews/${id}/approve`, { method: 'POST', body: JSON.stringify({ override: { reason: 'checked by hand' } }) })).status).toBe(200);
    expect((await api(`/v1/reviews/${id}/reply`, { method: 'POST', body: JSON.stringify({ posted: true }) })).status).toBe(200);

    // The node holding every key is killed and started again (its append-only file brings the data back).
    await cluster.restart(owner);
    await waitFor(async () => (await fetch(`${service.address}/ready`)).status === 200, 20_000, 'ready again');
    const resolved = await waitFor(async () => {
      const r = await api(`/v1/reviews/${id}/resolve`, { method: 'POST', body: JSON.stringify({ note: 'Retrained the kitchen', followUpAfter: 3600 }) });
      return r.status === 200 ? r.body : undefined;
    }, 20_000, 'resolve after the restart');
    expect(resolved.status).toBe('resolved');
    const history = (await api(`/v1/reviews/${id}/history`)).body.items as unknown as { action: string }[];
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(['stored', 'flagged', 'acknowledge', 'approve', 'reply', 'resolve']));
    // A manual poll after the restart still runs through the workers.
    const before = (await api('/v1/sources/harbor')).body.lastPollAt as string;
    expect((await api('/v1/sources/harbor/poll', { method: 'POST', body: '{}' })).status).toBe(202);
    // Within a minute: a worker whose connection did not resume is replaced by the watchdog (workers/index.ts).
    await waitFor(async () => ((await api('/v1/sources/harbor')).body.lastPollAt as string) > before, 60_000, 'a poll after the restart');
  });

  it('spreads the businesses’ keys and queue shards over the nodes, each business’s jobs in its shard', { timeout: 90_000 }, async () => {
    const cluster = await startTestCluster();
    const prefix = uniquePrefix('s');
    // Six businesses whose hash tags (`{<prefix>:<business>}`, src/store/keys.ts) put two on each node.
    const onNode = new Map<number, string[]>();
    for (let i = 0; [...onNode.values()].flat().length < 6; i++) {
      const node = await ownerOf(cluster, `{${prefix}:b${i}}`);
      const there = onNode.get(node) ?? [];
      if (there.length < 2) onNode.set(node, [...there, `b${i}`]);
    }
    const ids = [...onNode.values()].flat();
    const biz = (id: string) => ({ id, name: `Bistro ${id}`, contact: { email: `care@${id}.example` }, signature: id, sources: [{ id: 'rss', type: 'rss' as const, url: FEED, schedule: '0 0 1 1 *', alertOnBackfill: true }] });
    const config = makeConfig({
      business: undefined,
      businesses: ids.map(biz),
      redis: { cluster: cluster.nodes, prefix: `{${prefix}}`, queueShards: 3 },
      // The test asks the API every few ms while it waits: no rate limit in the way on a slow machine.
      api: { keys: [KEY], port: 0, host: '127.0.0.1', rateLimit: { max: 1_000_000 } },
      workers: { retryDelayMs: 100 },
    });
    const service = await startService(config, createLogger('silent'), 'all');
    started.push({ service, cluster });
    // Every business's feed is polled, analysed and flagged through the shards.
    await waitFor(async () => {
      const res = await fetch(`${service.address}/v1/alerts?limit=100`, { headers: { authorization: `Bearer ${KEY}` } });
      const items = ((await res.json()) as { items: { sourceId: string }[] }).items;
      return new Set(items.map((i) => i.sourceId)).size === 6;
    }, 40_000, 'alerts of all six businesses');
    // The shards' queues are under three hash tags, on more than one node; each business's jobs in one shard.
    const tags = service.ctx.queues.shards.map((s) => s.prefix);
    const owners = new Set(await Promise.all(tags.map((t) => ownerOf(cluster, t))));
    const slots = new Set(await Promise.all(tags.map(async (t) => (await run('redis-cli', ['-p', String(cluster.ports[0]), 'cluster', 'keyslot', t])).stdout.trim())));
    expect(slots.size).toBe(3);
    // Spaced a third of the slot space apart, on a cluster whose three nodes hold a third each: one per node.
    expect(owners.size).toBe(3);
    const shardOfJobs = new Map<string, Set<number>>();
    for (const [i, shard] of service.ctx.queues.shards.entries()) {
      for (const job of await shard.queues.poll.getJobs(['completed', 'waiting', 'active'])) {
        const business = (job.data as { sourceId: string }).sourceId.split('.')[0]!;
        shardOfJobs.set(business, (shardOfJobs.get(business) ?? new Set()).add(i));
      }
    }
    expect([...shardOfJobs.values()].every((s) => s.size === 1)).toBe(true);
    expect(new Set([...shardOfJobs.values()].flatMap((s) => [...s])).size).toBeGreaterThan(1);

    // Each business's reviews, indexes and counters are in its own tag's slot, so every node holds some.
    for (const id of ids) {
      const tag = `{${prefix}:${id}}`;
      const slot = (await run('redis-cli', ['-p', String(cluster.ports[0]), 'cluster', 'keyslot', tag])).stdout.trim();
      const node = cluster.ports[await ownerOf(cluster, tag)]!;
      expect(Number((await run('redis-cli', ['-p', String(node), 'cluster', 'countkeysinslot', slot])).stdout.trim()), `keys of ${id}`).toBeGreaterThan(10);
    }
    // Across nodes: the lifecycle of one review per node, counts and lists across businesses and narrowed to one.
    const api = async (url: string, init: RequestInit = {}) => {
      const res = await fetch(`${service.address}${url}`, { ...init, headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> & { items?: { id: string; sourceId: string }[] } };
    };
    const all = (await api('/v1/alerts?limit=100')).body.items!;
    const firstOf = [...onNode.values()].map(([id]) => all.find((a) => a.sourceId === `${id}.rss`)!.id);
    for (const id of firstOf) expect((await api(`/v1/reviews/${id}/acknowledge`, { method: 'POST', body: '{}' })).status).toBe(200);
    expect((await service.ctx.lifecycle.byStatus.read()).acknowledged).toBe(3);
    expect((await api(`/v1/alerts?business=${ids[0]}&limit=100`)).body.items!.every((a) => a.sourceId === `${ids[0]}.rss`)).toBe(true);
    const perBusiness = all.filter((a) => a.sourceId === `${ids[0]}.rss`).length;
    expect((await api(`/v1/alerts?business=${ids[0]}&limit=100`)).body.items).toHaveLength(perBusiness);
    // Paged across the nodes' indexes, the pages join up to the whole list.
    const paged: string[] = [];
    let cursor = '';
    do {
      const page = (await api(`/v1/alerts?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).body;
      paged.push(...page.items!.map((a) => a.id));
      cursor = (page.nextCursor as string | null) ?? '';
    } while (cursor);
    expect(paged).toEqual(all.map((a) => a.id));
  });
});
