import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from './auth.js';
import { HttpError, validationError } from './errors.js';
import { apiSchemas } from './responses.js';

/** What a route needs from the caller: nothing, a key with `read`, or a key with `write`. */
export type Scope = 'public' | 'read' | 'write';

/** A route described once: the zod schemas validate requests and generate the OpenAPI document. */
export interface RouteDef<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Fastify path, e.g. `/v1/reviews/:id`. */
  url: string;
  /** The operation's name in the document and in generated clients, e.g. `getReview`. */
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  scope: Scope;
  params?: P;
  query?: Q;
  body?: B;
  /** Schema of the success body (src/api/responses.ts); the tests check every answer against it. */
  response: z.ZodType;
  /** Success status (default 200). */
  status?: number;
  /** Other success statuses and their bodies (an action that answers 200 or 202 depending on the input). */
  otherResponses?: Record<number, z.ZodType>;
  /** Error statuses the route answers with besides those every route of its kind has (400, 401, 403, 429, 503). */
  errors?: number[];
  /** Not JSON (SSE, HTML, text): the media type of the success body. */
  produces?: string;
  /** Other media types the success answer comes in, by the request's Accept (a list also as CSV). */
  alsoProduces?: Record<string, z.ZodType>;
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
  constructor(
    private readonly app: FastifyInstance,
    /** Shared by the registries of every plugin, so one document lists them all. */
    readonly routes: RouteDef[] = [],
  ) {}

  /** A registry that adds its routes to `instance` (a plugin's encapsulated scope), documented with these. */
  within(instance: FastifyInstance): RouteRegistry {
    return new RouteRegistry(instance, this.routes);
  }

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
        // Before the handler, so that a handler answering another success status (200 for `posted: true`) keeps it.
        if (def.status) reply.code(def.status);
        const result = await handler({
          params: parse(def.params, req.params, 'params') as z.output<P>,
          query: parse(def.query, req.query, 'query') as z.output<Q>,
          body: parse(def.body, req.body, 'body') as z.output<B>,
          actor,
          req,
          reply,
        });
        return result;
      },
    });
  }

  /** The OpenAPI 3.1 document of every registered route. */
  openapi(info: { title: string; version: string; description?: string }): Record<string, unknown> {
    // Named response schemas become components; anything else is inlined.
    const components = z.toJSONSchema(apiSchemas, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` }).schemas;
    const schemaOf = (s: z.ZodType, io: 'input' | 'output'): Record<string, unknown> => {
      const id = apiSchemas.get(s)?.id;
      if (io === 'output' && id) return { $ref: `#/components/schemas/${id}` };
      return clean(z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>);
    };
    const body = (r: RouteDef, s: z.ZodType, description: string): Record<string, unknown> => ({ description, content: { [r.produces ?? 'application/json']: { schema: schemaOf(s, 'output') } } });
    const paths: Record<string, Record<string, unknown>> = {};
    for (const r of this.routes) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      const parameters: Record<string, unknown>[] = [];
      for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
        if (!schema) continue;
        const json = schemaOf(schema, 'input') as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
        for (const [name, prop] of Object.entries(json.properties ?? {})) {
          parameters.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: prop, description: prop.description });
        }
      }
      const success = body(r, r.response, 'success') as { description: string; content: Record<string, unknown> };
      for (const [type, schema] of Object.entries(r.alsoProduces ?? {})) success.content[type] = { schema: schemaOf(schema, 'output') };
      const responses: Record<string, unknown> = { [String(r.status ?? 200)]: success };
      for (const [status, schema] of Object.entries(r.otherResponses ?? {})) responses[status] = body(r, schema, 'success');
      for (const e of errorStatuses(r)) responses[String(e)] = { description: ERROR_TEXT[e] ?? 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
      (paths[path] ??= {})[r.method.toLowerCase()] = {
        operationId: r.operationId,
        summary: r.summary,
        description: r.description,
        tags: [r.tag],
        security: r.scope === 'public' ? [] : [{ bearer: [] }],
        parameters,
        ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(r.body, 'input') } } } } : {}),
        responses,
        'x-scope': r.scope,
      };
    }
    return {
      openapi: '3.1.0',
      info: { ...info, license: { name: 'MIT', identifier: 'MIT' } },
      // Relative: the document describes the server that serves it, wherever it runs.
      servers: [{ url: '/', description: 'this review-monitor instance' }],
      tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
      paths,
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API key from API_KEYS or api.keys' } },
        schemas: Object.fromEntries(Object.entries(components).map(([id, s]) => [id, clean(s as Record<string, unknown>)])),
      },
    };
  }
}

/** Every error status a route can answer with, in order: its own plus those its kind always has. */
export function errorStatuses(r: RouteDef): number[] {
  const all = new Set(r.errors ?? []);
  if (r.params || r.query || r.body) all.add(400);
  if (r.body) for (const s of [413, 415]) all.add(s);
  if (r.scope !== 'public') for (const s of [401, 403, 429]) all.add(s);
  // Without Redis every route but the probes and the docs answers 503 at once.
  if (r.scope !== 'public' || r.url === '/metrics') all.add(503);
  return [...all].sort((a, b) => a - b);
}

/** A JSON Schema as it sits inside the document: without its own `$schema` and `$id`. */
function clean(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

const TAGS: Record<string, string> = {
  alerts: 'Flagged reviews and their alert deliveries',
  reviews: 'Every review, with its verdict, draft and history',
  lifecycle: 'The recovery: acknowledge, edit, approve, reply, resolve, follow up',
  sources: 'Source health and manual polls',
  insights: 'Statistics and the live event stream',
  operations: 'Probes, metrics and this document',
};

const ERROR_TEXT: Record<number, string> = {
  400: 'invalid input; the message names the field',
  401: 'missing or invalid API key',
  403: 'the key lacks the scope',
  404: 'not found',
  409: 'illegal transition; details carry the current state',
  413: 'the body is larger than 64 KB',
  415: 'the body is not JSON',
  422: 'the draft breaks the reply guardrails',
  429: 'rate limited',
  503: 'Redis (the store) is not reachable; retry shortly',
};
