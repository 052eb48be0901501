import type { Logger } from '../../logger.js';
import type { ChannelSender } from '../channels.js';
import { excerpt } from '../render.js';

/** Writes each alert (or digest) as one warning line. */
export function logChannel(id: string, logger: Logger): ChannelSender {
  const log = logger.child({ channel: id });
  return {
    async deliver(p) {
      log.warn(
        {
          alert: {
            reviewId: p.reviewId,
            source: p.sourceId,
            rating: p.review.rating,
            severity: p.verdict.severity,
            topics: p.verdict.topics,
            reasons: p.verdict.reasons,
            author: p.review.author,
            excerpt: p.review.text.slice(0, 280),
            draft: p.draft?.reply,
          },
        },
        `negative review on ${p.sourceId}${p.review.rating !== undefined ? ` (${p.review.rating}/5)` : ''}: ${p.review.title ?? p.review.text.slice(0, 80)}`,
      );
    },
    async deliverNotice(n) {
      log.warn({ notice: n }, `source ${n.sourceId} needs new credentials (${n.credentials}): ${n.message}`);
    },
    async deliverInsight(a) {
      log.warn({ insight: { type: a.type, id: a.id, spike: a.spike, ratingDrop: a.ratingDrop, examples: a.examples.map((e) => e.reviewId) } }, a.summary);
    },
    async deliverDigest(ps, info) {
      log.warn(
        {
          digest: {
            windowStart: info.windowStart,
            windowEnd: info.windowEnd,
            alerts: ps.map((p) => ({ reviewId: p.reviewId, source: p.sourceId, rating: p.review.rating, severity: p.verdict.severity, excerpt: excerpt(p.review.text, 120) })),
          },
        },
        `${ps.length} negative review${ps.length === 1 ? '' : 's'} in the last window`,
      );
    },
  };
}
