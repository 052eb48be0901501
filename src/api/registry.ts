import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from './auth.js';
import { HttpError, validationError } from './errors.js';

/** What a route needs from the caller: nothing, a key with `read`, or a key with `write`. */
export type Scope = 'public' | 'read' | 'write';

/** A route described once: the zod schemas validate requests and generate the OpenAPI document. */
export interface RouteDef<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Fastify path, e.g. `/v1/reviews/:id`. */
  url: string;
  summary: string;
  description?: string;
  tag: string;
  scope: Scope;
  params?: P;
  query?: Q;
  body?: B;
  /** Schema of the success body, for the document. */
  response?: z.ZodType;
  /** Success status (default 200). */
  status?: number;
  /** Other statuses the route answers with, for the document. */
  errors?: number[];
  /** Not a JSON route (SSE, HTML, text): document it, skip the JSON response schema. */
  produces?: string;
}

export interface Handled<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  actor: Actor | undefined;
  req: FastifyRequest;
  reply: FastifyReply;
}

/** Routes registered through it are validated with their zod schemas and listed in `/openapi.json`. */
export class RouteRegistry {
  readonly routes: RouteDef[] = [];

  constructor(private readonly app: FastifyInstance) {}

  /** Registers a route whose params, query and body are parsed before `handler` sees them. */
  add<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
    def: RouteDef<P, Q, B>,
    handler: (h: Handled<z.output<P>, z.output<Q>, z.output<B>>) => Promise<unknown>,
  ): void {
    this.routes.push(def as unknown as RouteDef);
    this.app.route({
      method: def.method,
      url: def.url,
      handler: async (req, reply) => {
        const actor = (req as FastifyRequest & { actor?: Actor }).actor;
        if (def.scope !== 'public' && !actor?.scopes.has(def.scope)) {
          throw new HttpError(403, 'forbidden', `this key lacks the "${def.scope}" scope`);
        }
        const parse = <T extends z.ZodType | undefined>(schema: T, value: unknown, where: 'params' | 'query' | 'body'): unknown => {
          if (!schema) return value;
          const r = schema.safeParse(where === 'body' && value === undefined ? {} : value);
          if (!r.success) throw validationError(where, r.error);
          return r.data;
        };
        const result = await handler({
          params: parse(def.params, req.params, 'params') as z.output<P>,
          query: parse(def.query, req.query, 'query') as z.output<Q>,
          body: parse(def.body, req.body, 'body') as z.output<B>,
          actor,
          req,
          reply,
        });
        if (def.status && !reply.sent) reply.code(def.status);
        return result;
      },
    });
  }

  /** The OpenAPI 3.1 document of every registered route. */
  openapi(info: { title: string; version: string; description?: string }): Record<string, unknown> {
    const toSchema = (s: z.ZodType, io: 'input' | 'output'): Record<string, unknown> =>
      z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;
    const errorSchema = {
      type: 'object',
      required: ['error', 'message'],
      properties: { error: { type: 'string' }, message: { type: 'string' }, details: {} },
    };
    const paths: Record<string, Record<string, unknown>> = {};
    for (const r of this.routes) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      const parameters: Record<string, unknown>[] = [];
      for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
        if (!schema) continue;
        const json = toSchema(schema, 'input') as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
        for (const [name, prop] of Object.entries(json.properties ?? {})) {
          parameters.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: prop, description: prop.description });
        }
      }
      const status = String(r.status ?? 200);
      const responses: Record<string, unknown> = {
        [status]: r.produces
          ? { description: 'success', content: { [r.produces]: {} } }
          : { description: 'success', content: { 'application/json': { schema: r.response ? toSchema(r.response, 'output') : {} } } },
      };
      const errors = new Set([...(r.errors ?? []), ...(r.params || r.query || r.body ? [400] : []), ...(r.scope === 'public' ? [] : [401, 403, 429])]);
      for (const e of [...errors].sort()) responses[String(e)] = { description: ERROR_TEXT[e] ?? 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
      (paths[path] ??= {})[r.method.toLowerCase()] = {
        summary: r.summary,
        description: r.description,
        tags: [r.tag],
        security: r.scope === 'public' ? [] : [{ bearer: [] }],
        parameters,
        ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(r.body, 'input') } } } } : {}),
        responses,
        'x-scope': r.scope,
      };
    }
    return {
      openapi: '3.1.0',
      info,
      paths,
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API key from API_KEYS or api.keys' } },
        schemas: { Error: errorSchema },
      },
    };
  }
}

const ERROR_TEXT: Record<number, string> = {
  400: 'invalid input; the message names the field',
  401: 'missing or invalid API key',
  403: 'the key lacks the scope',
  404: 'not found',
  409: 'illegal transition; details carry the current state',
  422: 'the draft breaks the reply guardrails',
  429: 'rate limited',
};

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The docs page's stylesheet, served as a file: the pages' CSP allows no inline style. */
export const DOCS_CSS = 'body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em}section{border-top:1px solid #ddd;padding:.5em 0}.m{background:#245;color:#fff;padding:0 .4em;border-radius:3px}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}pre{background:#f6f6f6;padding:.5em;overflow:auto}small{color:#777}';

/** An HTML page documenting the API from its OpenAPI document (no external assets). */
export function docsHtml(doc: Record<string, unknown>): string {
  const info = doc.info as { title: string; version: string; description?: string };
  const paths = doc.paths as Record<string, Record<string, { summary: string; description?: string; parameters: { name: string; in: string; required: boolean; schema: unknown }[]; requestBody?: { content: { 'application/json': { schema: unknown } } }; responses: Record<string, { description: string }>; 'x-scope': string }>>;
  const sections = Object.entries(paths)
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const params = op.parameters.length
          ? `<table><tr><th>parameter</th><th>in</th><th>schema</th></tr>${op.parameters.map((p) => `<tr><td><code>${esc(p.name)}</code>${p.required ? ' *' : ''}</td><td>${p.in}</td><td><code>${esc(JSON.stringify(p.schema))}</code></td></tr>`).join('')}</table>`
          : '';
        const body = op.requestBody ? `<p>Body:</p><pre>${esc(JSON.stringify(op.requestBody.content['application/json'].schema, null, 2))}</pre>` : '';
        const responses = `<p>Responses: ${Object.entries(op.responses).map(([code, r]) => `<code>${code}</code> ${esc(r.description)}`).join('; ')}</p>`;
        return `<section><h2><span class="m">${method.toUpperCase()}</span> <code>${esc(path)}</code> <small>${esc(op['x-scope'])}</small></h2><p>${esc(op.summary)}</p>${op.description ? `<p>${esc(op.description)}</p>` : ''}${params}${body}${responses}</section>`;
      }),
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(info.title)} API</title>
<link rel="stylesheet" href="/docs/docs.css">
</head><body><h1>${esc(info.title)} <small>${esc(info.version)}</small></h1><p>${esc(info.description ?? '')}</p><p>Machine-readable: <a href="/openapi.json">/openapi.json</a>. Authenticate with <code>Authorization: Bearer &lt;key&gt;</code>; scopes <code>read</code> and <code>write</code>.</p>
${sections}</body></html>`;
}
