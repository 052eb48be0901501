import { UnrecoverableError } from 'bullmq';
import { sourceById } from '../src/config/businesses.js';
import type { AppContext } from '../src/context.js';
import type { JobData } from '../src/queues.js';
import { createPublisher, PublishError } from '../src/publishers/index.js';

/** What posting a reply or follow-up uses of the context. */
export type PublishDeps = Pick<AppContext, 'config' | 'store' | 'lifecycle' | 'logger' | 'metrics' | 'credentials'>;

/** Attempt bookkeeping of the job being run, to tell the last failure from a retried one. */
export interface Attempt {
  attemptsMade: number;
  attempts: number;
}

/**
 * Posts a review's approved reply, or its loop-closing follow-up, through the source's publisher.
 * A manual publisher marks the text ready to post; the operator confirms through the API.
 */
export async function publishReview(ctx: PublishDeps, data: JobData<'publish'>, attempt: Attempt = { attemptsMade: 0, attempts: 1 }): Promise<{ posted: boolean }> {
  const log = ctx.logger.child({ module: 'publish', reviewId: data.reviewId, kind: data.kind });
  const stored = await ctx.store.get(data.reviewId);
  if (!stored) throw new UnrecoverableError(`review ${data.reviewId} is not stored`);
  const source = sourceById(ctx.config, stored.review.sourceId);
  const publisher = createPublisher(source?.publisher ?? { type: 'manual' }, process.env, ctx.credentials);
  const isReply = data.kind === 'reply';
  const stateField = isReply ? 'replyState' : 'followUpState';
  const text = isReply ? (stored.lifecycle.replyText ?? stored.draft?.reply) : stored.lifecycle.followUpText;
  if (!text) throw new UnrecoverableError(`review ${data.reviewId} has no ${isReply ? 'reply' : 'follow-up'} text to publish`);
  const expected = isReply ? 'acknowledged' : 'resolved';
  if (stored.status !== expected) {
    // Already posted (say, confirmed by hand) or moved on: nothing to do.
    log.info({ status: stored.status }, 'nothing to publish in this state');
    return { posted: false };
  }
  if (!publisher.automatic) {
    await ctx.lifecycle.setFields(data.reviewId, { [stateField]: 'ready_to_post' });
    await ctx.lifecycle.record(data.reviewId, { at: new Date().toISOString(), actor: 'system', action: 'mark_ready', note: `${isReply ? 'reply' : 'follow-up'} ready to post by hand` });
    return { posted: false };
  }
  try {
    await publisher.publish({ review: stored.review, text, kind: data.kind });
  } catch (err) {
    const e = err as Error;
    const final = (err instanceof PublishError && err.permanent) || attempt.attemptsMade + 1 >= attempt.attempts;
    if (final) {
      await ctx.lifecycle.setFields(data.reviewId, { [stateField]: 'failed', publishError: e.message.slice(0, 500) });
      await ctx.lifecycle.record(data.reviewId, { at: new Date().toISOString(), actor: `publisher:${publisher.type}`, action: isReply ? 'reply' : 'follow_up', note: `publishing failed: ${e.message.slice(0, 300)}` });
      log.warn({ err: e.message }, 'publishing failed for good; retry through the API');
      if (err instanceof PublishError && err.permanent) throw new UnrecoverableError(e.message);
    }
    throw err;
  }
  const now = new Date().toISOString();
  const moved = await ctx.lifecycle.transition(data.reviewId, isReply ? 'reply' : 'follow_up', {
    actor: `publisher:${publisher.type}`,
    note: `posted on ${publisher.type}`,
    fields: isReply ? { repliedAt: now, replyState: 'posted', publishError: '' } : { followedUpAt: now, followUpState: 'posted', publishError: '' },
  });
  await ctx.metrics.inc('published', [publisher.type, data.kind]);
  log.info({ publisher: publisher.type, moved: moved.ok }, 'published');
  return { posted: true };
}
