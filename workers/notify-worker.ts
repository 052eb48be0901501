import { UnrecoverableError } from 'bullmq';
import { alertPayload } from '../src/alerts/payload.js';
import type { AppContext } from '../src/context.js';
import type { JobData } from '../src/queues.js';

/** Delivers one review's alert to one channel, at most once per (review, channel) across retries and replicas. */
export async function deliverAlert(ctx: AppContext, data: JobData<'notify'>): Promise<{ delivered: boolean }> {
  const channel = ctx.channels.get(data.channelId);
  if (!channel) throw new UnrecoverableError(`alert channel "${data.channelId}" is not in the configuration`);
  if (await ctx.store.deliveredAt(data.reviewId, data.channelId)) return { delivered: false };
  const stored = await ctx.store.get(data.reviewId);
  if (!stored) throw new UnrecoverableError(`review ${data.reviewId} is not stored`);
  await channel.deliver(alertPayload(stored, channel.id));
  await ctx.store.markDelivered(data.reviewId, data.channelId);
  return { delivered: true };
}
