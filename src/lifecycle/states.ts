/** Where a review is in the recovery: the playbook's steps, in order. */
export const STATUSES = ['new', 'acknowledged', 'replied', 'resolved', 'followed_up'] as const;
export type Status = (typeof STATUSES)[number];

/** What a person or the publisher can do to a review. */
export type Action = 'acknowledge' | 'edit_draft' | 'approve' | 'mark_ready' | 'reply' | 'reply_on_platform' | 'resolve' | 'follow_up' | 'assign';

/** The statuses each action is legal from, and the status it leads to (none: status unchanged). */
export const TRANSITIONS: Record<Action, { from: readonly Status[]; to?: Status }> = {
  acknowledge: { from: ['new'], to: 'acknowledged' },
  edit_draft: { from: ['new', 'acknowledged'] },
  approve: { from: ['new', 'acknowledged'], to: 'acknowledged' },
  mark_ready: { from: ['acknowledged', 'resolved'] },
  reply: { from: ['acknowledged'], to: 'replied' },
  // The owner answered on the platform itself (seen by a poll): no approval of ours is needed.
  reply_on_platform: { from: ['new', 'acknowledged'], to: 'replied' },
  resolve: { from: ['replied'], to: 'resolved' },
  follow_up: { from: ['resolved'], to: 'followed_up' },
  // Who works a review can change at any step.
  assign: { from: STATUSES },
};

/** One recorded step in a review's history. */
export interface HistoryEntry {
  at: string;
  /** API key name, `system`, or `publisher:<type>`. */
  actor: string;
  action: Action | 'stored' | 'flagged' | 'edited_by_reviewer';
  from?: Status | undefined;
  to?: Status | undefined;
  note?: string | undefined;
  details?: Record<string, unknown> | undefined;
}

/** Whether `action` is legal in `status`. */
export function canDo(action: Action, status: Status): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/**
 * A reviewer who raised their rating after our reply is a recovered customer: true when any rating
 * recorded after `repliedAt` is higher than the rating the review had when we replied.
 */
export function isRecovered(ratingHistory: { rating: number | null; at: string }[], repliedAt: string | undefined): boolean {
  if (!repliedAt) return false;
  let atReply: number | null = null;
  for (const h of ratingHistory) if (h.at <= repliedAt) atReply = h.rating;
  if (atReply === null) return false;
  return ratingHistory.some((h) => h.at > repliedAt && h.rating !== null && h.rating > (atReply as number));
}
