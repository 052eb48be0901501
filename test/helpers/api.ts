import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildApi } from '../../src/api/server.js';
import type { AppContext } from '../../src/context.js';

type Operation = { responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }> };

/**
 * `buildApi`, with every answer checked against the document it serves: the operation (route and method)
 * must list the status, and a JSON body must match that response's schema in /openapi.json. A mismatch
 * fails the running test (a soft assertion naming the request) without changing the answer.
 */
export async function checkedApi(ctx: AppContext, opts: Parameters<typeof buildApi>[1] = {}): Promise<FastifyInstance> {
  const app = await buildApi(ctx, opts);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validators = new Map<string, ValidateFunction>();
  let doc: { paths: Record<string, Record<string, Operation>>; components?: unknown } | undefined;

  app.addHook('onSend', async (req, reply, payload) => {
    const route = req.routeOptions.url;
    // Answers of no route (404, 405) are not operations.
    if (!route) return payload;
    // The health-only app (worker and scheduler probes) serves no document.
    if (!app.hasDecorator('swagger')) return payload;
    doc ??= (app as unknown as { swagger(): typeof doc }).swagger();
    const path = route.replace(/:(\w+)/g, '{$1}');
    const op = doc?.paths[path]?.[req.method.toLowerCase()];
    const what = `${req.method} ${req.url} → ${reply.statusCode}`;
    if (!op) {
      // The workspace pages are not API operations; every /v1 route must be.
      if (path.startsWith('/v1')) expect.soft(`${req.method} ${path}`, `${what}: the route is not in /openapi.json`).toBe('documented');
      return payload;
    }
    const response = op.responses[String(reply.statusCode)];
    if (!response) {
      expect.soft(Object.keys(op.responses), `${what}: status not documented`).toContain(String(reply.statusCode));
      return payload;
    }
    const type = String(reply.getHeader('content-type') ?? '').split(';')[0]!;
    const schema = response.content?.[type]?.schema;
    if (!schema) {
      expect.soft(Object.keys(response.content ?? {}), `${what}: content type not documented`).toContain(type);
      return payload;
    }
    if (type !== 'application/json') return payload;
    const key = `${path} ${req.method} ${reply.statusCode}`;
    let validate = validators.get(key);
    if (!validate) {
      // The schema's $refs point into the document's components.
      validate = ajv.compile({ ...schema, components: doc!.components });
      validators.set(key, validate);
    }
    const body: unknown = JSON.parse(String(payload));
    if (!validate(body)) {
      expect.soft(validate.errors?.map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params && 'additionalProperty' in e.params ? `: ${String(e.params.additionalProperty)}` : ''}`), `${what}: body does not match the documented schema`).toEqual([]);
    }
    return payload;
  });
  return app;
}
