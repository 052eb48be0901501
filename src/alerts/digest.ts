import type { AppContext } from '../context.js';
import { jobId } from '../queues.js';
import { DigestWindows } from '../store/digest-windows.js';
import type { AlertChannel } from './channels.js';

/** What gathering and closing digest windows uses of the context. */
export type DigestDeps = Pick<AppContext, 'redis' | 'store' | 'queues'>;

// A digest window opens with the first alert a digest channel gathers and lasts `windowSeconds`; its delayed
// job sends what it gathered. The windows themselves are kept by src/store/digest-windows.ts.

const windowsOf = (ctx: Pick<AppContext, 'redis' | 'store'>): DigestWindows => new DigestWindows(ctx.redis, ctx.store.keys);

/** Deterministic id of a window's digest job (no `:`). */
export function digestJobId(channelId: string, windowStart: number): string {
  return jobId('digest', channelId, String(windowStart));
}

const windowMsOf = (channel: AlertChannel): number => (channel.rule.digest?.windowSeconds ?? 0) * 1000;

/**
 * Adds a review to the channel's open digest window (opening one if none is) and makes sure the
 * window's delayed digest job exists. Repeating it (a retried notify job) changes nothing.
 */
export async function gatherForDigest(ctx: DigestDeps, channel: AlertChannel, reviewId: string, now = Date.now()): Promise<{ windowStart: number; windowEnd: number }> {
  const windowMs = windowMsOf(channel);
  // The open marker outlives the window by a wide margin: if its job were somehow lost, later alerts still move on.
  const windowStart = await windowsOf(ctx).add(channel.id, reviewId, now, windowMs * 10 + 3_600_000);
  const windowEnd = windowStart + windowMs;
  await ctx.store.deliveries.pending(reviewId, channel.id, { digestAt: new Date(windowEnd).toISOString() });
  // Every gatherer adds the job under the same id: BullMQ keeps the first, so a crash between the
  // script and this call is healed by the notify job's retry.
  await ctx.queues.add('digest', digestJobId(channel.id, windowStart), { channelId: channel.id, windowStart }, { delay: Math.max(0, windowEnd - Date.now()) });
  return { windowStart, windowEnd };
}

/** Closes a digest window and returns the review ids gathered in it. */
export async function closeDigestWindow(ctx: DigestDeps, channelId: string, windowStart: number): Promise<string[]> {
  return windowsOf(ctx).close(channelId, windowStart);
}
