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
import { slaFor } from './config/businesses.js';

export const ROLES = ['all', 'api', 'worker', 'scheduler'] as const;
export type Role = (typeof ROLES)[number];

/** Opens Redis (or a private redis-server) and builds the store, queues and alert channels. */
export async function createContext(config: Config, logger: Logger): Promise<{ ctx: AppContext; close(): Promise<void> }> {
  const handle = await connectRedis({ url: config.redis.url, autostart: config.redis.autostart, dataDir: config.redis.dataDir, logger });
  const warn = throttledWarn(logger.child({ module: 'queues' }));
  const queues = new Queues(handle.redis, config.redis.prefix, {
    retryDelayMs: config.workers.retryDelayMs,
    onError: (queue, err) => warn(`${queue}|${err.message}`, { queue, err: err.message }, 'queue connection error (reconnecting)'),
  });
  const store = new ReviewStore(handle.redis, config.redis.prefix);
  const ctx: AppContext = {
    config,
    logger,
    redis: handle.redis,
    redisUrl: handle.url,
    store,
    lifecycle: new LifecycleStore(store, async (event) => {
      // Every API replica's /v1/events streams it; each webhook channel subscribed to its type gets a job of its own
      // (a deterministic id: two replicas or a retried step enqueue it once).
      await publishEvents(handle.redis, config.redis.prefix, [event]);
      const subscribed = [...ctx.channels.values()].filter((c) => c.events.includes(event.type));
      await Promise.all(subscribed.map((c) => queues.add('notify', jobId('event', c.id, event.id), { channelId: c.id, reviewIds: [event.reviewId], event })));
    }, (sourceId) => slaFor(config, sourceId)),
    people: new PeopleStore(handle.redis, store.keys),
    metrics: new Metrics(handle.redis, store.keys),
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
  return {
    ctx,
    api,
    address,
    scheduler,
    workers,
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
