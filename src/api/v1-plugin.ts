import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import type { EventHub } from '../events.js';
import { ListCache } from './list-cache.js';
import type { RouteRegistry } from './registry.js';
import { alertRoutes } from './routes/alerts.js';
import { deliveryRoutes } from './routes/deliveries.js';
import { insightRoutes } from './routes/insights.js';
import { reviewRoutes } from './routes/reviews.js';
import { sourceRoutes } from './routes/sources.js';
import { businessRoutes } from './routes/businesses.js';
import { assertReviewVisible, assertSourceVisible } from './visibility.js';

/** What the /v1 plugin is built from: the context, the app's route registry (one document) and the event hub. */
export interface V1Options {
  ctx: AppContext;
  api: RouteRegistry;
  hub: EventHub;
}

/**
 * The API for consumers (`/v1`, bearer keys) as a Fastify plugin beside the workspace and integrations: its rate
 * limit and cached list pages belong to it alone. The key check stays on the root app, where it also answers for
 * /v1 paths that match no route (401 before 404, so a caller without a key learns nothing about the routes).
 */
export async function v1Plugin(app: FastifyInstance, opts: V1Options): Promise<void> {
  const { ctx, hub } = opts;
  const api = opts.api.within(app);
  // Per key, or per address without one. Counted per API process unless `shared`, which keeps the
  // counts in Redis (one limit for all replicas, at a Redis round trip per request).
  await app.register(rateLimit, {
    max: ctx.config.api.rateLimit.max,
    timeWindow: ctx.config.api.rateLimit.windowMs,
    ...(ctx.config.api.rateLimit.shared ? { redis: ctx.redis } : {}),
    nameSpace: `${ctx.config.redis.prefix}:ratelimit:`,
    keyGenerator: (req: FastifyRequest) => (req.actor ? `key:${req.actor.name}` : `ip:${req.ip}`),
    errorResponseBuilder: (_req, c) => ({ statusCode: 429, error: 'rate_limited', message: `rate limit of ${c.max} requests per ${c.after} exceeded; retry in ${c.ttl} ms` }),
  });

  // A limited key asking for another business's review or source (or anything under it) gets the 404 of one
  // that does not exist, before the route reads anything.
  app.addHook('preHandler', async (req) => {
    const id = (req.params as { id?: unknown } | undefined)?.id;
    if (!req.actor?.businesses || typeof id !== 'string') return;
    const route = req.routeOptions.url ?? '';
    if (route.startsWith('/v1/reviews/:id')) assertReviewVisible(ctx.config, req.actor, id);
    else if (route.startsWith('/v1/sources/:id')) assertSourceVisible(ctx.config, req.actor, id);
  });

  const lists = new ListCache(ctx.store, ctx.config.api.cacheLists);
  await lists.start();
  app.addHook('onClose', async () => lists.close());
  alertRoutes(api, ctx, lists);
  reviewRoutes(api, ctx, lists);
  sourceRoutes(api, ctx);
  businessRoutes(api, ctx);
  deliveryRoutes(api, ctx);
  insightRoutes(api, ctx, hub);
}
