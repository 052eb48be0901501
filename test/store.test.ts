import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Verdict } from '../src/domain/verdict.js';
import { ReviewStore, reviewOf } from '../src/store/review-store.js';
import { makeReview } from './helpers/factories.js';
import { testRedis, uniquePrefix } from './helpers/redis.js';

const negative: Verdict = { negative: true, score: -0.8, severity: 'high', topics: [], reasons: ['rating 1/5'], language: 'en' };

describe('ReviewStore', () => {
  let store: ReviewStore;
  let cleanup: () => Promise<void>;
  beforeEach(() => {
    const prefix = uniquePrefix('store');
    const t = testRedis(prefix);
    store = new ReviewStore(t.redis, prefix);
    cleanup = t.cleanup;
  });
  afterEach(() => cleanup());

  it('creates a review once, however often it is stored', async () => {
    const r = makeReview('s1');
    expect(await store.upsertReviews([r], { backfill: false })).toEqual({ created: [r.id], updated: [], unchanged: 0 });
    expect(await store.upsertReviews([r], { backfill: true })).toEqual({ created: [], updated: [], unchanged: 1 });
    const stored = await store.get(r.id);
    // fetchedAt is when the store first saw it.
    expect(stored?.review).toEqual({ ...r, fetchedAt: stored?.createdAt });
    expect(stored?.backfill).toBe(false);
    expect(await store.pendingAnalysis('s1')).toEqual([r.id]);
  });

  it("gives a review the language its verdict detected when the platform gave none, and keeps the platform's", async () => {
    const plain = makeReview('s1', { platformId: 'no-language', text: 'Das Brot war alt.' });
    const tagged = makeReview('s1', { platformId: 'tagged', text: 'Le pain était rassis.', language: 'fr' });
    const blank = makeReview('s1', { platformId: 'emoji', text: '😡' });
    await store.upsertReviews([plain, tagged, blank], { backfill: false });
    await store.saveAnalyses([
      { id: plain.id, sourceId: 's1', hash: plain.contentHash, verdict: { ...negative, language: 'de' }, flag: true },
      { id: tagged.id, sourceId: 's1', hash: tagged.contentHash, verdict: { ...negative, language: 'de' }, flag: true },
      { id: blank.id, sourceId: 's1', hash: blank.contentHash, verdict: { ...negative, language: 'und' }, flag: true },
    ]);
    expect((await store.get(plain.id))?.review.language).toBe('de');
    expect((await store.get(tagged.id))?.review.language).toBe('fr');
    expect((await store.get(blank.id))?.review.language).toBeUndefined();
  });

  it('updates an edited review, keeps its rating history and queues it for analysis again', async () => {
    const r = makeReview('s1', { platformId: 'edit-me', rating: 1, text: 'Awful' });
    await store.upsertReviews([r], { backfill: false });
    await store.saveAnalyses([{ id: r.id, sourceId: 's1', hash: r.contentHash, verdict: negative, flag: true }]);
    expect(await store.pendingAnalysis('s1')).toEqual([]);
    const edited = makeReview('s1', { platformId: 'edit-me', rating: 4, text: 'They called me and fixed it' });
    expect((await store.upsertReviews([edited], { backfill: false })).updated).toEqual([r.id]);
    const stored = await store.get(r.id);
    expect(stored?.review.text).toBe('They called me and fixed it');
    expect(stored?.editedAt).toBeDefined();
    expect(stored?.ratingHistory.map((h) => h.rating)).toEqual([1, 4]);
    expect(stored?.analyzedHash).not.toBe(stored?.hash);
    expect(await store.pendingAnalysis('s1')).toEqual([r.id]);
  });

  it('reads for analysis what a full read gives: the review, its hashes and flags, fresh, analysed and edited', async () => {
    const fresh = makeReview('s1', { platformId: 'fresh', rating: 2, text: 'Cold soup' });
    const edited = makeReview('s1', { platformId: 'edited', rating: 1, text: 'Awful' });
    await store.upsertReviews([fresh, edited], { backfill: true });
    await store.saveAnalyses([{ id: edited.id, sourceId: 's1', hash: edited.contentHash, verdict: negative, flag: true }]);
    await store.upsertReviews([makeReview('s1', { platformId: 'edited', rating: 3, text: 'Better after their call' })], { backfill: false });
    const ids = [fresh.id, 's1-0000000000000000', edited.id];
    const full = await store.getMany(ids);
    const pick = ({ review, hash, analyzedHash, alertedAt, backfill }: (typeof full)[number]) => ({ id: review.id, review, hash, analyzedHash, alertedAt, backfill });
    // The review comes unparsed (the analysis thread parses it); parsed, it is the review a full read gives.
    const read = (await store.getForAnalysis(ids)).map(({ id, hash, analyzedHash, alertedAt, backfill, ...stored }) => ({ id, review: reviewOf({ ...stored, hash }), hash, analyzedHash, alertedAt, backfill }));
    expect(read).toEqual(full.map(pick));
    // The edit shows: the text changed (seen by a regular poll), the old analysis's hash no longer matches, the flag stays.
    const [, again] = await store.getForAnalysis(ids);
    expect(reviewOf(again!)).toMatchObject({ text: 'Better after their call', rating: 3 });
    expect(again).toMatchObject({ id: edited.id, backfill: false, alertedAt: expect.any(String) });
    expect(again!.analyzedHash).not.toBe(again!.hash);
  });

  it('stores a poll whole when one stored review has an unreadable rating history', async () => {
    const r = makeReview('s1', { platformId: 'damaged', rating: 1, text: 'Awful' });
    await store.upsertReviews([r], { backfill: false });
    await store.redis.hset(store.key('review', r.id), 'ratings', '{not json');
    // Many reviews go to Redis in one script call: the damaged one must not stop the others.
    const edited = makeReview('s1', { platformId: 'damaged', rating: 2, text: 'Awful, still no reply' });
    const others = [makeReview('s1'), makeReview('s1')];
    const result = await store.upsertReviews([edited, ...others], { backfill: false });
    expect(result).toEqual({ created: others.map((o) => o.id), updated: [r.id], unchanged: 0 });
    const stored = await store.get(r.id);
    expect(stored?.review.text).toBe('Awful, still no reply');
    expect(stored?.ratingHistory.map((h) => h.rating)).toEqual([2]);
  });

  it('flags a review once; a stale analysis is not saved', async () => {
    const r = makeReview('s1', { rating: 1 });
    await store.upsertReviews([r], { backfill: false });
    expect(await store.saveAnalyses([{ id: r.id, sourceId: 's1', hash: r.contentHash, verdict: negative, flag: true }])).toEqual({ flagged: 1, stale: 0, flaggedIds: [r.id] });
    expect(await store.saveAnalyses([{ id: r.id, sourceId: 's1', hash: r.contentHash, verdict: negative, flag: true }])).toEqual({ flagged: 0, stale: 0, flaggedIds: [] });
    expect(await store.saveAnalyses([{ id: r.id, sourceId: 's1', hash: 'older-version', verdict: negative, flag: true }])).toEqual({ flagged: 0, stale: 1, flaggedIds: [] });
    expect((await store.listing.listAlerts({ limit: 10 })).items.map((i) => i.review.id)).toEqual([r.id]);
  });

  it('pages alerts newest first without skipping or repeating ties', async () => {
    const reviews = Array.from({ length: 7 }, (_, i) => makeReview(i % 2 ? 'odd' : 'even', { rating: 1, text: `bad ${i}` }));
    await store.upsertReviews(reviews, { backfill: false });
    // Three share one flag time, to exercise ties.
    const times = [1000, 2000, 3000, 3000, 3000, 4000, 5000];
    for (const [i, r] of reviews.entries()) {
      await store.saveAnalyses([{ id: r.id, sourceId: r.sourceId, hash: r.contentHash, verdict: negative, flag: true }], new Date(times[i]!));
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listing.listAlerts({ limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.review.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(0, 2)).toEqual([reviews[6]!.id, reviews[5]!.id]);
    expect(seen.slice(-1)).toEqual([reviews[0]!.id]);

    const odd = await store.listing.listAlerts({ limit: 10, sourceId: 'odd' });
    expect(odd.items.map((i) => i.review.sourceId)).toEqual(['odd', 'odd', 'odd']);
    const recent = await store.listing.listAlerts({ limit: 10, since: new Date(3000) });
    expect(recent.items).toHaveLength(5);
  });

  it('tracks source health: failures back off, a success clears them', async () => {
    // random() = 0.5 puts the ±20% jitter at its middle.
    const failed = await store.sources.recordPollFailure('s1', { message: 'HTTP 503 from https://x.example', status: 503 }, new Date(0), () => 0.5);
    expect(failed).toMatchObject({ consecutiveFailures: 1, lastError: 'HTTP 503 from https://x.example', lastStatus: 503, backoffUntil: new Date(30_000).toISOString() });
    const again = await store.sources.recordPollFailure('s1', { message: 'HTTP 503' }, new Date(0), () => 0.5);
    expect(again.backoffUntil).toBe(new Date(60_000).toISOString());
    await store.sources.recordPollSuccess('s1', { etag: '"e"', newReviews: 3 });
    const ok = await store.sources.getSourceState('s1');
    expect(ok).toMatchObject({ consecutiveFailures: 0, etag: '"e"', reviewsSeen: 3, backoffUntil: undefined });
    expect(ok.baselineAt).toBeDefined();
  });

  it('spreads back-offs with jitter and honours a longer Retry-After', async () => {
    const low = await store.sources.recordPollFailure('j1', { message: 'x' }, new Date(0), () => 0);
    const high = await store.sources.recordPollFailure('j2', { message: 'x' }, new Date(0), () => 0.999999);
    expect(Date.parse(low.backoffUntil!)).toBe(24_000);
    expect(Date.parse(high.backoffUntil!)).toBeGreaterThan(35_900);
    expect(Date.parse(high.backoffUntil!)).toBeLessThanOrEqual(36_000);
    const told = await store.sources.recordPollFailure('j3', { message: 'HTTP 429', status: 429, retryAfterMs: 7_200_000 }, new Date(0), () => 0.5);
    expect(told.backoffUntil).toBe(new Date(7_200_000).toISOString());
    // An absurd Retry-After (years) is capped at a day, so a source is never silenced for good.
    const absurd = await store.sources.recordPollFailure('j5', { message: 'HTTP 503', status: 503, retryAfterMs: 3e11 }, new Date(0), () => 0.5);
    expect(absurd.backoffUntil).toBe(new Date(86_400_000).toISOString());
    // A shorter Retry-After does not shorten the exponential back-off.
    const short = await store.sources.recordPollFailure('j4', { message: 'HTTP 503', status: 503, retryAfterMs: 1_000 }, new Date(0), () => 0.5);
    expect(short.backoffUntil).toBe(new Date(30_000).toISOString());
  });

  it('tells which review ids are already stored', async () => {
    const [a, b] = [makeReview('known'), makeReview('known')];
    await store.upsertReviews([a!], { backfill: false });
    expect([...(await store.existingIds([a!.id, b!.id]))]).toEqual([a!.id]);
    expect((await store.existingIds([])).size).toBe(0);
  });
});
