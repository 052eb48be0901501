import { UnrecoverableError } from 'bullmq';
import type { AlertChannel } from '../src/alerts/channels.js';
import { closeDigestWindow, digestJobId, gatherForDigest } from '../src/alerts/digest.js';
import { alertPayload } from '../src/alerts/payload.js';
import { deliveryMode } from '../src/alerts/routing.js';
import type { AppContext } from '../src/context.js';
import type { JobData } from '../src/queues.js';

/** Which attempt of its job this is: the last one records a failure as final. */
export interface Attempt {
  /** Attempts that failed before this one. */
  attemptsMade: number;
  attempts: number;
}

/** Outside a job (tests, tools) a call is its own only attempt. */
const ONLY_ATTEMPT: Attempt = { attemptsMade: 0, attempts: 1 };

const isFinal = (err: unknown, attempt: Attempt): boolean => err instanceof UnrecoverableError || attempt.attemptsMade + 1 >= attempt.attempts;

function channelOf(ctx: AppContext, channelId: string): AlertChannel {
  const channel = ctx.channels.get(channelId);
  if (!channel) throw new UnrecoverableError(`alert channel "${channelId}" is not in the configuration`);
  return channel;
}

/**
 * Delivers one review's alert to one channel, at most once per (review, channel) across retries and
 * replicas; on a digest channel a non-critical alert is gathered into the open window instead.
 * Every attempt is recorded in the delivery records; the last failed one marks the delivery failed.
 */
export async function deliverAlert(ctx: AppContext, data: JobData<'notify'>, attempt: Attempt = ONLY_ATTEMPT): Promise<{ delivered: boolean; digestAt?: string }> {
  const channel = channelOf(ctx, data.channelId);
  if (await ctx.store.deliveredAt(data.reviewId, data.channelId)) {
    // A crash between the delivered mark and its record leaves the record behind: bring it up to date.
    if ((await ctx.store.deliveries.get(data.reviewId, data.channelId))?.status !== 'delivered') await ctx.store.deliveries.delivered(data.reviewId, data.channelId);
    return { delivered: false };
  }
  const stored = await ctx.store.get(data.reviewId);
  if (!stored) throw new UnrecoverableError(`review ${data.reviewId} is not stored`);
  // Alerts are enqueued just before the verdict is saved: a worker that gets here first retries shortly.
  if (!stored.verdict) throw new Error(`review ${data.reviewId} is not analysed yet; retrying`);
  if (!data.immediate && deliveryMode(channel.rule, stored.verdict.severity) === 'digest') {
    const { windowEnd } = await gatherForDigest(ctx, channel, data.reviewId);
    return { delivered: false, digestAt: new Date(windowEnd).toISOString() };
  }
  try {
    await channel.deliver(alertPayload(stored, channel.id, { publicUrl: ctx.config.publicUrl }));
  } catch (err) {
    await ctx.store.deliveries.attemptFailed(data.reviewId, channel.id, (err as Error).message, isFinal(err, attempt));
    await ctx.metrics.inc('alerts_failed', [channel.id]);
    throw err;
  }
  await ctx.store.markDelivered(data.reviewId, data.channelId);
  await ctx.store.deliveries.delivered(data.reviewId, data.channelId);
  await ctx.metrics.inc('alerts_sent', [channel.id]);
  return { delivered: true };
}

/** Sends one digest window's gathered alerts as one message and marks each (review, channel) delivered. */
export async function sendDigest(ctx: AppContext, data: JobData<'digest'>, attempt: Attempt = ONLY_ATTEMPT): Promise<{ sent: number }> {
  const channel = channelOf(ctx, data.channelId);
  const ids = await closeDigestWindow(ctx, data.channelId, data.windowStart);
  const delivered = await Promise.all(ids.map((id) => ctx.store.deliveredAt(id, channel.id)));
  const stored = (await ctx.store.getMany(ids.filter((_, i) => !delivered[i]))).filter((s) => s.verdict !== undefined);
  if (stored.length === 0) return { sent: 0 };
  const payloads = stored.map((s) => alertPayload(s, channel.id, { publicUrl: ctx.config.publicUrl }));
  const windowSeconds = channel.rule.digest?.windowSeconds ?? 0;
  const info = {
    channelId: channel.id,
    windowStart: new Date(data.windowStart).toISOString(),
    windowEnd: new Date(data.windowStart + windowSeconds * 1000).toISOString(),
    idempotencyKey: digestJobId(channel.id, data.windowStart),
  };
  try {
    await channel.deliverDigest(payloads, info);
  } catch (err) {
    const final = isFinal(err, attempt);
    await Promise.all(payloads.map((p) => ctx.store.deliveries.attemptFailed(p.reviewId, channel.id, (err as Error).message, final)));
    await ctx.metrics.inc('alerts_failed', [channel.id], payloads.length);
    throw err;
  }
  for (const p of payloads) {
    await ctx.store.markDelivered(p.reviewId, channel.id);
    await ctx.store.deliveries.delivered(p.reviewId, channel.id);
  }
  await ctx.metrics.inc('alerts_sent', [channel.id], payloads.length);
  return { sent: payloads.length };
}
