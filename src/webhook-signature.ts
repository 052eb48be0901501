import { createHmac } from 'node:crypto';

// Every webhook this service sends (alerts, the webhook publisher) is signed the same way, with two
// headers: `X-Signature` over the body alone (what receivers written before the timestamp check), and
// `Review-Monitor-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, Stripe's scheme,
// which lets a receiver refuse a captured request replayed later. Each attempt is signed afresh.

/** The header with the timestamped signature. */
export const TIMESTAMPED_SIGNATURE_HEADER = 'review-monitor-signature';

const hmac = (secret: string, data: string): string => createHmac('sha256', secret).update(data, 'utf8').digest('hex');

/** `sha256=<hex HMAC-SHA256 of the exact body bytes>`, the `X-Signature` header value. */
export function signBody(secret: string, body: string): string {
  return `sha256=${hmac(secret, body)}`;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, signed at `now`. */
export function signTimestamped(secret: string, body: string, now: Date = new Date()): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, `${t}.${body}`)}`;
}

/** Both signature headers of one request. */
export function signatureHeaders(secret: string, body: string, now: Date = new Date()): Record<string, string> {
  return { 'x-signature': signBody(secret, body), [TIMESTAMPED_SIGNATURE_HEADER]: signTimestamped(secret, body, now) };
}
