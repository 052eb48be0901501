import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context.js';
import type { Verdict } from '../src/domain/verdict.js';
import { makeReview } from './helpers/factories.js';
import { testContext } from './helpers/context.js';

const verdict = (negative: boolean): Verdict => ({ negative, score: negative ? -0.8 : 0.8, severity: 'high', topics: [], reasons: [], language: 'en' });

describe('flagged reviews by status', () => {
  let ctx: AppContext;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ctx, close } = await testContext());
  });
  afterAll(async () => close());

  it('moves a flagged review from one status to the next on every transition, and ignores unflagged ones', async () => {
    const flagged = [makeReview('harbor', { rating: 1 }), makeReview('harbor', { rating: 1 }), makeReview('harbor', { rating: 2 })];
    const quiet = makeReview('harbor', { rating: 5 });
    await ctx.store.upsertReviews([...flagged, quiet], { backfill: false });
    await ctx.store.saveAnalyses([...flagged, quiet].map((r) => ({ id: r.id, sourceId: 'harbor', hash: r.contentHash, verdict: verdict(r !== quiet), draft: { reply: 'Thank you', violations: [], score: 1 }, flag: r !== quiet })));
    expect(await ctx.lifecycle.byStatus.read()).toEqual({ new: 3, acknowledged: 0, replied: 0, resolved: 0, followed_up: 0 });

    await ctx.lifecycle.transition(flagged[0]!.id, 'acknowledge', { actor: 'maya' });
    await ctx.lifecycle.transition(flagged[1]!.id, 'approve', { actor: 'maya', fields: { approvedAt: new Date().toISOString() } });
    await ctx.lifecycle.transition(flagged[1]!.id, 'reply', { actor: 'maya', require: 'approvedAt' });
    // Not flagged: not in the inbox, so not counted.
    await ctx.lifecycle.transition(quiet.id, 'acknowledge', { actor: 'maya' });
    // Refused (illegal from new) and status-keeping transitions move nothing.
    await ctx.lifecycle.transition(flagged[2]!.id, 'resolve', { actor: 'maya' });
    await ctx.lifecycle.transition(flagged[2]!.id, 'edit_draft', { actor: 'maya' });
    expect(await ctx.lifecycle.byStatus.read()).toEqual({ new: 1, acknowledged: 1, replied: 1, resolved: 0, followed_up: 0 });
    // Each status past new lists its reviews, paged like the alert index.
    expect((await ctx.store.listing.pageBy([ctx.lifecycle.byStatus.key('acknowledged')], { limit: 10 })).items.map((r) => r.review.id)).toEqual([flagged[0]!.id]);
    expect((await ctx.store.listing.pageBy([ctx.lifecycle.byStatus.key('replied')], { limit: 10 })).items.map((r) => r.review.id)).toEqual([flagged[1]!.id]);
  });

  it('builds the status sets once from the reviews of a store written before they existed', async () => {
    const t = await testContext();
    try {
      const flagged = [makeReview('harbor', { rating: 1 }), makeReview('harbor', { rating: 1 }), makeReview('harbor', { rating: 2 })];
      await t.ctx.store.upsertReviews(flagged, { backfill: false });
      await t.ctx.store.saveAnalyses(flagged.map((r) => ({ id: r.id, sourceId: 'harbor', hash: r.contentHash, verdict: verdict(true), draft: { reply: 'Thank you', violations: [], score: 1 }, flag: true })));
      // As an older version left them: statuses moved on the hashes, no status sets.
      await t.ctx.redis.hset(t.ctx.store.key('review', flagged[0]!.id), 'status', 'replied');
      await t.ctx.redis.hset(t.ctx.store.key('review', flagged[1]!.id), 'status', 'followed_up');
      expect((await t.ctx.lifecycle.byStatus.read()).new).toBe(3);
      expect(await t.ctx.lifecycle.byStatus.buildOnce()).toBe(2);
      expect(await t.ctx.lifecycle.byStatus.read()).toEqual({ new: 1, acknowledged: 0, replied: 1, resolved: 0, followed_up: 1 });
      expect(await t.ctx.lifecycle.byStatus.buildOnce()).toBeUndefined();
      // Transitions after the build keep the sets right.
      await t.ctx.lifecycle.transition(flagged[0]!.id, 'resolve', { actor: 'maya' });
      expect(await t.ctx.lifecycle.byStatus.read()).toEqual({ new: 1, acknowledged: 0, replied: 0, resolved: 1, followed_up: 1 });
    } finally {
      await t.close();
    }
  });
});
