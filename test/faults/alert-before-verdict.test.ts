import { UnrecoverableError } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverAlert } from '../../workers/notify-worker.js';
import { testContext } from '../helpers/context.js';
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
    const err = await deliverAlert(t.ctx, { reviewId: review.id, channelId: 'log' }).then(() => undefined, (e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(UnrecoverableError);
    expect(err?.message).toMatch(/not analysed yet/);
    // A review that does not exist at all is a permanent failure.
    const gone = await deliverAlert(t.ctx, { reviewId: 'harbor-0000000000000000', channelId: 'log' }).then(() => undefined, (e: Error) => e);
    expect(gone).toBeInstanceOf(UnrecoverableError);
  });
});
