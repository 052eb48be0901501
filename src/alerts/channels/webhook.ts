import { createHmac } from 'node:crypto';
import type { AlertChannelConfig } from '../../config/schema.js';
import type { ChannelSender } from '../channels.js';
import { postBody } from './http.js';

type WebhookConfig = Extract<AlertChannelConfig, { type: 'webhook' }>;

/** `sha256=<hex HMAC-SHA256 of the exact body bytes>`, the `X-Signature` header value. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * POSTs JSON. Single alerts: `{type: "alert", ...AlertPayload, sentAt}`; digests: `{type: "digest",
 * idempotencyKey, channelId, windowStart, windowEnd, sentAt, alerts: AlertPayload[]}`. With a secret,
 * `X-Signature` signs the body; `sentAt` is inside the signed body so receivers can refuse replays.
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
    if (cfg.secret) headers['x-signature'] = signBody(cfg.secret, body);
    await postBody(cfg.url, body, { label: `webhook ${cfg.id}`, headers, timeoutMs: cfg.timeoutMs });
  };
  return {
    deliver: (p) => send(p.idempotencyKey, { type: 'alert', ...p }),
    deliverDigest: (ps, info) =>
      send(info.idempotencyKey, { type: 'digest', idempotencyKey: info.idempotencyKey, channelId: info.channelId, windowStart: info.windowStart, windowEnd: info.windowEnd, alerts: ps }),
  };
}
