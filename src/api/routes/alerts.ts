import type { AppContext } from '../../context.js';
import { SLA_FRESH_MS } from '../../lifecycle/sla.js';
import { InvalidCursorError } from '../../store/review-store.js';
import { HttpError } from '../errors.js';
import { presentReview } from '../present.js';
import { listScope } from '../visibility.js';
import { slaFor } from '../../config/businesses.js';
import type { ListCache } from '../list-cache.js';
import type { RouteRegistry } from '../registry.js';
import { reviewPageSchema } from '../responses.js';
import { alertListQuery } from '../schemas.js';

/** Pages a store list, turning a cursor the store cannot read into a 400 naming the field. */
export async function withCursor<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof InvalidCursorError) throw new HttpError(400, 'bad_request', `query.cursor: ${err.message}`, [{ path: 'query.cursor', message: err.message }]);
    throw err;
  }
}

/** `GET /v1/alerts`: the flagged negative reviews, newest flag first. */
export function alertRoutes(api: RouteRegistry, ctx: AppContext, cache: ListCache): void {
  api.add({ method: 'GET', url: '/v1/alerts', operationId: 'listAlerts', response: reviewPageSchema, tag: 'alerts', scope: 'read', summary: 'Flagged negative reviews, newest flag first, with verdict and draft; cursor-paged', query: alertListQuery, errors: [404] }, async ({ query, req, reply, actor }) =>
    cache.serve(req, reply, async () => {
      const scope = listScope(ctx.config, actor, query);
      const page = await withCursor(() => ctx.store.listing.listAlerts({ limit: query.limit, cursor: query.cursor, sourceId: scope.sourceId, businesses: scope.businesses, since: query.since ? new Date(query.since) : undefined, filter: scope.filter }));
      return { items: page.items.map((s) => presentReview(s, slaFor(ctx.config, s.review.sourceId))), nextCursor: page.nextCursor };
    }, SLA_FRESH_MS),
  );
}
