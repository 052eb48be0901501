import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a request's timestamp may be from now (Slack's own advice: 5 minutes), against replays. */
export const SLACK_MAX_SKEW_SECONDS = 300;

/** Slack's v0 signature of a request: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`. */
export function slackSignature(secret: string, timestamp: string, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/** Why a request is refused, or undefined when its signature is good and fresh. */
export function verifySlackRequest(secret: string, headers: { timestamp?: string | undefined; signature?: string | undefined }, rawBody: string, nowMs = Date.now()): string | undefined {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature) return 'missing X-Slack-Request-Timestamp or X-Slack-Signature';
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs / 1000 - Number(timestamp)) > SLACK_MAX_SKEW_SECONDS) return 'stale or invalid X-Slack-Request-Timestamp';
  const want = Buffer.from(slackSignature(secret, timestamp, rawBody));
  const got = Buffer.from(signature);
  // Lengths first (timingSafeEqual needs equal lengths; the length of a v0 signature is no secret).
  return got.length === want.length && timingSafeEqual(got, want) ? undefined : 'bad X-Slack-Signature';
}
