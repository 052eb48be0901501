import type { AnalysisPool } from '../src/analysis/pool.js';
import type { AppContext } from '../src/context.js';
import { draftWithProvider } from '../src/draft/index.js';
import type { Draft } from '../src/domain/verdict.js';
import { draftContextFor } from '../src/lifecycle/draft-context.js';
import type { JobData } from '../src/queues.js';
import type { AnalysisEntry } from '../src/store/review-store.js';
import { publishEvents, type AlertEvent } from '../src/events.js';
import { notifyJobId } from './notify-worker.js';

export interface AnalyzeOutcome {
  analyzed: number;
  flagged: number;
  skipped: number;
}

/** Classifies a batch of reviews, drafts replies for the negative ones, and enqueues their alerts once. */
export async function analyzeBatch(ctx: AppContext, data: JobData<'analyze'>, analysis: AnalysisPool): Promise<AnalyzeOutcome> {
  const { store, config } = ctx;
  const source = config.sources.find((s) => s.id === data.sourceId);
  const stored = await store.getForAnalysis(data.reviewIds);
  const outcome: AnalyzeOutcome = { analyzed: 0, flagged: 0, skipped: 0 };
  const results: Parameters<typeof store.saveAnalyses>[0] = [];
  /** Reviews to alert, by channel: one notify job per channel for the whole batch. */
  const notify = new Map<string, string[]>();
  const todo = stored.filter((item) => item.analyzedHash !== item.hash);
  const provider = config.drafting.provider === 'openai-compatible';
  // The batch is classified (and template-drafted) at once, in an analysis thread when there is one.
  const analyses = await analysis.analyze(todo.map((item) => item.review), { draft: !provider });
  for (const item of stored) {
    if (item.analyzedHash !== item.hash) continue;
    outcome.skipped += 1;
    results.push({ id: item.review.id, sourceId: item.review.sourceId, alreadyAnalyzed: true });
  }
  for (const [i, item] of todo.entries()) {
    const { review } = item;
    const { verdict } = analyses[i]!;
    let draft: Draft | undefined = analyses[i]!.draft;
    if (verdict.negative && provider) {
      // A model-written draft falls back to the template on error, timeout or guardrail failure.
      draft = await draftWithProvider(review, verdict, draftContextFor(config, review.sourceId));
    }
    const alert = verdict.negative && !item.alertedAt && (!item.backfill || source?.alertOnBackfill === true);
    if (alert) {
      for (const channel of ctx.channels.values()) {
        if (!channel.accepts({ severity: verdict.severity, sourceId: review.sourceId, topics: verdict.topics })) continue;
        const ids = notify.get(channel.id);
        if (ids) ids.push(review.id);
        else notify.set(channel.id, [review.id]);
      }
    }
    results.push({ id: review.id, sourceId: review.sourceId, hash: item.hash, verdict, draft, flag: alert });
    outcome.analyzed += 1;
  }
  // Alerts are enqueued (under ids derived from their reviews) before the flag is saved: a crash in
  // between re-enqueues the same job ids, which BullMQ ignores, instead of losing the alert. A retry that
  // finds part of the batch saved enqueues the rest under another id; delivery is once per review and
  // channel whichever job gets there first.
  await ctx.queues.addBulk('notify', [...notify].map(([channelId, reviewIds]) => ({ id: notifyJobId(channelId, reviewIds), data: { channelId, reviewIds } })));
  const saved = await store.saveAnalyses(results);
  outcome.flagged = saved.flagged;
  if (saved.flaggedIds.length) await announceFlagged(ctx, saved.flaggedIds, results);
  return outcome;
}

/** Tells API consumers (server-sent events) about newly flagged reviews (the store counted them when flagging). */
async function announceFlagged(ctx: AppContext, ids: string[], results: AnalysisEntry[]): Promise<void> {
  const byId = new Map(results.map((r) => [r.id, r]));
  const flaggedAt = new Date().toISOString();
  const events: AlertEvent[] = ids.map((id) => {
    const entry = byId.get(id);
    return { type: 'alert', reviewId: id, sourceId: entry?.sourceId ?? '', severity: entry && 'verdict' in entry ? entry.verdict.severity : 'low', flaggedAt };
  });
  await publishEvents(ctx.redis, ctx.config.redis.prefix, events);
}
