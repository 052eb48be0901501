import type { AppContext } from '../../context.js';
import { sourceById } from '../../config/businesses.js';
import { requestPoll } from '../../scheduler.js';
import { sourceStatus, type SourceStatus } from '../../sources/status.js';
import { notFound } from '../errors.js';
import type { RouteRegistry } from '../registry.js';
import { queuedSchema, sourceListSchema, sourceSchema } from '../responses.js';
import { businessQuery, sourceIdParams } from '../schemas.js';
import { businessesOf, sourcesOf } from '../visibility.js';
import { z } from 'zod';

/** Source health and manual polls. */
export function sourceRoutes(api: RouteRegistry, ctx: AppContext): void {
  const present = async (id: string): Promise<SourceStatus> => {
    const source = sourceById(ctx.config, id);
    if (!source) throw notFound(`no source ${id}`);
    return sourceStatus(ctx.store, source);
  };

  api.add(
    { method: 'GET', url: '/v1/sources', operationId: 'listSources', response: sourceListSchema, tag: 'sources', scope: 'read', summary: 'Every source with its health (of one business with `business=`)', query: z.strictObject({ business: businessQuery }), errors: [404] },
    async ({ query, actor }) => {
      const visible = sourcesOf(ctx.config, businessesOf(ctx.config, actor, query.business));
      return { items: await Promise.all(ctx.config.sources.filter((s) => !visible || visible.has(s.id)).map((s) => present(s.id))) };
    },
  );

  api.add({ method: 'GET', url: '/v1/sources/:id', operationId: 'getSource', response: sourceSchema, tag: 'sources', scope: 'read', summary: 'One source’s health: last success, last error and status, failures, back-off, reviews seen', params: sourceIdParams, errors: [404] }, async ({ params }) =>
    present(params.id),
  );

  api.add({ method: 'POST', url: '/v1/sources/:id/poll', operationId: 'pollSource', response: queuedSchema, tag: 'sources', scope: 'write', summary: 'Poll a source now', params: sourceIdParams, status: 202, errors: [404] }, async ({ params }) => {
    if (!ctx.config.sources.some((s) => s.id === params.id)) throw notFound(`no source ${params.id}`);
    return { queued: true, jobId: await requestPoll(ctx, params.id, 'manual') };
  });
}
