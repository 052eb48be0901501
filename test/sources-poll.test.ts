import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../src/config/schema.js';
import type { AppContext } from '../src/context.js';
import { buildApi } from '../src/api/server.js';
import { pollSource } from '../workers/poll-worker.js';
import { rssFeed, POSITIVE_ITEMS } from './helpers/factories.js';
import { testContext } from './helpers/context.js';
import { fixture, fixturePath } from './helpers/fixtures.js';
import { startTestServer, type Received, type TestServer } from './helpers/http.js';
import type { ServerResponse } from 'node:http';

type Entry = Record<string, unknown>;
const PAGES = [1, 2, 3].map((n) => (JSON.parse(fixture(`appstore/page${n}.json`)) as { feed: { entry: Entry[] } }).feed.entry);
const ALL_ENTRIES = PAGES.flat();
const EMPTY = fixture('appstore/empty.json');

/** Serves a list of App Store entries as Apple does: 50 a page, an empty page after the last. */
function appleFeed(entries: Entry[]): (req: Received, res: ServerResponse) => void {
  return (req, res) => {
    const m = /\/us\/rss\/customerreviews\/page=(\d+)\/id=1234567890\/sortby=mostrecent\/json$/.exec(req.url);
    if (!m) return void res.writeHead(404).end();
    const page = Number(m[1]);
    const slice = entries.slice((page - 1) * 50, page * 50);
    const body = slice.length === 0 ? EMPTY : JSON.stringify({ feed: { ...(JSON.parse(EMPTY) as { feed: object }).feed, entry: slice } });
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  };
}

const entry = (id: string, rating: number, text: string): Entry => ({
  ...ALL_ENTRIES[0],
  id: { label: id },
  'im:rating': { label: String(rating) },
  content: { label: text, attributes: { type: 'text' } },
  title: { label: `Review ${id}` },
});

const poll = (ctx: AppContext, id: string, reason: 'manual' | 'schedule' = 'manual') => pollSource(ctx, { sourceId: id, tick: new Date().toISOString(), reason });
const pagesAsked = (server: TestServer) => server.received.map((r) => Number(/page=(\d+)/.exec(r.url)?.[1]));

describe('polling paged and scraped sources', () => {
  let server: TestServer | undefined;
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    await server?.close();
    server = close = undefined;
  });

  async function setup(sources: ConfigInput['sources'], over: Partial<ConfigInput> = {}) {
    const t = await testContext({ sources, api: { keys: ['test-key-0123456789'] }, ...over });
    close = t.close;
    return t.ctx;
  }

  it('App Store: the baseline reads every page; later polls stop at the first page with a known review', async () => {
    let entries = ALL_ENTRIES;
    server = await startTestServer((req, res) => appleFeed(entries)(req, res));
    const ctx = await setup([{ id: 'ios', type: 'appstore', appId: '1234567890', url: server.url, allowPrivateNetwork: true, schedule: '* * * * *' }]);
    expect(await poll(ctx, 'ios')).toMatchObject({ baseline: true, created: 130, pages: 4, stoppedAt: 'end' });
    expect(pagesAsked(server)).toEqual([1, 2, 3, 4]);
    server.received.length = 0;
    entries = [entry('12000000001', 1, 'The latest update deleted all my lists. Furious.'), ...ALL_ENTRIES];
    expect(await poll(ctx, 'ios')).toMatchObject({ baseline: false, created: 1, updated: 0, pages: 1, stoppedAt: 'known' });
    expect(pagesAsked(server)).toEqual([1]);
    const stored = await ctx.store.getMany(await ctx.store.pendingAnalysis('ios'));
    expect(stored.find((s) => s.review.platformId === '12000000001')).toMatchObject({ backfill: false, review: { rating: 1 } });
  });

  it('App Store: an edit that raises the rating updates the review, keeps the rating history and is analysed again', async () => {
    let entries = [entry('9001', 1, 'Crashes on launch, useless.'), ...ALL_ENTRIES.slice(0, 10)];
    server = await startTestServer((req, res) => appleFeed(entries)(req, res));
    const ctx = await setup([{ id: 'ios', type: 'appstore', appId: '1234567890', url: server.url, allowPrivateNetwork: true, schedule: '* * * * *' }]);
    await poll(ctx, 'ios');
    const [pendingBefore] = [await ctx.store.pendingAnalysis('ios')];
    await ctx.redis.del(ctx.store.key('pending', 'ios'));
    expect(pendingBefore.length).toBe(11);
    entries = [entry('9001', 4, 'Update: support fixed it within a day. Works well now.'), ...ALL_ENTRIES.slice(0, 10)];
    expect(await poll(ctx, 'ios')).toMatchObject({ created: 0, updated: 1 });
    const pending = await ctx.store.pendingAnalysis('ios');
    expect(pending).toHaveLength(1);
    const edited = await ctx.store.get(pending[0]!);
    expect(edited?.ratingHistory.map((h) => h.rating)).toEqual([1, 4]);
    expect(edited?.editedAt).toBeDefined();
    expect(edited?.review.text).toMatch(/support fixed it/);
  });

  it('App Store: an empty first page does not end the baseline (no alert storm when the reviews show up)', async () => {
    let entries: Entry[] = [];
    server = await startTestServer((req, res) => appleFeed(entries)(req, res));
    const ctx = await setup([{ id: 'ios', type: 'appstore', appId: '1234567890', url: server.url, allowPrivateNetwork: true, schedule: '* * * * *' }]);
    expect(await poll(ctx, 'ios')).toMatchObject({ baseline: true, created: 0, pages: 1 });
    expect((await ctx.store.sources.getSourceState('ios')).baselineAt).toBeUndefined();
    entries = ALL_ENTRIES.slice(0, 20);
    expect(await poll(ctx, 'ios')).toMatchObject({ baseline: true, created: 20 });
    expect((await ctx.store.sources.getSourceState('ios')).baselineAt).toBeDefined();
  });

  it('Google Play: pages by continuation token, then a captcha 503 with Retry-After backs the source off and holds the host', async () => {
    const pages = [fixture('googleplay/page1.txt'), fixture('googleplay/page2.txt'), fixture('googleplay/last.txt')];
    server = await startTestServer((req, res) => {
      const freq = new URLSearchParams(req.body).get('f.req') ?? '';
      const page = freq.includes('GgQIARAB') ? 1 : freq.includes('GgQIAhAC') ? 2 : 0;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(pages[page]);
    });
    const ctx = await setup([{ id: 'play', type: 'googleplay', appId: 'com.tidylabs.tidy', lang: 'en', url: server.url, allowPrivateNetwork: true, schedule: '* * * * *' }]);
    expect(await poll(ctx, 'play')).toMatchObject({ baseline: true, created: 100, pages: 3, stoppedAt: 'end' });
    expect(server.received.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual(Array(3).fill('POST /_/PlayStoreUi/data/batchexecute'));
    expect(server.received[0]?.url).toContain('hl=en&gl=us');

    server.handle((_req, res) => void res.writeHead(503, { 'retry-after': '3600', 'content-type': 'text/html' }).end(fixture('googleplay/blocked.html')));
    const asked = server.received.length;
    await expect(poll(ctx, 'play')).rejects.toThrow(/HTTP 503 .*rate limited or blocked; Retry-After 3600 s/);
    const state = await ctx.store.sources.getSourceState('play');
    expect(state).toMatchObject({ consecutiveFailures: 1, lastStatus: 503 });
    expect(Date.parse(state.backoffUntil!) - Date.now()).toBeGreaterThan(3_500_000);
    // Even a manual poll does not ask the host again before its Retry-After.
    await expect(poll(ctx, 'play')).rejects.toThrow(/asked not to be contacted before/);
    expect(server.received.length).toBe(asked + 1);
    expect(await ctx.redis.zcard(ctx.store.key('reviews'))).toBe(100);
  });

  it('malformed input gives each source a clear error; the others keep polling and nothing stored is lost', async () => {
    const good: Record<string, string> = {
      '/feed.rss': rssFeed(POSITIVE_ITEMS),
      '/page.html': fixture('html/guestbook.html'),
      '/reviews.html': fixture('jsonld/restaurant-10-point.html'),
    };
    let bodies: Record<string, string | Buffer> = { ...good };
    server = await startTestServer((req, res) => {
      // Apple: page 1 is the configured body, later pages are empty.
      const path = req.url.replace(/\/us\/rss\/customerreviews\/page=1\/id=\d+\/sortby=mostrecent\/json$/, '/apple');
      const body = /page=\d+/.test(path) ? EMPTY : bodies[path];
      if (body === undefined) return void res.writeHead(404).end();
      res.writeHead(200).end(body);
    });
    const u = server.url;
    const ctx = await setup(
      [
        { id: 'rss', type: 'rss', url: `${u}/feed.rss`, allowPrivateNetwork: true, schedule: '* * * * *' },
        { id: 'html', type: 'html', url: `${u}/page.html`, allowPrivateNetwork: true, schedule: '* * * * *', selectors: { item: '.review-card', text: '.review-body', rating: '.stars@data-rating', link: 'a.permalink' } },
        { id: 'ios', type: 'appstore', appId: '1234567890', url: `${u}/apple-host`, allowPrivateNetwork: true, schedule: '* * * * *' },
        { id: 'site', type: 'jsonld', url: `${u}/reviews.html`, allowPrivateNetwork: true, schedule: '* * * * *' },
        { id: 'local', type: 'file', path: fixturePath('file/reviews.json'), schedule: '* * * * *' },
      ],
      { fetch: { perHostIntervalMs: 0, maxBodyBytes: 5 * 1024 * 1024 } },
    );
    bodies['/apple-host/apple'] = fixture('appstore/single-entry.json');
    for (const id of ['rss', 'html', 'ios', 'site', 'local']) await poll(ctx, id);
    const before = await ctx.redis.zcard(ctx.store.key('reviews'));
    expect(before).toBe(2 + 12 + 1 + 3 + 3);

    const rss = rssFeed(POSITIVE_ITEMS);
    bodies = {
      '/feed.rss': rss.slice(0, rss.length / 2), // truncated XML
      '/page.html': '<html><body><h1>We are down for maintenance</h1></body></html>', // no expected elements
      '/apple-host/apple': JSON.stringify({ feed: { entry: [{ unexpected: true }] } }), // JSON of the wrong shape
      '/reviews.html': 'x'.repeat(10 * 1024 * 1024), // a 10 MB page
    };
    const results = await Promise.allSettled(['rss', 'html', 'ios', 'site', 'local'].map((id) => poll(ctx, id)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'fulfilled']);
    const health = Object.fromEntries(await Promise.all(['rss', 'html', 'ios', 'site', 'local'].map(async (id) => [id, await ctx.store.sources.getSourceState(id)] as const)));
    expect(health.rss?.lastError).toMatch(/invalid RSS\/Atom/);
    expect(health.html?.lastError).toMatch(/no element matches selectors.item ".review-card"/);
    expect(health.ios?.lastError).toMatch(/none with id, im:rating and content labels/);
    expect(health.site?.lastError).toMatch(/(over|more than) the 5242880-byte limit/);
    expect(health.local).toMatchObject({ consecutiveFailures: 0 });
    expect(await ctx.redis.zcard(ctx.store.key('reviews'))).toBe(before);

    // Binary junk where the page was.
    bodies['/reviews.html'] = Buffer.from(Array.from({ length: 4096 }, (_v, i) => (i * 7919) % 256));
    await expect(poll(ctx, 'site')).rejects.toThrow(/no schema.org review data/);
    expect((await ctx.store.sources.getSourceState('site')).consecutiveFailures).toBe(2);

    // The API shows the health, with when each source polls next.
    const app = await buildApi(ctx);
    try {
      const res = await app.inject({ url: '/v1/sources/html', headers: { authorization: 'Bearer test-key-0123456789' } });
      expect(res.statusCode).toBe(200);
      const body = res.json() as Record<string, unknown>;
      expect(body).toMatchObject({ id: 'html', type: 'html', healthy: false, consecutiveFailures: 1, lastError: expect.stringMatching(/selectors.item/) });
      // The next poll is the first minute tick after the back-off (24–36 s after the failure).
      const next = Date.parse(body.nextPollAt as string);
      expect(next).toBeGreaterThanOrEqual(Date.parse(body.backoffUntil as string));
      expect(next - Date.parse(body.backoffUntil as string)).toBeLessThanOrEqual(60_000);
      expect(new Date(next).getUTCSeconds()).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('a source on a private address is refused unless it allows private networks, and shows as unhealthy', async () => {
    server = await startTestServer((_req, res) => void res.writeHead(200).end(rssFeed(POSITIVE_ITEMS)));
    const ctx = await setup([
      { id: 'internal', type: 'rss', url: `${server.url}/feed.rss`, schedule: '* * * * *' },
      { id: 'allowed', type: 'rss', url: `${server.url}/feed.rss`, allowPrivateNetwork: true, schedule: '* * * * *' },
    ]);
    await expect(poll(ctx, 'internal')).rejects.toThrow('refused to connect to 127.0.0.1 (loopback address; set allowPrivateNetwork: true on the source to allow private addresses)');
    expect(await poll(ctx, 'allowed')).toMatchObject({ created: 2 });
    expect(server.received).toHaveLength(1);
    const app = await buildApi(ctx);
    try {
      const res = await app.inject({ url: '/v1/sources/internal', headers: { authorization: 'Bearer test-key-0123456789' } });
      expect(res.json()).toMatchObject({ healthy: false, consecutiveFailures: 1, lastError: expect.stringMatching(/^refused to connect to 127\.0\.0\.1 \(loopback address/) });
    } finally {
      await app.close();
    }
  });

  describe('a page whose JSON-LD cannot be read', () => {
    const business = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Restaurant","name":"Harbor Bistro","aggregateRating":{"@type":"AggregateRating","ratingValue":4.1,"reviewCount":3}}</script>';
    const reviewsLd = (reviews: object[]) => `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'Restaurant', name: 'Harbor Bistro', review: reviews })}</script>`;
    const REVIEWS = [
      { '@type': 'Review', author: { '@type': 'Person', name: 'Helen W.' }, reviewBody: 'Cold soup and a long wait.', reviewRating: { '@type': 'Rating', ratingValue: 2 } },
      { '@type': 'Review', author: { '@type': 'Person', name: 'Gareth P.' }, reviewBody: 'Lovely terrace, great fish.', reviewRating: { '@type': 'Rating', ratingValue: 5 } },
    ];
    const page = (...blocks: string[]) => `<!doctype html><html><head>${blocks.join('')}</head><body><h1>Harbor Bistro</h1></body></html>`;
    let body = '';

    async function site() {
      server = await startTestServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(body));
      return setup([{ id: 'site', type: 'jsonld', url: `${server.url}/reviews`, allowPrivateNetwork: true, schedule: '* * * * *' }]);
    }

    it('a malformed block is a warning on the source, and a poll that read no review leaves the baseline pending', async () => {
      const ctx = await site();
      // The reviews block is cut off mid-way (a template bug); the business block still parses.
      body = page(business, reviewsLd(REVIEWS).replace(/"Lovely terrace.*<\/script>$/, '</script>'));
      expect(await poll(ctx, 'site')).toMatchObject({ baseline: true, created: 0 });
      const state = await ctx.store.sources.getSourceState('site');
      expect(state.lastWarning).toMatch(/^1 of 2 JSON-LD block\(s\) (is|are) not valid JSON \(/);
      expect(state.baselineAt).toBeUndefined();
      const app = await buildApi(ctx);
      try {
        const res = await app.inject({ url: '/v1/sources/site', headers: { authorization: 'Bearer test-key-0123456789' } });
        expect(res.json()).toMatchObject({ id: 'site', lastWarning: expect.stringMatching(/not valid JSON/) });
        expect(res.json()).not.toHaveProperty('baselineAt');
      } finally {
        await app.close();
      }
      // The page is fixed: its reviews are the baseline, not new reviews to alert on.
      body = page(business, reviewsLd(REVIEWS));
      expect(await poll(ctx, 'site')).toMatchObject({ baseline: true, created: 2 });
      const fixed = await ctx.store.sources.getSourceState('site');
      expect(fixed.baselineAt).toBeDefined();
      expect(fixed.lastWarning).toBeUndefined();
    });

    it('Review items without any readable text are rejected with a reason, and the baseline stays pending', async () => {
      const ctx = await site();
      body = page(business, reviewsLd(REVIEWS.map((r) => ({ ...r, reviewBody: { '@type': 'TextObject' } }))));
      expect(await poll(ctx, 'site')).toMatchObject({ baseline: true, created: 0, rejected: 2 });
      const state = await ctx.store.sources.getSourceState('site');
      expect(state).toMatchObject({ rejectedRows: 2, consecutiveFailures: 0 });
      expect(state.lastWarning).toMatch(/Review 1: no reviewBody, description, name or headline/);
      expect(state.baselineAt).toBeUndefined();
    });

    it('a page whose only JSON-LD is malformed fails with the JSON error', async () => {
      const ctx = await site();
      body = page(reviewsLd(REVIEWS).replace('"reviewBody"', 'reviewBody'));
      await expect(poll(ctx, 'site')).rejects.toThrow(/^no readable review data on the page: 1 of 1 JSON-LD block\(s\) is not valid JSON \(.+\)$/);
      expect(await ctx.store.sources.getSourceState('site')).toMatchObject({ consecutiveFailures: 1 });
    });
  });

  it('file: good rows are stored, rejected rows are counted in the source health with their line numbers', async () => {
    const ctx = await setup([{ id: 'import', type: 'file', path: fixturePath('file/reviews.csv'), schedule: '* * * * *' }]);
    // Four stored: one of them (line 7) is a 3-star rating without text.
    expect(await poll(ctx, 'import')).toMatchObject({ created: 4, rejected: 2 });
    const state = await ctx.store.sources.getSourceState('import');
    expect(state).toMatchObject({ consecutiveFailures: 0, rejectedRows: 2 });
    expect(state.lastWarning).toMatch(/^2 row\(s\) rejected: line 8: .*; line 5: rating "five" is not a number$/);
    expect(readFileSync(fixturePath('file/reviews.csv'), 'utf8')).toContain('imp-6');
  });
});
