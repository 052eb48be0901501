import { createHash } from 'node:crypto';
import { jobBusiness, sourceById } from '../src/config/businesses.js';
import { UnrecoverableError } from 'bullmq';
import type { AppContext } from '../src/context.js';
import { normaliseReview, type Review } from '../src/domain/review.js';
import type { JobData } from '../src/queues.js';
import type { SourceConfig } from '../src/config/schema.js';
import type { Logger } from '../src/logger.js';
import { FetchError } from '../src/sources/fetch.js';
import { applyPlatformState } from '../src/lifecycle/platform-replies.js';
import { announceCredentialFailure, clearCredentialFailure, needsNewCredentials } from '../src/alerts/source-notice.js';
import { HostLimiter } from '../src/sources/host-limiter.js';
import { fetchReviews, pollWarning, type PageParser } from '../src/sources/index.js';

/** What polling a source uses of the context. */
export type PollDeps = Pick<AppContext, 'config' | 'store' | 'lifecycle' | 'queues' | 'redis' | 'channels' | 'logger' | 'metrics' | 'credentials'>;

export interface PollOutcome {
  skipped?: 'backoff' | 'disabled' | 'busy';
  notModified?: boolean;
  fetched?: number;
  created?: number;
  updated?: number;
  baseline?: boolean;
  pages?: number;
  stoppedAt?: 'known' | 'end' | 'cap';
  /** Rows of the source that could not be read (the good ones were stored). */
  rejected?: number;
}

// One limiter per context, i.e. per process in production: per-host politeness is per process.
const limiters = new WeakMap<PollDeps, HostLimiter>();
function limiterFor(ctx: PollDeps): HostLimiter {
  let limiter = limiters.get(ctx);
  if (!limiter) {
    limiter = new HostLimiter({ concurrency: ctx.config.fetch.perHostConcurrency, minIntervalMs: ctx.config.fetch.perHostIntervalMs });
    limiters.set(ctx, limiter);
  }
  return limiter;
}

/**
 * Fetches one source, stores its new and edited reviews, and enqueues their analysis. Pages are parsed by
 * `parse` (the worker's parse threads), or in this thread when absent.
 */
export async function pollSource(ctx: PollDeps, data: JobData<'poll'>, parse?: PageParser): Promise<PollOutcome> {
  const { config, store } = ctx;
  const log = ctx.logger.child({ module: 'poll', source: data.sourceId });
  const source = sourceById(config, data.sourceId);
  if (!source) throw new UnrecoverableError(`source "${data.sourceId}" is not in the configuration`);
  if (!source.enabled && data.reason !== 'manual') return { skipped: 'disabled' };
  // One poll of a source at a time, across every worker: a second one would read the source state
  // (baseline or not, validators) before the first has written it. The running poll covers this tick.
  // The lock is short-lived and renewed while the poll runs: a worker killed mid-poll frees its source
  // within workers.lockDurationMs, like its jobs, instead of silencing the source for minutes.
  const ttlMs = config.workers.lockDurationMs;
  const lock = await store.sources.acquirePollLock(source.id, ttlMs);
  if (!lock) {
    log.debug({ tick: data.tick }, 'another poll of this source is running; tick skipped');
    return { skipped: 'busy' };
  }
  const renew = setInterval(() => {
    store.sources.extendPollLock(source.id, lock, ttlMs).catch((err: Error) => log.warn({ err: err.message }, 'could not renew the poll lock'));
  }, Math.max(250, Math.floor(ttlMs / 3)));
  try {
    return await pollLocked(ctx, source, data, log, parse);
  } finally {
    clearInterval(renew);
    await store.sources.releasePollLock(source.id, lock);
  }
}

async function pollLocked(ctx: PollDeps, source: SourceConfig, data: JobData<'poll'>, log: Logger, parse: PageParser | undefined): Promise<PollOutcome> {
  const { config, store } = ctx;
  const state = await store.sources.getSourceState(source.id);
  if (data.reason === 'schedule' && state.backoffUntil && Date.parse(state.backoffUntil) > Date.parse(data.tick)) {
    log.debug({ backoffUntil: state.backoffUntil }, 'source is backing off after failures; tick skipped');
    return { skipped: 'backoff' };
  }
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  try {
    const baseline = !state.baselineAt;
    const now = new Date();
    const fetched = await fetchReviews(source, {
      fetch: { ...config.fetch, limiter: limiterFor(ctx) },
      etag: state.etag,
      lastModified: state.lastModified,
      maxItemsPerPage: config.fetch.maxItemsPerPage,
      parse,
      credentials: ctx.credentials,
      // The baseline goes through every page up to the cap; later polls stop at the first known review.
      isKnown: baseline ? undefined : async (raws) => (await store.existingIds(raws.map((r) => normaliseReview(r, source.id, now).id))).size > 0,
    });
    if (fetched.notModified) {
      // Still re-enqueue anything a crashed worker left unanalysed.
      await enqueueAnalysis(ctx, source.id, []);
      await store.sources.recordPollSuccess(source.id, { newReviews: 0, status: 304 });
      ctx.metrics.observePoll(source.id, 'not_modified', seconds());
      return { notModified: true };
    }
    const byId = new Map<string, Review>();
    for (const raw of fetched.reviews) {
      const review = normaliseReview(raw, source.id, now);
      if (!byId.has(review.id)) byId.set(review.id, review);
    }
    const result = await store.upsertReviews([...byId.values()], { backfill: baseline, now });
    if ('credentials' in source) await clearCredentialFailure(ctx, source.id);
    // Replies the owner made on the platform, and edits of replied reviews (platform APIs report both).
    const platform = await applyPlatformState({ store, lifecycle: ctx.lifecycle }, [...byId.values()], result.updated, now);
    if (platform.repliedOnPlatform.length + platform.outdated.length > 0) log.info(platform, 'platform replies and edits applied');
    await ctx.metrics.inc('ingested', [source.id], result.created.length);
    await enqueueAnalysis(ctx, source.id, [...result.created, ...result.updated]);
    const warning = pollWarning(fetched);
    // A poll that read no review while something was unreadable proves nothing: the baseline waits, or
    // the day the page is fixed every review already on it would alert as new.
    const unreadable = fetched.reviews.length === 0 && warning !== undefined;
    // Validators are saved only after the reviews are: a crash before this re-fetches in full.
    await store.sources.recordPollSuccess(source.id, {
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      newReviews: result.created.length,
      status: fetched.status,
      now,
      baselinePending: baseline && (fetched.inconclusive || unreadable),
      pages: fetched.pages,
      rejected: warning !== undefined ? { count: fetched.rejected?.count ?? 0, warning } : undefined,
    });
    const outcome: PollOutcome = { fetched: byId.size, created: result.created.length, updated: result.updated.length, baseline, pages: fetched.pages, stoppedAt: fetched.stoppedAt };
    if (fetched.rejected) outcome.rejected = fetched.rejected.count;
    if (warning) log.warn({ rejected: fetched.rejected?.count ?? 0, warning, baselinePending: baseline && unreadable }, 'part of the source could not be read; the rest was stored');
    ctx.metrics.observePoll(source.id, 'ok', seconds());
    log.info(outcome, baseline ? 'baseline poll stored the existing reviews' : 'polled');
    return outcome;
  } catch (err) {
    const e = err as Error;
    const status = err instanceof FetchError ? err.status : undefined;
    const retryAfterMs = err instanceof FetchError ? err.retryAfterMs : undefined;
    ctx.metrics.observePoll(source.id, 'failed', seconds());
    const next = await store.sources.recordPollFailure(source.id, { message: e.message, status, retryAfterMs });
    if ('credentials' in source && needsNewCredentials(err)) await announceCredentialFailure(ctx, source.id, source.credentials, e.message);
    await ctx.metrics.inc('poll_errors', [source.id]);
    log.warn({ err: e.message, status, consecutiveFailures: next.consecutiveFailures, backoffUntil: next.backoffUntil }, 'poll failed; source marked unhealthy');
    (e as Error & { sourceLogged?: boolean }).sourceLogged = true;
    throw err;
  }
}

/**
 * Enqueues analysis, in batches, of `ids` (just stored or edited) and of any review of the source that
 * has waited longer than `workers.analysisStaleMs` (its job was lost with a crashed worker or Redis).
 */
export async function enqueueAnalysis(ctx: PollDeps, sourceId: string, ids: string[]): Promise<number> {
  const stale = await ctx.store.claimStalePending(sourceId, Date.now() - ctx.config.workers.analysisStaleMs);
  const all = [...new Set([...ids, ...stale])];
  const size = ctx.config.workers.analyzeBatchSize;
  const batches: { id: string; data: { sourceId: string; reviewIds: string[] } }[] = [];
  for (let i = 0; i < all.length; i += size) {
    const reviewIds = all.slice(i, i + size);
    // Same batch, same job id: a retried poll cannot enqueue the same work twice.
    const digest = createHash('sha256').update(reviewIds.join(',')).digest('hex').slice(0, 16);
    batches.push({ id: `analyze-${sourceId}-${digest}`, data: { sourceId, reviewIds } });
  }
  // A batch that failed for good keeps its id, so adding it again would be ignored and its reviews would
  // stay pending for ever: run the failed job again instead. The checks run together, the adds in bulk,
  // so a large first poll costs a few round trips rather than two a batch.
  const failed = await Promise.all(batches.map(async (b) => {
    const existing = await ctx.queues.ofBusiness('analyze', jobBusiness(ctx.config, 'analyze', { sourceId })).getJob(b.id);
    if (!existing || !(await existing.isFailed())) return false;
    await existing.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true }).catch(() => {
      /* another poller retried it first */
    });
    return true;
  }));
  await ctx.queues.addBulk('analyze', batches.filter((_, i) => !failed[i]));
  return all.length;
}
