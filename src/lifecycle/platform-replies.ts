import type { Review } from '../domain/review.js';
import { isRecovered } from './states.js';
import type { LifecycleStore } from '../store/lifecycle-store.js';
import type { ReviewStore } from '../store/review-store.js';

/** Who a reply made on the platform itself is recorded as, in the history and the API. */
export const ON_THE_PLATFORM = 'on the platform';

export interface PlatformStateOutcome {
  /** Reviews moved to `replied` because the owner answered on the platform. */
  repliedOnPlatform: string[];
  /** Replied reviews the reviewer edited afterwards: their reply may no longer fit. */
  outdated: string[];
}

const REPLIED = new Set(['replied', 'resolved', 'followed_up']);

/**
 * What a poll learns about the lifecycle from the platform: a reply the owner posted there (Business Profile
 * `reviewReply`, App Store Connect `response`, Play `developerComment`) moves the review to `replied` with
 * actor "on the platform" and that text, so nobody is asked to answer it again and the follow-up still
 * applies; a review edited after it was replied to is marked outdated. `edited` are the ids the store saw
 * change (their content hash).
 */
export async function applyPlatformState(
  deps: { store: Pick<ReviewStore, 'get'>; lifecycle: Pick<LifecycleStore, 'transition' | 'setFields' | 'record' | 'emit' | 'markRecovered'> },
  reviews: readonly Review[],
  edited: readonly string[],
  now: Date = new Date(),
): Promise<PlatformStateOutcome> {
  const outcome: PlatformStateOutcome = { repliedOnPlatform: [], outdated: [] };
  const editedIds = new Set(edited);
  for (const review of reviews) {
    if (!review.platformReply && !editedIds.has(review.id)) continue;
    const stored = await deps.store.get(review.id);
    if (!stored) continue;
    if (review.platformReply && (stored.status === 'new' || stored.status === 'acknowledged')) {
      const r = await deps.lifecycle.transition(review.id, 'reply_on_platform', {
        actor: ON_THE_PLATFORM,
        note: 'replied on the platform',
        now,
        fields: { repliedAt: review.platformReply.at ?? now.toISOString(), replyText: review.platformReply.text, replyState: 'posted', repliedOn: 'platform', publishError: '' },
      });
      if (r.ok && r.changed) outcome.repliedOnPlatform.push(review.id);
      continue;
    }
    if (editedIds.has(review.id) && REPLIED.has(stored.status) && !stored.lifecycle.outdatedAt) {
      await deps.lifecycle.setFields(review.id, { outdatedAt: now.toISOString() });
      outcome.outdated.push(review.id);
    }
    // A critic who raised the rating after our reply came back: told once, for integrators and reports.
    if (editedIds.has(review.id) && REPLIED.has(stored.status) && !stored.lifecycle.recoveredAt && isRecovered(stored.ratingHistory, stored.lifecycle.repliedAt)) {
      // Marked (and counted) once even when two polls see the same edit.
      if (await deps.lifecycle.markRecovered(review.id, now))
        await deps.lifecycle.emit(review.id, 'review.recovered', { status: stored.status, actor: 'reviewer', at: now.toISOString() });
    }
  }
  return outcome;
}
