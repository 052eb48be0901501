import { z } from 'zod';
import { resendDelivery } from '../../alerts/resend.js';
import type { AppContext } from '../../context.js';
import type { DeliveryRecord } from '../../store/delivery-records.js';
import { HttpError, notFound } from '../errors.js';
import type { RouteRegistry } from '../registry.js';
import { deliveryListSchema, deliveryPageSchema, queuedSchema } from '../responses.js';
import { businessQuery, cursor, limit, reviewIdParams } from '../schemas.js';
import { withCursor } from './alerts.js';
import { businessesOf } from '../visibility.js';
import { businessIdOf } from '../../config/businesses.js';
import { sourceOfReviewId } from '../../domain/review.js';
import { QUALIFIED_ID_PATTERN } from '../../domain/ids.js';

const deliveriesQuery = z.strictObject({
  // Only failed deliveries are indexed; the others are seen per review.
  status: z.enum(['failed'], { error: 'only "failed" is supported' }).default('failed'),
  limit,
  cursor,
  business: businessQuery,
});

const resendParams = z.strictObject({
  id: reviewIdParams.shape.id,
  // A business's own channel is `<business>.<channel>`.
  channel: z.string().regex(QUALIFIED_ID_PATTERN, 'must be an alert channel id'),
});

/** A delivery record as the API shows it, with the channel type and the review's API path. */
function present(ctx: AppContext, d: DeliveryRecord): Record<string, unknown> {
  return { ...d, channelType: ctx.channels.get(d.channelId)?.type ?? null, reviewPath: `/v1/reviews/${encodeURIComponent(d.reviewId)}` };
}

/** Alert deliveries: failed ones listed newest first, a review's per-channel records, and re-sending. */
export function deliveryRoutes(api: RouteRegistry, ctx: AppContext): void {
  api.add({ method: 'GET', url: '/v1/deliveries', operationId: 'listFailedDeliveries', response: deliveryPageSchema, tag: 'alerts', scope: 'read', summary: 'Alert deliveries that kept failing, newest first, with their error', query: deliveriesQuery, errors: [404] }, async ({ query, actor }) => {
    const businesses = businessesOf(ctx.config, actor, query.business);
    const page = await withCursor(() => ctx.store.deliveries.listFailed({ limit: query.limit, cursor: query.cursor, businesses }));
    // Each business's own list is read; the filter is a guard that no other business's record shows.
    const items = page.items.filter((d) => !businesses || businesses.includes(businessIdOf(ctx.config, sourceOfReviewId(d.reviewId))));
    return { items: items.map((d) => present(ctx, d)), nextCursor: page.nextCursor };
  });

  api.add({ method: 'GET', url: '/v1/reviews/:id/alerts', operationId: 'listReviewDeliveries', response: deliveryListSchema, tag: 'alerts', scope: 'read', summary: 'A review’s alert deliveries per channel: status, attempts, last error', params: reviewIdParams, errors: [404] }, async ({ params }) => {
    if (!(await ctx.store.get(params.id))) throw notFound(`no review ${params.id}`);
    return { items: (await ctx.store.deliveries.forReview(params.id)).map((d) => present(ctx, d)) };
  });

  api.add(
    { method: 'POST', url: '/v1/reviews/:id/alerts/:channel/resend', operationId: 'resendDelivery', response: queuedSchema, tag: 'alerts', scope: 'write', summary: 'Send a failed alert delivery again', params: resendParams, status: 202, errors: [404, 409] },
    async ({ params }) => {
      const res = await resendDelivery(ctx, params.id, params.channel);
      if ('error' in res) throw new HttpError(res.error === 'not_found' ? 404 : 409, res.error, res.message, 'details' in res ? (res.details as never) : undefined);
      return { queued: true, jobId: res.jobId };
    },
  );
}
