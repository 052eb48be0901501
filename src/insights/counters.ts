import type { Spread } from '../lifecycle/stats.js';
import { isoWeekOf } from './iso-week.js';

// The counters `/v1/stats`, spike and rating-drop alerts and the weekly report read, instead of scanning
// reviews. Pure: what one review adds to them, and what a set of counter hashes says. The store keeps one
// Redis hash per UTC day and one per ISO week (src/store/counters.ts); every field is per source,
// `<sourceId>|<metric>`, so a window is answered for one source or, summed, for all.
//
// Two kinds of fields:
// - a review's *contribution*, counted on the day it was published: `n` (reviews), `r:<rating>` (rated reviews
//   by rating), and for a negative verdict `neg`, `t:<topic>`, `v:<severity>`. It is written in the same
//   script as the analysis and replaced when the review is analysed again (an edit, a new verdict), so the
//   counters always equal a recount of the reviews' current state.
// - *events*, counted on the day they happened, once: `e:replied` (with `e:sla_met` or `e:sla_missed` when the
//   review was alerted: replied within its severity's SLA or not), `e:followed_up`, `e:recovered`, and the
//   time each step took as a histogram, `d:<kind>:<bucket>`.

/** The response-time histograms, by their field name. */
export const DURATION_KINDS = { pa: 'publishedToAlert', ar: 'alertToReply', rf: 'replyToFollowUp', pr: 'publishedToReply' } as const;
export type DurationKind = keyof typeof DURATION_KINDS;

// Buckets 25% wide: a median or p90 read off the histogram is within 12% of the exact one, and a year of
// durations needs no more than ~80 buckets per kind.
const BUCKET_BASE = Math.log(1.25);

/** The histogram bucket of a duration in seconds (-1: under a second). */
export function durationBucket(seconds: number): number {
  return seconds < 1 ? -1 : Math.floor(Math.log(seconds) / BUCKET_BASE);
}

/** The duration a bucket stands for: its geometric middle, in whole seconds. */
export function bucketSeconds(bucket: number): number {
  return bucket < 0 ? 0 : Math.round(Math.exp((bucket + 0.5) * BUCKET_BASE));
}

/** The UTC day (`YYYY-MM-DD`) of an ISO time. */
export const dayOf = (iso: string): string => new Date(iso).toISOString().slice(0, 10);

/** The ISO week label (`YYYY-Www`) of a UTC day. */
export const weekOfDay = (day: string): string => isoWeekOf(new Date(`${day}T00:00:00Z`)).label;

/** What counting needs of an analysed review. */
export interface CountedReview {
  sourceId: string;
  rating?: number | null | undefined;
  publishedAt?: string | undefined;
  /** When the service first stored it: the day of a review the platform gave no date. */
  createdAt?: string | undefined;
  verdict: { negative: boolean; topics: readonly string[]; severity: string };
}

/**
 * A review's contribution as the store keeps it on the review (`counted`): its day, its week, then its
 * fields, one per line. The save-analysis script takes the old one away and adds this one.
 */
export function contributionOf(r: CountedReview): string {
  const when = r.publishedAt && Number.isFinite(Date.parse(r.publishedAt)) ? r.publishedAt : r.createdAt && Number.isFinite(Date.parse(r.createdAt)) ? r.createdAt : undefined;
  const day = when ? dayOf(when) : '1970-01-01';
  const s = r.sourceId;
  const lines = [day, weekOfDay(day), `${s}|n`];
  if (typeof r.rating === 'number' && Number.isFinite(r.rating)) lines.push(`${s}|r:${r.rating}`);
  if (r.verdict.negative) {
    lines.push(`${s}|neg`, `${s}|v:${r.verdict.severity}`);
    for (const t of new Set(r.verdict.topics)) lines.push(`${s}|t:${t}`);
  }
  return lines.join('\n');
}

/** The events counted, by name: `sla_met` / `sla_missed` go with a reply that had an alert and a severity's SLA. */
export type CountedEvent = 'replied' | 'followed_up' | 'recovered' | 'sla_met' | 'sla_missed';

/** The fields an event adds on the day it happens (`e:<name>` for each name and, with a duration, its bucket). */
export function eventFields(sourceId: string, name: CountedEvent | null, durations: Partial<Record<DurationKind, number>> = {}, also: readonly CountedEvent[] = []): string[] {
  const out = [...(name ? [name] : []), ...also].map((n) => `${sourceId}|e:${n}`);
  for (const [kind, seconds] of Object.entries(durations) as [DurationKind, number][]) {
    if (Number.isFinite(seconds) && seconds >= 0) out.push(`${sourceId}|d:${kind}:${durationBucket(seconds)}`);
  }
  return out;
}

/** Seconds between two ISO times (NaN when either is missing). */
export const secondsBetween = (from: string | undefined, to: string | undefined): number => (from && to ? (Date.parse(to) - Date.parse(from)) / 1000 : NaN);

/** A day's or week's counters, per source, as the store reads them. */
export interface CountedPeriod {
  label: string;
  kind: 'day' | 'week';
  bySource: Map<string, SourceCounts>;
}

/** One period's counters, per source. */
export interface SourceCounts {
  reviews: number;
  negative: number;
  /** Rated reviews by rating. */
  ratings: Record<string, number>;
  topics: Record<string, number>;
  severities: Record<string, number>;
  events: Record<string, number>;
  durations: Record<DurationKind, Record<number, number>>;
}

/** Nothing counted yet. */
export const emptyCounts = (): SourceCounts => ({ reviews: 0, negative: 0, ratings: {}, topics: {}, severities: {}, events: {}, durations: { pa: {}, ar: {}, rf: {}, pr: {} } });

/** A counter hash read into per-source figures; `sourceId` keeps only that source. */
export function parseCounterHash(hash: Record<string, string>, sources?: string | ReadonlySet<string>): Map<string, SourceCounts> {
  const wanted = typeof sources === 'string' ? new Set([sources]) : sources;
  const out = new Map<string, SourceCounts>();
  for (const [field, raw] of Object.entries(hash)) {
    const bar = field.indexOf('|');
    if (bar < 0) continue;
    const src = field.slice(0, bar);
    if (wanted !== undefined && !wanted.has(src)) continue;
    const n = Number(raw);
    if (!n) continue;
    let c = out.get(src);
    if (!c) out.set(src, (c = emptyCounts()));
    const metric = field.slice(bar + 1);
    if (metric === 'n') c.reviews += n;
    else if (metric === 'neg') c.negative += n;
    else if (metric.startsWith('r:')) c.ratings[metric.slice(2)] = (c.ratings[metric.slice(2)] ?? 0) + n;
    else if (metric.startsWith('t:')) c.topics[metric.slice(2)] = (c.topics[metric.slice(2)] ?? 0) + n;
    else if (metric.startsWith('v:')) c.severities[metric.slice(2)] = (c.severities[metric.slice(2)] ?? 0) + n;
    else if (metric.startsWith('e:')) c.events[metric.slice(2)] = (c.events[metric.slice(2)] ?? 0) + n;
    else if (metric.startsWith('d:')) {
      const [kind, bucket] = metric.slice(2).split(':') as [DurationKind, string];
      const h = c.durations[kind];
      if (h) h[Number(bucket)] = (h[Number(bucket)] ?? 0) + n;
    }
  }
  return out;
}

/** Adds `b` into `a`. */
export function addCounts(a: SourceCounts, b: SourceCounts): SourceCounts {
  a.reviews += b.reviews;
  a.negative += b.negative;
  for (const k of ['ratings', 'topics', 'severities', 'events'] as const) for (const [key, n] of Object.entries(b[k])) a[k][key] = (a[k][key] ?? 0) + n;
  for (const kind of Object.keys(DURATION_KINDS) as DurationKind[]) for (const [bucket, n] of Object.entries(b.durations[kind])) a.durations[kind][Number(bucket)] = (a.durations[kind][Number(bucket)] ?? 0) + n;
  return a;
}

/** Every source's figures summed into one. */
export function total(bySource: Iterable<SourceCounts>): SourceCounts {
  const t = emptyCounts();
  for (const c of bySource) addCounts(t, c);
  return t;
}

/** Average rating and how many rated reviews it is of. */
export function averageRating(c: Pick<SourceCounts, 'ratings'>): { average: number | null; count: number } {
  let sum = 0;
  let count = 0;
  for (const [rating, n] of Object.entries(c.ratings)) {
    sum += Number(rating) * n;
    count += n;
  }
  return { average: count ? Math.round((sum / count) * 100) / 100 : null, count };
}

/** Median and 90th percentile read off a histogram (nearest rank, each bucket at its middle). */
export function spreadOf(histogram: Record<number, number>): Spread {
  const buckets = Object.entries(histogram)
    .map(([b, n]) => [Number(b), n] as const)
    .filter(([, n]) => n > 0)
    .sort((x, y) => x[0] - y[0]);
  const count = buckets.reduce((s, [, n]) => s + n, 0);
  const at = (p: number): number | null => {
    if (!count) return null;
    const rank = Math.max(1, Math.ceil((p / 100) * count));
    let seen = 0;
    for (const [b, n] of buckets) {
      seen += n;
      if (seen >= rank) return bucketSeconds(b);
    }
    return null;
  };
  return { count, medianSeconds: at(50), p90Seconds: at(90) };
}
