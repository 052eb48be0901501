import type { FastifyInstance, HTTPMethods } from 'fastify';
import FindMyWay, { type HTTPMethod } from 'find-my-way';

/**
 * Records every route as it is registered (by anyone) and answers which methods a path has, so that a
 * known path asked with another method gets 405 with `Allow` instead of 404. find-my-way is the router
 * Fastify itself uses, so a path matches here exactly when it would match there.
 */
export function trackAllowedMethods(app: FastifyInstance): (path: string) => string[] {
  const router = FindMyWay();
  const methods = new Set<HTTPMethod>();
  app.addHook('onRoute', (route) => {
    for (const m of ([] as HTTPMethods[]).concat(route.method) as HTTPMethod[]) {
      // Fastify adds HEAD for each GET route; a route registered twice is Fastify's error to report.
      if (router.hasRoute(m, route.url)) continue;
      router.on(m, route.url, () => undefined);
      methods.add(m);
    }
  });
  return (path) => [...methods].filter((m) => router.find(m, path) !== null).sort();
}
