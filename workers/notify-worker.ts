import { createHash } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import type { AlertChannel } from '../src/alerts/channels.js';
import { closeDigestWindow, digestJobId, gatherForDigest } from '../src/alerts/digest.js';
import { alertPayload } from '../src/alerts/payload.js';
import { deliveryMode } from '../src/alerts/routing.js';
import type { AppContext } from '../src/context.js';
import { HostLimiter } from '../src/sources/host-limiter.js';
import { jobId, type JobData } from '../src/queues.js';
import type { AnalysisItem } from '../src/store/review-store.js';
import { resolveContext } from '../src/draft/index.js';
import { draftContextFor } from '../src/lifecycle/draft-context.js';
import { isOverdue, slaDueAt } from '../src/lifecycle/sla.js';
import { deliverWeeklyReport } from '../src/insights/report-sender.js';
import { slaFor } from '../src/config/businesses.js';

/** What delivering alerts, digests, reminders, insights and reports uses of the context. */
export type NotifyDeps = Pick<AppContext, 'config' | 'store' | 'lifecycle' | 'queues' | 'redis' | 'channels' | 'metrics'>;

/** Which attempt of its job this is: the last one records a failure as final. */
export interface Attempt {
  /** Attempts that failed before this one. */
  attemptsMade: number;
  attempts: number;
}

/** Outside a job (tests, tools) a call is its own only attempt. */
const ONLY_ATTEMPT: Attempt = { attemptsMade: 0, attempts: 1 };

const isFinal = (err: unknown, attempt: Attempt): boolean => err instanceof UnrecoverableError || attempt.attemptsMade + 1 >= attempt.attempts;

function channelOf(ctx: NotifyDeps, channelId: string): AlertChannel {
  const channel = ctx.channels.get(channelId);
  if (!channel) throw new UnrecoverableError(`alert channel "${channelId}" is not in the configuration`);
  return channel;
}

/** What one notify job did with its alerts. */
export interface NotifyOutcome {
  delivered: number;
  /** Gathered into the channel's open digest window. */
  digested: number;
  /** Delivered before (an earlier attempt, another job or replica). */
  skipped: number;
}

export interface NotifyOptions {
  /** The process's per-channel limit of deliveries in flight (`workers.notifyConcurrency`). */
  limiter?: HostLimiter | undefined;
  /** Aborted when the worker stops: no further delivery of the job starts. */
  signal?: AbortSignal | undefined;
}

/** The notify job id of a channel's alerts for these reviews: the same reviews give the same id, in any order. */
export function notifyJobId(channelId: string, reviewIds: readonly string[]): string {
  // One review keeps the id earlier versions gave it, so an upgrade cannot enqueue a twin of a queued alert.
  if (reviewIds.length === 1) return jobId('notify', reviewIds[0]!, channelId);
  const digest = createHash('sha256').update([...reviewIds].sort().join('\n')).digest('hex').slice(0, 32);
  return jobId('notify', channelId, digest);
}

/** An alert that cannot succeed by retrying: its job stops retrying when all its failures are such. */
const permanent = (err: unknown): boolean => err instanceof UnrecoverableError;

/**
 * Delivers a job's alerts (one channel's, of one analysis batch) to the channel, side by side. Each alert is
 * on its own: delivered at most once per (review, channel) across retries and replicas, recorded attempt by
 * attempt in the delivery records (the job's last attempt marks a failure final), and gathered into the open
 * digest window instead when the channel digests non-critical alerts. When some fail, the job fails naming
 * them, and its retry delivers only those. `opts.limiter` is the process's: it keeps a channel's deliveries
 * in flight to `notifyConcurrency` across all jobs, as when each alert was a job of its own (without one, the
 * limit holds within this job). Once `opts.signal` is aborted no further delivery starts, so a stopping
 * worker is not held up by a long batch.
 */
export async function deliverAlerts(ctx: NotifyDeps, data: JobData<'notify'>, attempt: Attempt = ONLY_ATTEMPT, opts: NotifyOptions = {}): Promise<NotifyOutcome> {
  const channel = channelOf(ctx, data.channelId);
  if ('report' in data) {
    await deliverWeeklyReport(ctx, channel, data.report.week, data.report.business);
    return { delivered: 1, digested: 0, skipped: 0 };
  }
  if ('insight' in data) {
    // One message, retried by its job; receivers (and mail systems, by Message-ID) drop a repeat by its id.
    await channel.deliverInsight(data.insight);
    return { delivered: 1, digested: 0, skipped: 0 };
  }
  if ('event' in data && data.event) {
    // A lifecycle step for a subscribed webhook: retried like an alert, deduplicated by the receiver on its id.
    if (!channel.deliverEvent) return { delivered: 0, digested: 0, skipped: 1 };
    await channel.deliverEvent(data.event);
    return { delivered: 1, digested: 0, skipped: 0 };
  }
  const ids = [...new Set(data.reviewIds)];
  const outcome: NotifyOutcome = { delivered: 0, digested: 0, skipped: 0 };
  const stored = await ctx.store.getManyAligned(ids);
  const failures: { reviewId: string; err: Error }[] = [];
  const limiter = opts.limiter ?? new HostLimiter({ concurrency: ctx.config.workers.notifyConcurrency, minIntervalMs: 0 });
  await Promise.all(
    ids.map(async (reviewId, i) => {
      try {
        const result = await limiter.run(channel.id, () => {
          // A stopping worker finishes the deliveries under way and leaves the rest to another worker.
          if (opts.signal?.aborted) throw new LeftForLaterError('not sent: the worker is stopping (left for another worker)');
          if ('edited' in data && data.edited) return deliverEdited(ctx, channel, reviewId, stored[i], data.edited);
          return 'reminder' in data && data.reminder ? deliverReminder(ctx, channel, reviewId, stored[i]) : deliverOne(ctx, channel, reviewId, stored[i], data.immediate === true, attempt);
        });
        outcome[result] += 1;
      } catch (err) {
        failures.push({ reviewId, err: err as Error });
      }
    }),
  );
  if (failures.length === 0) return outcome;
  const detail = failures.slice(0, 3).map((f) => `${f.reviewId}: ${f.err.message}`).join('; ');
  const message = `${failures.length} of ${ids.length} alerts to ${channel.id} failed (${detail}${failures.length > 3 ? '; …' : ''})`;
  // Nothing failed, the worker only stopped: the job goes back to the queue as it is, not as a failed attempt.
  if (failures.every((f) => f.err instanceof LeftForLaterError)) throw new LeftForLaterError(message.replace(' failed (', ' not sent ('));
  throw failures.every((f) => permanent(f.err)) ? new UnrecoverableError(message) : new Error(message);
}

/**
 * Alerts of a job a stopping worker did not start. The worker puts the job back in the queue for another
 * worker, uncounted: a deploy or a scale-down is not a failed delivery, does not use up a retry, and is
 * not logged as one.
 */
export class LeftForLaterError extends Error {
  override name = 'LeftForLaterError';
}

/** One alert of a job: delivered, skipped (delivered before) or gathered for the digest; throws (after recording the attempt) on failure. */
async function deliverOne(ctx: NotifyDeps, channel: AlertChannel, reviewId: string, stored: AnalysisItem | undefined, immediate: boolean, attempt: Attempt): Promise<keyof NotifyOutcome> {
  // Checked here, in the delivery's slot, not for the whole job up front: an alert may wait its turn a while.
  if (await ctx.store.deliveries.deliveredAt(reviewId, channel.id)) {
    // A crash between the delivered mark and its record leaves the record behind: bring it up to date.
    if ((await ctx.store.deliveries.get(reviewId, channel.id))?.status !== 'delivered') await ctx.store.deliveries.delivered(reviewId, channel.id);
    return 'skipped';
  }
  if (!stored) throw new UnrecoverableError(`review ${reviewId} is not stored`);
  // Alerts are enqueued just before the verdict is saved: a worker that gets here first retries shortly.
  if (!stored.verdict) throw new Error(`review ${reviewId} is not analysed yet; retrying`);
  if (!immediate && deliveryMode(channel.rule, stored.verdict.severity) === 'digest') {
    await gatherForDigest(ctx, channel, reviewId);
    return 'digested';
  }
  try {
    await channel.deliver(alertPayload(stored, channel.id, { publicUrl: ctx.config.publicUrl }));
  } catch (err) {
    await ctx.store.deliveries.attemptFailed(reviewId, channel.id, (err as Error).message, isFinal(err, attempt));
    await ctx.metrics.inc('alerts_failed', [channel.id]);
    throw err;
  }
  await ctx.store.deliveries.markDelivered(reviewId, channel.id);
  await ctx.store.deliveries.delivered(reviewId, channel.id);
  await ctx.metrics.inc('alerts_sent', [channel.id]);
  return 'delivered';
}

/**
 * The one reminder of a review past its SLA (enqueued once per review and channel by the overdue sweep):
 * sent at once, also on a digest channel, naming the escalation contact of a critical review; skipped when
 * a reply went out meanwhile. Failures throw, so the job retries.
 */
async function deliverReminder(ctx: NotifyDeps, channel: AlertChannel, reviewId: string, stored: AnalysisItem | undefined): Promise<keyof NotifyOutcome> {
  if (!stored?.verdict) throw new UnrecoverableError(`review ${reviewId} is not stored or not analysed`);
  const sla = slaFor(ctx.config, stored.review.sourceId);
  if (!isOverdue(stored, sla)) return 'skipped';
  const escalateTo = stored.verdict.severity === 'critical' ? resolveContext(draftContextFor(ctx.config, stored.review.sourceId)).escalation : undefined;
  await channel.deliver(alertPayload(stored, channel.id, { publicUrl: ctx.config.publicUrl, reminder: { dueAt: slaDueAt(stored, sla)!, escalateTo } }));
  return 'delivered';
}

/**
 * The alert again of a replied review the reviewer edited (enqueued once per edit by the analysis that found
 * it still or newly negative): sent at once, with the reply that may no longer fit. Failures throw and retry.
 */
async function deliverEdited(ctx: NotifyDeps, channel: AlertChannel, reviewId: string, stored: AnalysisItem | undefined, at: string): Promise<keyof NotifyOutcome> {
  if (!stored?.verdict) throw new UnrecoverableError(`review ${reviewId} is not stored or not analysed`);
  await channel.deliver(alertPayload(stored, channel.id, { publicUrl: ctx.config.publicUrl, edited: { at, reply: stored.lifecycle.replyText } }));
  return 'delivered';
}

/** Sends one digest window's gathered alerts as one message and marks each (review, channel) delivered. */
export async function sendDigest(ctx: NotifyDeps, data: JobData<'digest'>, attempt: Attempt = ONLY_ATTEMPT): Promise<{ sent: number }> {
  const channel = channelOf(ctx, data.channelId);
  const ids = await closeDigestWindow(ctx, data.channelId, data.windowStart);
  const delivered = await Promise.all(ids.map((id) => ctx.store.deliveries.deliveredAt(id, channel.id)));
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
    await ctx.store.deliveries.markDelivered(p.reviewId, channel.id);
    await ctx.store.deliveries.delivered(p.reviewId, channel.id);
  }
  await ctx.metrics.inc('alerts_sent', [channel.id], payloads.length);
  return { sent: payloads.length };
}
