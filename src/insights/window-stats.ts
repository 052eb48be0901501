import type { Stats } from '../lifecycle/stats.js';
import { isoWeekOf, isoWeekStart } from './iso-week.js';
import { addCounts, averageRating, DURATION_KINDS, emptyCounts, spreadOf, total, weekOfDay, type CountedPeriod, type DurationKind, type SourceCounts } from './counters.js';

/** One week's reviews: how many, how many negative, and their average rating (the workspace's charts). */
export interface WeekFigures {
  /** Monday of the ISO week (UTC), `YYYY-MM-DD`. */
  week: string;
  reviews: number;
  negative: number;
  /** Mean of the rated reviews' ratings, null when none was rated. */
  averageRating: number | null;
}

/** The ISO weeks that end with the one `at` falls in, oldest first: `count` of them. */
export function lastWeeks(at: Date, count: number): string[] {
  return Array.from({ length: count }, (_, i) => isoWeekOf(new Date(at.getTime() - (count - 1 - i) * 7 * 86_400_000)).label);
}

/** Each week's figures, in the order given, empty weeks included (a chart needs the gaps). */
export function weekFigures(weeks: readonly CountedPeriod[]): WeekFigures[] {
  return weeks.map((p) => {
    const all = total(p.bySource.values());
    return { week: isoWeekStart(p.label).toISOString().slice(0, 10), reviews: all.reviews, negative: all.negative, averageRating: averageRating(all).average };
  });
}

/** An average rating over a period, and how many rated reviews it is of. */
export interface RatingPoint {
  average: number | null;
  count: number;
}

/** `GET /v1/stats`: counts of the reviews published in the window, and the lifecycle steps taken in it. */
export interface WindowStats extends Omit<Stats, 'byDay'> {
  /** Per day; empty when the window is longer than a quarter (see `byWeek`). */
  byDay: Stats['byDay'];
  /** Per ISO week (a week cut by the window's ends holds the part inside). */
  byWeek: Stats['byDay'];
  /** Average rating over the window, per source, and per source over time (`granularity`). */
  ratings: RatingPoint & { bySource: Record<string, RatingPoint & { over: Record<string, RatingPoint> }> };
  granularity: 'day' | 'week';
}

/**
 * Stats from counters: reviews, negatives, topics and severities of the reviews published in the window;
 * replies, follow-ups, recoveries and response times of the steps taken in it (the response times read off
 * histograms with 25%-wide buckets: within 12% of the exact figure).
 */
export function statsFromCounters(periods: readonly CountedPeriod[], opts: { byDay: boolean }): WindowStats {
  const out: WindowStats = {
    reviews: 0,
    negative: 0,
    byDay: {},
    byWeek: {},
    bySource: {},
    byTopic: {},
    bySeverity: {},
    responseTimes: { publishedToAlert: spreadOf({}), alertToReply: spreadOf({}), replyToFollowUp: spreadOf({}), publishedToReply: spreadOf({}) },
    recovery: { replied: 0, recovered: 0, rate: null },
    ratings: { average: null, count: 0, bySource: {} },
    granularity: opts.byDay ? 'day' : 'week',
  };
  const whole = new Map<string, SourceCounts>();
  // Per source, per day or week: the ratings over time.
  const over = new Map<string, Map<string, SourceCounts>>();
  for (const p of periods) {
    const week = p.kind === 'week' ? p.label : weekOfDay(p.label);
    const all = total(p.bySource.values());
    if (opts.byDay && p.kind === 'day') out.byDay[p.label] = { reviews: all.reviews, negative: all.negative };
    const w = (out.byWeek[week] ??= { reviews: 0, negative: 0 });
    w.reviews += all.reviews;
    w.negative += all.negative;
    const slot = opts.byDay && p.kind === 'day' ? p.label : week;
    for (const [src, c] of p.bySource) {
      let mine = whole.get(src);
      if (!mine) whole.set(src, (mine = emptyCounts()));
      addCounts(mine, c);
      let series = over.get(src);
      if (!series) over.set(src, (series = new Map()));
      let at = series.get(slot);
      if (!at) series.set(slot, (at = emptyCounts()));
      addCounts(at, c);
    }
  }
  const sum = total(whole.values());
  out.reviews = sum.reviews;
  out.negative = sum.negative;
  out.byTopic = sum.topics;
  out.bySeverity = sum.severities;
  for (const [src, c] of [...whole].sort(([a], [b]) => a.localeCompare(b))) {
    if (c.reviews || c.negative) out.bySource[src] = { reviews: c.reviews, negative: c.negative };
    const series = over.get(src)!;
    const points = Object.fromEntries([...series].map(([slot, s]) => [slot, averageRating(s)] as const).filter(([, r]) => r.count > 0).sort(([a], [b]) => a.localeCompare(b)));
    const avg = averageRating(c);
    if (avg.count) out.ratings.bySource[src] = { ...avg, over: points };
  }
  Object.assign(out.ratings, averageRating(sum));
  for (const kind of Object.keys(DURATION_KINDS) as DurationKind[]) out.responseTimes[DURATION_KINDS[kind]] = spreadOf(sum.durations[kind]);
  out.recovery.replied = sum.events.replied ?? 0;
  out.recovery.recovered = sum.events.recovered ?? 0;
  out.recovery.rate = out.recovery.replied ? Math.min(1, out.recovery.recovered / out.recovery.replied) : null;
  return out;
}
