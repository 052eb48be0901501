import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedApi } from '../helpers/api.js';
import type { AppContext } from '../../src/context.js';
import type { Verdict } from '../../src/domain/verdict.js';
import { makeReview } from '../helpers/factories.js';
import { testContext } from '../helpers/context.js';
import { InsightStore } from '../../src/store/insight-store.js';
import { isoWeekOf } from '../../src/insights/iso-week.js';

const AGENCY = 'agency-key-0123456789';
const BERLIN = 'berlin-key-0123456789';
const as = (key: string) => ({ authorization: `Bearer ${key}` });
const verdict: Verdict = { negative: true, score: -0.9, severity: 'high', topics: ['waiting_time'], reasons: ['rating 1/5'], language: 'en' };

const business = (id: string, sources: string[]) => ({
  id,
  name: `Bakery ${id}`,
  contact: { email: `care@${id}.example` },
  signature: `The ${id} team`,
  industry: 'cafe_bakery' as const,
  sources: sources.map((s) => ({ id: s, type: 'rss' as const, url: `https://${id}.example/${s}.rss`, schedule: '0 * * * *' })),
});

describe('API of a deployment serving several businesses', () => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let close: () => Promise<void>;
  const ids: Record<string, string[]> = { berlin: [], lyon: [] };

  beforeAll(async () => {
    const t = await testContext({
      business: undefined,
      businesses: [business('berlin', ['google', 'yelp']), business('lyon', ['google'])],
      api: { keys: [{ name: 'agency', key: AGENCY }, { name: 'berlin-owner', key: BERLIN, businesses: ['berlin'] }], cacheLists: true },
    });
    ctx = t.ctx;
    close = t.close;
    app = await checkedApi(ctx);
    const reviews = [makeReview('berlin.google', { rating: 1 }), makeReview('lyon.google', { rating: 1 }), makeReview('berlin.yelp', { rating: 2 }), makeReview('lyon.google', { rating: 5 })];
    await ctx.store.upsertReviews(reviews, { backfill: false });
    for (const [i, r] of reviews.entries()) {
      const negative = (r.rating ?? 5) <= 2;
      await ctx.store.saveAnalyses([{ id: r.id, sourceId: r.sourceId, hash: r.contentHash, verdict: { ...verdict, negative }, flag: negative }], new Date(Date.UTC(2026, 10, 20, 10, i)));
      ids[r.sourceId.split('.')[0]!]!.push(r.id);
    }
  });
  afterAll(async () => {
    await app.close();
    await close();
  });

  it('lists the businesses a key may see', async () => {
    const all = (await app.inject({ url: '/v1/businesses', headers: as(AGENCY) })).json();
    expect(all.items.map((b: { id: string; sources: string[] }) => [b.id, b.sources])).toEqual([
      ['berlin', ['berlin.google', 'berlin.yelp']],
      ['lyon', ['lyon.google']],
    ]);
    const limited = (await app.inject({ url: '/v1/businesses', headers: as(BERLIN) })).json();
    expect(limited.items.map((b: { id: string }) => b.id)).toEqual(['berlin']);
  });

  it('narrows every list to one business with business=, and a limited key to its own businesses', async () => {
    const reviewIds = async (url: string, key: string) => ((await app.inject({ url, headers: as(key) })).json().items as { id: string }[]).map((r) => r.id).sort();
    expect(await reviewIds('/v1/reviews', AGENCY)).toEqual([...ids.berlin!, ...ids.lyon!].sort());
    expect(await reviewIds('/v1/reviews?business=lyon', AGENCY)).toEqual([...ids.lyon!].sort());
    // Asked the same URL, the limited key never gets the page cached for the agency.
    expect(await reviewIds('/v1/reviews', BERLIN)).toEqual([...ids.berlin!].sort());
    expect(await reviewIds('/v1/alerts', BERLIN)).toEqual([...ids.berlin!].sort());
    expect(await reviewIds('/v1/alerts', AGENCY)).toHaveLength(3);
    expect(await reviewIds('/v1/sources', BERLIN)).toEqual(['berlin.google', 'berlin.yelp']);
    const csv = (await app.inject({ url: '/v1/reviews.csv', headers: as(BERLIN) })).body;
    expect(csv).toContain(ids.berlin![0]);
    expect(csv).not.toContain('lyon');
    const stats = (await app.inject({ url: '/v1/stats?since=2026-11-01T00:00:00Z&until=2026-12-01T00:00:00Z', headers: as(BERLIN) })).json();
    const everyone = (await app.inject({ url: '/v1/stats?since=2026-11-01T00:00:00Z&until=2026-12-01T00:00:00Z', headers: as(AGENCY) })).json();
    expect(stats.reviews).toBe(2);
    expect(everyone.reviews).toBe(4);
    expect(Object.keys(stats.bySource ?? {}).every((s) => s.startsWith('berlin.'))).toBe(true);
  });

  it('answers another business’s review, source or business exactly as one that does not exist', async () => {
    const other = ids.lyon![0]!;
    const missing = 'lyon.google-0000000000000000';
    for (const [url, method] of [[`/v1/reviews/${other}`, 'GET'], [`/v1/reviews/${other}/history`, 'GET'], [`/v1/reviews/${other}/acknowledge`, 'POST'], [`/v1/reviews/${other}/alerts`, 'GET']] as const) {
      const res = await app.inject({ url, method, headers: as(BERLIN), payload: method === 'POST' ? {} : undefined });
      const absent = await app.inject({ url: url.replace(other, missing), method, headers: as(AGENCY), payload: method === 'POST' ? {} : undefined });
      expect([url, res.statusCode]).toEqual([url, 404]);
      expect(res.json().error).toBe(absent.json().error);
      expect(res.json().message).toBe(absent.json().message.replace(missing, other));
    }
    expect((await app.inject({ url: '/v1/sources/lyon.google', headers: as(BERLIN) })).json()).toEqual({ error: 'not_found', message: 'no source lyon.google' });
    expect((await app.inject({ url: '/v1/sources/lyon.google/poll', method: 'POST', headers: as(BERLIN) })).statusCode).toBe(404);
    expect((await app.inject({ url: '/v1/reviews?business=lyon', headers: as(BERLIN) })).json()).toEqual({ error: 'not_found', message: 'no business lyon' });
    expect((await app.inject({ url: '/v1/deliveries?business=lyon', headers: as(BERLIN) })).json()).toEqual({ error: 'not_found', message: 'no business lyon' });
    expect((await app.inject({ url: '/v1/deliveries?business=lyon', headers: as(AGENCY) })).statusCode).toBe(200);
    expect((await app.inject({ url: '/v1/alerts?source=lyon.google', headers: as(BERLIN) })).json()).toEqual({ error: 'not_found', message: 'no source lyon.google' });
    // Its own business's review is there, and the agency sees both.
    expect((await app.inject({ url: `/v1/reviews/${ids.berlin![0]}`, headers: as(BERLIN) })).statusCode).toBe(200);
    expect((await app.inject({ url: `/v1/reviews/${other}`, headers: as(AGENCY) })).statusCode).toBe(200);
  });

  it('reports the week of one business, and a key limited to one business gets its own by default', async () => {
    const week = isoWeekOf(new Date(Date.UTC(2026, 10, 1, 12))).label;
    const of = async (url: string, key: string) => (await app.inject({ url, headers: as(key) })).json();
    expect((await of(`/v1/reports/weekly?week=${week}`, AGENCY)).reviews.count).toBe(4);
    const berlin = await of(`/v1/reports/weekly?week=${week}&business=berlin`, AGENCY);
    expect(berlin.reviews.count).toBe(2);
    expect(berlin.negative.count).toBe(2);
    expect(berlin.openByStatus.new).toBe(2);
    expect(await of(`/v1/reports/weekly?week=${week}`, BERLIN)).toEqual(berlin);
    expect((await of(`/v1/reports/weekly?week=${week}&business=lyon`, BERLIN)).error).toBe('not_found');
  });

  it('shows a business’s spikes and rating drops only to those who may see that business', async () => {
    const insights = new InsightStore(ctx.redis, ctx.store.keys);
    await insights.remember({ type: 'spike', id: 'spike-lyon', at: new Date().toISOString(), summary: 'Bakery lyon: Negative reviews about waiting: 9 this week', examples: [], business: 'lyon' });
    const ids = async (key: string, q = '') => ((await app.inject({ url: `/v1/insights${q}`, headers: as(key) })).json().items as { id: string }[]).map((a) => a.id);
    expect(await ids(AGENCY)).toEqual(['spike-lyon']);
    expect(await ids(AGENCY, '?business=berlin')).toEqual([]);
    expect(await ids(BERLIN)).toEqual([]);
  });

  it('replays to a reconnecting limited key its own alerts, however many other businesses’ came since', async () => {
    // 120 of Lyon's alerts flagged before Berlin's latest, all after the client's last event: more than one replay
    // (100, oldest first) holds.
    const since = Date.UTC(2026, 10, 21);
    const berlinLate = makeReview('berlin.google', { rating: 1, text: 'Late again' });
    const lyonBurst = Array.from({ length: 120 }, (_, i) => makeReview('lyon.google', { rating: 1, text: `Cold croissant ${i}` }));
    await ctx.store.upsertReviews([berlinLate, ...lyonBurst], { backfill: false });
    await ctx.store.saveAnalyses(lyonBurst.map((r) => ({ id: r.id, sourceId: r.sourceId, hash: r.contentHash, verdict, flag: true })), new Date(since + 1000));
    await ctx.store.saveAnalyses([{ id: berlinLate.id, sourceId: berlinLate.sourceId, hash: berlinLate.contentHash, verdict, flag: true }], new Date(since + 2000));
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    try {
      const res = await fetch(`${address}/v1/events`, { headers: { ...as(BERLIN), 'last-event-id': String(since) }, signal: controller.signal });
      const reader = res.body!.getReader();
      let text = '';
      // The replay comes at once; a stream that never brings Berlin's alert fails after 5 s rather than hanging.
      const deadline = Date.now() + 5_000;
      while (!text.includes(berlinLate.id) && Date.now() < deadline) {
        const chunk = await Promise.race([reader.read(), new Promise<undefined>((r) => setTimeout(() => r(undefined), Math.max(0, deadline - Date.now())))]);
        if (chunk?.value) text += new TextDecoder().decode(chunk.value);
      }
      expect(text).toContain(berlinLate.id);
      expect(text).not.toContain('lyon.');
    } finally {
      controller.abort();
    }
  });

  it('routes a business’s channel only its own sources’ reviews', async () => {
    const t = await testContext({
      business: undefined,
      businesses: [{ ...business('berlin', ['google']), alerts: [{ type: 'log', id: 'owner' }] }, business('lyon', ['google'])],
    });
    try {
      const owner = t.ctx.channels.get('berlin.owner')!;
      expect(owner.accepts({ severity: 'critical', sourceId: 'berlin.google', topics: [] })).toBe(true);
      expect(owner.accepts({ severity: 'critical', sourceId: 'lyon.google', topics: [] })).toBe(false);
      // The service's own channel (the default log) takes every business.
      expect(t.ctx.channels.get('log')!.accepts({ severity: 'high', sourceId: 'lyon.google', topics: [] })).toBe(true);
    } finally {
      await t.close();
    }
  });
});
