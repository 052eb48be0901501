import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedApi } from '../helpers/api.js';
import { testContext } from '../helpers/context.js';
import { makeReview } from '../helpers/factories.js';
import { Cleanup } from './harness.js';

const KEY = 'faults-api-key-0123456789';
const auth = { authorization: `Bearer ${KEY}` };

/** The error shape, a message, and nothing from the inside: no stack frames, no file paths, no module names. */
function expectCleanError(res: LightMyRequestResponse, status: number, error: string, message?: RegExp): { error: string; message: string } {
  expect({ status: res.statusCode, body: res.body }).toMatchObject({ status });
  expect(res.headers['content-type']).toMatch(/application\/json/);
  const body = res.json() as { error: string; message: string; details?: unknown };
  expect(body.error).toBe(error);
  expect(typeof body.message).toBe('string');
  expect(body.message.length).toBeGreaterThan(5);
  if (message) expect(body.message).toMatch(message);
  expect(Object.keys(body).every((k) => ['error', 'message', 'details'].includes(k))).toBe(true);
  expect(res.body).not.toMatch(/\n\s+at |\bat [\w.<>]+ \(|node_modules|\/work\/|\/src\/|\.[jt]s:\d+|stack/i);
  return body;
}

describe('API under hostile input', () => {
  const cleanup = new Cleanup();
  let app: FastifyInstance;
  let id = '';

  beforeAll(async () => {
    const t = await testContext({ api: { keys: [KEY] }, sources: [{ id: 'harbor', type: 'rss', url: 'https://reviews.example.com/a.rss', schedule: '* * * * *' }] });
    cleanup.add(() => t.close());
    app = await checkedApi(t.ctx);
    cleanup.add(() => app.close());
    const review = makeReview('harbor', { rating: 1 });
    await t.ctx.store.upsertReviews([review], { backfill: false });
    id = review.id;
  });
  afterAll(() => cleanup.run());

  it('401 without a key, with a wrong key or a malformed header', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-key-000000000' }, { authorization: `Basic ${Buffer.from(`u:${KEY}`).toString('base64')}` }, { authorization: 'Bearer' }, { authorization: `Bearer ${KEY} extra` }]) {
      for (const url of ['/v1/alerts', `/v1/reviews/${id}`, '/v1/nope']) {
        const res = await app.inject({ url, headers });
        expectCleanError(res, 401, 'unauthorized', /API key/);
        expect(res.headers['www-authenticate']).toBe('Bearer');
      }
    }
  });

  it('413 payload_too_large for an oversize body', async () => {
    const res = await app.inject({ method: 'POST', url: `/v1/reviews/${id}/acknowledge`, headers: { ...auth, 'content-type': 'application/json' }, payload: JSON.stringify({ note: 'x'.repeat(200_000) }) });
    expectCleanError(res, 413, 'payload_too_large');
  });

  it('400 naming the field for wrong types and unknown fields, in body and query', async () => {
    const post = (path: string, payload: unknown) => app.inject({ method: 'POST', url: `/v1/reviews/${id}/${path}`, headers: auth, payload: payload as object });
    expectCleanError(await post('reply', { posted: 'yes' }), 400, 'bad_request', /body\.posted/);
    expectCleanError(await post('resolve', { followUpAfter: -5 }), 400, 'bad_request', /body\.followUpAfter/);
    expectCleanError(await post('approve', { override: { reason: 42 } }), 400, 'bad_request', /body\.override\.reason/);
    expectCleanError(await post('acknowledge', { note: 'ok', sneaky: true }), 400, 'bad_request', /sneaky/);
    expectCleanError(await post('acknowledge', [1, 2, 3]), 400, 'bad_request', /body/);
    const patch = await app.inject({ method: 'PATCH', url: `/v1/reviews/${id}/draft`, headers: auth, payload: { reply: { text: 'hi' } } });
    expectCleanError(patch, 400, 'bad_request', /body\.reply/);
    expectCleanError(await app.inject({ url: '/v1/reviews?limit=lots', headers: auth }), 400, 'bad_request', /query\.limit/);
    expectCleanError(await app.inject({ url: '/v1/reviews?limit=100000', headers: auth }), 400, 'bad_request', /query\.limit/);
    expectCleanError(await app.inject({ url: '/v1/reviews?colour=red', headers: auth }), 400, 'bad_request', /colour/);
    expectCleanError(await app.inject({ url: '/v1/reviews?since=yesterday', headers: auth }), 400, 'bad_request', /query\.since/);
    expectCleanError(await app.inject({ url: '/v1/alerts?cursor=%00%01garbage', headers: auth }), 400, 'bad_request', /query\.cursor/);
  });

  it('400 for a body that is not JSON, 415 for one of another type', async () => {
    const broken = await app.inject({ method: 'POST', url: `/v1/reviews/${id}/acknowledge`, headers: { ...auth, 'content-type': 'application/json' }, payload: '{"note": "unterminated' });
    expectCleanError(broken, 400, 'bad_request', /body/);
    const proto = await app.inject({ method: 'POST', url: `/v1/reviews/${id}/acknowledge`, headers: { ...auth, 'content-type': 'application/json' }, payload: '{"__proto__": {"admin": true}}' });
    expect([400, 409]).toContain(proto.statusCode);
    const text = await app.inject({ method: 'POST', url: `/v1/reviews/${id}/acknowledge`, headers: { ...auth, 'content-type': 'text/plain' }, payload: 'note=hi' });
    expectCleanError(text, 400, 'bad_request', /^body/);
    const xml = await app.inject({ method: 'POST', url: `/v1/reviews/${id}/acknowledge`, headers: { ...auth, 'content-type': 'application/xml' }, payload: '<note>hi</note>' });
    expectCleanError(xml, 415, 'unsupported_media_type');
  });

  it('path traversal and junk in ids: 400 or 404, never a file', async () => {
    const urls = [
      '/v1/reviews/..%2F..%2Fetc%2Fpasswd',
      '/v1/reviews/..%2F..%2F..%2F..%2Fetc%2Fpasswd/history',
      '/v1/reviews/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/v1/reviews/..%5C..%5Cwindows%5Cwin.ini',
      '/v1/reviews/../../etc/passwd',
      '/v1/reviews/%00',
      '/v1/sources/..%2F..%2Fetc%2Fpasswd',
      '/v1/reviews/rm%3Areview%3Ax',
      '/v1/reviews/*',
    ];
    for (const url of urls) {
      const res = await app.inject({ url, headers: auth });
      expect({ url, status: [400, 404].includes(res.statusCode) }).toEqual({ url, status: true });
      const body = expectCleanError(res, res.statusCode, res.statusCode === 400 ? 'bad_request' : 'not_found');
      expect(body.message).not.toMatch(/root:|\[fonts\]/);
    }
    // Ids the router itself refuses (too long, broken percent-encoding) get the same error shape, without echoing the path.
    const long = await app.inject({ url: `/v1/reviews/${'a'.repeat(5_000)}`, headers: auth });
    expect(expectCleanError(long, 414, 'uri_too_long').message.length).toBeLessThan(200);
    expectCleanError(await app.inject({ url: '/v1/reviews/%E0%A4%A', headers: auth }), 400, 'bad_request', /URL/);
    const post = await app.inject({ method: 'POST', url: '/v1/reviews/..%2F..%2Fetc%2Fpasswd/acknowledge', headers: auth, payload: {} });
    expectCleanError(post, 400, 'bad_request', /params\.id/);
  });
});

describe('API rate limit', () => {
  const cleanup = new Cleanup();
  let app: FastifyInstance;

  beforeAll(async () => {
    const t = await testContext({ api: { keys: [KEY], rateLimit: { max: 3, windowMs: 60_000 } } });
    cleanup.add(() => t.close());
    app = await checkedApi(t.ctx);
    cleanup.add(() => app.close());
  });
  afterAll(() => cleanup.run());

  it('429 with a clear message once a key spends its budget', async () => {
    const codes: number[] = [];
    let last: LightMyRequestResponse | undefined;
    for (let i = 0; i < 5; i++) {
      last = await app.inject({ url: '/v1/alerts', headers: auth });
      codes.push(last.statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    expectCleanError(last!, 429, 'rate_limited', /rate limit/);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    // Public endpoints are not limited.
    expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
  });

  it('limits requests without a valid key too (per address), so keys cannot be guessed at full speed', async () => {
    const codes: number[] = [];
    let last: LightMyRequestResponse | undefined;
    for (let i = 0; i < 6; i++) {
      last = await app.inject({ url: '/v1/alerts', headers: { authorization: `Bearer guess-${i}-0000000000` }, remoteAddress: '10.0.0.9' });
      codes.push(last.statusCode);
    }
    expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
    expect(codes.slice(3)).toEqual([429, 429, 429]);
    expectCleanError(last!, 429, 'rate_limited');
  });
});
