import { createHash } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import type { AppContext } from '../src/context.js';
import { normaliseReview, type Review } from '../src/domain/review.js';
import type { JobData } from '../src/queues.js';
import { fetchSource, FetchError } from '../src/sources/fetch.js';
import { parsers } from '../src/sources/index.js';

export interface PollOutcome {
  skipped?: 'backoff' | 'disabled';
  notModified?: boolean;
  fetched?: number;
  created?: number;
  updated?: number;
  baseline?: boolean;
}

/** Fetches one source, stores its new and edited reviews, and enqueues their analysis. */
export async function pollSource(ctx: AppContext, data: JobData<'poll'>): Promise<PollOutcome> {
  const { config, store } = ctx;
  const log = ctx.logger.child({ module: 'poll', source: data.sourceId });
  const source = config.sources.find((s) => s.id === data.sourceId);
  if (!source) throw new UnrecoverableError(`source "${data.sourceId}" is not in the configuration`);
  if (!source.enabled && data.reason !== 'manual') return { skipped: 'disabled' };
  const state = await store.getSourceState(source.id);
  if (data.reason === 'schedule' && state.backoffUntil && Date.parse(state.backoffUntil) > Date.parse(data.tick)) {
    log.debug({ backoffUntil: state.backoffUntil }, 'source is backing off after failures; tick skipped');
    return { skipped: 'backoff' };
  }
  try {
    const fetched = await fetchSource({ url: source.url, etag: state.etag, lastModified: state.lastModified }, config.fetch);
    if (fetched.notModified) {
      // Still re-enqueue anything a crashed worker left unanalysed.
      await enqueueAnalysis(ctx, source.id);
      await store.recordPollSuccess(source.id, { newReviews: 0, status: 304 });
      return { notModified: true };
    }
    const raws = await parsers[source.type](fetched.body, source);
    const now = new Date();
    const byId = new Map<string, Review>();
    for (const raw of raws) {
      const review = normaliseReview(raw, source.id, now);
      if (!byId.has(review.id)) byId.set(review.id, review);
    }
    const baseline = !state.baselineAt;
    const result = await store.upsertReviews([...byId.values()], { backfill: baseline, now });
    await ctx.metrics.inc('ingested', [source.id], result.created.length);
    await enqueueAnalysis(ctx, source.id);
    // Validators are saved only after the reviews are: a crash before this re-fetches in full.
    await store.recordPollSuccess(source.id, {
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      newReviews: result.created.length,
      status: fetched.status,
      now,
    });
    const outcome = { fetched: byId.size, created: result.created.length, updated: result.updated.length, baseline };
    log.info(outcome, baseline ? 'baseline poll stored the existing reviews' : 'polled');
    return outcome;
  } catch (err) {
    const e = err as Error;
    const status = err instanceof FetchError ? err.status : undefined;
    const retryAfterMs = err instanceof FetchError ? err.retryAfterMs : undefined;
    const next = await store.recordPollFailure(source.id, { message: e.message, status, retryAfterMs });
    await ctx.metrics.inc('poll_errors', [source.id]);
    log.warn({ err: e.message, status, consecutiveFailures: next.consecutiveFailures, backoffUntil: next.backoffUntil }, 'poll failed; source marked unhealthy');
    throw err;
  }
}

/** Enqueues analysis of every review of the source still waiting for it, in batches. */
export async function enqueueAnalysis(ctx: AppContext, sourceId: string): Promise<number> {
  const pending = await ctx.store.pendingAnalysis(sourceId);
  const size = ctx.config.workers.analyzeBatchSize;
  for (let i = 0; i < pending.length; i += size) {
    const reviewIds = pending.slice(i, i + size);
    // Same batch, same job id: a retried poll cannot enqueue the same work twice.
    const digest = createHash('sha256').update(reviewIds.join(',')).digest('hex').slice(0, 16);
    const id = `analyze-${sourceId}-${digest}`;
    // A batch that failed for good keeps its id, so adding it again would be ignored and its reviews would
    // stay pending for ever: run the failed job again instead.
    const existing = await ctx.queues.queues.analyze.getJob(id);
    if (existing && (await existing.isFailed())) {
      await existing.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true }).catch(() => {
        /* another poller retried it first */
      });
      continue;
    }
    await ctx.queues.add('analyze', id, { sourceId, reviewIds });
  }
  return pending.length;
}
