import type { RatingCheck, Spike } from './detect.js';

/** The event types of insight alerts, as `/v1/events` names them and webhook channels subscribe to them. */
export const INSIGHT_EVENT_TYPES = ['spike', 'rating_drop'] as const;
export type InsightEventType = (typeof INSIGHT_EVENT_TYPES)[number];

/** A review shown as an example of what rose or fell, with its links. */
export interface InsightExample {
  reviewId: string;
  sourceId: string;
  rating?: number | undefined;
  author?: string | undefined;
  publishedAt?: string | undefined;
  excerpt: string;
  /** The review on its platform. */
  url?: string | undefined;
  /** The review's page in the workspace (absolute with `publicUrl`, else a path). */
  page: string;
}

/**
 * A pattern across reviews, sent once through the insight channels and streamed on `/v1/events`: a spike of
 * negative reviews about a topic or on a source, or a source's average rating falling a step.
 */
export interface InsightAlert {
  type: InsightEventType;
  /** Stable per alert (`spike-<period>-<kind>-<subject>`, `rating_drop-<source>-<ms>`): receivers drop a repeat by it. */
  id: string;
  at: string;
  /** One sentence: what rose or fell, from what to what. */
  summary: string;
  examples: InsightExample[];
  /** The business it is about, in a deployment serving several (its channels and its limited keys see it). */
  business?: string | undefined;
  spike?: (Spike & { period: string; since: string; until: string; sources: string[] }) | undefined;
  ratingDrop?: { sourceId: string; from: number; to: number; average: number; ratings: number; windowDays: number; pValue: number } | undefined;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** `this week` / `today` and the period's plain name for the baseline sentence. */
function periodWords(period: 'week' | 'day'): { current: string; usual: string } {
  return period === 'week' ? { current: 'this week', usual: 'a week' } : { current: 'today', usual: 'a day' };
}

/** The summary of a spike: "Negative reviews about cleanliness: 14 this week, usually about 3 a week." (or "fewer than one a week") */
export function spikeSummary(s: Spike, period: 'week' | 'day', label: (topic: string) => string): string {
  const w = periodWords(period);
  const what = s.kind === 'topic' ? `Negative reviews about ${label(s.subject)}` : `Negative reviews on ${s.subject}`;
  const usual = s.baseline < 1 ? `usually fewer than one ${w.usual}` : `usually about ${Math.round(s.baseline * 10) / 10} ${w.usual}`;
  return `${what}: ${s.count} ${w.current}, ${usual}.`;
}

/** The summary of a rating drop: "The average rating on google fell from 4.5 to 4.1 (last 28 days, 63 ratings)." */
export function ratingDropSummary(sourceId: string, c: Extract<RatingCheck, { kind: 'dropped' }>, windowDays: number): string {
  return `The average rating on ${sourceId} fell from ${c.from.toFixed(1)} to ${c.average.toFixed(2)} over the last ${plural(windowDays, 'day')} (${plural(c.count, 'rating')}).`;
}
