import type { AlertChannelConfig } from '../config/schema.js';
import { SEVERITIES, type Severity } from '../domain/verdict.js';
import type { Logger } from '../logger.js';
import type { AlertPayload } from './payload.js';

/** A configured alert destination. */
export interface AlertChannel {
  id: string;
  type: AlertChannelConfig['type'];
  /** Whether a review of this severity goes to this channel. */
  accepts(severity: Severity): boolean;
  /** Sends one alert; throws (and is retried) when the destination did not take it. */
  deliver(payload: AlertPayload): Promise<void>;
}

/** An alert the receiver refused or could not take. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

const rank = (s: Severity): number => SEVERITIES.indexOf(s);

/** Builds the channel objects for the configured alert channels. */
export function createChannels(configs: readonly AlertChannelConfig[], deps: { logger: Logger; userAgent: string }): Map<string, AlertChannel> {
  const channels = new Map<string, AlertChannel>();
  for (const cfg of configs) {
    const accepts = (severity: Severity): boolean => severity === 'critical' || rank(severity) >= rank(cfg.minSeverity);
    if (cfg.type === 'log') {
      const log = deps.logger.child({ channel: cfg.id });
      channels.set(cfg.id, {
        id: cfg.id,
        type: cfg.type,
        accepts,
        async deliver(p) {
          log.warn(
            {
              alert: {
                reviewId: p.reviewId,
                source: p.sourceId,
                rating: p.review.rating,
                severity: p.verdict.severity,
                reasons: p.verdict.reasons,
                author: p.review.author,
                excerpt: p.review.text.slice(0, 280),
                draft: p.draft?.reply,
              },
            },
            `negative review on ${p.sourceId}${p.review.rating !== undefined ? ` (${p.review.rating}/5)` : ''}: ${p.review.title ?? p.review.text.slice(0, 80)}`,
          );
        },
      });
    } else {
      channels.set(cfg.id, {
        id: cfg.id,
        type: cfg.type,
        accepts,
        async deliver(p) {
          let res: Response;
          try {
            res = await fetch(cfg.url, {
              method: 'POST',
              headers: {
                ...cfg.headers,
                'content-type': 'application/json',
                'user-agent': deps.userAgent,
                'idempotency-key': p.idempotencyKey,
              },
              body: JSON.stringify(p),
              signal: AbortSignal.timeout(cfg.timeoutMs),
            });
          } catch (err) {
            const e = err as Error & { cause?: { code?: string } };
            throw new DeliveryError(`webhook ${cfg.id}: ${e.name === 'TimeoutError' ? `no answer within ${cfg.timeoutMs} ms` : (e.cause?.code ?? e.message)}`);
          }
          await res.body?.cancel();
          if (!res.ok) throw new DeliveryError(`webhook ${cfg.id}: HTTP ${res.status}`, res.status);
        },
      });
    }
  }
  return channels;
}
