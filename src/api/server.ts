import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { EventHub } from '../events.js';
import { bearerToken, createKeyChecker, type Actor } from './auth.js';
import { trackAllowedMethods } from './allowed-methods.js';
import { HttpError, sendError } from './errors.js';
import { baseHeaders, clientErrorHandler, securityHeaders } from './headers.js';
import { toJson } from './json.js';
import { RouteRegistry } from './registry.js';
import { documentSchema, healthSchema, readySchema, textSchema } from './responses.js';
import { v1Plugin } from './v1-plugin.js';
import { workspacePlugin, type WorkspaceOptions } from '../workspace/plugin.js';
import { slackPlugin } from '../integrations/slack/plugin.js';
import { workspacePages } from '../workspace/pages/routes.js';

export type { ApiError } from './errors.js';
export { presentReview } from './present.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor | undefined;
  }
}

/** Fastify's trustProxy for a number of proxy hops (its typings take no number; a hop-counting function it does). */
function trustedHops(t: boolean | number): boolean | ((address: string, hop: number) => boolean) {
  return typeof t === 'boolean' ? t : (_address, hop) => hop < t;
}

/**
 * Builds the Fastify app (not listening): health, readiness, docs, metrics and the authenticated /v1 API.
 * `healthOnly` serves just /health and /ready, for worker and scheduler processes behind probes.
 */
export async function buildApi(ctx: AppContext, opts: { healthOnly?: boolean; workspacePages?: WorkspaceOptions['pages'] } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger.child({ module: 'api' }) as FastifyBaseLogger,
    // Fastify's own two lines per request (incoming, completed) are off; the access log below writes one.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    // Behind an https publicUrl a TLS proxy is in front: trust its one hop for the client address and protocol.
    trustProxy: trustedHops(ctx.config.api.trustProxy ?? (ctx.config.publicUrl?.startsWith('https:') ? 1 : false)),
    // The router's own errors (an id over maxParamLength, broken percent-encoding) get the API's error
    // shape too, without echoing the path back.
    // These answers skip the request hooks, so they set the security headers themselves.
    frameworkErrors: (err, req, reply) =>
      err.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? sendError(reply.headers(baseHeaders(req.url)), 414, { error: 'uri_too_long', message: 'a path parameter is longer than 100 characters' })
        : sendError(reply.headers(baseHeaders(req.url)), 400, { error: 'bad_request', message: 'malformed URL (invalid percent-encoding)' }),
    // What Node's parser refuses before Fastify sees a request (headers over 16 KB: 431) keeps the error shape.
    clientErrorHandler,
  });
  // First, so that every route, including those registered later, gets them.
  securityHeaders(app);
  const allowedMethods = trackAllowedMethods(app);
  // Every JSON answer in ASCII (see toJson); routes that send strings or buffers write their own.
  app.setReplySerializer((payload) => toJson(payload));
  // Rebuilt when a reload brings other keys (or other businesses a key may see).
  let keys = ctx.config.api.keys;
  let checkKey = createKeyChecker(keys);
  const findKey = (token: string | undefined): Actor | undefined => {
    if (ctx.config.api.keys !== keys) {
      keys = ctx.config.api.keys;
      checkKey = createKeyChecker(keys);
    }
    return checkKey(token);
  };
  const hub = new EventHub(ctx.redis, ctx.config.redis.prefix);
  app.addHook('onClose', async () => hub.close());

  // One access line per request (method, route, status, time, who), except the probes' and scrapers' requests,
  // and the request-duration histogram (by route pattern: unknown paths count as one route).
  const accessLog = ctx.config.api.accessLog;
  app.addHook('onResponse', async (req, reply) => {
    if (/^\/(health|ready|metrics)(\?|$)/.test(req.url)) return;
    const route = req.routeOptions.url ?? '(no route)';
    ctx.metrics.observeRequest(req.method, route, reply.statusCode, reply.elapsedTime / 1000);
    if (!accessLog) return;
    const who = (req as FastifyRequest & { person?: { name: string } }).person?.name ?? req.actor?.name;
    req.log.info({ method: req.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10, ...(who ? { who } : {}) }, 'request');
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const allow = allowedMethods(path);
    if (allow.length) return sendError(reply.header('allow', allow.join(', ')), 405, { error: 'method_not_allowed', message: `${req.method} is not allowed on ${path}; allowed: ${allow.join(', ')}`, details: { allow } });
    return sendError(reply, 404, { error: 'not_found', message: `no route ${req.method} ${path}` });
  });
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (err instanceof HttpError) return sendError(reply, err.status, { error: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) });
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) {
      req.log.error({ err }, 'request failed');
      // Never leak internals (stack, Redis errors) to the client.
      return sendError(reply, 500, { error: 'internal', message: 'internal error' });
    }
    if (status === 429) return sendError(reply, 429, { error: 'rate_limited', message: err.message });
    const code = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'payload_too_large' : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported_media_type' : 'bad_request';
    return sendError(reply, status, { error: code, message: status === 400 && err.code?.startsWith('FST_ERR_CTP') ? `body: ${err.message}` : err.message });
  });

  const api = new RouteRegistry(app);
  api.add({ method: 'GET', url: '/health', operationId: 'getHealth', tag: 'operations', scope: 'public', summary: 'The process is up', response: healthSchema }, async () => ({ status: 'ok' }));
  api.add({ method: 'GET', url: '/ready', operationId: 'getReady', tag: 'operations', scope: 'public', summary: 'Redis answers', response: readySchema, errors: [503] }, async ({ reply }) => {
    try {
      await Promise.race([ctx.redis.ping(), new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), 1_000))]);
      return { status: 'ready' };
    } catch {
      return sendError(reply, 503, { error: 'not_ready', message: 'Redis does not answer' });
    }
  });
  if (opts.healthOnly) {
    // Workers and schedulers: their own process metrics (polls, queue waits, memory, event loop).
    api.add({ method: 'GET', url: '/metrics', operationId: 'getMetrics', tag: 'operations', scope: 'public', summary: 'Prometheus metrics of this process', response: textSchema, produces: 'text/plain' }, async ({ reply }) => {
      reply.type(ctx.metrics.process.contentType);
      return ctx.metrics.process.metrics();
    });
    return app;
  }

  // While Redis is unreachable ioredis queues commands until it is back, which would hold every request
  // open for the whole outage: answer at once instead (health, readiness and docs need no Redis).
  app.addHook('onRequest', async (req, reply) => {
    if (ctx.redis.status === 'ready' || /^\/(health|ready|docs|openapi\.json)([/?]|$)/.test(req.url)) return;
    return sendError(reply.header('retry-after', '5'), 503, { error: 'unavailable', message: 'the store (Redis) is not reachable; retry shortly' });
  });
  const isV1 = (url: string): boolean => url.startsWith('/v1/') || url === '/v1';
  app.addHook('onRequest', async (req) => {
    if (isV1(req.url)) req.actor = findKey(bearerToken(req.headers.authorization));
  });
  // Refused only after the rate limit (a route-level onRequest hook) has counted the request: requests
  // without a valid key are limited per address, so keys cannot be guessed at full speed.
  app.addHook('preParsing', async (req, reply) => {
    if (isV1(req.url) && !req.actor) {
      return sendError(reply.header('www-authenticate', 'Bearer'), 401, { error: 'unauthorized', message: 'missing or invalid API key (Authorization: Bearer <key>)' });
    }
  });
  // The API itself: its own plugin (rate limit, list cache and routes), beside the workspace and integrations.
  await app.register(v1Plugin, { ctx, api, hub });
  // The owner workspace (sign-in, pages) in its own encapsulated plugin: its sessions, form parser, CSRF
  // checks and HTML error pages do not reach /v1.
  await app.register(workspacePlugin, { ctx, pages: opts.workspacePages ?? workspacePages(ctx) });
  // Integrations each in a plugin of their own: Slack's endpoint parses its form bodies raw, for the signature.
  const signingSecret = ctx.config.slack.signingSecret;
  if (signingSecret) await app.register(slackPlugin, { ctx, signingSecret });

  const registry = ctx.metrics.registry(ctx.queues, ctx.config);
  api.add(
    { method: 'GET', url: '/metrics', operationId: 'getMetrics', tag: 'operations', scope: 'public', summary: 'Prometheus metrics: reviews ingested, flagged, alerts sent/failed, poll errors, queue depths', response: textSchema, produces: 'text/plain' },
    async ({ reply }) => {
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
  // Filled in once every route is registered (onReady), so routes added anywhere in buildApi are documented;
  // /openapi.json and the docs page serve this same object.
  const doc: Record<string, unknown> = {};
  app.addHook('onReady', async () => void Object.assign(doc, api.openapi({ title: 'review-monitor', version: '0.1.0', description: 'Flagged reviews, drafts and the recovery lifecycle of a review monitor.' })));
  api.add({ method: 'GET', url: '/openapi.json', operationId: 'getOpenApiDocument', tag: 'operations', scope: 'public', summary: 'This API’s OpenAPI 3.1 document, generated from the schemas that validate requests and answers', response: documentSchema }, async () => doc);
  // Swagger UI with its assets served from the package (works offline, within the pages' CSP: no inline
  // script or style); @fastify/swagger in static mode only hands it the document.
  await app.register(swagger, { mode: 'static', specification: { document: doc as never } });
  await app.register(swaggerUi, { routePrefix: '/docs', theme: { title: 'review-monitor API' }, uiConfig: { deepLinking: true, tryItOutEnabled: false, syntaxHighlight: false } });
  return app;
}
