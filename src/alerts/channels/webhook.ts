import type { AlertChannelConfig } from '../../config/schema.js';
import { signatureHeaders } from '../../webhook-signature.js';
import type { ChannelSender } from '../channels.js';
import { postBody } from './http.js';

type WebhookConfig = Extract<AlertChannelConfig, { type: 'webhook' }>;

/**
 * POSTs JSON. Single alerts: `{type: "alert", ...AlertPayload, sentAt}`; a source needing new credentials:
 * `{type: "source_needs_credentials", idempotencyKey, sourceId, credentials, message, at, sentAt}`; digests: `{type: "digest",
 * idempotencyKey, channelId, windowStart, windowEnd, sentAt, alerts: AlertPayload[]}`. With a secret,
 * each attempt carries `X-Signature` and the timestamped `Review-Monitor-Signature` (webhook-signature.ts).
 */
export function webhookChannel(cfg: WebhookConfig, deps: { userAgent: string }): ChannelSender {
  const send = async (idempotencyKey: string, document: Record<string, unknown>): Promise<void> => {
    const body = JSON.stringify({ ...document, sentAt: new Date().toISOString() });
    const headers: Record<string, string> = {
      ...cfg.headers,
      'content-type': 'application/json',
      'user-agent': deps.userAgent,
      'idempotency-key': idempotencyKey,
    };
    if (cfg.secret) Object.assign(headers, signatureHeaders(cfg.secret, body));
    await postBody(cfg.url, body, { label: `webhook ${cfg.id}`, headers, timeoutMs: cfg.timeoutMs });
  };
  return {
    deliver: (p) => send(p.idempotencyKey, { type: 'alert', ...p }),
    deliverNotice: (n) => send(n.idempotencyKey, { ...n }),
    // A lifecycle step: `{type: "review.replied", id, reviewId, sourceId, status, actor, at, note?, sentAt}`, keyed by its id.
    deliverEvent: (e) => send(e.id, { ...e }),
    // A spike or rating drop: `{type: "spike" | "rating_drop", id, at, summary, examples, spike | ratingDrop, sentAt}`, keyed by its id.
    deliverInsight: (a) => send(a.id, { ...a }),
    deliverDigest: (ps, info) =>
      send(info.idempotencyKey, { type: 'digest', idempotencyKey: info.idempotencyKey, channelId: info.channelId, windowStart: info.windowStart, windowEnd: info.windowEnd, alerts: ps }),
  };
}
