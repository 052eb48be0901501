import type { StoredReview } from '../store/review-store.js';

/** What every channel sends: the review, why it was flagged, the draft, and a key that makes retries harmless. */
export interface AlertPayload {
  /** Same for every attempt of one review's alert on one channel: receivers drop repeats by it. */
  idempotencyKey: string;
  reviewId: string;
  sourceId: string;
  review: StoredReview['review'];
  verdict: NonNullable<StoredReview['verdict']>;
  draft: StoredReview['draft'];
  flaggedAt: string;
  /** API path of the review, for receivers that want the latest state. */
  apiPath: string;
}

/** Builds the alert payload of a flagged review for one channel. */
export function alertPayload(stored: StoredReview, channelId: string): AlertPayload {
  if (!stored.verdict) throw new Error(`review ${stored.review.id} has no verdict yet`);
  return {
    idempotencyKey: `${stored.review.id}-${channelId}`,
    reviewId: stored.review.id,
    sourceId: stored.review.sourceId,
    review: stored.review,
    verdict: stored.verdict,
    draft: stored.draft,
    flaggedAt: stored.alertedAt ?? stored.analyzedAt ?? new Date().toISOString(),
    apiPath: `/v1/reviews/${encodeURIComponent(stored.review.id)}`,
  };
}
