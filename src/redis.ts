import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Cluster, Redis } from 'ioredis';
import type { Logger } from './logger.js';
import { safeRedisUrl, throttledWarn } from './logger.js';

/** A Redis connection for the store and queues, and a way to close what was opened here. */
export interface RedisHandle {
  redis: Redis;
  url: string;
  /** The Redis Cluster's seed nodes, when it is one. */
  cluster?: readonly string[] | undefined;
  /** Closes the connection, and the private redis-server when this process started one. */
  close(): Promise<void>;
}

export class RedisUnavailableError extends Error {}

/** Reconnect for ever with a capped backoff: a restarted Redis must not need a restarted service. */
const retry = (times: number): number => Math.min(200 * 2 ** Math.min(times, 6), 5_000);

/**
 * A connection suitable for BullMQ workers (blocking commands must not time out): to the Redis at `url`, or, given
 * `cluster` seed nodes, ioredis's Cluster client (typed as a Redis: the commands, pipelines, scripts and pub/sub the
 * service uses behave the same while all its keys share one hash tag).
 */
export function createRedis(url: string, opts: { lazyConnect?: boolean; name?: string; cluster?: readonly string[] | undefined } = {}): Redis {
  if (opts.cluster?.length) {
    const seeds = opts.cluster.map((u) => new URL(u));
    const first = seeds[0]!;
    const cluster = new Cluster(
      seeds.map((u) => ({ host: u.hostname, port: Number(u.port || 6379) })),
      {
        lazyConnect: opts.lazyConnect ?? false,
        clusterRetryStrategy: retry,
        // A node restarting or a slot moving: commands wait and follow the redirection instead of failing.
        retryDelayOnFailover: 200,
        retryDelayOnClusterDown: 300,
        retryDelayOnTryAgain: 200,
        redisOptions: {
          maxRetriesPerRequest: null,
          connectionName: opts.name ?? 'review-monitor',
          ...(first.username ? { username: decodeURIComponent(first.username) } : {}),
          ...(first.password ? { password: decodeURIComponent(first.password) } : {}),
          ...(first.protocol === 'rediss:' ? { tls: {} } : {}),
        },
      },
    );
    return cluster as unknown as Redis;
  }
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    lazyConnect: opts.lazyConnect ?? false,
    connectionName: opts.name ?? 'review-monitor',
    retryStrategy: retry,
  });
}

/** Resolves true when something at `url` answers PING within `timeoutMs`. */
export async function redisAnswers(url: string, timeoutMs = 1_500): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs, enableOfflineQueue: false });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/** The redis-server binary on the PATH, if any. */
export function whichRedisServer(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* not in this folder */
    }
  }
  return undefined;
}

/** Starts a private redis-server (AOF on, data under `dataDir`) on `port` and waits until it answers. */
export async function startPrivateRedis(binary: string, port: number, dataDir: string, logger: Logger): Promise<ChildProcess> {
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', path.resolve(dataDir), '--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction', '--hash-max-listpack-value', '1024', '--protected-mode', 'yes'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  watchOverChild(child);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new RedisUnavailableError(`private redis-server exited with code ${child.exitCode}: ${stderr.trim()}`);
    if (await redisAnswers(url, 300)) {
      logger.info({ url, dataDir: path.resolve(dataDir), pid: child.pid }, 'started a private redis-server (nothing answered at the default URL); it stops when the service stops');
      return child;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new RedisUnavailableError(`private redis-server did not answer on ${url} within 10 s`);
}

/**
 * redis-server cannot be told to exit with its parent, so a killed service (SIGKILL, OOM) would leave it
 * running and holding its port. A watchdog shell reads a pipe from this process and stops the child when the
 * pipe closes, which the kernel does when this process dies, however it dies. It holds no reference: it never
 * keeps this process alive, and it is dismissed when the child exits first.
 */
function watchOverChild(child: ChildProcess): void {
  if (child.pid === undefined) return;
  const watchdog = spawn('/bin/sh', ['-c', 'read -r _; kill -TERM "$1" 2>/dev/null', 'redis-watchdog', String(child.pid)], { stdio: ['pipe', 'ignore', 'ignore'] });
  watchdog.on('error', () => {});
  watchdog.unref();
  (watchdog.stdin as (NodeJS.WritableStream & { unref?: () => void }) | null)?.unref?.();
  // Killed outright, not told to act: the child's pid may belong to another process by then.
  child.once('exit', () => watchdog.kill('SIGKILL'));
}

/**
 * Connects to Redis at `url`. When nothing answers, `autostart` is on and a redis-server binary is on
 * the PATH, starts a private one instead; otherwise fails at once with a message naming the URL.
 */
export async function connectRedis(opts: { url: string; autostart: boolean; dataDir: string; logger: Logger; cluster?: readonly string[] | undefined }): Promise<RedisHandle> {
  const { logger } = opts;
  if (opts.cluster?.length) return connectCluster(opts.cluster, logger);
  let url = opts.url;
  let child: ChildProcess | undefined;
  if (!(await redisAnswers(url))) {
    const binary = opts.autostart ? whichRedisServer() : undefined;
    if (!binary) {
      throw new RedisUnavailableError(
        `Redis does not answer at ${safeRedisUrl(url)}. Start one (e.g. "apt-get install -y redis-server && redis-server --daemonize yes", ` +
          `or "docker compose up -d redis") or set REDIS_URL to a Redis you can reach.`,
      );
    }
    const port = Number(new URL(url).port || 6379);
    child = await startPrivateRedis(binary, port, opts.dataDir, logger);
    url = `redis://127.0.0.1:${port}`;
  }
  const redis = createRedis(url);
  const warn = throttledWarn(logger);
  redis.on('error', (err) => warn(err.message, { err: err.message }, 'redis connection error (reconnecting)'));
  await redis.ping();
  return {
    redis,
    url,
    async close() {
      await redis.quit().catch(() => redis.disconnect());
      if (child && child.exitCode === null) {
        const exited = new Promise((r) => child!.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        logger.info('stopped the private redis-server');
      }
    },
  };
}

/** Connects to a Redis Cluster through its seed nodes; fails within 10 s naming them when it does not answer. */
async function connectCluster(nodes: readonly string[], logger: Logger): Promise<RedisHandle> {
  const redis = createRedis(nodes[0]!, { cluster: nodes });
  const warn = throttledWarn(logger);
  redis.on('error', (err: Error) => warn(err.message, { err: err.message }, 'redis cluster connection error (reconnecting)'));
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new RedisUnavailableError(`the Redis Cluster at ${nodes.map(safeRedisUrl).join(', ')} does not answer (cluster_state must be ok)`)), 10_000);
      }),
    ]);
  } catch (err) {
    redis.disconnect();
    throw err;
  } finally {
    clearTimeout(timer);
  }
  return {
    redis,
    url: nodes[0]!,
    cluster: nodes,
    async close() {
      await quitOrDrop(redis);
    },
  };
}

/** Whether `work` finishes within `ms` (a rejection is passed on). */
export function finishesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([work.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), ms).unref())]);
}

/**
 * Closes a connection with QUIT, or drops it when QUIT fails or takes over `ms`: on a cluster QUIT goes to every
 * node, and one whose connection did not come back from a restart would hold it for ever.
 */
export async function quitOrDrop(redis: Redis, ms = 2_000): Promise<void> {
  if (!(await finishesWithin(redis.quit(), ms).catch(() => false))) redis.disconnect();
}
