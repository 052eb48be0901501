import { createPrivateKey, sign } from 'node:crypto';
import type { PublisherConfig } from '../config/schema.js';
import type { Credentials } from '../credentials/index.js';
import type { Review } from '../domain/review.js';
import { signatureHeaders } from '../webhook-signature.js';

/** What to post: the review it answers, the text, and whether it is the reply or its follow-up. */
export interface PublishRequest {
  review: Review;
  text: string;
  kind: 'reply' | 'follow_up';
}

/** Posts replies to a platform; `automatic: false` means a person posts them and confirms. */
export interface Publisher {
  type: PublisherConfig['type'];
  automatic: boolean;
  /** The platform's limit on a reply's length. */
  maxLength: number;
  publish(req: PublishRequest): Promise<void>;
}

/** A publish attempt the platform refused or that could not be made; `permanent` ones are not retried. */
export class PublishError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'PublishError';
  }
}

// Platform reply limits (characters); Google Play's is documented as 350.
const LIMITS: Record<PublisherConfig['type'], number> = {
  manual: 4096,
  webhook: 4096,
  'google-business': 4096,
  'google-play': 350,
  'appstore-connect': 5970,
};

type Env = Record<string, string | undefined>;

function secret(env: Env, name: string, what: string): string {
  const value = env[name];
  if (!value) throw new PublishError(`${what}: environment variable ${name} is not set`, undefined, true);
  return value;
}

// The URL is configured by the operator (internal hosts are normal), so no address is refused; a
// redirect is not followed, so the reply and its credentials go to that URL or nowhere.
async function send(url: string, init: RequestInit & { timeoutMs?: number }, what: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(init.timeoutMs ?? 15_000) });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    throw new PublishError(`${what}: ${e.name === 'TimeoutError' ? 'no answer in time' : (e.cause?.code ?? e.message)}`);
  }
  if (res.ok) {
    await res.body?.cancel();
    return;
  }
  if (res.status >= 300 && res.status < 400) {
    await res.body?.cancel();
    throw new PublishError(`${what}: HTTP ${res.status} redirect not followed (configure the URL it points to)`, res.status, true);
  }
  const body = (await res.text().catch(() => '')).slice(0, 300);
  // 4xx other than 408/429 will not get better by retrying: wrong id, bad token, text refused.
  const permanent = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429;
  throw new PublishError(`${what}: HTTP ${res.status}${body ? ` ${body}` : ''}`, res.status, permanent);
}

/** An App Store Connect API token: an ES256 JWT valid for 20 minutes. */
export function appStoreConnectToken(cfg: { keyId: string; issuerId: string; privateKeyPem: string }, now = Date.now()): string {
  const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const iat = Math.floor(now / 1000);
  const unsigned = `${b64({ alg: 'ES256', kid: cfg.keyId, typ: 'JWT' })}.${b64({ iss: cfg.issuerId, iat, exp: iat + 1200, aud: 'appstoreconnect-v1' })}`;
  const signature = sign('sha256', Buffer.from(unsigned), { key: createPrivateKey(cfg.privateKeyPem), dsaEncoding: 'ieee-p1363' });
  return `${unsigned}.${signature.toString('base64url')}`;
}

/**
 * Posts with a bearer token: the credentials' (fresh, and once more fresh after a 401) or, deprecated, a fixed
 * token from the environment.
 */
async function sendWithToken(
  cfg: { credentials?: string | undefined; accessTokenEnv?: string | undefined },
  credentials: Credentials | undefined,
  env: Env,
  what: string,
  request: (authorization: string) => [string, RequestInit],
): Promise<void> {
  if (!cfg.credentials) {
    const [url, init] = request(`Bearer ${secret(env, cfg.accessTokenEnv!, what)}`);
    return send(url, init, what);
  }
  if (!credentials) throw new PublishError(`${what}: credentials "${cfg.credentials}" are not available`, undefined, true);
  const source = credentials.get(cfg.credentials);
  const attempt = async (): Promise<void> => {
    const [url, init] = request(`Bearer ${await source.token()}`);
    return send(url, init, what);
  };
  try {
    await attempt();
  } catch (err) {
    if (!(err instanceof PublishError && err.status === 401)) throw err;
    source.invalidate();
    await attempt();
  }
}

/** Builds the publisher a source's config asks for; secrets are read from the environment when posting. */
export function createPublisher(cfg: PublisherConfig, env: Env = process.env, credentials?: Credentials): Publisher {
  const base = { type: cfg.type, maxLength: LIMITS[cfg.type] };
  const checkLength = (req: PublishRequest): void => {
    if (req.text.length > base.maxLength) throw new PublishError(`${cfg.type}: the ${req.kind.replace('_', '-')} is ${req.text.length} characters, over the platform's ${base.maxLength}`, undefined, true);
  };
  switch (cfg.type) {
    case 'manual':
      return { ...base, automatic: false, async publish() {} };
    case 'webhook':
      return {
        ...base,
        automatic: true,
        async publish(req) {
          checkLength(req);
          const body = JSON.stringify({ reviewId: req.review.id, sourceId: req.review.sourceId, platformId: req.review.platformId, url: req.review.url, kind: req.kind, text: req.text });
          const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': `${req.review.id}-${req.kind}` };
          if (cfg.secretEnv) Object.assign(headers, signatureHeaders(secret(env, cfg.secretEnv, 'webhook publisher'), body));
          await send(cfg.url, { method: 'POST', headers, body, timeoutMs: cfg.timeoutMs }, 'webhook publisher');
        },
      };
    case 'google-business':
      return {
        ...base,
        automatic: true,
        async publish(req) {
          checkLength(req);
          // One reply per review: PUT creates it or replaces it, which is how the follow-up is posted.
          const url = `${cfg.baseUrl.replace(/\/$/, '')}/v4/accounts/${encodeURIComponent(cfg.accountId)}/locations/${encodeURIComponent(cfg.locationId)}/reviews/${encodeURIComponent(req.review.platformId)}/reply`;
          await sendWithToken(cfg, credentials, env, 'google-business publisher', (authorization) => [
            url,
            { method: 'PUT', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ comment: req.text }) },
          ]);
        },
      };
    case 'google-play':
      return {
        ...base,
        automatic: true,
        async publish(req) {
          checkLength(req);
          const url = `${cfg.baseUrl.replace(/\/$/, '')}/androidpublisher/v3/applications/${encodeURIComponent(cfg.packageName)}/reviews/${encodeURIComponent(req.review.platformId)}:reply`;
          await sendWithToken(cfg, credentials, env, 'google-play publisher', (authorization) => [
            url,
            { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ replyText: req.text }) },
          ]);
        },
      };
    case 'appstore-connect':
      return {
        ...base,
        automatic: true,
        async publish(req) {
          checkLength(req);
          // Creating a response for a review that has one replaces it (one public reply per review).
          const body = {
            data: {
              type: 'customerReviewResponses',
              attributes: { responseBody: req.text },
              relationships: { review: { data: { type: 'customerReviews', id: req.review.platformId } } },
            },
          };
          const url = `${cfg.baseUrl.replace(/\/$/, '')}/v1/customerReviewResponses`;
          const init = (authorization: string): [string, RequestInit] => [url, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) }];
          if (cfg.credentials) return sendWithToken({ credentials: cfg.credentials }, credentials, env, 'appstore-connect publisher', init);
          const token = appStoreConnectToken({ keyId: cfg.keyId!, issuerId: cfg.issuerId!, privateKeyPem: secret(env, cfg.privateKeyEnv!, 'appstore-connect publisher') });
          const [u, i] = init(`Bearer ${token}`);
          await send(u, i, 'appstore-connect publisher');
        },
      };
  }
}
