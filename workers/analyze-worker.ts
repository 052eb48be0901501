import type { AnalysisPool } from '../src/analysis/pool.js';
import type { AppContext } from '../src/context.js';
import { draftWithProvider } from '../src/draft/index.js';
import type { Severity, Verdict } from '../src/domain/verdict.js';
import { draftContextFor } from '../src/lifecycle/draft-context.js';
import { ownerView, sourceById } from '../src/config/businesses.js';
import { jobId, type JobData } from '../src/queues.js';
import { reviewOf, type AnalysisEntry } from '../src/store/review-store.js';
import { storedDraftJson, type SerializedAnalysis } from '../src/store/stored-json.js';
import { publishEvents, type AlertEvent } from '../src/events.js';
import { notifyJobId } from './notify-worker.js';

/** What analysing a batch uses of the context (the narrow view, not the whole of it). */
export type AnalyzeDeps = Pick<AppContext, 'config' | 'store' | 'lifecycle' | 'queues' | 'redis' | 'channels'>;

export interface AnalyzeOutcome {
  analyzed: number;
  flagged: number;
  skipped: number;
}

/** Classifies a batch of reviews, drafts replies for the negative ones, and enqueues their alerts once. */
export async function analyzeBatch(ctx: AnalyzeDeps, data: JobData<'analyze'>, analysis: AnalysisPool): Promise<AnalyzeOutcome> {
  const { store, config } = ctx;
  const source = sourceById(config, data.sourceId);
  const stored = await store.getForAnalysis(data.reviewIds);
  const outcome: AnalyzeOutcome = { analyzed: 0, flagged: 0, skipped: 0 };
  const results: Parameters<typeof store.saveAnalyses>[0] = [];
  /** Reviews to alert, by channel: one notify job per channel for the whole batch. */
  const notify = new Map<string, string[]>();
  const todo = stored.filter((item) => item.analyzedHash !== item.hash);
  // The batch's source decides the business, and so whether its drafts come from a model.
  const provider = ownerView(config, data.sourceId).drafting.provider === 'openai-compatible';
  // The batch is classified (and template-drafted) at once, in an analysis thread when there is one. Reviews
  // go there as the JSON read from Redis and come back as the JSON to write: this loop reads a few fields.
  const analyses = await analysis.analyze(
    todo.map(({ json, hash, fetchedAt, createdAt }) => ({ json, hash, fetchedAt, createdAt })),
    { draft: !provider },
  );
  for (const item of stored) {
    if (item.analyzedHash !== item.hash) continue;
    outcome.skipped += 1;
    results.push({ id: item.id, sourceId: reviewOf(item).sourceId, alreadyAnalyzed: true });
  }
  for (const [i, item] of todo.entries()) {
    const a = analyses[i]!;
    let serialized: SerializedAnalysis = a;
    if (a.negative && provider) {
      // A model-written draft falls back to the template on error, timeout or guardrail failure.
      const review = reviewOf(item);
      const draft = await draftWithProvider(review, JSON.parse(a.verdict) as Verdict, draftContextFor(config, review.sourceId));
      serialized = { verdict: a.verdict, severity: a.severity, draft: storedDraftJson(draft), counted: a.counted, publishedAt: a.publishedAt };
    }
    // A review the owner already answered on the platform pushes no draft at them.
    const alert = a.negative && !item.alertedAt && (!item.backfill || source?.alertOnBackfill === true) && !reviewOf(item).platformReply;
    if (alert) {
      for (const channel of ctx.channels.values()) {
        if (!channel.accepts({ severity: a.severity, sourceId: a.sourceId, topics: a.topics })) continue;
        const ids = notify.get(channel.id);
        if (ids) ids.push(a.id);
        else notify.set(channel.id, [a.id]);
      }
    }
    results.push({ id: a.id, sourceId: a.sourceId, hash: item.hash, serialized, flag: alert, backfill: item.backfill });
    outcome.analyzed += 1;
  }
  // Alerts are enqueued (under ids derived from their reviews) before the flag is saved: a crash in
  // between re-enqueues the same job ids, which BullMQ ignores, instead of losing the alert. A retry that
  // finds part of the batch saved enqueues the rest under another id; delivery is once per review and
  // channel whichever job gets there first.
  await ctx.queues.addBulk('notify', [...notify].map(([channelId, reviewIds]) => ({ id: notifyJobId(channelId, reviewIds), data: { channelId, reviewIds } })));
  const saved = await store.saveAnalyses(results);
  // A replied review the reviewer edited (marked outdated by the poll) that is still or newly negative is
  // alerted again, once per edit, even when its first alert went out long ago: after the new verdict is saved,
  // so the alert shows it (a crash in between loses this second alert, never the review's first).
  // Only reviews analysed before whose text changed: a first analysis (a baseline of thousands) costs nothing here.
  const reanalysed = new Set(todo.filter((item) => item.analyzedHash !== undefined).map((item) => reviewOf(item).id));
  const again = reanalysed.size === 0 ? [] : results.filter((r) => reanalysed.has(r.id) && 'flag' in r && !r.flag && analyses.some((a) => a.id === r.id && a.negative));
  for (const r of again) {
    const current = await store.get(r.id);
    const at = current?.lifecycle.outdatedAt;
    if (!current || !at || current.lifecycle.outdatedAlertedAt === at) continue;
    const severity = analyses.find((a) => a.id === r.id)!.severity;
    const topics = analyses.find((a) => a.id === r.id)!.topics;
    const channels = [...ctx.channels.values()].filter((c) => c.accepts({ severity, sourceId: r.sourceId, topics }));
    await ctx.queues.addBulk('notify', channels.map((c) => ({ id: jobId('edited', c.id, r.id, String(Date.parse(at))), data: { channelId: c.id, reviewIds: [r.id], edited: at } })));
    await ctx.lifecycle.setFields(r.id, { outdatedAlertedAt: at });
  }
  outcome.flagged = saved.flagged;
  if (saved.flaggedIds.length) await announceFlagged(ctx, saved.flaggedIds, results);
  return outcome;
}

function severityOf(entry: AnalysisEntry | undefined): Severity {
  if (!entry || 'alreadyAnalyzed' in entry) return 'low';
  return 'serialized' in entry ? entry.serialized.severity : entry.verdict.severity;
}

/** Tells API consumers (server-sent events) about newly flagged reviews (the store counted them when flagging). */
async function announceFlagged(ctx: AnalyzeDeps, ids: string[], results: AnalysisEntry[]): Promise<void> {
  const byId = new Map(results.map((r) => [r.id, r]));
  const flaggedAt = new Date().toISOString();
  const events: AlertEvent[] = ids.map((id) => {
    const entry = byId.get(id);
    return { type: 'alert', reviewId: id, sourceId: entry?.sourceId ?? '', severity: severityOf(entry), flaggedAt };
  });
  await publishEvents(ctx.redis, ctx.config.redis.prefix, events);
}
