import { afterEach, describe, expect, it } from 'vitest';
import { startService, type Service } from '../src/app.js';
import type { ConfigInput } from '../src/config/schema.js';
import { createLogger } from '../src/logger.js';
import { requestPoll } from '../src/scheduler.js';
import { parseHtmlPage } from '../src/sources/html.js';
import { parseJsonLdPage } from '../src/sources/jsonld.js';
import { makeConfig, reviewListPage } from './helpers/factories.js';
import { captureLogs, serviceHarness } from './helpers/context.js';
import { startTestServer, waitFor } from './helpers/http.js';
import { TEST_REDIS_URL, uniquePrefix } from './helpers/redis.js';

const microdataPage = (n: number): string =>
  `<html><body>${Array.from({ length: n }, (_v, i) => `<div itemscope itemtype="https://schema.org/Review"><span itemprop="reviewBody">Review ${i}</span></div>`).join('')}</body></html>`;

describe('parse limits', () => {
  it('reads a page up to maxItems and says how many it left', () => {
    const html = parseHtmlPage(reviewListPage(3_000), { item: 'li.r', text: 'p' }, { maxItems: 1_000 });
    expect(html.reviews).toHaveLength(1_000);
    expect(html.reviews[999]?.text).toBe('Good 999');
    expect(html.warnings).toEqual(['the page holds 3000 review items; the first 1000 were read (fetch.maxItemsPerPage)']);
    const micro = parseJsonLdPage(microdataPage(300), undefined, 100);
    expect(micro.reviews).toHaveLength(100);
    expect(micro.warnings).toEqual(['the page holds 300 review items; the first 100 were read (fetch.maxItemsPerPage)']);
  });
});

describe('parsing a big page in the all role', () => {
  const h = serviceHarness();
  afterEach(() => h.teardown());

  /** The `all` role with one html source serving a 3.6 MB page of 100,000 review nodes. */
  async function bigPageService(over: Partial<ConfigInput>): Promise<Service> {
    h.prefix = uniquePrefix('big');
    const page = reviewListPage(100_000);
    const feed = await startTestServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(page));
    h.closers.push(() => feed.close());
    const config = makeConfig({
      redis: { url: TEST_REDIS_URL, prefix: h.prefix, autostart: false },
      sources: [{ id: 'big', type: 'html', url: `${feed.url}/reviews`, allowPrivateNetwork: true, schedule: '0 0 1 1 *', selectors: { item: 'li.r', text: 'p' } }],
      api: { port: 0, host: '127.0.0.1' },
      ...over,
    });
    const service = await startService(config, createLogger('silent', captureLogs().stream), 'all', { pollOnStart: false });
    h.services.push(service);
    return service;
  }

  it('keeps /health answering while a 3.6 MB page of 100,000 review nodes is parsed, and warns that the page was cut', async () => {
    const service = await bigPageService({ fetch: { perHostIntervalMs: 0, maxItemsPerPage: 200 } });
    // A first request warms up the client's and the server's code paths; what follows measures the event loop.
    await (await fetch(`${service.address}/health`)).arrayBuffer();
    await requestPoll(service.ctx, 'big', 'manual');
    const latencies: number[] = [];
    const started = Date.now();
    for (;;) {
      const state = await service.ctx.store.sources.getSourceState('big');
      if (state.lastSuccessAt || state.lastErrorAt) break;
      if (Date.now() - started > 60_000) throw new Error('the poll did not finish within 60 s');
      const t0 = performance.now();
      const res = await fetch(`${service.address}/health`);
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 25));
    }
    const state = await service.ctx.store.sources.getSourceState('big');
    expect(state).toMatchObject({ consecutiveFailures: 0, reviewsSeen: 200, lastWarning: 'the page holds 100000 review items; the first 200 were read (fetch.maxItemsPerPage)' });
    // Parsing the page on the event loop blocks it for seconds; in the parse thread /health stays quick
    // (the bound leaves room for a loaded test machine: 2 cores shared by many processes).
    expect(Math.max(...latencies)).toBeLessThan(500);
    expect(latencies.length).toBeGreaterThan(5);
  }, 90_000);

  it('fails the poll with a clear error when a page needs more than the parse thread\'s heap, and the process goes on', async () => {
    const service = await bigPageService({ fetch: { perHostIntervalMs: 0 }, workers: { parseHeapMb: 32 } });
    await requestPoll(service.ctx, 'big', 'manual');
    const state = await waitFor(async () => {
      const s = await service.ctx.store.sources.getSourceState('big');
      return s.lastErrorAt ? s : undefined;
    }, 60_000, 'the poll to fail');
    expect(state.lastError).toBe("parsing html page 1 needed more than the parse thread's 32 MB heap (workers.parseHeapMb)");
    expect((await fetch(`${service.address}/health`)).status).toBe(200);
  }, 90_000);
});
