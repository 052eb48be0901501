import type { FastifyInstance } from 'fastify';
import { buildApi } from './api/server.js';
import { createChannels } from './alerts/channels.js';
import type { Config } from './config/schema.js';
import type { AppContext } from './context.js';
import { throttledWarn, type Logger } from './logger.js';
import { jobId, Queues } from './queues.js';
import { connectRedis } from './redis.js';
import { startScheduler, type Scheduler } from './scheduler.js';
import { ReviewStore } from './store/review-store.js';
import { LifecycleStore } from './store/lifecycle-store.js';
import { PeopleStore } from './store/people-store.js';
import { Metrics } from './metrics.js';
import { startWorkers, type WorkerPool } from '../workers/index.js';

import { buildCredentials } from './credentials/index.js';
import { publishEvents } from './events.js';
import { jobBusiness, slaFor } from './config/businesses.js';

export const ROLES = ['all', 'api', 'worker', 'scheduler'] as const;
export type Role = (typeof ROLES)[number];

/** Opens Redis (or a private redis-server) and builds the store, queues and alert channels. */
export async function createContext(config: Config, logger: Logger): Promise<{ ctx: AppContext; close(): Promise<void> }> {
  const handle = await connectRedis({ url: config.redis.url, autostart: config.redis.autostart, dataDir: config.redis.dataDir, logger, cluster: config.redis.cluster });
  const warn = throttledWarn(logger.child({ module: 'queues' }));
  const queues = new Queues(handle.redis, config.redis.prefix, {
    retryDelayMs: config.workers.retryDelayMs,
    shards: config.redis.queueShards,
    // Read per job from the context's config, which a reload replaces.
    businessOf: (queue, data) => jobBusiness(ctx.config, queue, data as Record<string, unknown>),
    onError: (queue, err) => warn(`${queue}|${err.message}`, { queue, err: err.message }, 'queue connection error (reconnecting)'),
  });
  const store = new ReviewStore(handle.redis, config.redis.prefix);
  const ctx: AppContext = {
    config,
    logger,
    redis: handle.redis,
    redisUrl: handle.url,
    redisCluster: handle.cluster,
    store,
    lifecycle: new LifecycleStore(store, async (event) => {
      // Every API replica's /v1/events streams it; each webhook channel subscribed to its type gets a job of its own
      // (a deterministic id: two replicas or a retried step enqueue it once).
      await publishEvents(handle.redis, config.redis.prefix, [event]);
      const subscribed = [...ctx.channels.values()].filter((c) => c.events.includes(event.type));
      await Promise.all(subscribed.map((c) => queues.add('notify', jobId('event', c.id, event.id), { channelId: c.id, reviewIds: [event.reviewId], event })));
    }, (sourceId) => slaFor(ctx.config, sourceId)),
    people: new PeopleStore(handle.redis, store.keys),
    metrics: new Metrics(handle.redis, store.keys, () => store.businessKeys()),
    queues,
    credentials: buildCredentials(config.credentials),
    channels: createChannels(config.alerts, { logger, userAgent: config.fetch.userAgent, interactive: config.slack.signingSecret !== undefined }),
  };
  return {
    ctx,
    async close() {
      await queues.close();
      // E-mail channels hold SMTP transports.
      await Promise.all([...ctx.channels.values()].map((c) => c.close?.()));
      await handle.close();
    },
  };
}

/** Sections read once at start: a change to them is applied by a restart, not a reload. */
const RESTART_ONLY = ['redis', 'api', 'workers', 'shutdown', 'log', 'fetch', 'slack', 'workspace'] as const;

/** What a reload applied, and what waits for a restart. */
export interface ReloadOutcome {
  businesses: { added: string[]; removed: string[]; kept: number };
  sources: { added: string[]; removed: string[] };
  /** Changed sections that only a restart applies (the rest of the new config is running). */
  needsRestart: string[];
}

/**
 * Puts a new, already validated config into a running context: the config every role reads per job and per
 * request, the platform credentials and the alert channels (rebuilt; the old ones closed). API keys follow the
 * config. The Redis connection, listeners and worker counts are the start's until a restart (`needsRestart`).
 */
export async function reloadContext(ctx: AppContext, next: Config): Promise<ReloadOutcome> {
  const before = ctx.config;
  const changed = (a: unknown, b: unknown): boolean => JSON.stringify(a) !== JSON.stringify(b);
  // API keys follow the config (src/api/server.ts); the rest of `api` is the listener's.
  const startOnly = (c: Config, k: (typeof RESTART_ONLY)[number]): unknown => (k === 'api' ? { ...c.api, keys: undefined } : c[k]);
  const needsRestart: string[] = RESTART_ONLY.filter((k) => changed(startOnly(before, k), startOnly(next, k)));
  // The insight check's interval and the report's cron are set at start as well.
  if (before.insights.checkMinutes !== next.insights.checkMinutes || changed(before.insights.report, next.insights.report)) needsRestart.push('insights');
  const ids = (list: readonly { id: string }[]): Set<string> => new Set(list.map((x) => x.id));
  const [oldB, newB, oldS, newS] = [ids(before.businesses), ids(next.businesses), ids(before.sources), ids(next.sources)];
  const old = [...ctx.channels.values()];
  const channels = createChannels(next.alerts, { logger: ctx.logger, userAgent: next.fetch.userAgent, interactive: next.slack.signingSecret !== undefined });
  ctx.config = next;
  ctx.credentials = buildCredentials(next.credentials);
  // The same Map, refilled: everything that was given it sees the new channels.
  ctx.channels.clear();
  for (const [id, c] of channels) ctx.channels.set(id, c);
  await Promise.all(old.map((c) => c.close?.()));
  return {
    businesses: { added: [...newB].filter((b) => !oldB.has(b)), removed: [...oldB].filter((b) => !newB.has(b)), kept: [...newB].filter((b) => oldB.has(b)).length },
    sources: { added: [...newS].filter((s) => !oldS.has(s)), removed: [...oldS].filter((s) => !newS.has(s)) },
    needsRestart,
  };
}

/** A running service: whichever roles were asked for, and one way to stop them all. */
export interface Service {
  ctx: AppContext;
  api?: FastifyInstance | undefined;
  /** `http://host:port` of the API when this process serves it. */
  address?: string | undefined;
  scheduler?: Scheduler | undefined;
  workers?: WorkerPool | undefined;
  /** Stops scheduling, closes the API, lets in-flight jobs finish, then closes Redis. */
  stop(): Promise<void>;
  /**
   * Runs on a new, validated config without a restart: added sources are scheduled (and polled at once),
   * removed ones stop polling (their data is kept), channels, businesses, keys and drafting follow at once.
   */
  reload(next: Config): Promise<ReloadOutcome>;
}

/** Starts the given role (`all` = scheduler, workers and API in one process). */
export async function startService(config: Config, logger: Logger, role: Role, opts: { pollOnStart?: boolean } = {}): Promise<Service> {
  const { ctx, close } = await createContext(config, logger);
  const has = (r: Role): boolean => role === 'all' || role === r;
  let api: FastifyInstance | undefined;
  let address: string | undefined;
  let workers: WorkerPool | undefined;
  let scheduler: Scheduler | undefined;
  try {
    if (has('worker')) workers = startWorkers(ctx);
    if (has('api')) {
      const placed = await ctx.lifecycle.byStatus.buildOnce();
      if (placed) logger.info({ placed }, 'flagged reviews past new indexed by status (once, for a store written before the status index)');
      api = await buildApi(ctx);
      address = await api.listen({ host: config.api.host, port: config.api.port });
      logger.info({ address, keys: config.api.keys.length }, config.api.keys.length ? 'API listening' : 'API listening; no API keys are configured, so /v1 answers 401 (set API_KEYS)');
    }
    if (has('scheduler')) scheduler = startScheduler(ctx, { pollOnStart: opts.pollOnStart ?? true });
    if (!has('api') && config.api.healthPort !== undefined) {
      api = await buildApi(ctx, { healthOnly: true });
      address = await api.listen({ host: config.api.host, port: config.api.healthPort });
      logger.info({ address }, 'health endpoints listening (/health, /ready)');
    }
  } catch (err) {
    await api?.close().catch(() => {});
    await workers?.close().catch(() => {});
    await close().catch(() => {});
    throw err;
  }
  let stopping: Promise<void> | undefined;
  // One reload at a time: a second signal while one runs waits for it.
  let reloading: Promise<unknown> = Promise.resolve();
  return {
    ctx,
    api,
    address,
    scheduler,
    workers,
    reload(next) {
      const run = reloading.then(async () => {
        const outcome = await reloadContext(ctx, next);
        await workers?.reload();
        scheduler?.reload();
        return outcome;
      });
      reloading = run.catch(() => undefined);
      return run;
    },
    stop() {
      stopping ??= (async () => {
        await scheduler?.stop();
        await api?.close();
        await workers?.close();
        await close();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}
