import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from '../../src/context.js';
import { assetRoutes, loadAssets } from '../../src/workspace/assets.js';
import type { PagePerson } from '../../src/workspace/pages/layout.js';
import { pageRoutes } from '../../src/workspace/pages/routes.js';

export const PEOPLE: Record<PagePerson['role'], PagePerson> = {
  owner: { email: 'maya@harbor.example', name: 'Maya Chen', role: 'owner' },
  responder: { email: 'sam@harbor.example', name: 'Sam Ortiz', role: 'responder' },
  viewer: { email: 'vic@harbor.example', name: 'Vic Lee', role: 'viewer' },
};

/** The page routes on an app whose "signed-in person" is named by the x-as header (the role). */
export async function pagesApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(formbody);
  assetRoutes(app, loadAssets());
  pageRoutes(app, { ctx, assets: loadAssets(), person: (req) => PEOPLE[(req.headers['x-as'] as PagePerson['role']) ?? 'owner'], csrfToken: () => 'token' });
  return app;
}
