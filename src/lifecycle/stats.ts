// The shapes of the stats the API and the workspace show; they are computed from the counters
// (src/insights/window-stats.ts), never by reading reviews.

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
