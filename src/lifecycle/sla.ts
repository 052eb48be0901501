import type { Severity } from '../domain/verdict.js';
import type { StoredReview } from '../store/review-store.js';

/** How long a cached list page may be served: reviews become overdue with time alone, without a write. */
export const SLA_FRESH_MS = 30_000;

/** Hours from alert to reply each severity allows (`lifecycle.sla`). */
export type SlaHours = Record<Severity, number>;

/** When the reply to a flagged review is due, or undefined for a review never flagged. */
export function slaDueAt(r: Pick<StoredReview, 'alertedAt' | 'verdict'>, sla: SlaHours): string | undefined {
  if (!r.alertedAt || !r.verdict) return undefined;
  return new Date(Date.parse(r.alertedAt) + sla[r.verdict.severity] * 3_600_000).toISOString();
}

/** A flagged review past its SLA with no reply yet. */
export function isOverdue(r: Pick<StoredReview, 'alertedAt' | 'verdict' | 'lifecycle'>, sla: SlaHours, now = Date.now()): boolean {
  const due = slaDueAt(r, sla);
  return due !== undefined && !r.lifecycle.repliedAt && Date.parse(due) < now;
}

/** The SLA state the API shows on a review. */
export function slaState(r: Pick<StoredReview, 'alertedAt' | 'verdict' | 'lifecycle'>, sla: SlaHours, now = Date.now()): { dueAt: string | null; overdue: boolean } {
  return { dueAt: slaDueAt(r, sla) ?? null, overdue: isOverdue(r, sla, now) };
}
