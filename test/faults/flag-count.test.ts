import { afterEach, describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/index.js';
import { analyzeBatch } from '../../workers/analyze-worker.js';
import { inlineAnalysis, testContext } from '../helpers/context.js';
import { makeReview } from '../helpers/factories.js';
import { Cleanup } from './harness.js';

describe('the flagged counter across a crash', () => {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  const flaggedTotal = async (t: Awaited<ReturnType<typeof testContext>>): Promise<number> =>
    (await t.ctx.metrics.values('flagged')).reduce((a, v) => a + v.value, 0);

  it('counts a review flagged by a job that died right after saving, once', async () => {
    const t = await testContext({ sources: [{ id: 'harbor', type: 'rss', url: 'https://reviews.example.com/a.rss', schedule: '* * * * *', alertOnBackfill: true }] });
    cleanup.add(() => t.close());
    const crashed = makeReview('harbor', { rating: 1, text: 'We waited 50 minutes and the soup was cold. Terrible service.' });
    const normal = makeReview('harbor', { rating: 1, text: 'The waiter was rude and the bill was wrong. Really disappointing.' });
    await t.ctx.store.upsertReviews([crashed, normal], { backfill: false });
    // The first attempt saved its verdict and flag, then the worker was killed before anything else.
    const verdict = classify({ text: crashed.text, rating: crashed.rating });
    await t.ctx.store.saveAnalyses([{ id: crashed.id, sourceId: 'harbor', hash: crashed.contentHash, verdict, flag: true }]);
    // The retried job finds it analysed; the other review is analysed and flagged normally.
    await analyzeBatch(t.ctx, { sourceId: 'harbor', reviewIds: [crashed.id, normal.id] }, inlineAnalysis(t.ctx.config));
    await analyzeBatch(t.ctx, { sourceId: 'harbor', reviewIds: [crashed.id, normal.id] }, inlineAnalysis(t.ctx.config));
    expect((await t.ctx.store.listing.listAlerts({ limit: 10 })).items).toHaveLength(2);
    expect(await flaggedTotal(t)).toBe(2);
  });
});
