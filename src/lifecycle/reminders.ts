import { route } from '../alerts/routing.js';
import type { AppContext } from '../context.js';
import { jobId } from '../queues.js';
import { isOverdue } from './sla.js';
import { slaFor } from '../config/businesses.js';

/** Overdue reviews flagged further back than this are no longer reminded of (nor their markers kept). */
const LOOKBACK_MS = 30 * 24 * 3_600_000;

/** Notify job id of a review's overdue reminder on one channel (deterministic: replicas enqueue it once). */
export const reminderJobId = (channelId: string, reviewId: string): string => jobId('reminder', channelId, reviewId);

/**
 * Finds flagged reviews past their SLA without a reply and enqueues ONE reminder per review on each channel
 * that takes it. Run by every scheduler replica every minute: the deterministic job ids make concurrent
 * sweeps enqueue one job, and a marker set once the jobs are queued keeps later sweeps (and restarts) from
 * sending it again. Returns the ids reminded of by this sweep.
 */
export async function sweepOverdue(ctx: AppContext, now = Date.now()): Promise<string[]> {
  const reminded: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.store.listing.listAlerts({ limit: 100, cursor, since: new Date(now - LOOKBACK_MS), filter: (r) => isOverdue(r, slaFor(ctx.config, r.review.sourceId), now) });
    for (const r of page.items) {
      const marker = ctx.store.keys.forId(r.review.id).key('sla-reminded', r.review.id);
      if (await ctx.redis.exists(marker)) continue;
      const channels = route(ctx.channels.values(), { severity: r.verdict!.severity, sourceId: r.review.sourceId, topics: r.verdict!.topics });
      for (const channelId of channels) await ctx.queues.add('notify', reminderJobId(channelId, r.review.id), { channelId, reviewIds: [r.review.id], reminder: true });
      await ctx.redis.set(marker, new Date(now).toISOString(), 'PX', LOOKBACK_MS * 2);
      reminded.push(r.review.id);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return reminded;
}
