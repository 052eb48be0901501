import { slaState, type SlaHours } from '../lifecycle/sla.js';
import { isRecovered } from '../lifecycle/states.js';
import type { StoredReview } from '../store/review-store.js';

/** The review as the API shows it: its fields, verdict, draft, lifecycle and whether it recovered. */
export function presentReview(s: StoredReview, sla?: SlaHours): Record<string, unknown> {
  return {
    ...s.review,
    status: s.status,
    recovered: isRecovered(s.ratingHistory, s.lifecycle.repliedAt),
    backfill: s.backfill,
    createdAt: s.createdAt,
    editedAt: s.editedAt,
    analyzedAt: s.analyzedAt,
    flaggedAt: s.alertedAt,
    ratingHistory: s.ratingHistory,
    verdict: s.verdict ?? null,
    draft: s.draft ?? null,
    lifecycle: s.lifecycle,
    // When the reply is due (`lifecycle.sla`) and whether it is overdue.
    ...(sla ? { sla: slaState(s, sla) } : {}),
  };
}
