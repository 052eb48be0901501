import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

// What a receiver does with our webhooks: the code the README shows receivers, typed. Tests check
// real requests with it, so the README's snippet is known to accept them and to refuse forgeries.

/** `Review-Monitor-Signature: t=…,v1=…` checks out for this body and is at most `toleranceSeconds` old. */
export function verifyTimestamped(secret: string, rawBody: string | Buffer, headers: IncomingHttpHeaders, toleranceSeconds = 300, nowMs = Date.now()): boolean {
  const parts = Object.fromEntries(String(headers['review-monitor-signature'] ?? '').split(',').map((kv) => kv.split('=')));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowMs / 1000 - t) > toleranceSeconds) return false; // stale: a replay
  const expected = createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest();
  const given = Buffer.from(String(parts.v1 ?? ''), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The older `X-Signature: sha256=…` (body only, no timestamp) checks out for this body. */
export function verifyBodySignature(secret: string, rawBody: string | Buffer, headers: IncomingHttpHeaders): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`);
  const given = Buffer.from(String(headers['x-signature'] ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The `t` of a timestamped signature header, for replay tests. */
export function signedAt(headers: IncomingHttpHeaders): number {
  return Number(/(?:^|,)t=(\d+)/.exec(String(headers['review-monitor-signature'] ?? ''))?.[1]);
}
