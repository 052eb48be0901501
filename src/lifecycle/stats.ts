import { isRecovered } from './states.js';
import { secondsBetween } from '../insights/counters.js';
import type { ReviewStore, StoredReview } from '../store/review-store.js';

/** Median and 90th percentile of a set of durations, in seconds. */
export interface Spread {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/** What `GET /v1/stats` reports over a window of reviews. */
export interface Stats {
  reviews: number;
  negative: number;
  byDay: Record<string, { reviews: number; negative: number }>;
  bySource: Record<string, { reviews: number; negative: number }>;
  byTopic: Record<string, number>;
  bySeverity: Record<string, number>;
  responseTimes: { publishedToAlert: Spread; alertToReply: Spread; replyToFollowUp: Spread; publishedToReply: Spread };
  recovery: { replied: number; recovered: number; rate: number | null };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

function spread(values: number[]): Spread {
  const sorted = values.filter((v) => Number.isFinite(v) && v >= 0).sort((a, b) => a - b);
  return { count: sorted.length, medianSeconds: percentile(sorted, 50), p90Seconds: percentile(sorted, 90) };
}


/**
 * Counts and response times, accumulated one review at a time so a window of many thousands of reviews
 * is read in batches and never held in memory at once. Topics and severities count the negative ones.
 */
export class StatsAccumulator {
  private readonly stats: Stats = {
    reviews: 0,
    negative: 0,
    byDay: {},
    bySource: {},
    byTopic: {},
    bySeverity: {},
    responseTimes: { publishedToAlert: spread([]), alertToReply: spread([]), replyToFollowUp: spread([]), publishedToReply: spread([]) },
    recovery: { replied: 0, recovered: 0, rate: null },
  };
  private readonly times = { publishedToAlert: [] as number[], alertToReply: [] as number[], replyToFollowUp: [] as number[], publishedToReply: [] as number[] };

  add(r: StoredReview): void {
    const { stats, times } = this;
    const negative = r.verdict?.negative === true;
    const day = (r.review.publishedAt ?? r.createdAt).slice(0, 10);
    stats.reviews += 1;
    const d = (stats.byDay[day] ??= { reviews: 0, negative: 0 });
    const s = (stats.bySource[r.review.sourceId] ??= { reviews: 0, negative: 0 });
    d.reviews += 1;
    s.reviews += 1;
    if (negative) {
      stats.negative += 1;
      d.negative += 1;
      s.negative += 1;
      for (const t of r.verdict?.topics ?? []) stats.byTopic[t] = (stats.byTopic[t] ?? 0) + 1;
      const sev = r.verdict!.severity;
      stats.bySeverity[sev] = (stats.bySeverity[sev] ?? 0) + 1;
    }
    const published = r.review.publishedAt;
    const { repliedAt, followedUpAt } = r.lifecycle;
    // Baseline reviews were old when first seen: their time to alert says nothing about the service.
    if (r.alertedAt && !r.backfill) times.publishedToAlert.push(secondsBetween(published, r.alertedAt));
    if (r.alertedAt && repliedAt) times.alertToReply.push(secondsBetween(r.alertedAt, repliedAt));
    if (repliedAt && followedUpAt) times.replyToFollowUp.push(secondsBetween(repliedAt, followedUpAt));
    if (repliedAt && !r.backfill) times.publishedToReply.push(secondsBetween(published, repliedAt));
    if (repliedAt) {
      stats.recovery.replied += 1;
      if (isRecovered(r.ratingHistory, repliedAt)) stats.recovery.recovered += 1;
    }
  }

  result(): Stats {
    const { stats, times } = this;
    stats.responseTimes = {
      publishedToAlert: spread(times.publishedToAlert),
      alertToReply: spread(times.alertToReply),
      replyToFollowUp: spread(times.replyToFollowUp),
      publishedToReply: spread(times.publishedToReply),
    };
    stats.recovery.rate = stats.recovery.replied ? stats.recovery.recovered / stats.recovery.replied : null;
    return stats;
  }
}

/** Counts and response times over reviews: topics and severities count the negative ones. */
export function computeStats(reviews: StoredReview[]): Stats {
  const acc = new StatsAccumulator();
  for (const r of reviews) acc.add(r);
  return acc.result();
}

/**
 * Hands every review published in [since, until) to `visit`, newest first, at most `cap` of them, read in
 * batches so a window of many thousands is never in memory at once. `truncated`: the cap was reached.
 */
export async function foldWindow(store: ReviewStore, w: { since: number; until: number; sourceId?: string | undefined; cap: number }, visit: (r: StoredReview) => void): Promise<{ truncated: boolean }> {
  const key = w.sourceId ? store.key('reviews', 'src', w.sourceId) : store.key('reviews');
  const ids = await store.redis.zrevrangebyscore(key, String(w.until - 1), String(w.since), 'LIMIT', 0, w.cap);
  for (let i = 0; i < ids.length; i += 500) for (const r of await store.getMany(ids.slice(i, i + 500))) visit(r);
  return { truncated: ids.length === w.cap };
}
