import { createHmac, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startService, type Service } from '../src/app.js';
import { checkedApi } from './helpers/api.js';
import { createLogger } from '../src/logger.js';
import { appStoreConnectToken, createPublisher, PublishError } from '../src/publishers/index.js';
import { captureLogs } from './helpers/context.js';
import { makeConfig, makeReview } from './helpers/factories.js';
import { startTestServer, waitFor, type TestServer } from './helpers/http.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from './helpers/redis.js';
import { verifyBodySignature, verifyTimestamped } from './helpers/webhook-receiver.js';

describe('publishers against local fake platforms', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  afterEach(() => server.close());
  const review = makeReview('harbor', { platformId: 'AbC-123', rating: 1 });

  it('Google Business Profile: PUT …/reviews/{id}/reply with {comment} and the bearer token', async () => {
    const p = createPublisher({ type: 'google-business', accountId: 'acc1', locationId: 'loc9', accessTokenEnv: 'GBP_TOKEN', baseUrl: server.url }, { GBP_TOKEN: 'ya29.token' });
    await p.publish({ review, text: 'Thank you, Ana…', kind: 'reply' });
    const req = server.received[0]!;
    expect(req.method).toBe('PUT');
    expect(req.url).toBe('/v4/accounts/acc1/locations/loc9/reviews/AbC-123/reply');
    expect(req.headers.authorization).toBe('Bearer ya29.token');
    expect(JSON.parse(req.body)).toEqual({ comment: 'Thank you, Ana…' });
  });

  it('Google Play: POST …/reviews/{id}:reply with {replyText}, refusing text over 350 characters', async () => {
    const p = createPublisher({ type: 'google-play', packageName: 'com.example.tidy', accessTokenEnv: 'PLAY_TOKEN', baseUrl: server.url }, { PLAY_TOKEN: 't' });
    await p.publish({ review, text: 'Thanks for telling us.', kind: 'reply' });
    expect(server.received[0]).toMatchObject({ method: 'POST', url: '/androidpublisher/v3/applications/com.example.tidy/reviews/AbC-123:reply' });
    expect(JSON.parse(server.received[0]!.body)).toEqual({ replyText: 'Thanks for telling us.' });
    const err = await p.publish({ review, text: 'x'.repeat(351), kind: 'reply' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PublishError);
    expect(err).toMatchObject({ permanent: true });
    expect(server.received).toHaveLength(1);
  });

  it('App Store Connect: customerReviewResponses with an ES256 JWT Apple can verify', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const p = createPublisher({ type: 'appstore-connect', keyId: 'KEY123', issuerId: 'issuer-uuid', privateKeyEnv: 'ASC_KEY', baseUrl: server.url }, { ASC_KEY: pem });
    await p.publish({ review, text: 'Sorry about the crash…', kind: 'reply' });
    const req = server.received[0]!;
    expect(req).toMatchObject({ method: 'POST', url: '/v1/customerReviewResponses' });
    expect(JSON.parse(req.body)).toEqual({
      data: { type: 'customerReviewResponses', attributes: { responseBody: 'Sorry about the crash…' }, relationships: { review: { data: { type: 'customerReviews', id: 'AbC-123' } } } },
    });
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const [h, pl, sig] = token.split('.');
    expect(JSON.parse(Buffer.from(h!, 'base64url').toString())).toEqual({ alg: 'ES256', kid: 'KEY123', typ: 'JWT' });
    const claims = JSON.parse(Buffer.from(pl!, 'base64url').toString()) as { iss: string; aud: string; exp: number; iat: number };
    expect(claims).toMatchObject({ iss: 'issuer-uuid', aud: 'appstoreconnect-v1' });
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(1200);
    expect(verify('sha256', Buffer.from(`${h}.${pl}`), { key: createPublicKey(publicKey.export({ type: 'spki', format: 'pem' })), dsaEncoding: 'ieee-p1363' }, Buffer.from(sig!, 'base64url'))).toBe(true);
    expect(appStoreConnectToken({ keyId: 'K', issuerId: 'I', privateKeyPem: pem }).split('.')).toHaveLength(3);
  });

  it('webhook: signs the body and keeps one idempotency key per review and kind', async () => {
    const p = createPublisher({ type: 'webhook', url: `${server.url}/publish`, secretEnv: 'PUB_SECRET', timeoutMs: 2_000 }, { PUB_SECRET: 's3cret' });
    await p.publish({ review, text: 'Hello', kind: 'follow_up' });
    const req = server.received[0]!;
    expect(req.headers['x-signature']).toBe(`sha256=${createHmac('sha256', 's3cret').update(req.body).digest('hex')}`);
    expect(req.headers['idempotency-key']).toBe(`${review.id}-follow_up`);
    // Signed like the alert webhooks: a receiver checks the timestamped signature and refuses replays.
    expect(verifyBodySignature('s3cret', req.body, req.headers)).toBe(true);
    expect(verifyTimestamped('s3cret', req.body, req.headers)).toBe(true);
    expect(verifyTimestamped('s3cret', req.body, req.headers, 300, Date.now() + 360_000)).toBe(false);
    expect(verifyTimestamped('s3cret', req.body.replace('Hello', 'Hullo'), req.headers)).toBe(false);
  });

  it('names a missing secret and treats 4xx as permanent, 5xx as retryable', async () => {
    const p = createPublisher({ type: 'google-business', accountId: 'a', locationId: 'l', accessTokenEnv: 'MISSING_TOKEN', baseUrl: server.url }, {});
    await expect(p.publish({ review, text: 'x', kind: 'reply' })).rejects.toThrow(/MISSING_TOKEN is not set/);
    server.handle((_req, res) => void res.writeHead(404).end('{"error":"review not found"}'));
    const gone = createPublisher({ type: 'google-business', accountId: 'a', locationId: 'l', accessTokenEnv: 'T', baseUrl: server.url }, { T: 't' });
    await expect(gone.publish({ review, text: 'x', kind: 'reply' })).rejects.toMatchObject({ status: 404, permanent: true });
    server.handle((_req, res) => void res.writeHead(503).end());
    await expect(gone.publish({ review, text: 'x', kind: 'reply' })).rejects.toMatchObject({ status: 503, permanent: false });
  });
});

describe('publishing through the worker', () => {
  let service: Service | undefined;
  let server: TestServer | undefined;
  const prefix = uniquePrefix('pub');
  afterEach(async () => {
    if (service) await deleteKeys(service.ctx.redis, prefix);
    await service?.stop();
    await server?.close();
  });

  it('an approved reply is posted by the worker, then the follow-up replaces it', async () => {
    let failFirst = true;
    server = await startTestServer((_req, res) => {
      if (failFirst) {
        failFirst = false;
        return void res.writeHead(503).end();
      }
      res.writeHead(200).end('{}');
    });
    const config = makeConfig({
      redis: { url: TEST_REDIS_URL, prefix, autostart: false },
      api: { keys: ['writer-key-0123456789'], port: 0, host: '127.0.0.1' },
      sources: [{ id: 'harbor', type: 'rss', url: 'https://reviews.example.com/h.rss', schedule: '0 0 1 1 *', publisher: { type: 'google-business', accountId: 'a1', locationId: 'l1', accessTokenEnv: 'HOME', baseUrl: server.url } }],
      workers: { retryDelayMs: 10 },
    });
    service = await startService(config, createLogger('silent', captureLogs().stream), 'worker', { pollOnStart: false });
    const ctx = service.ctx;
    const review = makeReview('harbor', { platformId: 'gbp-review-7', rating: 1, text: 'Cold soup and a long wait.' });
    await ctx.store.upsertReviews([review], { backfill: false });
    await ctx.store.saveAnalyses([{ id: review.id, sourceId: 'harbor', hash: review.contentHash, verdict: { negative: true, score: -1, severity: 'high', topics: [], reasons: [], language: 'en' }, draft: { reply: 'Thank you for telling us, we are sorry. Please e-mail care@harborbistro.example.', violations: [], score: 1 }, flag: true }]);
    const api = await checkedApi(ctx);
    const post = (path: string, body: object = {}) => api.inject({ method: 'POST', url: `/v1/reviews/${review.id}/${path}`, headers: { authorization: 'Bearer writer-key-0123456789' }, payload: body });
    await post('approve');
    expect((await post('reply')).json()).toMatchObject({ replyState: 'publishing', publisher: 'google-business' });
    await waitFor(async () => (await ctx.store.get(review.id))?.status === 'replied', 10_000, 'the reply to be posted');
    expect(server.received.filter((r) => r.method === 'PUT')).toHaveLength(2);
    expect(JSON.parse(server.received[1]!.body).comment).toMatch(/^Thank you for telling us/);

    await post('resolve', { note: 'We fixed the soup station', followUpAfter: 3600 });
    expect((await post('follow-up')).statusCode).toBe(202);
    await waitFor(async () => (await ctx.store.get(review.id))?.status === 'followed_up', 10_000, 'the follow-up to be posted');
    const last = JSON.parse(server.received.at(-1)!.body) as { comment: string };
    // One reply per review: the follow-up is posted as the reply plus the update.
    expect(last.comment).toMatch(/^Thank you for telling us/);
    expect(last.comment).toContain('soup station');
    // The review changes state inside the job, so the job is marked completed a moment later.
    const completed = /review_monitor_queue_jobs\{queue="publish",state="completed",scope="deployment"\} 2/;
    await waitFor(async () => completed.test((await api.inject({ url: '/metrics' })).body), 5_000, 'both publish jobs completed in /metrics');
    await api.close();
  });
});
