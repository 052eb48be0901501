import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import type { SourceConfig } from '../src/config/schema.js';
import { buildCredentials, type Credentials } from '../src/credentials/index.js';
import { normaliseReview } from '../src/domain/review.js';
import { alertPayload } from '../src/alerts/payload.js';
import { alertLinks, renderText } from '../src/alerts/render.js';
import { createPublisher } from '../src/publishers/index.js';
import { fetchReviews } from '../src/sources/index.js';
import { startTestServer, type Received, type TestServer } from './helpers/http.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/platforms/${name}`, import.meta.url), 'utf8');
const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const serviceKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const PLAY_KEY = JSON.stringify({ type: 'service_account', client_email: 'reviews@tidy-play.iam.gserviceaccount.com', private_key: serviceKey });
const env = { PLAY_KEY, ASC_KEY: PEM, TRUSTPILOT_KEY: 'tp-key-0123456789', YELP_KEY: 'yelp-key-0123456789', FB_PAGE_TOKEN: 'EAAB-page-token' };

function config(url: string, sources: Record<string, unknown>[]) {
  return parseConfig(
    {
      business: { name: 'Tidy', contact: { email: 'support@tidy-app.example' }, signature: 'Tidy team' },
      credentials: {
        asc: { type: 'appstore-connect', issuerId: '57246542-96fe-1a63-e053-0824d011072a', keyId: '2X9R4HXF34', privateKeyEnv: 'ASC_KEY' },
        play: { type: 'google-service-account', keyEnv: 'PLAY_KEY', tokenUrl: `${url}/token` },
        tp: { type: 'api-key', keyEnv: 'TRUSTPILOT_KEY' },
        yelp: { type: 'api-key', keyEnv: 'YELP_KEY' },
        fb: { type: 'facebook-page', accessTokenEnv: 'FB_PAGE_TOKEN' },
      },
      sources: sources.map((s) => ({ schedule: '*/30 * * * *', url, allowPrivateNetwork: true, ...s })),
    },
    { env, secrets: false },
  );
}

const reviewsOf = async (source: SourceConfig, credentials: Credentials, fetchCfg: ReturnType<typeof config>['fetch']) => {
  const r = await fetchReviews(source, { fetch: fetchCfg, credentials });
  if (r.notModified) throw new Error('not modified');
  return r;
};

describe('official platform API sources', () => {
  let server: TestServer;
  afterEach(async () => server?.close());

  it('appstore-connect: ES256 token, JSON:API paging through links.next on the configured host, published responses as platform replies; the publisher answers the same review id', async () => {
    server = await startTestServer((req, res) => {
      if (req.method === 'POST') return void res.writeHead(201, { 'content-type': 'application/json' }).end('{"data":{"type":"customerReviewResponses","id":"new"}}');
      res.writeHead(200, { 'content-type': 'application/json' }).end(fixture(req.url.includes('cursor=') ? 'appstore-connect-page2.json' : 'appstore-connect-page1.json'));
    });
    const cfg = config(server.url, [{ id: 'tidy-ios', type: 'appstore-connect', appId: '1234567890', credentials: 'asc', publisher: { type: 'appstore-connect', credentials: 'asc', baseUrl: server.url } }]);
    const credentials = buildCredentials(cfg.credentials, env);
    const r = await reviewsOf(cfg.sources[0]!, credentials, cfg.fetch);
    expect(r.reviews.map((x) => [x.platformId, x.rating, x.author])).toEqual([
      ['00000043-ad9a-c501-0000-000000000001', 1, 'kim_t'],
      ['00000043-ad9a-c501-0000-000000000002', 2, 'Ana'],
      ['00000043-ad9a-c501-0000-000000000003', 5, 'pat'],
    ]);
    expect(r.reviews[1]!.platformReply?.text).toMatch(/^Thanks Ana/);
    // A response still in Apple's review is not public: not the owner's reply yet.
    expect(r.reviews[2]!.platformReply).toBeUndefined();
    const [first, second] = server.received as [Received, Received];
    expect(first.url).toBe('/v1/apps/1234567890/customerReviews?sort=-createdDate&include=response&limit=200');
    expect(second.url).toBe('/v1/apps/1234567890/customerReviews?cursor=Mi4yMDA&limit=200&sort=-createdDate&include=response');
    const jwt = first.headers.authorization!.replace(/^Bearer /, '');
    const [header, payload] = jwt.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>);
    expect(header).toMatchObject({ alg: 'ES256', kid: '2X9R4HXF34', typ: 'JWT' });
    expect(payload).toMatchObject({ iss: '57246542-96fe-1a63-e053-0824d011072a', aud: 'appstoreconnect-v1' });
    // The token is reused until shortly before it expires.
    expect(second.headers.authorization).toBe(first.headers.authorization);

    const review = normaliseReview(r.reviews[0]!, 'tidy-ios');
    await createPublisher(cfg.sources[0]!.publisher, env, credentials).publish({ review, text: 'Hi Kim, sorry…', kind: 'reply' });
    const post = server.received.find((x) => x.method === 'POST')!;
    expect(post.url).toBe('/v1/customerReviewResponses');
    expect(JSON.parse(post.body)).toEqual({
      data: { type: 'customerReviewResponses', attributes: { responseBody: 'Hi Kim, sorry…' }, relationships: { review: { data: { type: 'customerReviews', id: '00000043-ad9a-c501-0000-000000000001' } } } },
    });
  });

  it('google-play-api: a service account’s token (signed assertion to the token URL), reviews.list with paging tokens, star ratings, language and app version; the developer comment is the platform reply', async () => {
    server = await startTestServer((req, res) => {
      if (req.url === '/token') {
        const form = new URLSearchParams(req.body);
        const claims = JSON.parse(Buffer.from(form.get('assertion')!.split('.')[1]!, 'base64url').toString()) as { iss: string; scope: string };
        const ok = form.get('grant_type') === 'urn:ietf:params:oauth:grant-type:jwt-bearer' && claims.iss === 'reviews@tidy-play.iam.gserviceaccount.com' && claims.scope.includes('androidpublisher');
        return void res.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' }).end(JSON.stringify(ok ? { access_token: 'ya29.service-token', expires_in: 3599, token_type: 'Bearer' } : { error: 'invalid_grant' }));
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(req.url.includes('token=EgsI8dS') ? '{"reviews":[]}' : fixture('google-play-api.json'));
    });
    const cfg = config(server.url, [{ id: 'tidy-play', type: 'google-play-api', packageName: 'com.tidylabs.tidy', credentials: 'play' }]);
    const credentials = buildCredentials(cfg.credentials, env);
    const r = await reviewsOf(cfg.sources[0]!, credentials, cfg.fetch);
    expect(r.reviews).toHaveLength(2);
    expect(r.reviews[0]).toMatchObject({ platformId: 'gp:AOqpTOFm1', author: 'Lena Koch', rating: 1, language: 'de', appVersion: '4.12.0', text: 'Die App stürzt nach dem Update ständig ab.' });
    expect(r.reviews[0]!.platformReply?.text).toMatch(/^Hallo Lena/);
    const api = server.received.filter((x) => x.url !== '/token');
    expect(server.received[0]!.url).toBe('/token');
    expect(api[0]!.url).toBe('/androidpublisher/v3/applications/com.tidylabs.tidy/reviews?maxResults=100');
    expect(api[0]!.headers.authorization).toBe('Bearer ya29.service-token');
    expect(api[1]!.url).toContain('token=EgsI8dS');
  });

  it('trustpilot: the API key in the apikey header, page paging while a next-page link is given, company replies; a 429 says when to retry', async () => {
    let limited = false;
    server = await startTestServer((req, res) => {
      if (limited) return void res.writeHead(429, { 'retry-after': '30', 'content-type': 'application/json' }).end('{"message":"Too many requests"}');
      res.writeHead(200, { 'content-type': 'application/json' }).end(fixture(req.url.includes('page=2') ? 'trustpilot-page2.json' : 'trustpilot-page1.json'));
    });
    const cfg = config(server.url, [{ id: 'shop-tp', type: 'trustpilot', businessUnitId: '507f191e810c19729de860ea', credentials: 'tp' }]);
    const credentials = buildCredentials(cfg.credentials, env);
    const r = await reviewsOf(cfg.sources[0]!, credentials, cfg.fetch);
    expect(r.reviews.map((x) => [x.platformId, x.rating])).toEqual([
      ['5f1d2c3b4a5e6f7a8b9c0d1e', 1],
      ['5f1d2c3b4a5e6f7a8b9c0d1f', 5],
    ]);
    expect(r.reviews[0]!.platformReply?.text).toMatch(/^Mark, we are sorry/);
    expect(server.received[0]!.headers.apikey).toBe('tp-key-0123456789');
    expect(server.received[0]!.headers.authorization).toBeUndefined();
    limited = true;
    const err = (await fetchReviews(cfg.sources[0]!, { fetch: cfg.fetch, credentials }).catch((e: unknown) => e)) as Error & { retryAfterMs?: number };
    expect(err.message).toBe('the platform is rate limiting credentials "tp" (HTTP 429); retry after 30 s');
    expect(err.retryAfterMs).toBe(30_000);
  });

  it('yelp: excerpts marked as such, and the alert says so with the link to the whole review', async () => {
    server = await startTestServer((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(fixture('yelp.json')));
    const cfg = config(server.url, [{ id: 'harbor-yelp', type: 'yelp', businessId: 'harbor-bistro-san-francisco', credentials: 'yelp' }]);
    const r = await reviewsOf(cfg.sources[0]!, buildCredentials(cfg.credentials, env), cfg.fetch);
    expect(server.received[0]!.headers.authorization).toBe('Bearer yelp-key-0123456789');
    const review = normaliseReview(r.reviews[0]!, 'harbor-yelp');
    expect(review).toMatchObject({ excerpt: true, rating: 2, author: 'Chris P.', publishedAt: '2026-11-30T19:02:11.000Z' });
    const payload = alertPayload(
      { review, verdict: { negative: true, score: -0.8, severity: 'medium', topics: [], reasons: [], language: 'en' }, draft: null, status: 'new', lifecycle: {} } as never,
      'log',
    );
    expect(renderText(payload, alertLinks(payload))).toContain(`Only an excerpt: the platform does not give the full text; read the whole review at ${review.url}.`);
  });

  it('facebook: recommendations as 1 or 5 stars, the Page token as access_token (never in an error), paging by the next link', async () => {
    let failing = false;
    server = await startTestServer((req, res) => {
      if (failing) return void res.writeHead(500).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(fixture(req.url.includes('after=QVFJ') ? 'facebook-page2.json' : 'facebook-page1.json'));
    });
    const cfg = config(server.url, [{ id: 'harbor-fb', type: 'facebook', pageId: '112233', credentials: 'fb' }]);
    const credentials = buildCredentials(cfg.credentials, env);
    const r = await reviewsOf(cfg.sources[0]!, credentials, cfg.fetch);
    expect(r.reviews.map((x) => [x.platformId, x.rating, x.author, x.publishedAt])).toEqual([
      ['10223_4455', 1, 'Olivia Grant', '2026-11-30T18:20:11+00:00'],
      ['10224_4456', 5, 'Tom Hale', '2026-11-29T10:00:00+00:00'],
    ]);
    expect(new URL(server.received[0]!.url, 'http://x').searchParams.get('access_token')).toBe('EAAB-page-token');
    expect(server.received[1]!.url).toMatch(/^\/v21\.0\/112233\/ratings\?/);
    failing = true;
    const err = (await fetchReviews(cfg.sources[0]!, { fetch: cfg.fetch, credentials }).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/HTTP 500/);
    expect(err.message).not.toContain('EAAB-page-token');
  });

  it('names the bad field of each platform source by its path', () => {
    expect(() => config('http://127.0.0.1:1', [{ id: 'a', type: 'trustpilot', businessUnitId: 'nope', credentials: 'tp' }, { id: 'b', type: 'yelp', credentials: 'yelp' }, { id: 'c', type: 'google-play-api', packageName: 'tidy', credentials: 'play' }])).toThrow(
      /sources\[0\]\.businessUnitId: must be the 24-character business unit id[\s\S]*sources\[1\]\.businessId: Required[\s\S]*sources\[2\]\.packageName: must be an Android package name/,
    );
  });
});
