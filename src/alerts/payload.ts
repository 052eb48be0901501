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
  /** Absolute API URL of the review, when `publicUrl` is configured. */
  apiUrl?: string | undefined;
  /** Path of the review's page in the workspace ("Open in inbox"). */
  pagePath: string;
  /** Absolute URL of the review's page, when `publicUrl` is configured. */
  pageUrl?: string | undefined;
  /** E-mail of the person the review is assigned to. */
  assignee?: string | undefined;
  /** Set on the one reminder of a review past its SLA without a reply. */
  reminder?: Reminder | undefined;
  /** Set when the review was edited after it was replied to (and is negative): the reply may no longer fit. */
  edited?: { at: string; reply?: string | undefined } | undefined;
}

/** An overdue reminder: when the reply was due, and for a critical review whom it is escalated to. */
export interface Reminder {
  dueAt: string;
  escalateTo?: { name?: string | undefined; email?: string | undefined; phone?: string | undefined } | undefined;
}

/** `base` + `path`, keeping any path prefix of `base` (https://x.example/rm + /v1/… → https://x.example/rm/v1/…). */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

/** Builds the alert payload of a flagged review for one channel. */
export function alertPayload(
  stored: StoredReview,
  channelId: string,
  opts: { publicUrl?: string | undefined; reminder?: Reminder | undefined; edited?: { at: string; reply?: string | undefined } | undefined } = {},
): AlertPayload {
  if (!stored.verdict) throw new Error(`review ${stored.review.id} has no verdict yet`);
  const apiPath = `/v1/reviews/${encodeURIComponent(stored.review.id)}`;
  const pagePath = `/reviews/${encodeURIComponent(stored.review.id)}`;
  return {
    // The reminder is a message of its own: receivers (and mail systems, by Message-ID) must not drop it as a repeat.
    // So is the alert of an edit: one per edit.
    idempotencyKey: `${stored.review.id}-${channelId}${opts.reminder ? '-reminder' : ''}${opts.edited ? `-edited-${Date.parse(opts.edited.at)}` : ''}`,
    reviewId: stored.review.id,
    sourceId: stored.review.sourceId,
    review: stored.review,
    verdict: stored.verdict,
    draft: stored.draft,
    flaggedAt: stored.alertedAt ?? stored.analyzedAt ?? new Date().toISOString(),
    apiPath,
    apiUrl: opts.publicUrl ? joinUrl(opts.publicUrl, apiPath) : undefined,
    pagePath,
    pageUrl: opts.publicUrl ? joinUrl(opts.publicUrl, pagePath) : undefined,
    assignee: stored.lifecycle.assignee,
    reminder: opts.reminder,
    edited: opts.edited,
  };
}
