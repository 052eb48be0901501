import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { resendDelivery } from '../../alerts/resend.js';
import { formatPath } from '../../config/load.js';
import type { AppContext } from '../../context.js';
import type { DeliveryRecord } from '../../store/delivery-records.js';
import { InvalidCursorError } from '../../store/review-store.js';

// Same error body and 400 style as the rest of /v1 (`{error, message, details}`, naming the field).
type ApiError = { error: string; message: string; details?: { path: string; message: string }[] };

const sendError = (reply: FastifyReply, status: number, body: ApiError): FastifyReply => reply.code(status).send(body);

function badRequest(reply: FastifyReply, where: 'query' | 'params', error: z.ZodError): FastifyReply {
  const details = error.issues.map((i) => ({ path: `${where}.${formatPath(i.path)}`, message: i.message }));
  return sendError(reply, 400, { error: 'bad_request', message: details.map((d) => `${d.path}: ${d.message}`).join('; '), details });
}

const deliveriesQuery = z.strictObject({
  // Only failed deliveries are indexed; the others are seen per review.
  status: z.enum(['failed'], { error: 'only "failed" is supported' }).default('failed'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(300).optional(),
});

const reviewId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be a review id');
const channelId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i, 'must be an alert channel id');
const reviewParams = z.object({ id: reviewId });
const resendParams = z.object({ id: reviewId, channel: channelId });

/** A delivery record as the API shows it, with the channel type and the review's API path. */
function present(ctx: AppContext, d: DeliveryRecord): Record<string, unknown> {
  return { ...d, channelType: ctx.channels.get(d.channelId)?.type ?? null, reviewPath: `/v1/reviews/${encodeURIComponent(d.reviewId)}` };
}

/**
 * Alert deliveries: failed ones listed newest first, a review's per-channel records, and re-sending.
 * Registered inside the authenticated `/v1` scope.
 */
export function deliveryRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.get('/deliveries', async (req, reply) => {
      const q = deliveriesQuery.safeParse(req.query);
      if (!q.success) return badRequest(reply, 'query', q.error);
      try {
        const page = await ctx.store.deliveries.listFailed({ limit: q.data.limit, cursor: q.data.cursor });
        return { items: page.items.map((d) => present(ctx, d)), nextCursor: page.nextCursor };
      } catch (err) {
        if (err instanceof InvalidCursorError) return sendError(reply, 400, { error: 'bad_request', message: `query.cursor: ${err.message}`, details: [{ path: 'query.cursor', message: err.message }] });
        throw err;
      }
    });

    app.get('/reviews/:id/alerts', async (req, reply) => {
      const p = reviewParams.safeParse(req.params);
      if (!p.success) return badRequest(reply, 'params', p.error);
      if (!(await ctx.store.get(p.data.id))) return sendError(reply, 404, { error: 'not_found', message: `no review ${p.data.id}` });
      return { items: (await ctx.store.deliveries.forReview(p.data.id)).map((d) => present(ctx, d)) };
    });

    app.post('/reviews/:id/alerts/:channel/resend', async (req, reply) => {
      const p = resendParams.safeParse(req.params);
      if (!p.success) return badRequest(reply, 'params', p.error);
      const res = await resendDelivery(ctx, p.data.id, p.data.channel);
      if ('error' in res) return sendError(reply, res.error === 'not_found' ? 404 : 409, res);
      return reply.code(202).send({ queued: true, jobId: res.jobId });
    });
  };
}
