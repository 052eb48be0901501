import type { AppContext } from '../src/context.js';
import { classify } from '../src/classify/index.js';
import { draftReply, draftWithProvider } from '../src/draft/index.js';
import type { Draft } from '../src/domain/verdict.js';
import { draftContextFor } from '../src/lifecycle/draft-context.js';
import type { JobData } from '../src/queues.js';
import type { AnalysisEntry } from '../src/store/review-store.js';
import { publishEvents, type AlertEvent } from '../src/events.js';

export interface AnalyzeOutcome {
  analyzed: number;
  flagged: number;
  skipped: number;
}

/** Classifies a batch of reviews, drafts replies for the negative ones, and enqueues their alerts once. */
export async function analyzeBatch(ctx: AppContext, data: JobData<'analyze'>): Promise<AnalyzeOutcome> {
  const { store, config } = ctx;
  const source = config.sources.find((s) => s.id === data.sourceId);
  const stored = await store.getMany(data.reviewIds);
  const outcome: AnalyzeOutcome = { analyzed: 0, flagged: 0, skipped: 0 };
  const results: Parameters<typeof store.saveAnalyses>[0] = [];
  const notify: { reviewId: string; channelId: string }[] = [];
  for (const item of stored) {
    if (item.analyzedHash === item.hash) {
      outcome.skipped += 1;
      results.push({ id: item.review.id, sourceId: item.review.sourceId, alreadyAnalyzed: true });
      continue;
    }
    const { review } = item;
    const verdict = classify({ text: review.text, title: review.title, rating: review.rating, language: review.language });
    let draft: Draft | undefined;
    if (verdict.negative) {
      const dctx = draftContextFor(config, review.sourceId);
      // A model-written draft (when configured) falls back to the template on error, timeout or guardrail failure.
      draft = config.drafting.provider === 'openai-compatible' ? await draftWithProvider(review, verdict, dctx) : draftReply(review, verdict, dctx);
    }
    const alert = verdict.negative && !item.alertedAt && (!item.backfill || source?.alertOnBackfill === true);
    if (alert) {
      for (const channel of ctx.channels.values()) {
        if (channel.accepts({ severity: verdict.severity, sourceId: review.sourceId, topics: verdict.topics })) notify.push({ reviewId: review.id, channelId: channel.id });
      }
    }
    results.push({ id: review.id, sourceId: review.sourceId, hash: item.hash, verdict, draft, flag: alert });
    outcome.analyzed += 1;
  }
  // Alerts are enqueued (under deterministic ids) before the flag is saved: a crash in between
  // re-enqueues the same job ids, which BullMQ ignores, instead of losing the alert.
  await ctx.queues.addBulk('notify', notify.map((n) => ({ id: `notify-${n.reviewId}-${n.channelId}`, data: n })));
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
