import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTML_CSP } from '../../src/api/headers.js';
import { checkedApi } from '../helpers/api.js';
import { testContext } from '../helpers/context.js';

const KEY = 'headers-key-0123456789';
const auth = { authorization: `Bearer ${KEY}` };

/** Sends `request` over a raw socket and resolves with everything the server wrote before closing. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (c: string) => (answer += c));
    socket.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' || err.code === 'EPIPE' ? resolve(answer) : reject(err)));
    socket.on('close', () => resolve(answer));
    socket.write(request);
  });
}

describe('API: security headers, 405, 431', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const t = await testContext({ api: { keys: [KEY] }, sources: [{ id: 'harbor', type: 'rss', url: 'https://x.example/a.rss', schedule: '* * * * *' }] });
    close = t.close;
    app = await checkedApi(t.ctx);
  });
  afterAll(async () => {
    await app.close();
    await close();
  });

  it('sends nosniff on every answer: JSON, text, errors, router errors', async () => {
    for (const req of [
      { url: '/health' },
      { url: '/metrics' },
      { url: '/openapi.json' },
      { url: '/v1/alerts', headers: auth },
      { url: '/v1/alerts' },
      { url: '/v1/nothing', headers: auth },
      { url: '/v1/reviews/%zz', headers: auth },
      { url: '/v1/alerts?limit=0', headers: auth },
    ]) {
      const res = await app.inject(req);
      expect(res.headers['x-content-type-options'], req.url).toBe('nosniff');
    }
  });

  it('marks every /v1 answer no-store, success or error, and leaves the rest cacheable', async () => {
    for (const req of [{ url: '/v1/alerts', headers: auth }, { url: '/v1/reviews/nope', headers: auth }, { url: '/v1/alerts' }]) {
      expect((await app.inject(req)).headers['cache-control'], req.url).toBe('no-store');
    }
    expect((await app.inject({ url: '/health' })).headers['cache-control']).toBeUndefined();
  });

  it('keeps the headers on the hijacked SSE stream', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const head = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let got = '';
      socket.setEncoding('latin1');
      socket.on('data', (c: string) => {
        got += c;
        if (got.includes('\r\n\r\n')) {
          socket.destroy();
          resolve(got);
        }
      });
      socket.on('error', reject);
      socket.write(`GET /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${KEY}\r\n\r\n`);
    });
    expect(head).toMatch(/^HTTP\/1.1 200/);
    expect(head.toLowerCase()).toContain('x-content-type-options: nosniff');
    expect(head.toLowerCase()).toContain('cache-control: no-store');
  });

  it('gives HTML the CSP (no framing), and nothing else', async () => {
    const docs = await app.inject({ url: '/docs' });
    expect(docs.headers['content-type']).toMatch(/^text\/html/);
    expect(docs.headers['content-security-policy']).toBe(HTML_CSP);
    expect(HTML_CSP).toContain("frame-ancestors 'none'");
    expect(docs.headers['x-frame-options']).toBe('DENY');
    expect(docs.headers['referrer-policy']).toBe('same-origin');
    // The page must work under its own policy: no inline style or script.
    expect(docs.body).not.toMatch(/<style|<script(?![^>]*\bsrc=)|\sstyle=|\son\w+=/i);
    expect((await app.inject({ url: '/health' })).headers['content-security-policy']).toBeUndefined();
  });

  it('answers a known path with the wrong method 405 with Allow, in the error shape', async () => {
    const del = await app.inject({ method: 'DELETE', url: '/v1/reviews/abc', headers: auth });
    expect(del.statusCode).toBe(405);
    expect(del.headers.allow).toBe('GET, HEAD');
    expect(del.json()).toMatchObject({ error: 'method_not_allowed', message: expect.stringContaining('GET, HEAD'), details: { allow: ['GET', 'HEAD'] } });
    const get = await app.inject({ url: '/v1/reviews/abc/approve', headers: auth });
    expect(get.statusCode).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const post = await app.inject({ method: 'POST', url: '/health' });
    expect(post.statusCode).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    // An unknown path stays 404, and the key is still checked first on /v1.
    expect((await app.inject({ method: 'DELETE', url: '/v1/nothing/here', headers: auth })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: '/v1/reviews/abc' })).statusCode).toBe(401);
  });

  it('answers oversized request headers 431 in the error shape, over a real socket', async () => {
    if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const answer = await rawRequest(port, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1.1 431 /);
    expect(head.toLowerCase()).toContain('content-type: application/json');
    expect(head.toLowerCase()).toContain('x-content-type-options: nosniff');
    expect(JSON.parse(body)).toMatchObject({ error: 'headers_too_large', message: expect.stringContaining('16384 bytes'), details: { limitBytes: 16384 } });
    // A request line the parser cannot read at all gets the shape too.
    const broken = await rawRequest(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(broken).toMatch(/^HTTP\/1.1 400 /);
    expect(JSON.parse(broken.split('\r\n\r\n')[1] ?? '')).toMatchObject({ error: 'bad_request', message: expect.any(String) });
  });
});
