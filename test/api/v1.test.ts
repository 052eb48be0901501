import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedApi } from '../helpers/api.js';
import type { AppContext } from '../../src/context.js';
import type { Verdict } from '../../src/domain/verdict.js';
import { makeReview } from '../helpers/factories.js';
import { testContext } from '../helpers/context.js';

const KEY = 'test-key-0123456789';
const auth = { authorization: `Bearer ${KEY}` };
const verdict: Verdict = { negative: true, score: -0.9, severity: 'high', topics: ['waiting_time'], reasons: ['rating 1/5'], language: 'en' };

describe('API', () => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let close: () => Promise<void>;
  const ids: string[] = [];

  beforeAll(async () => {
    const t = await testContext({
      api: { keys: [KEY] },
      sources: [
        { id: 'harbor', type: 'rss', url: 'https://reviews.example.com/a.rss', schedule: '* * * * *' },
        { id: 'tidy', type: 'rss', url: 'https://reviews.example.com/b.rss', schedule: '* * * * *' },
      ],
    });
    ctx = t.ctx;
    close = t.close;
    app = await checkedApi(ctx);
    const reviews = [makeReview('harbor', { rating: 1 }), makeReview('tidy', { rating: 2 }), makeReview('harbor', { rating: 1 }), makeReview('harbor', { rating: 5 })];
    await ctx.store.upsertReviews(reviews, { backfill: false });
    for (const [i, r] of reviews.entries()) {
      const negative = (r.rating ?? 5) <= 2;
      await ctx.store.saveAnalyses(
        [{ id: r.id, sourceId: r.sourceId, hash: r.contentHash, verdict: { ...verdict, negative }, draft: { reply: 'Thank you…', violations: [], score: 1 }, flag: negative }],
        new Date(Date.UTC(2026, 10, 20, 10, i)),
      );
      ids.push(r.id);
    }
  });
  afterAll(async () => {
    await app.close();
    await close();
  });

  it('answers /health and /ready without a key', async () => {
    expect((await app.inject({ url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/ready' })).json()).toEqual({ status: 'ready' });
  });

  it('refuses /v1 without a valid bearer key', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-key-000000' }, { authorization: KEY }]) {
      const res = await app.inject({ url: '/v1/alerts', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: 'unauthorized' });
    }
  });

  it('lists flagged reviews newest first with their verdict and draft, paged by cursor', async () => {
    const first = await app.inject({ url: '/v1/alerts?limit=2', headers: auth });
    expect(first.statusCode).toBe(200);
    const body = first.json<{ items: { id: string; verdict: Verdict; draft: { reply: string }; flaggedAt: string }[]; nextCursor: string }>();
    expect(body.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    expect(body.items[0]).toMatchObject({ sourceId: 'harbor', rating: 1, verdict: { negative: true, severity: 'high' }, draft: { reply: 'Thank you…' } });
    const second = (await app.inject({ url: `/v1/alerts?limit=2&cursor=${body.nextCursor}`, headers: auth })).json<{ items: { id: string }[]; nextCursor: null }>();
    expect(second.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
  });

  it('writes JSON in ASCII, with \\u escapes for other characters, so clients decode it on their fast path', async () => {
    // Twice for the list: the first answer is computed, the second comes from the page cache.
    for (const url of ['/v1/alerts?limit=1', '/v1/alerts?limit=1', `/v1/reviews/${ids[2]}`, '/v1/alerts?limit=café']) {
      const res = await app.inject({ url, headers: auth });
      expect([...res.rawPayload].every((b) => b < 0x80), url).toBe(true);
      expect(res.headers['content-type'], url).toBe('application/json; charset=utf-8');
      if (res.statusCode === 200) expect(res.body, url).toContain('Thank you\\u2026');
    }
    const item = (await app.inject({ url: '/v1/alerts?limit=1', headers: auth })).json<{ items: { draft: { reply: string } }[] }>().items[0];
    expect(item?.draft.reply).toBe('Thank you…');
  });

  it('filters alerts by source and since', async () => {
    const bySource = (await app.inject({ url: '/v1/alerts?source=tidy', headers: auth })).json<{ items: { id: string }[] }>();
    expect(bySource.items.map((i) => i.id)).toEqual([ids[1]]);
    const since = (await app.inject({ url: '/v1/alerts?since=2026-11-20T10:01:00Z', headers: auth })).json<{ items: { id: string }[] }>();
    expect(since.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
  });

  it('answers bad query input with a 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['/v1/alerts?limit=0', 'query.limit'],
      ['/v1/alerts?limit=ten', 'query.limit'],
      ['/v1/alerts?since=last-week', 'query.since'],
      ['/v1/alerts?cursor=bm90LWEtY3Vyc29y', 'query.cursor'],
      ['/v1/alerts?colour=red', 'query'],
    ];
    for (const [url, field] of cases) {
      const res = await app.inject({ url, headers: auth });
      expect(res.statusCode, url).toBe(400);
      expect(res.json<{ message: string }>().message, url).toContain(field);
    }
  });

  it('returns one review with verdict and draft, 404 for an unknown one, 400 for a malformed id', async () => {
    const res = await app.inject({ url: `/v1/reviews/${ids[3]}`, headers: auth });
    expect(res.json()).toMatchObject({ id: ids[3], rating: 5, verdict: { negative: false } });
    expect((await app.inject({ url: '/v1/reviews/harbor-0000000000000000', headers: auth })).statusCode).toBe(404);
    const bad = await app.inject({ url: '/v1/reviews/..%2F..%2Fetc', headers: auth });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('params.id');
  });

  it('shows source health and queues a poll on request', async () => {
    await ctx.store.sources.recordPollFailure('tidy', { message: 'HTTP 503 from https://reviews.example.com/b.rss', status: 503 });
    const sources = (await app.inject({ url: '/v1/sources', headers: auth })).json<{ items: { id: string; healthy: boolean; lastError?: string }[] }>();
    expect(sources.items.map((s) => [s.id, s.healthy])).toEqual([
      ['harbor', false],
      ['tidy', false],
    ]);
    expect((await app.inject({ url: '/v1/sources/tidy', headers: auth })).json()).toMatchObject({ consecutiveFailures: 1, lastStatus: 503 });
    const polled = await app.inject({ method: 'POST', url: '/v1/sources/harbor/poll', headers: auth });
    expect(polled.statusCode).toBe(202);
    const job = await ctx.queues.queues.poll.getJob(polled.json<{ jobId: string }>().jobId);
    expect(job?.data).toMatchObject({ sourceId: 'harbor', reason: 'manual' });
    expect((await app.inject({ method: 'POST', url: '/v1/sources/nope/poll', headers: auth })).statusCode).toBe(404);
  });

  it('serves only /health and /ready in health-only mode (worker and scheduler probes)', async () => {
    const probe = await checkedApi(ctx, { healthOnly: true });
    expect((await probe.inject({ url: '/health' })).statusCode).toBe(200);
    expect((await probe.inject({ url: '/ready' })).statusCode).toBe(200);
    expect((await probe.inject({ url: '/v1/alerts', headers: auth })).statusCode).toBe(404);
    await probe.close();
  });

  it('uses one error shape for unknown routes', async () => {
    const res = await app.inject({ url: '/v1/nothing-here', headers: auth });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'not_found', message: expect.stringContaining('/v1/nothing-here') });
  });
});
