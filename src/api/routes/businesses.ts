import type { AppContext } from '../../context.js';
import { maySee } from '../../config/businesses.js';
import type { RouteRegistry } from '../registry.js';
import { businessListSchema } from '../responses.js';

/** `GET /v1/businesses`: the businesses the caller may see, and what `business=` takes. */
export function businessRoutes(api: RouteRegistry, ctx: AppContext): void {
  api.add(
    {
      method: 'GET',
      url: '/v1/businesses',
      operationId: 'listBusinesses',
      response: businessListSchema,
      tag: 'sources',
      scope: 'read',
      summary: 'The businesses this key may see, with their sources and own alert channels',
      description: 'A deployment with a single `business` lists it (id `default` unless configured). A key limited to businesses (`api.keys[].businesses`) sees only those, everywhere in /v1: another business’s review or source answers 404.',
    },
    async ({ actor }) => ({
      items: ctx.config.businesses
        .filter((b) => maySee(actor?.businesses, b.id))
        .map((b) => ({ id: b.id, name: b.business.name, industry: b.business.industry, language: b.business.language, tone: b.business.tone, sources: b.sourceIds, channels: b.channelIds })),
    }),
  );
}
