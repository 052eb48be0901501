import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { checkedApi } from '../helpers/api.js';
import type { AppContext } from '../../src/context.js';
import type { Verdict } from '../../src/domain/verdict.js';
import { publishEvents } from '../../src/events.js';
import type { StoredReview } from '../../src/store/review-store.js';
import { makeReview } from '../helpers/factories.js';
import { testContext } from '../helpers/context.js';
import { waitFor } from '../helpers/http.js';
import { ReviewStore } from '../../src/store/review-store.js';

const KEY = 'insight-key-0123456789';
const auth = { authorization: `Bearer ${KEY}` };
const neg = (severity: Verdict['severity'], topics: string[] = []): Verdict => ({ negative: true, score: -0.8, severity, topics, reasons: [], language: 'en' });
const pos: Verdict = { negative: false, score: 0.8, severity: 'low', topics: [], reasons: [], language: 'en' };

describe('API: filters, stats, events, metrics, docs, limits', () => {
  let app: FastifyInstance | undefined;
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await app?.close();
    await close?.();
    app = undefined;
    close = undefined;
  });

  async function setup(over: Record<string, unknown> = {}): Promise<{ ctx: AppContext; api: FastifyInstance; ids: string[] }> {
    const t = await testContext({ api: { keys: [KEY] }, sources: [{ id: 'harbor', type: 'rss', url: 'https://x.example/a.rss', schedule: '* * * * *' }, { id: 'tidy', type: 'rss', url: 'https://x.example/b.rss', schedule: '* * * * *' }], ...over });
    close = t.close;
    const now = Date.now();
    const reviews = [
      makeReview('harbor', { rating: 1, text: 'Food poisoning after the oysters', publishedAt: new Date(now - 3 * 3600_000).toISOString() }),
      makeReview('harbor', { rating: 2, text: 'Waited an hour for a table', publishedAt: new Date(now - 2 * 3600_000).toISOString() }),
      makeReview('tidy', { rating: 5, text: 'Lovely app, syncs well', publishedAt: new Date(now - 3600_000).toISOString() }),
      makeReview('tidy', { rating: 1, text: 'Crashes on start', publishedAt: new Date(now - 1800_000).toISOString() }),
    ];
    await t.ctx.store.upsertReviews(reviews, { backfill: false });
    const verdicts = [neg('critical', ['product_quality']), neg('medium', ['waiting_time']), pos, neg('high', ['app_bugs'])];
    for (const [i, r] of reviews.entries()) {
      await t.ctx.store.saveAnalyses([{ id: r.id, sourceId: r.sourceId, hash: r.contentHash, verdict: verdicts[i]!, flag: verdicts[i]!.negative }]);
    }
    app = await checkedApi(t.ctx);
    return { ctx: t.ctx, api: app, ids: reviews.map((r) => r.id) };
  }

  it('lists all reviews with filters and text search', async () => {
    const { api, ids } = await setup();
    const get = async (q: string) => (await api.inject({ url: `/v1/reviews${q}`, headers: auth })).json<{ items: { id: string }[] }>().items.map((i) => i.id);
    expect(await get('')).toEqual([ids[3], ids[2], ids[1], ids[0]]);
    expect(await get('?source=tidy')).toEqual([ids[3], ids[2]]);
    expect(await get('?negative=true&severity=high,critical')).toEqual([ids[3], ids[0]]);
    expect(await get('?topic=waiting_time')).toEqual([ids[1]]);
    expect(await get('?rating=1')).toEqual([ids[3], ids[0]]);
    expect(await get('?q=OYSTERS')).toEqual([ids[0]]);
    expect(await get('?status=new&limit=2')).toEqual([ids[3], ids[2]]);
    expect(await get(`?since=${new Date(Date.now() - 2.5 * 3600_000).toISOString()}&until=${new Date(Date.now() - 3000_000).toISOString()}`)).toEqual([ids[2], ids[1]]);
    const bad = await api.inject({ url: '/v1/reviews?severity=awful', headers: auth });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toMatch(/query\.severity/);
  });

  it('serves repeated list pages from cache, and never a stale one after a write', async () => {
    const { ctx, api, ids } = await setup();
    const get = () => api.inject({ url: '/v1/alerts?limit=50', headers: auth });
    expect((await get()).headers['x-cache']).toBe('miss');
    const hit = await get();
    expect(hit.headers['x-cache']).toBe('hit');
    expect(hit.json<{ items: unknown[] }>().items).toHaveLength(3);
    const fresh = makeReview('harbor', { rating: 1, text: 'Never again' });
    await ctx.store.upsertReviews([fresh], { backfill: false });
    await ctx.store.saveAnalyses([{ id: fresh.id, sourceId: 'harbor', hash: fresh.contentHash, verdict: neg('high'), flag: true }]);
    const after = await get();
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.json<{ items: { id: string }[] }>().items[0]?.id).toBe(fresh.id);
    await ctx.lifecycle.transition(ids[0]!, 'acknowledge', { actor: 'maya' });
    const moved = (await get()).json<{ items: { id: string; status: string }[] }>().items.find((i) => i.id === ids[0]);
    expect(moved?.status).toBe('acknowledged');
    // A write by another process (a worker) reaches this one through Redis pub/sub.
    expect((await get()).headers['x-cache']).toBe('hit');
    const other = new ReviewStore(ctx.redis.duplicate(), ctx.config.redis.prefix);
    const late = makeReview('tidy', { rating: 2, text: 'Sync lost my notes' });
    await other.upsertReviews([late], { backfill: false });
    await other.saveAnalyses([{ id: late.id, sourceId: 'tidy', hash: late.contentHash, verdict: neg('high'), flag: true }]);
    const seen = await waitFor(async () => {
      const res = await get();
      return res.json<{ items: { id: string }[] }>().items[0]?.id === late.id ? res : undefined;
    }, 2_000, 'the other process’s write');
    expect(seen.headers['x-cache']).toBe('miss');
    other.redis.disconnect();
  });

  it('reports counts, response times and recovery', async () => {
    const { api } = await setup();
    const stats = (await api.inject({ url: '/v1/stats', headers: auth })).json<{ reviews: number; negative: number; bySource: Record<string, { negative: number }>; bySeverity: Record<string, number>; byTopic: Record<string, number> }>();
    expect(stats).toMatchObject({ reviews: 4, negative: 3, bySource: { harbor: { negative: 2 }, tidy: { negative: 1 } }, bySeverity: { critical: 1, medium: 1, high: 1 }, byTopic: { app_bugs: 1 } });
  });

  it('answers any window from counters: a half-year by week, ratings per source over time, replies and their times', async () => {
    const { ctx, api } = await setup();
    // Twenty weeks of one review a week, five each at 5, 4, 3 and 2 stars, published on Wednesdays.
    const weekly = Array.from({ length: 20 }, (_, i) => makeReview('harbor', { rating: 5 - Math.floor(i / 5), text: `Week ${i}`, publishedAt: new Date(Date.UTC(2026, 0, 7 + 7 * i, 12)).toISOString() }));
    await ctx.store.upsertReviews(weekly, { backfill: false });
    await ctx.store.saveAnalyses(weekly.map((r, i) => ({ id: r.id, sourceId: 'harbor', hash: r.contentHash, verdict: i >= 15 ? neg('high', ['staff']) : pos, flag: i >= 15 })));
    const reply = weekly[19]!;
    await ctx.lifecycle.transition(reply.id, 'acknowledge', { actor: 'maya' });
    const repliedAt = new Date(Date.now() + 7_200_000).toISOString();
    await ctx.lifecycle.transition(reply.id, 'reply', { actor: 'maya', now: new Date(repliedAt), fields: { repliedAt } });
    type S = { since: string; until: string; reviews: number; negative: number; byDay: object; byWeek: Record<string, { reviews: number }>; ratings: { bySource: Record<string, { average: number; count: number; over: Record<string, { average: number }> }> }; granularity: string; recovery: { replied: number }; responseTimes: { alertToReply: { count: number; medianSeconds: number } } };
    const long = (await api.inject({ url: '/v1/stats?since=2026-01-01T00:00:00Z&until=2026-06-01T00:00:00Z&source=harbor', headers: auth })).json<S>();
    expect(long).toMatchObject({ since: '2026-01-01T00:00:00.000Z', until: '2026-06-01T00:00:00.000Z', reviews: 20, negative: 5, byDay: {}, granularity: 'week' });
    expect(Object.values(long.byWeek).reduce((n, w) => n + w.reviews, 0)).toBe(20);
    expect(long.byWeek['2026-W02']).toEqual({ reviews: 1, negative: 0 });
    expect(long.ratings.bySource.harbor).toMatchObject({ average: 3.5, count: 20 });
    expect(long.ratings.bySource.harbor!.over['2026-W02']!.average).toBe(5);
    expect(long.ratings.bySource.harbor!.over['2026-W21']!.average).toBe(2);
    // The reply is counted on the day it was given, with its time from the alert (to within 12%).
    const now = (await api.inject({ url: `/v1/stats?since=${new Date(Date.now() - 86_400_000).toISOString()}&until=${new Date(Date.now() + 2 * 86_400_000).toISOString()}`, headers: auth })).json<S>();
    expect(now.recovery.replied).toBe(1);
    expect(now.responseTimes.alertToReply.count).toBe(1);
    expect(Math.abs(now.responseTimes.alertToReply.medianSeconds - 7200) / 7200).toBeLessThan(0.12);
    expect(now.granularity).toBe('day');
    // An edit that changes the rating moves the counts once it is analysed again.
    const edited = makeReview('harbor', { platformId: weekly[0]!.platformId, rating: 1, text: 'Week 0, changed my mind', publishedAt: weekly[0]!.publishedAt });
    await ctx.store.upsertReviews([edited], { backfill: false });
    await ctx.store.saveAnalyses([{ id: edited.id, sourceId: 'harbor', hash: edited.contentHash, verdict: neg('medium', ['staff']), flag: true }]);
    const after = (await api.inject({ url: '/v1/stats?since=2026-01-01T00:00:00Z&until=2026-06-01T00:00:00Z&source=harbor', headers: auth })).json<S>();
    expect(after).toMatchObject({ reviews: 20, negative: 6 });
    expect(after.ratings.bySource.harbor!.over['2026-W02']!.average).toBe(1);
  });

  it('pushes new alerts as server-sent events, replaying what a reconnecting client missed', async () => {
    const { ctx, api } = await setup();
    const address = await api.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const res = await fetch(`${address}/v1/events`, { headers: { ...auth, 'last-event-id': '1' }, signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    };
    // Replayed: the three alerts flagged in setup.
    await readUntil(/(event: alert[\s\S]*){3}/);
    await publishEvents(ctx.redis, ctx.config.redis.prefix, [{ type: 'alert', reviewId: 'harbor-live', sourceId: 'harbor', severity: 'high', flaggedAt: new Date().toISOString() }]);
    await readUntil(/harbor-live/);
    expect(text).toMatch(/id: \d+\nevent: alert\ndata: \{"type":"alert","reviewId":"harbor-live"/);
    controller.abort();
  });

  it('exposes Prometheus metrics, the OpenAPI document and docs without a key', async () => {
    const { ctx, api } = await setup();
    await ctx.metrics.inc('ingested', ['harbor'], 4);
    await ctx.metrics.inc('poll_errors', ['tidy']);
    const metrics = (await api.inject({ url: '/metrics' })).body;
    expect(metrics).toContain('review_monitor_ingested_total{source="harbor",scope="deployment"} 4');
    expect(metrics).toContain('review_monitor_poll_errors_total{source="tidy",scope="deployment"} 1');
    expect(metrics).toMatch(/review_monitor_queue_jobs\{queue="notify",state="waiting",scope="deployment"\} \d+/);
    const doc = (await api.inject({ url: '/openapi.json' })).json<{ openapi: string; paths: Record<string, Record<string, { parameters: { name: string }[]; requestBody?: unknown }>> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/alerts', '/v1/reviews', '/v1/reviews/{id}', '/v1/reviews/{id}/resolve', '/v1/stats', '/v1/events', '/v1/sources/{id}/poll']));
    expect(doc.paths['/v1/reviews']!.get!.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['status', 'severity', 'topic', 'rating', 'since', 'until', 'q', 'cursor', 'limit']));
    expect(doc.paths['/v1/reviews/{id}/resolve']!.post!.requestBody).toBeDefined();
    const docs = await api.inject({ url: '/docs' });
    expect(docs.headers['content-type']).toMatch(/text\/html/);
    expect((await api.inject({ url: '/docs/json' })).json()).toEqual(doc);
  });

  it('rate-limits per key with the common error shape', async () => {
    const { api } = await setup({ api: { keys: [KEY], rateLimit: { max: 3, windowMs: 60_000 } } });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await api.inject({ url: '/v1/alerts', headers: auth })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const limited = await api.inject({ url: '/v1/alerts', headers: auth });
    expect(limited.json()).toMatchObject({ error: 'rate_limited', message: expect.stringContaining('rate limit') });
    expect((await api.inject({ url: '/health' })).statusCode).toBe(200);
  });
});
