import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { isoWeekOf, isoWeekStart } from '../../src/insights/weekly-report.js';
import { checkedApi } from '../helpers/api.js';
import { applyPlatformState } from '../../src/lifecycle/platform-replies.js';
import { testContext } from '../helpers/context.js';
import { makeReview } from '../helpers/factories.js';

const KEY = 'report-key-0123456789';

describe('weekly report', () => {
  let app: FastifyInstance | undefined;
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await app?.close();
    await close?.();
    app = undefined;
  });

  it('reads ISO weeks: week 1 holds 4 January, 53-week years, and a clear error otherwise', () => {
    expect(isoWeekStart('2026-W01').toISOString()).toBe('2025-12-29T00:00:00.000Z');
    expect(isoWeekStart('2026-W48').toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(isoWeekStart('2026-W53').toISOString()).toBe('2026-12-28T00:00:00.000Z');
    expect(isoWeekOf(new Date('2026-12-03T12:00:00Z')).label).toBe('2026-W49');
    expect(isoWeekOf(new Date('2027-01-01T12:00:00Z')).label).toBe('2026-W53');
    expect(isoWeekOf(new Date('2025-12-29T00:00:00Z')).label).toBe('2026-W01');
    expect(() => isoWeekStart('2021-W53')).toThrow('2021 has weeks 01 to 52 (got 53)');
    expect(() => isoWeekStart('2026-48')).toThrow('week must look like 2026-W48');
  });

  it('gives the week beside the one before: volume, negatives, rating trend, topics that rose, SLA, follow-ups, recoveries and champions', async () => {
    const t = await testContext({ api: { keys: [{ name: 'owner', key: KEY, scopes: ['read'] }] } });
    close = t.close;
    const { ctx } = t;
    const day = (d: number, h = 10): string => new Date(Date.UTC(2026, 10, d, h)).toISOString();
    const seed = async (id: string, at: string, rating: number, topics: string[], negative: boolean) => {
      const review = makeReview('harbor', { platformId: id, rating, publishedAt: at, text: `Review ${id}` });
      await ctx.store.upsertReviews([review], { backfill: false, now: new Date(at) });
      const verdict = { negative, score: negative ? -0.8 : 0.8, severity: 'medium' as const, topics, reasons: [], language: 'en' };
      await ctx.store.saveAnalyses([{ id: review.id, sourceId: 'harbor', hash: review.contentHash, verdict, draft: undefined, flag: negative }], new Date(at));
      return review;
    };
    // The week before (W47, 16–22 November): two complaints about the wait, one 4-star review.
    await seed('a1', day(17), 1, ['waiting_time'], true);
    await seed('a2', day(18), 2, ['waiting_time'], true);
    await seed('a3', day(19), 4, [], false);
    // W48 (23–29 November): the wait rises to four, one about cleanliness, two happy reviews.
    const w = [];
    for (let i = 0; i < 4; i++) w.push(await seed(`b${i}`, day(23 + i), 1, ['waiting_time'], true));
    const dirty = await seed('b9', day(27), 2, ['cleanliness'], true);
    await seed('b10', day(28), 5, [], false);
    await seed('b11', day(28, 12), 5, [], false);
    // One replied within its SLA (medium: 24 h), one past it; the dirty-room one followed up and raised to 4 stars.
    const step = async (id: string, action: 'acknowledge' | 'reply' | 'resolve' | 'follow_up', at: string, fields: Record<string, string> = {}) =>
      expect(await ctx.lifecycle.transition(id, action, { actor: 'maya', now: new Date(at), fields })).toMatchObject({ ok: true });
    const reply = async (id: string, at: string) => {
      await step(id, 'acknowledge', at);
      await step(id, 'reply', at, { repliedAt: at });
    };
    await reply(w[0]!.id, day(23, 20));
    await reply(w[1]!.id, day(27, 10));
    await reply(dirty.id, day(27, 12));
    await step(dirty.id, 'resolve', day(27, 13));
    await step(dirty.id, 'follow_up', day(28, 9), { followedUpAt: day(28, 9) });
    const raised = makeReview('harbor', { platformId: 'b9', rating: 4, publishedAt: day(27), text: 'Review b9. They came back and cleaned it.' });
    const upserted = await ctx.store.upsertReviews([raised], { backfill: false, now: new Date(day(29)) });
    // What a poll does with an edit: the critic who raised the rating after our reply is a recovery.
    await applyPlatformState(ctx, [raised], upserted.updated, new Date(day(29)));
    // And the analysis of the edited text (still about the dirty room), which moves the counters to 4 stars.
    const verdict = { negative: true, score: -0.3, severity: 'medium' as const, topics: ['cleanliness'], reasons: [], language: 'en' };
    await ctx.store.saveAnalyses([{ id: raised.id, sourceId: 'harbor', hash: raised.contentHash, verdict, flag: true }], new Date(day(29)));

    app = await checkedApi(ctx);
    const res = await app.inject({ method: 'GET', url: '/v1/reports/weekly?week=2026-W48', headers: { authorization: `Bearer ${KEY}` } });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({
      week: '2026-W48',
      since: '2026-11-23T00:00:00.000Z',
      until: '2026-11-30T00:00:00.000Z',
      reviews: { count: 7, previous: 3 },
      negative: { count: 5, previous: 2 },
      averageRating: { value: 2.57, previous: 2.33, trend: 'up' },
      responseTimes: { withinSla: 2, pastSla: 1 },
      followUpsSent: 1,
      recoveries: 1,
      champions: [{ reviewId: dirty.id, from: 2, to: 4 }],
      truncated: false,
    });
    expect(r.topics.slice(0, 2)).toEqual([
      { topic: 'waiting_time', count: 4, previous: 2, change: 2 },
      { topic: 'cleanliness', count: 1, previous: 0, change: 1 },
    ]);
    expect(r.openByStatus).toMatchObject({ new: expect.any(Number) });

    const bad = await app.inject({ method: 'GET', url: '/v1/reports/weekly?week=2021-W53', headers: { authorization: `Bearer ${KEY}` } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'bad_request', message: 'query.week: 2021 has weeks 01 to 52 (got 53)' });
  });
});
