import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Review } from '../src/domain/review.js';
import type { Verdict } from '../src/domain/verdict.js';
import { Metrics } from '../src/metrics.js';
import { businessOfId } from '../src/domain/review.js';
import { LifecycleStore } from '../src/store/lifecycle-store.js';
import { ReviewStore } from '../src/store/review-store.js';
import { weeklyReport } from '../src/insights/weekly-report.js';
import { makeReview } from './helpers/factories.js';
import { testRedis, uniquePrefix } from './helpers/redis.js';
import type { Redis } from 'ioredis';

// A deployment of several businesses keeps each business's keys under a hash tag of its own (src/store/keys.ts),
// so that a Redis Cluster spreads them; everything read across businesses must look as if one index held it all.

const negative: Verdict = { negative: true, score: -0.8, severity: 'high', topics: [], reasons: ['rating 1/5'], language: 'en' };
const at = (minute: number): string => new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString();

/** The review ids of every page of a list, following its cursors from the first page. */
async function idsOfEveryPage(list: (cursor: string | undefined) => Promise<{ items: { review: { id: string } }[]; nextCursor: string | null }>): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    seen.push(...page.items.map((r) => r.review.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen;
}

describe('the store with several businesses', () => {
  let store: ReviewStore;
  let redis: Redis;
  let prefix: string;
  let cleanup: () => Promise<void>;
  beforeEach(() => {
    prefix = uniquePrefix('biz');
    const t = testRedis(prefix);
    redis = t.redis;
    store = new ReviewStore(t.redis, prefix);
    cleanup = t.cleanup;
  });
  afterEach(() => cleanup());

  const flagAll = async (reviews: Review[]): Promise<void> => {
    await store.saveAnalyses(reviews.map((r) => ({ id: r.id, sourceId: r.sourceId, hash: r.contentHash, verdict: negative, flag: true })));
  };

  it('names the business of an id: qualified source and review ids name theirs, bare ones none', () => {
    const r = makeReview('north.web');
    expect(businessOfId('north.web')).toBe('north');
    expect(businessOfId(r.id)).toBe('north');
    expect(businessOfId('web')).toBeUndefined();
    expect(businessOfId(makeReview('web').id)).toBeUndefined();
  });

  it("keeps a business's reviews, indexes, counters and source state under its own hash tag, a single business's where they always were", async () => {
    const north = makeReview('north.web', { rating: 1, text: 'Cold soup.' });
    const south = makeReview('south.web', { rating: 1, text: 'Rude staff.' });
    const bare = makeReview('web', { rating: 1, text: 'Slow.' });
    await store.upsertReviews([north, south, bare], { backfill: false });
    await flagAll([north, south, bare]);
    expect(await store.sources.acquirePollLock('north.web', 60_000)).toBeTruthy();

    expect(await redis.exists(`{${prefix}:north}:review:${north.id}`)).toBe(1);
    expect(await redis.zscore(`{${prefix}:north}:reviews`, north.id)).not.toBeNull();
    expect(await redis.zscore(`{${prefix}:north}:alerts`, north.id)).not.toBeNull();
    expect(await redis.hlen(`{${prefix}:north}:metrics:flagged`)).toBe(1);
    expect(await redis.exists(`{${prefix}:north}:lock:poll:north.web`)).toBe(1);
    expect((await redis.keys(`{${prefix}:north}:counts:*`)).length).toBeGreaterThan(0);
    expect(await redis.exists(`{${prefix}:south}:review:${south.id}`)).toBe(1);
    // The deployment's own indexes hold only the bare-id business's reviews.
    expect(await redis.zrange(`${prefix}:reviews`, '0', '-1')).toEqual([bare.id]);
    expect(await redis.exists(`${prefix}:review:${bare.id}`)).toBe(1);
    expect((await redis.smembers(`${prefix}:businesses`)).sort()).toEqual(['north', 'south']);
    // Read back through the store as before.
    expect((await store.get(north.id))?.review.text).toBe('Cold soup.');
    expect((await store.getMany([south.id, bare.id, north.id])).map((r) => r.review.id)).toEqual([south.id, bare.id, north.id]);
    expect(await store.existingIds([north.id, south.id, 'north.web-0000000000000000'])).toEqual(new Set([north.id, south.id]));
  });

  it('lists reviews and alerts across businesses newest first, page by page, as one index would, and narrows to businesses', async () => {
    // Interleaved publication times, with a tie across businesses.
    const reviews = [
      makeReview('north.web', { publishedAt: at(1) }),
      makeReview('south.web', { publishedAt: at(2) }),
      makeReview('east.app', { publishedAt: at(3) }),
      makeReview('north.web', { publishedAt: at(4) }),
      makeReview('south.web', { publishedAt: at(4) }),
      makeReview('east.app', { publishedAt: at(5) }),
      makeReview('north.maps', { publishedAt: at(6) }),
    ];
    await store.upsertReviews(reviews, { backfill: false });
    const expected = [...reviews].sort((a, b) => Date.parse(b.publishedAt!) - Date.parse(a.publishedAt!) || (a.id < b.id ? 1 : -1)).map((r) => r.id);
    const seen = await idsOfEveryPage((cursor) => store.listing.listReviews({ limit: 2, cursor }));
    expect(seen).toEqual(expected);
    // With a filter too (batches merged across indexes), and narrowed to businesses.
    const filtered = await store.listing.listReviews({ limit: 10, filter: (r) => r.review.sourceId !== 'north.maps' });
    expect(filtered.items.map((r) => r.review.id)).toEqual(expected.filter((id) => !id.startsWith('north.maps')));
    const north = await store.listing.listReviews({ limit: 10, businesses: ['north'] });
    expect(north.items.map((r) => r.review.id)).toEqual(expected.filter((id) => id.startsWith('north.')));
    expect((await store.listing.listReviews({ limit: 10, sourceId: 'east.app' })).items.map((r) => r.review.id)).toEqual(expected.filter((id) => id.startsWith('east.')));

    // Alerts: flagged at different times, listed newest flag first across businesses; the event stream's catch-up oldest first.
    for (const [i, r] of reviews.entries()) await store.saveAnalyses([{ id: r.id, sourceId: r.sourceId, hash: r.contentHash, verdict: negative, flag: true }], new Date(Date.parse(at(10 + i))));
    const alerts = await store.listing.listAlerts({ limit: 3 });
    expect(alerts.items.map((r) => r.review.id)).toEqual(reviews.slice(-3).reverse().map((r) => r.id));
    const rest = await store.listing.listAlerts({ limit: 10, cursor: alerts.nextCursor! });
    expect(rest.items.map((r) => r.review.id)).toEqual(reviews.slice(0, 4).reverse().map((r) => r.id));
    expect((await store.listing.flaggedAfter(Date.parse(at(11)), 3)).map((r) => r.review.id)).toEqual(reviews.slice(2, 5).map((r) => r.id));
  });

  it('pages through businesses of very different sizes in order: the busy one is asked for more, round after round', async () => {
    // 30 newest reviews in one business, a few older ones in two others, and a tie across businesses.
    const busy = Array.from({ length: 30 }, (_, i) => makeReview('north.web', { publishedAt: at(100 - i) }));
    const quiet = [...Array.from({ length: 5 }, (_, i) => makeReview('south.web', { publishedAt: at(40 - i) })), ...Array.from({ length: 5 }, (_, i) => makeReview('east.app', { publishedAt: at(45 - i * 2) }))];
    const tie = makeReview('south.web', { publishedAt: at(90) });
    const all = [...busy, ...quiet, tie];
    await store.upsertReviews(all, { backfill: false });
    const expected = [...all].sort((a, b) => Date.parse(b.publishedAt!) - Date.parse(a.publishedAt!) || (a.id < b.id ? 1 : -1)).map((r) => r.id);
    for (const limit of [1, 7, 10, 25]) {
      const seen = await idsOfEveryPage((cursor) => store.listing.listReviews({ limit, cursor }));
      expect(seen, `pages of ${limit}`).toEqual(expected);
    }
    // Alerts flagged in the same millisecond (one analysis batch of the busy business) tie: pages still go through
    // them in the index's order (reverse lexical), across rounds and pages, without repeating or skipping one.
    await store.saveAnalyses(busy.map((r) => ({ id: r.id, sourceId: r.sourceId, hash: r.contentHash, verdict: negative, flag: true })), new Date(Date.parse(at(200))));
    for (const [i, r] of [...quiet, tie].entries()) await store.saveAnalyses([{ id: r.id, sourceId: r.sourceId, hash: r.contentHash, verdict: negative, flag: true }], new Date(Date.parse(at(150 + i * 10))));
    const flagOrder = [...quiet, tie].map((r, i) => ({ id: r.id, score: Date.parse(at(150 + i * 10)) })).concat(busy.map((r) => ({ id: r.id, score: Date.parse(at(200)) })));
    const expectedAlerts = flagOrder.sort((a, b) => b.score - a.score || (a.id < b.id ? 1 : -1)).map((e) => e.id);
    for (const limit of [4, 7]) {
      const seen = await idsOfEveryPage((cursor) => store.listing.listAlerts({ limit, cursor }));
      expect(seen, `alert pages of ${limit}`).toEqual(expectedAlerts);
    }
    // A filtered page (read in batches) and a time window keep the same order.
    expect((await store.listing.listReviews({ limit: 12, filter: (r) => r.review.sourceId !== 'east.app' })).items.map((r) => r.review.id)).toEqual(expected.filter((id) => !id.startsWith('east.')).slice(0, 12));
    const window = await store.listing.listReviews({ limit: 100, min: Date.parse(at(38)), max: Date.parse(at(90)) });
    expect(window.items.map((r) => r.review.id)).toEqual(all.filter((r) => Date.parse(r.publishedAt!) >= Date.parse(at(38)) && Date.parse(r.publishedAt!) <= Date.parse(at(90))).sort((a, b) => Date.parse(b.publishedAt!) - Date.parse(a.publishedAt!) || (a.id < b.id ? 1 : -1)).map((r) => r.id));
  });

  it('counts statuses, counters, flagged alerts and failed deliveries across businesses and for one', async () => {
    const lifecycle = new LifecycleStore(store);
    const north = [makeReview('north.web', { rating: 1, publishedAt: at(1) }), makeReview('north.web', { rating: 2, publishedAt: at(2) })];
    const south = [makeReview('south.web', { rating: 1, publishedAt: at(3) })];
    await store.upsertReviews([...north, ...south], { backfill: false });
    await flagAll([...north, ...south]);
    expect((await lifecycle.transition(north[0]!.id, 'acknowledge', { actor: 'maya' })).ok).toBe(true);
    expect((await lifecycle.transition(south[0]!.id, 'acknowledge', { actor: 'maya' })).ok).toBe(true);
    expect(await lifecycle.history(north[0]!.id)).toHaveLength(1);

    expect(await lifecycle.byStatus.read()).toEqual({ new: 1, acknowledged: 2, replied: 0, resolved: 0, followed_up: 0 });
    expect(await lifecycle.byStatus.read(['north'])).toEqual({ new: 1, acknowledged: 1, replied: 0, resolved: 0, followed_up: 0 });
    const acknowledged = await store.listing.pageBy(await lifecycle.byStatus.keysOf('acknowledged'), { limit: 10 });
    expect(acknowledged.items.map((r) => r.review.id).sort()).toEqual([north[0]!.id, south[0]!.id].sort());

    // Counters (on the day of publication) of every business's sources, or of one business's.
    const day = { label: at(0).slice(0, 10), kind: 'day' as const };
    const all = await store.counters.read([day]);
    expect(all.periods[0]!.bySource.get('north.web')?.reviews).toBe(2);
    expect(all.periods[0]!.bySource.get('south.web')?.reviews).toBe(1);
    const own = await store.counters.read([day], new Set(['south.web']));
    expect([...own.periods[0]!.bySource.keys()]).toEqual(['south.web']);

    // The flagged counter summed over businesses.
    const metrics = new Metrics(redis, store.keys, () => store.businessKeys());
    expect((await metrics.values('flagged')).map((v) => [v.labels.join('|'), v.value]).sort()).toEqual([
      ['north.web|high', 2],
      ['south.web|high', 1],
    ]);

    // Failed deliveries, newest failure first across businesses, paged, and one business's.
    await store.deliveries.attemptFailed(north[0]!.id, 'north.email', 'refused', true, new Date(Date.parse(at(1))));
    await store.deliveries.attemptFailed(south[0]!.id, 'slack', 'timeout', true, new Date(Date.parse(at(2))));
    await store.deliveries.attemptFailed(north[1]!.id, 'north.email', 'refused', true, new Date(Date.parse(at(3))));
    const first = await store.deliveries.listFailed({ limit: 2 });
    expect(first.items.map((d) => d.reviewId)).toEqual([north[1]!.id, south[0]!.id]);
    const second = await store.deliveries.listFailed({ limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((d) => d.reviewId)).toEqual([north[0]!.id]);
    expect(second.nextCursor).toBeNull();
    expect((await store.deliveries.listFailed({ limit: 10, businesses: ['south'] })).items.map((d) => d.channelId)).toEqual(['slack']);
    expect(await store.deliveries.beginResend(south[0]!.id, 'slack')).toBe(1);
    expect((await store.deliveries.listFailed({ limit: 10 })).items).toHaveLength(2);
  });

  it("finds a business's champions in its own alerts, however many other businesses flagged since", async () => {
    const lifecycle = new LifecycleStore(store);
    const day = (d: number, h = 10): string => new Date(Date.UTC(2026, 10, d, h)).toISOString();
    // South's critic, followed up on Friday 27 November (week 48) and raising the rating to 4 the day after.
    const critic = makeReview('south.web', { platformId: 'critic', rating: 1, publishedAt: day(23), text: 'Cold room' });
    await store.upsertReviews([critic], { backfill: false, now: new Date(day(23)) });
    await store.saveAnalyses([{ id: critic.id, sourceId: critic.sourceId, hash: critic.contentHash, verdict: negative, flag: true }], new Date(day(23)));
    for (const [action, at] of [['acknowledge', day(24)], ['reply', day(24, 12)], ['resolve', day(25)], ['follow_up', day(27)]] as const) {
      expect((await lifecycle.transition(critic.id, action, { actor: 'maya', now: new Date(at), fields: action === 'follow_up' ? { followedUpAt: at } : {} })).ok).toBe(true);
    }
    await store.upsertReviews([makeReview('south.web', { platformId: 'critic', rating: 4, publishedAt: day(23), text: 'Cold room, but they fixed it' })], { backfill: false, now: new Date(day(28)) });
    // North flags a page of reviews (500) and more after it: the report reads page by page up to its cap (here 2).
    const north = Array.from({ length: 501 }, (_, i) => makeReview('north.web', { platformId: `n${i}`, rating: 1, publishedAt: day(26) }));
    await store.upsertReviews(north, { backfill: false });
    await store.saveAnalyses(north.map((r) => ({ id: r.id, sourceId: r.sourceId, hash: r.contentHash, verdict: negative, flag: true })), new Date(day(26)));
    const report = await weeklyReport({ store, readStatusCounts: () => lifecycle.byStatus.read(['south']), sources: new Set(['south.web']) }, '2026-W48', 2);
    expect(report.champions).toEqual([{ reviewId: critic.id, author: 'Dana Reyes', from: 1, to: 4 }]);
  });
});
