import { UnrecoverableError } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverAlerts } from '../../workers/notify-worker.js';
import { testContext } from '../helpers/context.js';
import { makeVerdict } from '../helpers/alerts.js';
import { makeReview } from '../helpers/factories.js';
import { Cleanup } from './harness.js';

describe('an alert job that runs before its verdict is saved', () => {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  // The analyze worker enqueues alerts before it saves the verdict (so a crash in between cannot lose
  // them); another replica's notify worker can take the job in that gap.
  it('is retried, not failed for good', async () => {
    const t = await testContext({ sources: [{ id: 'harbor', type: 'rss', url: 'https://reviews.example.com/a.rss', schedule: '* * * * *' }] });
    cleanup.add(() => t.close());
    const review = makeReview('harbor', { rating: 1 });
    await t.ctx.store.upsertReviews([review], { backfill: false });
    const err = await deliverAlerts(t.ctx, { reviewIds: [review.id], channelId: 'log' }).then(() => undefined, (e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(UnrecoverableError);
    expect(err?.message).toMatch(/not analysed yet/);
    // A review that does not exist at all is a permanent failure.
    const gone = await deliverAlerts(t.ctx, { reviewIds: ['harbor-0000000000000000'], channelId: 'log' }).then(() => undefined, (e: Error) => e);
    expect(gone).toBeInstanceOf(UnrecoverableError);
  });

  it('delivers the rest of its batch, and its retry delivers only what was missing', async () => {
    const t = await testContext({ sources: [{ id: 'harbor', type: 'rss', url: 'https://reviews.example.com/a.rss', schedule: '* * * * *' }] });
    cleanup.add(() => t.close());
    const [ready, early] = [makeReview('harbor', { rating: 1, text: 'Cold soup.' }), makeReview('harbor', { rating: 2, text: 'Rude staff.' })];
    await t.ctx.store.upsertReviews([ready, early], { backfill: false });
    await t.ctx.store.saveAnalyses([{ id: ready.id, sourceId: 'harbor', hash: ready.contentHash, verdict: makeVerdict(), flag: true }]);
    const data = { reviewIds: [ready.id, early.id, 'harbor-0000000000000000'], channelId: 'log' };
    const err = await deliverAlerts(t.ctx, data).then(() => undefined, (e: Error) => e);
    // One alert that can still succeed makes the job retry (not give up), and the error names each failure.
    expect(err).not.toBeInstanceOf(UnrecoverableError);
    expect(err?.message).toMatch(/^2 of 3 alerts to log failed/);
    expect(err?.message).toContain(`${early.id}: review ${early.id} is not analysed yet`);
    expect(err?.message).toContain('harbor-0000000000000000: review harbor-0000000000000000 is not stored');
    expect(await t.ctx.store.deliveries.deliveredAt(ready.id, 'log')).toBeDefined();
    expect(await t.ctx.store.deliveries.deliveredAt(early.id, 'log')).toBeUndefined();

    await t.ctx.store.saveAnalyses([{ id: early.id, sourceId: 'harbor', hash: early.contentHash, verdict: makeVerdict(), flag: true }]);
    const retry = await deliverAlerts(t.ctx, { ...data, reviewIds: [ready.id, early.id] });
    expect(retry).toEqual({ delivered: 1, digested: 0, skipped: 1 });
    expect(await t.ctx.store.deliveries.get(ready.id, 'log')).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(await t.ctx.store.deliveries.get(early.id, 'log')).toMatchObject({ status: 'delivered', attempts: 1 });
  });
});
