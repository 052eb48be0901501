/**
 * Fault-test harness: the service as operators run it (built CLI processes on a generated config), a
 * feed server whose content the test changes, an alert receiver that counts deliveries per
 * idempotency key, and read-only checks of what the service left in Redis.
 */
import type { ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { stringify } from 'yaml';
import { createLogger } from '../../src/logger.js';
import { startPrivateRedis, whichRedisServer } from '../../src/redis.js';
import { startCli } from '../helpers/cli.js';
import { rssFeed, type FeedItem } from '../helpers/factories.js';
import { freePort, startTestServer, waitFor, type TestServer } from '../helpers/http.js';
import { deleteKeys, uniquePrefix } from '../helpers/redis.js';

/** Cleanups run in reverse order, each even when an earlier one throws: nothing outlives a failed test. */
export class Cleanup {
  private readonly fns: (() => Promise<unknown> | unknown)[] = [];
  add(fn: () => Promise<unknown> | unknown): void {
    this.fns.push(fn);
  }
  async run(): Promise<void> {
    for (const fn of this.fns.splice(0).reverse()) {
      try {
        await fn();
      } catch {
        /* keep cleaning up */
      }
    }
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ---- feeds ------------------------------------------------------------------------------------------

/** `n` feed items from `start`: every third one clearly negative, the rest clearly positive. */
export function makeItems(n: number, start = 0, label = 'r'): FeedItem[] {
  const items: FeedItem[] = [];
  for (let i = start; i < start + n; i++) {
    const negative = i % 3 === 0;
    items.push(
      negative
        ? { id: `${label}-${i}`, title: `Cold food, long wait #${i}`, text: `We waited 50 minutes and the soup was cold. Terrible service, visit ${i}.`, rating: 1, author: `Guest ${i}`, date: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() }
        : { id: `${label}-${i}`, title: `Wonderful dinner #${i}`, text: `Fantastic food and friendly staff. We loved it, visit ${i}.`, rating: 5, author: `Guest ${i}`, date: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() },
    );
  }
  return items;
}

/** A local RSS feed whose items the test sets; counts requests and their times. */
export interface Feed {
  url: string;
  server: TestServer;
  items: FeedItem[];
  requests: number[];
  set(items: FeedItem[]): void;
}

export async function startFeed(items: FeedItem[] = []): Promise<Feed> {
  let body = rssFeed(items);
  const feed: Feed = {
    url: '',
    server: undefined as unknown as TestServer,
    items,
    requests: [],
    set(next) {
      feed.items = next;
      body = rssFeed(next);
    },
  };
  feed.server = await startTestServer((_req, res) => {
    feed.requests.push(Date.now());
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
  });
  feed.url = `${feed.server.url}/feed.rss`;
  return feed;
}

// ---- alert receiver ---------------------------------------------------------------------------------

/** A webhook receiver on a fixed port that can go down (connection refused) and come back. */
export interface Receiver {
  url: string;
  port: number;
  /** Deliveries that reached the receiver, by idempotency key. */
  byKey: Map<string, number>;
  total(): number;
  /** Milliseconds each delivery takes to be answered. */
  delayMs: number;
  up(): Promise<void>;
  down(): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(opts: { delayMs?: number } = {}): Promise<Receiver> {
  const port = await freePort();
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  const byKey = new Map<string, number>();
  const r: Receiver = {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    byKey,
    delayMs: opts.delayMs ?? 0,
    total: () => [...byKey.values()].reduce((a, b) => a + b, 0),
    async up() {
      if (server) return;
      const s = createServer((req, res: ServerResponse) => {
        req.resume();
        req.on('end', () => {
          const key = String(req.headers['idempotency-key'] ?? '(none)');
          byKey.set(key, (byKey.get(key) ?? 0) + 1);
          const answer = (): void => void res.writeHead(204).end();
          if (r.delayMs > 0) setTimeout(answer, r.delayMs);
          else answer();
        });
      });
      s.on('connection', (c) => {
        sockets.add(c);
        c.on('close', () => sockets.delete(c));
      });
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, '127.0.0.1', () => resolve());
      });
      server = s;
    },
    async down() {
      const s = server;
      server = undefined;
      if (!s) return;
      for (const c of sockets) c.destroy();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    close: () => r.down(),
  };
  await r.up();
  return r;
}

// ---- the service ------------------------------------------------------------------------------------

export interface ServiceOptions {
  prefix: string;
  redisUrl: string;
  feedUrl: string;
  receiverUrl?: string;
  schedule?: string;
  alertOnBackfill?: boolean;
  /** Merged over the `workers` section. */
  workers?: Record<string, unknown>;
  fetch?: Record<string, unknown>;
  shutdownMs?: number;
  /** Extra sources beside `src`. */
  sources?: Record<string, unknown>[];
}

/** What every process-level fault test starts with: its Redis keys, a feed, an alert receiver and a config naming them. */
export interface Scenario {
  prefix: string;
  /** A client on the prefix (its keys are deleted on cleanup). */
  redis: Redis;
  feed: Feed;
  receiver: Receiver;
  /** The config file's path. */
  config: string;
}

/**
 * Sets up a scenario under a fresh prefix `name-…`: the feed serves `items`, the receiver answers after
 * `receiverDelayMs`, and `config` is merged into the written config (prefix and URLs are filled in).
 */
export async function startScenario(
  cleanup: Cleanup,
  o: { name: string; items: FeedItem[]; redisUrl: string; receiverDelayMs?: number; config?: Omit<ServiceOptions, 'prefix' | 'redisUrl' | 'feedUrl' | 'receiverUrl'> },
): Promise<Scenario> {
  const prefix = uniquePrefix(o.name);
  const redis = redisFor(cleanup, o.redisUrl, prefix);
  const feed = await startFeed(o.items);
  cleanup.add(() => feed.server.close());
  const receiver = await startReceiver({ delayMs: o.receiverDelayMs ?? 0 });
  cleanup.add(() => receiver.close());
  const config = writeConfig(cleanup, { ...o.config, prefix, redisUrl: o.redisUrl, feedUrl: feed.url, receiverUrl: receiver.url });
  return { prefix, redis, feed, receiver, config };
}

/** Writes a config file for the built CLI; returns its path. */
export function writeConfig(cleanup: Cleanup, o: ServiceOptions): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rm-faults-'));
  cleanup.add(() => rmSync(dir, { recursive: true, force: true }));
  const config = {
    business: { name: 'Harbor Bistro', contact: { email: 'care@harborbistro.example' }, signature: 'Maya, Guest Relations' },
    sources: [{ id: 'src', type: 'rss', url: o.feedUrl, allowPrivateNetwork: true, schedule: o.schedule ?? '* * * * * *', alertOnBackfill: o.alertOnBackfill ?? true }, ...(o.sources ?? [])],
    alerts: o.receiverUrl ? [{ type: 'webhook', id: 'hook', url: o.receiverUrl, timeoutMs: 5_000 }] : [{ type: 'log' }],
    redis: { prefix: o.prefix },
    api: { host: '127.0.0.1' },
    fetch: { timeoutMs: 5_000, ...o.fetch },
    workers: { retryDelayMs: 100, lockDurationMs: 2_000, stalledIntervalMs: 1_000, ...o.workers },
    shutdown: { deadlineMs: o.shutdownMs ?? 10_000 },
  };
  const file = path.join(dir, 'config.yaml');
  writeFileSync(file, stringify(config));
  return file;
}

/** A spawned role of the built CLI. */
export interface Proc {
  role: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** Spawns `node dist/main.js <role>`; it is SIGKILLed at cleanup if still running. */
export function spawnRole(cleanup: Cleanup, role: 'all' | 'worker' | 'scheduler' | 'api', configFile: string, env: Record<string, string>): Proc {
  const p = startCli([role, '--config', configFile], { LOG_LEVEL: 'warn', ...env });
  cleanup.add(async () => {
    if (p.child.exitCode === null && p.child.signalCode === null) {
      p.child.kill('SIGKILL');
      await Promise.race([p.exited, sleep(3_000)]);
    }
  });
  return { role, ...p };
}

// ---- what the service left in Redis ----------------------------------------------------------------

export interface StoreSnapshot {
  reviews: Map<string, Record<string, string>>;
  pending: string[];
  alerts: string[];
  delivered: Map<string, Record<string, string>>;
}

/** Every review hash, pending id, flagged id and delivery record under `prefix` (source `src` unless said). */
export async function snapshot(redis: Redis, prefix: string, sourceId = 'src'): Promise<StoreSnapshot> {
  const scanAll = async (match: string): Promise<string[]> => {
    const out: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 1000);
      cursor = next;
      out.push(...keys);
    } while (cursor !== '0');
    return out;
  };
  const readHashes = async (keys: string[], strip: string): Promise<Map<string, Record<string, string>>> => {
    const pipe = redis.pipeline();
    for (const k of keys) pipe.hgetall(k);
    const res = (await pipe.exec()) ?? [];
    return new Map(keys.map((k, i) => [k.slice(strip.length), res[i]![1] as Record<string, string>]));
  };
  const reviewKeys = (await scanAll(`${prefix}:review:*`)).filter((k) => !k.slice(`${prefix}:review:`.length).includes(':'));
  return {
    reviews: await readHashes(reviewKeys, `${prefix}:review:`),
    pending: await redis.zrange(`${prefix}:pending:${sourceId}`, '0', '-1'),
    alerts: await redis.zrange(`${prefix}:alerts`, '0', '-1'),
    delivered: await readHashes(await scanAll(`${prefix}:delivered:*`), `${prefix}:delivered:`),
  };
}

/** Review ids whose stored content was analysed (verdict saved for the current hash). */
export function analysedIds(s: StoreSnapshot): string[] {
  return [...s.reviews].filter(([, h]) => h.verdict && h.analyzedHash === h.hash).map(([id]) => id);
}

/** Review ids whose verdict says negative. */
export function negativeIds(s: StoreSnapshot): string[] {
  return [...s.reviews].filter(([, h]) => h.verdict && (JSON.parse(h.verdict) as { negative: boolean }).negative).map(([id]) => id);
}

/**
 * The invariants that must hold whenever the service is at rest: no half-written review (analysed
 * without a verdict, flagged without being in the alert list), pending = stored but not analysed.
 */
export function consistencyProblems(s: StoreSnapshot): string[] {
  const problems: string[] = [];
  const pending = new Set(s.pending);
  const alerts = new Set(s.alerts);
  for (const [id, h] of s.reviews) {
    if (!h.review || !h.hash) problems.push(`${id}: stored without its content or hash`);
    if (h.analyzedAt && !h.verdict) problems.push(`${id}: analysedAt without a verdict`);
    const analysed = Boolean(h.verdict) && h.analyzedHash === h.hash;
    if (!analysed && !pending.has(id)) problems.push(`${id}: not analysed and not pending`);
    if (h.alertedAt && !alerts.has(id)) problems.push(`${id}: alertedAt but not in the alert list`);
    if (alerts.has(id) && !h.alertedAt) problems.push(`${id}: in the alert list without alertedAt`);
  }
  for (const id of pending) if (!s.reviews.has(id)) problems.push(`${id}: pending but not stored`);
  return problems;
}

/** Jobs of one queue in the given states. */
export async function queueJobs(redisUrl: string, prefix: string, name: string, states: ('completed' | 'failed' | 'active' | 'waiting' | 'delayed' | 'prioritized' | 'waiting-children')[]) {
  const q = new Queue(name, { connection: { url: redisUrl, maxRetriesPerRequest: null }, prefix });
  try {
    return await q.getJobs(states, 0, -1);
  } finally {
    await q.close();
  }
}

/** A test's own Redis connection; its keys are deleted at cleanup. */
export function redisFor(cleanup: Cleanup, url: string, prefix: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  redis.on('error', () => {});
  cleanup.add(async () => {
    await Promise.race([deleteKeys(redis, prefix), sleep(5_000)]);
    redis.disconnect();
  });
  return redis;
}

// ---- a private Redis that a test may stop and restart -----------------------------------------------

export interface PrivateRedis {
  url: string;
  port: number;
  dir: string;
  child: ChildProcess | undefined;
  /** Graceful stop (SIGTERM: redis-server fsyncs the AOF and exits). */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** A redis-server with AOF on a free port and a temporary dir; stopped and removed at cleanup. */
export async function startRestartableRedis(cleanup: Cleanup): Promise<PrivateRedis> {
  const binary = whichRedisServer();
  if (!binary) throw new Error('redis-server is not on the PATH: the Redis restart test needs one');
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'rm-faults-redis-'));
  mkdirSync(dir, { recursive: true });
  const r: PrivateRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    child: undefined,
    async start() {
      r.child = await startPrivateRedis(binary, port, dir, createLogger('silent'));
    },
    async stop() {
      const child = r.child;
      r.child = undefined;
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((res) => child.once('exit', res));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
    },
  };
  cleanup.add(async () => {
    if (r.child && r.child.exitCode === null) {
      r.child.kill('SIGKILL');
      await sleep(100);
    }
    rmSync(dir, { recursive: true, force: true });
  });
  await r.start();
  return r;
}

/** Whether a process is still running. */
export const alive = (p: Proc): boolean => p.child.exitCode === null && p.child.signalCode === null;

/** Waits for a condition with a message that carries the processes' output when it fails. */
export function until<T>(check: () => Promise<T> | T, timeoutMs: number, what: string | (() => string), procs: Proc[] = []): Promise<NonNullable<T>> {
  return waitFor(check, timeoutMs, typeof what === 'string' ? what : 'condition').catch((err: Error) => {
    if (typeof what === 'function') err.message += ` ${what()}`;
    const logs = procs.map((p) => `--- ${p.role} (pid ${p.child.pid}, exit ${p.child.exitCode ?? p.child.signalCode ?? 'running'}):\n${p.output().slice(-4_000)}`).join('\n');
    throw new Error(`${err.message}\n${logs}`);
  });
}

export { freePort, waitFor };

/** Where the fault suite writes its figures, one JSON line per test (reset at the start of a run). */
export const FIGURES_FILE = path.resolve('test-results/fault-figures.jsonl');

/** Prints a test's figures (what it proved, how fast) and appends them to FIGURES_FILE for the run's record. */
export function figures(test: string, data: Record<string, number | string | boolean>): void {
  const line = { test, at: new Date().toISOString(), ...data };
  console.log(`[faults] ${test}: ${Object.entries(data).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  mkdirSync(path.dirname(FIGURES_FILE), { recursive: true });
  appendFileSync(FIGURES_FILE, `${JSON.stringify(line)}\n`);
}
