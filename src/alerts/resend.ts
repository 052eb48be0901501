import type { AppContext } from '../context.js';

/** Why a re-send was not queued. */
export type ResendRefusal = { error: 'not_found'; message: string } | { error: 'conflict'; message: string };

/**
 * Re-sends a failed delivery: resets its record to pending and enqueues a notify job under a new
 * deterministic id (`notify-<review>-<channel>-r<n>`), delivered at once even on a digest channel.
 */
export async function resendDelivery(ctx: AppContext, reviewId: string, channelId: string): Promise<{ jobId: string } | ResendRefusal> {
  if (!ctx.channels.has(channelId)) return { error: 'not_found', message: `no alert channel ${channelId}` };
  if (!(await ctx.store.get(reviewId))) return { error: 'not_found', message: `no review ${reviewId}` };
  const n = await ctx.store.deliveries.beginResend(reviewId, channelId);
  if (n === 'none') return { error: 'not_found', message: `review ${reviewId} has no delivery on channel ${channelId}` };
  if (n === 'delivered' || n === 'pending') return { error: 'conflict', message: `the delivery to ${channelId} is ${n}; only failed deliveries can be re-sent` };
  const jobId = `notify-${reviewId}-${channelId}-r${n}`;
  try {
    await ctx.queues.add('notify', jobId, { reviewIds: [reviewId], channelId, immediate: true });
  } catch (err) {
    // Not queued: leave it failed (and listed) so it can be re-sent again.
    await ctx.store.deliveries.attemptFailed(reviewId, channelId, `re-send could not be queued: ${(err as Error).message}`, true);
    throw err;
  }
  return { jobId };
}
