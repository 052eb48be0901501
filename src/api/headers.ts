import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { ApiError } from './errors.js';
import { toJson } from './json.js';

/** The Content-Security-Policy of every HTML page: no inline script or style, nothing framed, forms only to us. */
export const HTML_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const isV1 = (url: string): boolean => url === '/v1' || url.startsWith('/v1/') || url.startsWith('/v1?');

/** The headers every answer to `url` carries, whatever its type; the router's own errors set them too. */
export function baseHeaders(url: string): Record<string, string> {
  return isV1(url) ? { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' } : { 'x-content-type-options': 'nosniff' };
}

/**
 * Security headers on every answer, for routes registered now or later by anyone: `nosniff` everywhere,
 * `no-store` on /v1 (its answers carry reviews and drafts), and on HTML the CSP, no framing and a
 * same-origin referrer.
 */
export function securityHeaders(app: FastifyInstance): void {
  // Set on the raw response so that routes which hijack the reply (the SSE stream) keep them too:
  // Node merges these into the status line's headers.
  app.addHook('onRequest', async (req, reply) => {
    for (const [name, value] of Object.entries(baseHeaders(req.url))) reply.raw.setHeader(name, value);
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    if (/^text\/html\b/i.test(String(reply.getHeader('content-type') ?? ''))) {
      reply.header('content-security-policy', HTML_CSP);
      reply.header('x-frame-options', 'DENY');
      reply.header('referrer-policy', 'same-origin');
    }
    return payload;
  });
}

/**
 * Answers a request Node's HTTP parser refused before Fastify saw it (oversized headers, bad syntax,
 * timeouts) in the API's error shape, then closes the connection. Used as Fastify's `clientErrorHandler`.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, body]: [number, ApiError] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, { error: 'headers_too_large', message: `the request headers are larger than ${maxHeaderSize} bytes`, details: { limitBytes: maxHeaderSize } }]
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, { error: 'request_timeout', message: 'the request was not received in time' }]
        : [400, { error: 'bad_request', message: 'malformed HTTP request' }];
  const json = toJson(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\n` +
        `X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(err);
}
