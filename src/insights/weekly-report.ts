import type { Spread } from '../lifecycle/stats.js';
import type { Status } from '../lifecycle/states.js';
import type { ReviewStore } from '../store/review-store.js';
import { businessesOfIds } from '../domain/review.js';
import { averageRating, spreadOf, total, type SourceCounts } from './counters.js';
import type { InsightAlert } from './insight-alert.js';
import { isoWeekOf, isoWeekStart } from './iso-week.js';

export { isoWeekOf, isoWeekStart } from './iso-week.js';

/** One week's figures beside the week before. */
export interface WeeklyReport {
  week: string;
  since: string;
  until: string;
  /** Reviews published in the week, and the week before. */
  reviews: { count: number; previous: number };
  negative: { count: number; previous: number };
  averageRating: { value: number | null; previous: number | null; trend: 'up' | 'down' | 'flat' | null };
  /** Negative reviews per topic, most first, with the week before: what changed. */
  topics: { topic: string; count: number; previous: number; change: number }[];
  /** From alert to reply for the replies made during the week, and how many of them were within their SLA. */
  responseTimes: { alertToReply: Spread; withinSla: number; pastSla: number };
  /** Flagged reviews by status now, whatever week they came in. */
  openByStatus: Record<string, number>;
  /** Follow-ups posted during the week. */
  followUpsSent: number;
  /** Reviewers who raised their rating after our reply, counted in the week they did. */
  recoveries: number;
  /** Reviewers whose rating rose after our follow-up (any review followed up during the week). */
  champions: { reviewId: string; author: string | null; from: number; to: number }[];
  /** Spikes and rating drops announced during the week (of those still kept: the last 50). */
  patterns: { type: InsightAlert['type']; id: string; at: string; summary: string }[];
  truncated: boolean;
}

/** Flagged reviews looked through for champions: those flagged in the 90 days before the week's end. */
const CHAMPION_LOOKBACK_MS = 90 * 86_400_000;

/**
 * Builds the report of `week`. The figures come from the counters (src/store/counters.ts): reviews, negatives,
 * ratings and topics by publication week; replies (and whether within their SLA), their times, follow-ups and
 * recoveries by the week they happened. Champions need each review's rating history: the reviews flagged in the
 * 90 days before the week's end are read, up to `cap` of them (`truncated` says when there were more).
 */
export async function weeklyReport(
  deps: { store: ReviewStore; readStatusCounts: () => Promise<Record<Status, number>>; recentInsights?: () => Promise<InsightAlert[]>; sources?: ReadonlySet<string> | undefined },
  week: string,
  cap = 100_000,
): Promise<WeeklyReport> {
  const { counts: now, ...compared } = await compareWeek(deps.store, week, deps.sources);
  const start = Date.parse(compared.since);
  const end = Date.parse(compared.until);
  const { champions, truncated } = await championsOf(deps.store, start, end, cap, deps.sources);
  return {
    ...compared,
    responseTimes: { alertToReply: spreadOf(now.durations.ar), withinSla: now.events.sla_met ?? 0, pastSla: now.events.sla_missed ?? 0 },
    openByStatus: await deps.readStatusCounts(),
    followUpsSent: now.events.followed_up ?? 0,
    recoveries: now.events.recovered ?? 0,
    champions,
    patterns: ((await deps.recentInsights?.()) ?? [])
      .filter((a) => Date.parse(a.at) >= start && Date.parse(a.at) < end)
      .map((a) => ({ type: a.type, id: a.id, at: a.at, summary: a.summary }))
      .reverse(),
    truncated,
  };
}

/** What the counters say of a week beside the week before: its charts need nothing else. */
export type WeekComparison = Pick<WeeklyReport, 'week' | 'since' | 'until' | 'reviews' | 'negative' | 'averageRating' | 'topics'> & {
  /** The week's counters, all sources summed (its events and response times). */
  counts: SourceCounts;
};

/** Reads the two weeks' counters (two hashes) and compares them: of every source, or of `sources` (a business's). */
export async function compareWeek(store: ReviewStore, week: string, sources?: ReadonlySet<string>): Promise<WeekComparison> {
  const start = isoWeekStart(week).getTime();
  const previousWeek = isoWeekOf(new Date(start - 86_400_000)).label;
  const read = await store.counters.read([
    { label: week, kind: 'week' },
    { label: previousWeek, kind: 'week' },
  ], sources);
  const now = total(read.periods[0]!.bySource.values());
  const before = total(read.periods[1]!.bySource.values());
  // Rounded to two decimals already.
  const value = averageRating(now).average;
  const previous = averageRating(before).average;
  const trend = value === null || previous === null ? null : value > previous + 0.05 ? 'up' : value < previous - 0.05 ? 'down' : 'flat';
  const topicIds = new Set([...Object.keys(now.topics), ...Object.keys(before.topics)]);
  const topics = [...topicIds]
    .map((topic) => ({ topic, count: now.topics[topic] ?? 0, previous: before.topics[topic] ?? 0, change: (now.topics[topic] ?? 0) - (before.topics[topic] ?? 0) }))
    .sort((x, y) => y.count - x.count || y.change - x.change || x.topic.localeCompare(y.topic));
  return {
    week,
    since: new Date(start).toISOString(),
    until: new Date(start + 7 * 86_400_000).toISOString(),
    reviews: { count: now.reviews, previous: before.reviews },
    negative: { count: now.negative, previous: before.negative },
    averageRating: { value, previous, trend },
    topics,
    counts: now,
  };
}

/** Reviewers whose rating rose after a follow-up posted in [start, end), among the reviews flagged before `end`. */
async function championsOf(store: ReviewStore, start: number, end: number, cap: number, sources: ReadonlySet<string> | undefined): Promise<{ champions: WeeklyReport['champions']; truncated: boolean }> {
  const champions: WeeklyReport['champions'] = [];
  let seen = 0;
  let cursor: string | undefined;
  // A business's report reads its own alert index: the cap then counts its alerts, not every business's.
  const businesses = sources ? businessesOfIds(sources) : undefined;
  // Newest flag first; one flagged after the week cannot have been followed up in it, and is passed over.
  do {
    const page = await store.listing.listAlerts({ limit: 500, cursor, businesses, since: new Date(end - CHAMPION_LOOKBACK_MS) });
    for (const r of page.items) {
      seen += 1;
      if (sources && !sources.has(r.review.sourceId)) continue;
      const at = r.lifecycle.followedUpAt ? Date.parse(r.lifecycle.followedUpAt) : NaN;
      if (!(at >= start && at < end)) continue;
      const atFollowUp = [...r.ratingHistory].reverse().find((h) => Date.parse(h.at) <= at)?.rating ?? null;
      const latest = r.ratingHistory.at(-1)?.rating ?? null;
      if (atFollowUp !== null && latest !== null && latest > atFollowUp && Date.parse(r.ratingHistory.at(-1)!.at) > at) {
        champions.push({ reviewId: r.review.id, author: r.review.author ?? null, from: atFollowUp, to: latest });
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && seen < cap);
  return { champions, truncated: cursor !== undefined && seen >= cap };
}
