import type { SlaHours } from '../lifecycle/sla.js';
import { foldWindow, StatsAccumulator, type Spread } from '../lifecycle/stats.js';
import { isRecovered, type Status } from '../lifecycle/states.js';
import type { ReviewStore, StoredReview } from '../store/review-store.js';
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
  /** From alert to reply for the week's flagged reviews, and how many were replied within their SLA. */
  responseTimes: { alertToReply: Spread; withinSla: number; pastSla: number };
  /** Flagged reviews by status now, whatever week they came in. */
  openByStatus: Record<string, number>;
  /** Follow-ups posted during the week. */
  followUpsSent: number;
  /** Replied reviews whose rating went up afterwards, published in the week. */
  recoveries: number;
  /** Reviewers whose rating rose after our follow-up (any review followed up during the week). */
  champions: { reviewId: string; author: string | null; from: number; to: number }[];
  truncated: boolean;
}

interface WeekAcc {
  stats: StatsAccumulator;
  ratingSum: number;
  rated: number;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

/** Builds the report of `week` from the store (reviews by publish date), reading the week and the one before. */
export async function weeklyReport(
  deps: { store: ReviewStore; readStatusCounts: () => Promise<Record<Status, number>>; sla: SlaHours },
  week: string,
  cap = 100_000,
): Promise<WeeklyReport> {
  const start = isoWeekStart(week).getTime();
  const end = start + 7 * 86_400_000;
  const acc = (): WeekAcc => ({ stats: new StatsAccumulator(), ratingSum: 0, rated: 0 });
  const now = acc();
  const before = acc();
  let withinSla = 0;
  let pastSla = 0;
  let recoveries = 0;
  const visitWeek = (into: WeekAcc, extra?: (r: StoredReview) => void) => (r: StoredReview) => {
    into.stats.add(r);
    if (r.review.rating !== undefined) {
      into.ratingSum += r.review.rating;
      into.rated += 1;
    }
    extra?.(r);
  };
  const a = await foldWindow(deps.store, { since: start, until: end, cap }, visitWeek(now, (r) => {
    if (r.alertedAt && r.lifecycle.repliedAt && r.verdict) {
      const hours = deps.sla[r.verdict.severity];
      (Date.parse(r.lifecycle.repliedAt) - Date.parse(r.alertedAt) <= hours * 3_600_000 ? (withinSla += 1) : (pastSla += 1));
    }
    if (isRecovered(r.ratingHistory, r.lifecycle.repliedAt)) recoveries += 1;
  }));
  const b = await foldWindow(deps.store, { since: start - 7 * 86_400_000, until: start, cap }, visitWeek(before));
  // Follow-ups and champions go by when the follow-up was posted, whatever week the review came in: the
  // flagged reviews of the last 90 days are enough to find them.
  let followUpsSent = 0;
  const champions: WeeklyReport['champions'] = [];
  await foldWindow(deps.store, { since: start - 90 * 86_400_000, until: end, cap }, (r) => {
    const at = r.lifecycle.followedUpAt ? Date.parse(r.lifecycle.followedUpAt) : NaN;
    if (!(at >= start && at < end)) return;
    followUpsSent += 1;
    const atFollowUp = [...r.ratingHistory].reverse().find((h) => Date.parse(h.at) <= at)?.rating ?? null;
    const latest = r.ratingHistory.at(-1)?.rating ?? null;
    if (atFollowUp !== null && latest !== null && latest > atFollowUp && Date.parse(r.ratingHistory.at(-1)!.at) > at) {
      champions.push({ reviewId: r.review.id, author: r.review.author ?? null, from: atFollowUp, to: latest });
    }
  });
  const s = now.stats.result();
  const p = before.stats.result();
  const avg = (w: WeekAcc): number | null => (w.rated ? round2(w.ratingSum / w.rated) : null);
  const value = avg(now);
  const previous = avg(before);
  const trend = value === null || previous === null ? null : value > previous + 0.05 ? 'up' : value < previous - 0.05 ? 'down' : 'flat';
  const topicIds = new Set([...Object.keys(s.byTopic), ...Object.keys(p.byTopic)]);
  const topics = [...topicIds]
    .map((topic) => ({ topic, count: s.byTopic[topic] ?? 0, previous: p.byTopic[topic] ?? 0, change: (s.byTopic[topic] ?? 0) - (p.byTopic[topic] ?? 0) }))
    .sort((x, y) => y.count - x.count || y.change - x.change || x.topic.localeCompare(y.topic));
  return {
    week,
    since: new Date(start).toISOString(),
    until: new Date(end).toISOString(),
    reviews: { count: s.reviews, previous: p.reviews },
    negative: { count: s.negative, previous: p.negative },
    averageRating: { value, previous, trend },
    topics,
    responseTimes: { alertToReply: s.responseTimes.alertToReply, withinSla, pastSla },
    openByStatus: await deps.readStatusCounts(),
    followUpsSent,
    recoveries,
    champions,
    truncated: a.truncated || b.truncated,
  };
}
