import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { runAuthCheck } from '../src/cli/auth.js';
import { parseConfig } from '../src/config/load.js';
import { buildCredentials, CredentialError } from '../src/credentials/index.js';
import { normaliseReview } from '../src/domain/review.js';
import { createPublisher } from '../src/publishers/index.js';
import { parseGoogleBusiness, splitTranslation } from '../src/sources/google-business.js';
import { fetchReviews } from '../src/sources/index.js';
import { startTestServer, type Received, type TestServer } from './helpers/http.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/google-business/${name}`, import.meta.url), 'utf8');
const ids = { accountId: '1234567890', locationId: '9876543210' };
const REVIEWS_PATH = '/v4/accounts/1234567890/locations/9876543210/reviews';
const env = { GOOGLE_CLIENT_SECRET: 'client-secret-value', GOOGLE_REFRESH_TOKEN: 'refresh-token-value' };

/** A Business Profile API and Google token endpoint on one local server, as their documentation shows them. */
function fakeGoogle(server: TestServer, opts: { revoked?: boolean; expireFirstTokenOnPage2?: boolean } = {}): { tokensIssued: () => number } {
  let issued = 0;
  const valid = new Set<string>();
  server.handle((req: Received, res: ServerResponse) => {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}): void =>
      void res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    if (req.method === 'POST' && req.url === '/token') {
      const form = new URLSearchParams(req.body);
      if (opts.revoked || form.get('refresh_token') !== env.GOOGLE_REFRESH_TOKEN || form.get('client_secret') !== env.GOOGLE_CLIENT_SECRET) {
        return json(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
      }
      const token = `ya29.token-${++issued}`;
      valid.add(token);
      return json(200, { access_token: token, expires_in: 3599, token_type: 'Bearer', scope: 'https://www.googleapis.com/auth/business.manage' });
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !valid.has(token)) return json(401, { error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' } });
    const url = new URL(req.url, 'http://x');
    if (req.method === 'GET' && url.pathname === REVIEWS_PATH) {
      if (url.searchParams.get('pageToken') === 'CAESB0NJQUVBQQ') {
        // Google revokes a token early (a password change): the first token stops working mid-poll.
        if (opts.expireFirstTokenOnPage2 && token === 'ya29.token-1') {
          valid.delete(token);
          return json(401, { error: { code: 401, status: 'UNAUTHENTICATED' } });
        }
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(fixture('reviews-page2.json'));
      }
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(fixture('reviews-page1.json'));
    }
    if (req.method === 'GET' && /^\/v4\/accounts\/\d+\/locations\/\d+\/reviews$/.test(url.pathname)) {
      return void res.writeHead(403, { 'content-type': 'application/json' }).end(fixture('error-403.json'));
    }
    if (req.method === 'PUT' && url.pathname.endsWith('/reply')) return json(200, { comment: (JSON.parse(req.body) as { comment: string }).comment });
    return json(404, { error: { code: 404, status: 'NOT_FOUND' } });
  });
  return { tokensIssued: () => issued };
}

function configFor(url: string, extra: Record<string, unknown> = {}, secrets = true) {
  return parseConfig(
    {
      business: { name: 'Harbor Bistro', contact: { email: 'care@harborbistro.example' }, signature: 'Maya' },
      credentials: { 'harbor-google': { type: 'google-oauth', clientId: '123.apps.googleusercontent.com', clientSecretEnv: 'GOOGLE_CLIENT_SECRET', refreshTokenEnv: 'GOOGLE_REFRESH_TOKEN', tokenUrl: `${url}/token` } },
      sources: [
        {
          id: 'harbor-google',
          type: 'google-business',
          ...ids,
          credentials: 'harbor-google',
          url,
          allowPrivateNetwork: true,
          schedule: '*/10 * * * *',
          publisher: { type: 'google-business', ...ids, credentials: 'harbor-google', baseUrl: url },
        },
      ],
      ...extra,
    },
    { env, secrets },
  );
}

describe('google-business source', () => {
  let server: TestServer;
  afterEach(async () => server?.close());

  it('reads Business Profile reviews: stars ONE…FIVE, anonymous reviewers, the original text apart from Google’s translation, owner replies, paging', () => {
    const page = parseGoogleBusiness(fixture('reviews-page1.json'), ids);
    expect(page.next).toBe('CAESB0NJQUVBQQ');
    expect(page.reviews.map((r) => [r.platformId, r.rating, r.author])).toEqual([
      ['AbFvOqn1', 1, 'Jana Weber'],
      ['AbFvOqn2', 5, undefined],
    ]);
    expect(page.reviews[0]).toMatchObject({
      text: 'Wir haben eine Stunde auf unseren Tisch gewartet und die Suppe war kalt.',
      translation: 'We waited an hour for our table and the soup was cold.',
    });
    expect(page.reviews[1]!.text).toBe(''); // a rating without words
    const last = parseGoogleBusiness(fixture('reviews-page2.json'), ids);
    expect(last.next).toBeUndefined();
    const stored = normaliseReview(last.reviews[0]!, 'harbor-google');
    expect(stored.platformReply).toEqual({ text: 'Sam, we are sorry about the bill. Please write to care@harborbistro.example.', at: '2026-11-21T10:00:00.000Z' });
    expect(stored.updatedAt).toBe('2026-11-21T08:30:00.000Z');
    expect(() => parseGoogleBusiness('<html>', ids)).toThrow(/not JSON/);
  });

  it('keeps the original when Google puts it first and the translation after', () => {
    expect(splitTranslation('Très bon accueil.\n\n(Translated by Google)\nVery good welcome.')).toEqual({ text: 'Très bon accueil.', translation: 'Very good welcome.' });
    expect(splitTranslation('Plain text.')).toEqual({ text: 'Plain text.' });
  });

  it('polls with a refreshed token, gets a new one when Google revokes it mid-poll, and replies to the same review id', async () => {
    server = await startTestServer();
    const google = fakeGoogle(server, { expireFirstTokenOnPage2: true });
    const config = configFor(server.url);
    const credentials = buildCredentials(config.credentials, env);
    const source = config.sources[0]!;
    const fetched = await fetchReviews(source, { fetch: config.fetch, credentials });
    expect(fetched.notModified).toBe(false);
    if (fetched.notModified) return;
    expect(fetched.reviews.map((r) => r.platformId)).toEqual(['AbFvOqn1', 'AbFvOqn2', 'AbFvOqn3']);
    expect(google.tokensIssued()).toBe(2);
    const listed = server.received.filter((r) => r.url.startsWith(REVIEWS_PATH));
    expect(new URL(listed[0]!.url, 'http://x').searchParams.get('orderBy')).toBe('updateTime desc');
    // The client secret and refresh token went to the token endpoint only, never to the API.
    expect(listed.every((r) => !JSON.stringify(r).includes('refresh-token-value') && !JSON.stringify(r).includes('client-secret-value'))).toBe(true);

    const review = normaliseReview(fetched.reviews[0]!, source.id);
    const publisher = createPublisher(source.publisher, env, credentials);
    await publisher.publish({ review, text: 'Guten Tag Jana, …', kind: 'reply' });
    const put = server.received.find((r) => r.method === 'PUT')!;
    expect(put.url).toBe(`${REVIEWS_PATH}/AbFvOqn1/reply`);
    expect(put.headers.authorization).toBe('Bearer ya29.token-2');
    expect(JSON.parse(put.body)).toEqual({ comment: 'Guten Tag Jana, …' });
  });

  it('says in plain words that the refresh token expired or was revoked, without the secret', async () => {
    server = await startTestServer();
    fakeGoogle(server, { revoked: true });
    const config = configFor(server.url);
    const credentials = buildCredentials(config.credentials, env);
    const err = await fetchReviews(config.sources[0]!, { fetch: config.fetch, credentials }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CredentialError);
    expect((err as CredentialError).reason).toBe('expired-or-revoked');
    expect((err as Error).message).toMatch(/credentials "harbor-google": Google refused the refresh token \(expired or revoked\)/);
    expect((err as Error).message).not.toMatch(/refresh-token-value|client-secret-value/);
  });

  it('names a missing secret variable, and a location the account may not see (403)', async () => {
    server = await startTestServer();
    fakeGoogle(server);
    const config = configFor(server.url);
    const missing = await buildCredentials(config.credentials, {}).get('harbor-google').token().catch((e: unknown) => e);
    expect((missing as Error).message).toBe('credentials "harbor-google": environment variable GOOGLE_CLIENT_SECRET (clientSecretEnv) is not set');
    const other = { ...config.sources[0]!, locationId: '1111' } as (typeof config.sources)[number];
    const err = await fetchReviews(other, { fetch: config.fetch, credentials: buildCredentials(config.credentials, env) }).catch((e: unknown) => e);
    expect((err as Error).message).toBe('credentials "harbor-google" have no access to this location or app (HTTP 403): grant the account access, or check the ids');
  });

  it('refuses a config whose source or publisher names credentials that do not exist, and credentials of the wrong shape', () => {
    expect(() =>
      parseConfig({
        business: { name: 'B', contact: { email: 'b@b.example' }, signature: 'B' },
        credentials: { g: { type: 'google-oauth', clientId: 'c', clientSecretEnv: 'S', refreshTokenEnv: 'R' } },
        sources: [{ id: 's', type: 'google-business', accountId: '1', locationId: '2', credentials: 'typo', schedule: '*/10 * * * *', publisher: { type: 'google-business', accountId: '1', locationId: '2', credentials: 'nope' } }],
      }),
    ).toThrow(/sources\[0\]\.credentials: Unknown credentials "typo" \(configured: g\)[\s\S]*sources\[0\]\.publisher\.credentials: Unknown credentials "nope"/);
    expect(() => parseConfig({ business: { name: 'B', contact: { email: 'b@b.example' }, signature: 'B' }, credentials: { a: { type: 'appstore-connect', issuerId: 'i', keyId: 'k' } } })).toThrow(/credentials\.a: give exactly one of privateKeyFile or privateKeyEnv/);
    // Started for real (secrets checked), a missing variable or key file is named; check-config --no-secrets passes it.
    const withMissing = { business: { name: 'B', contact: { email: 'b@b.example' }, signature: 'B' }, credentials: { g: { type: 'google-oauth', clientId: 'c', clientSecretEnv: 'NOT_SET_S', refreshTokenEnv: 'NOT_SET_R' }, k: { type: 'google-service-account', keyFile: '/nonexistent/key.json' } } };
    expect(() => parseConfig(withMissing, { env: {} })).toThrow(/credentials\.g\.clientSecretEnv: environment variable NOT_SET_S is not set[\s\S]*credentials\.k\.keyFile: file \/nonexistent\/key\.json does not exist/);
    expect(() => parseConfig(withMissing, { env: {}, secrets: false })).not.toThrow();
    expect(() => parseConfig({ business: { name: 'B', contact: { email: 'b@b.example' }, signature: 'B' }, credentials: { a: { type: 'google-oauth', clientId: 'c', clientSecret: 'inline!', clientSecretEnv: 'S', refreshTokenEnv: 'R' } } })).toThrow(/clientSecret/);
  });

  it('auth check says which accounts work, in plain words and without secrets', async () => {
    server = await startTestServer();
    fakeGoogle(server);
    const config = configFor(server.url, {
      credentials: {
        'harbor-google': { type: 'google-oauth', clientId: '123.apps.googleusercontent.com', clientSecretEnv: 'GOOGLE_CLIENT_SECRET', refreshTokenEnv: 'GOOGLE_REFRESH_TOKEN', tokenUrl: `${server.url}/token` },
        'old-google': { type: 'google-oauth', clientId: '456.apps.googleusercontent.com', clientSecretEnv: 'GOOGLE_CLIENT_SECRET', refreshTokenEnv: 'OLD_REFRESH_TOKEN', tokenUrl: `${server.url}/token` },
        trustpilot: { type: 'api-key', keyEnv: 'TRUSTPILOT_KEY' },
      },
    }, false);
    const run = async (opts: { source?: string }, extraEnv: Record<string, string> = {}) => {
      const out = new PassThrough();
      let text = '';
      out.on('data', (c: Buffer) => (text += c.toString()));
      const code = await runAuthCheck(config, out, { ...opts, env: { ...env, OLD_REFRESH_TOKEN: 'revoked-token-value', ...extraEnv } });
      return { code, text };
    };
    const all = await run({});
    expect(all.code).toBe(1);
    expect(all.text).toContain('ok      harbor-google [google-oauth] (used by harbor-google): a token was obtained from Google');
    expect(all.text).toContain('FAILED  old-google [google-oauth]: credentials "old-google": Google refused the refresh token (expired or revoked)');
    expect(all.text).toContain('FAILED  trustpilot [api-key]: credentials "trustpilot": environment variable TRUSTPILOT_KEY (keyEnv) is not set');
    expect(all.text).toContain('2 of 3 accounts do not work');
    expect(all.text).not.toMatch(/refresh-token-value|client-secret-value|revoked-token-value|ya29/);
    const one = await run({ source: 'harbor-google' });
    expect(one).toEqual({ code: 0, text: expect.stringContaining('all 1 accounts work') });
    expect((await run({ source: 'nope' })).text).toMatch(/unknown source "nope"/);
  });
});
