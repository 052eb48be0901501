import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { formatPath } from '../config/load.js';
import { InvalidCursorError, type StoredReview } from '../store/review-store.js';
import { requestPoll } from '../scheduler.js';
import { bearerToken, createKeyChecker } from './auth.js';
import { deliveryRoutes } from './routes/deliveries.js';

/** The single error body of the API. */
export interface ApiError {
  error: string;
  message: string;
  details?: { path: string; message: string }[];
}

const alertsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(200).optional(),
  source: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i, 'must be a source id').optional(),
  since: z.iso.datetime({ offset: true, error: 'must be an ISO-8601 date-time, e.g. 2026-01-31T00:00:00Z' }).optional(),
});

const sourceParams = z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i, 'must be a source id') });
const reviewParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be a review id') });

function sendError(reply: FastifyReply, status: number, body: ApiError): FastifyReply {
  return reply.code(status).send(body);
}

function badRequest(reply: FastifyReply, where: 'query' | 'params', error: z.ZodError): FastifyReply {
  const details = error.issues.map((i) => ({ path: `${where}.${formatPath(i.path)}`, message: i.message }));
  return sendError(reply, 400, { error: 'bad_request', message: details.map((d) => `${d.path}: ${d.message}`).join('; '), details });
}

/** The review as the API shows it: its fields, verdict, draft and lifecycle. */
export function presentReview(s: StoredReview): Record<string, unknown> {
  return {
    ...s.review,
    status: s.status,
    backfill: s.backfill,
    createdAt: s.createdAt,
    editedAt: s.editedAt,
    analyzedAt: s.analyzedAt,
    flaggedAt: s.alertedAt,
    ratingHistory: s.ratingHistory,
    verdict: s.verdict ?? null,
    draft: s.draft ?? null,
  };
}

/**
 * Builds the Fastify app (not listening): health, readiness and the authenticated /v1 API.
 * `healthOnly` serves just /health and /ready, for worker and scheduler processes behind probes.
 */
export async function buildApi(ctx: AppContext, opts: { healthOnly?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger.child({ module: 'api' }) as FastifyBaseLogger,
    // A line per request drowns the pipeline's own logs; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    trustProxy: false,
  });
  const keyMatches = createKeyChecker(ctx.config.api.keys);

  app.setNotFoundHandler((req, reply) => sendError(reply, 404, { error: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` }));
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'request failed');
    // Never leak internals (stack, Redis errors) to the client.
    return sendError(reply, status, { error: status === 500 ? 'internal' : (err.code ?? 'bad_request').toLowerCase(), message: status === 500 ? 'internal error' : err.message });
  });

  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_req, reply) => {
    try {
      await Promise.race([ctx.redis.ping(), new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), 1_000))]);
      return { status: 'ready' };
    } catch {
      return sendError(reply, 503, { error: 'not_ready', message: 'Redis does not answer' });
    }
  });

  if (opts.healthOnly) return app;

  await app.register(
    async (v1) => {
      v1.addHook('onRequest', async (req, reply) => {
        if (!keyMatches(bearerToken(req.headers.authorization))) {
          return sendError(reply.header('www-authenticate', 'Bearer'), 401, { error: 'unauthorized', message: 'missing or invalid API key (Authorization: Bearer <key>)' });
        }
      });

      v1.get('/alerts', async (req, reply) => {
        const q = alertsQuery.safeParse(req.query);
        if (!q.success) return badRequest(reply, 'query', q.error);
        try {
          const page = await ctx.store.listAlerts({ limit: q.data.limit, cursor: q.data.cursor, sourceId: q.data.source, since: q.data.since ? new Date(q.data.since) : undefined });
          return { items: page.items.map(presentReview), nextCursor: page.nextCursor };
        } catch (err) {
          if (err instanceof InvalidCursorError) return sendError(reply, 400, { error: 'bad_request', message: `query.cursor: ${err.message}`, details: [{ path: 'query.cursor', message: err.message }] });
          throw err;
        }
      });

      v1.get('/reviews/:id', async (req, reply) => {
        const p = reviewParams.safeParse(req.params);
        if (!p.success) return badRequest(reply, 'params', p.error);
        const stored = await ctx.store.get(p.data.id);
        if (!stored) return sendError(reply, 404, { error: 'not_found', message: `no review ${p.data.id}` });
        return presentReview(stored);
      });

      const presentSource = async (id: string): Promise<Record<string, unknown> | undefined> => {
        const source = ctx.config.sources.find((s) => s.id === id);
        if (!source) return undefined;
        const state = await ctx.store.getSourceState(id);
        const healthy = state.consecutiveFailures === 0 && state.lastSuccessAt !== undefined;
        return { id, type: source.type, schedule: source.schedule, enabled: source.enabled, healthy, ...state };
      };

      v1.get('/sources', async () => ({ items: await Promise.all(ctx.config.sources.map((s) => presentSource(s.id))) }));

      v1.get('/sources/:id', async (req, reply) => {
        const p = sourceParams.safeParse(req.params);
        if (!p.success) return badRequest(reply, 'params', p.error);
        return (await presentSource(p.data.id)) ?? sendError(reply, 404, { error: 'not_found', message: `no source ${p.data.id}` });
      });

      v1.post('/sources/:id/poll', async (req, reply) => {
        const p = sourceParams.safeParse(req.params);
        if (!p.success) return badRequest(reply, 'params', p.error);
        if (!ctx.config.sources.some((s) => s.id === p.data.id)) return sendError(reply, 404, { error: 'not_found', message: `no source ${p.data.id}` });
        const jobId = await requestPoll(ctx, p.data.id, 'manual');
        return reply.code(202).send({ queued: true, jobId });
      });
      await v1.register(deliveryRoutes(ctx));
    },
    { prefix: '/v1' },
  );
  return app;
}
