import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startService, type Service } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { captureLogs } from '../helpers/context.js';
import { makeConfig, NEGATIVE_ITEMS, POSITIVE_ITEMS, rssFeed } from '../helpers/factories.js';
import { startTestServer, waitFor, type Received } from '../helpers/http.js';
import { deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis.js';
import { Cleanup } from './harness.js';

const KEY = 'faults-sources-key-0123';
const MAX_BODY = 20_000;

interface Health {
  healthy: boolean;
  lastError?: string;
  lastStatus?: number;
  lastSuccessAt?: string;
  consecutiveFailures: number;
  backoffUntil?: string;
  reviewsSeen: number;
}

describe('sources that time out, fail, throttle, send garbage or too much', () => {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  it('marks each broken source unhealthy with a clear error and back-off; the others keep going; nothing stored is lost', async () => {
    const prefix = uniquePrefix('src');
    const ok = (res: ServerResponse, body: string): void => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
    let flakyBroken = false;
    const handlers: Record<string, (req: Received, res: ServerResponse) => void> = {
      good: (_req, res) => ok(res, rssFeed(POSITIVE_ITEMS)),
      // Never answers: the request hangs until the client gives up.
      slow: () => {},
      // Answers, then stalls half-way through the body.
      stalls: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write(rssFeed(POSITIVE_ITEMS).slice(0, 200));
      },
      err500: (_req, res) => void res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error'),
      limited: (_req, res) => void res.writeHead(429, { 'retry-after': '600' }).end('slow down'),
      garbage: (_req, res) => ok(res, randomBytes(4_000).toString('latin1')),
      huge: (_req, res) => {
        const body = rssFeed(POSITIVE_ITEMS) + ' '.repeat(MAX_BODY * 2);
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': Buffer.byteLength(body) }).end(body);
      },
      // Over the limit without a Content-Length: the cap must hold while streaming.
      hugeChunked: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'transfer-encoding': 'chunked' });
        for (let i = 0; i < 10; i++) res.write('x'.repeat(MAX_BODY / 4));
        res.end();
      },
      flaky: (_req, res) => (flakyBroken ? void res.writeHead(503).end() : ok(res, rssFeed(NEGATIVE_ITEMS))),
    };
    // One server (one host:port) per source: hosts are rate limited and held (Retry-After) one by one.
    const ids = Object.keys(handlers);
    const servers = Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await startTestServer((req, res) => handlers[id]!(req, res))] as const)));
    for (const server of Object.values(servers)) cleanup.add(() => server.close());
    const config = makeConfig({
      redis: { url: TEST_REDIS_URL, prefix, autostart: false },
      sources: ids.map((id) => ({ id, type: 'rss' as const, url: `${servers[id]!.url}/${id}`, allowPrivateNetwork: true, schedule: '* * * * * *' })),
      fetch: { timeoutMs: 1_500, maxBodyBytes: MAX_BODY },
      workers: { retryDelayMs: 10 },
      api: { port: 0, host: '127.0.0.1', keys: [KEY] },
    });
    const service: Service = await startService(config, createLogger('silent', captureLogs().stream), 'all');
    cleanup.add(async () => {
      // Stopped first: a poll still under way would write keys again after they were deleted.
      await service.stop();
      await deletePrefix(prefix);
    });
    const get = async <T>(p: string): Promise<T> => (await fetch(`${service.address}${p}`, { headers: { authorization: `Bearer ${KEY}` } })).json() as Promise<T>;
    const health = (id: string): Promise<Health> => get<Health>(`/v1/sources/${id}`);

    await waitFor(async () => (await Promise.all(ids.map(health))).every((h) => h.lastSuccessAt || h.lastError), 10_000, 'a first poll of every source');
    const flakyStored = (await get<{ items: unknown[] }>('/v1/reviews?source=flaky')).items.length;
    expect(flakyStored).toBe(NEGATIVE_ITEMS.length);
    flakyBroken = true;
    await waitFor(async () => (await health('flaky')).lastError, 5_000, 'the flaky source to fail');

    const expected: Record<string, { error: RegExp; status?: number }> = {
      slow: { error: /timed out after 1500 ms/ },
      stalls: { error: /timed out after 1500 ms/ },
      err500: { error: /HTTP 500/, status: 500 },
      limited: { error: /HTTP 429/, status: 429 },
      garbage: { error: /not an RSS or Atom document/ },
      huge: { error: new RegExp(`over the ${MAX_BODY}-byte limit`) },
      hugeChunked: { error: new RegExp(`more than the ${MAX_BODY}-byte limit`) },
      flaky: { error: /HTTP 503/, status: 503 },
    };
    const now = Date.now();
    for (const [id, want] of Object.entries(expected)) {
      const h = await health(id);
      expect({ id, healthy: h.healthy, failures: h.consecutiveFailures > 0 }).toEqual({ id, healthy: false, failures: true });
      expect(h.lastError).toMatch(want.error);
      if (want.status) expect(h.lastStatus).toBe(want.status);
      // Backing off: no scheduled poll before backoffUntil.
      expect(Date.parse(h.backoffUntil ?? '')).toBeGreaterThan(now + 20_000);
    }
    // The host asked for ten minutes: the source waits at least that long.
    expect(Date.parse((await health('limited')).backoffUntil ?? '')).toBeGreaterThanOrEqual(now + 590_000);

    // Scheduled ticks keep polling the healthy source and skip the backing-off ones.
    const count = (id: string): number => servers[id]!.received.length;
    const before = Object.fromEntries(ids.map((id) => [id, count(id)]));
    await new Promise((r) => setTimeout(r, 2_500));
    expect(count('good')).toBeGreaterThan(before.good!);
    for (const id of Object.keys(expected)) expect({ id, polls: count(id) }).toEqual({ id, polls: before[id] });

    expect(await health('good')).toMatchObject({ healthy: true, consecutiveFailures: 0, reviewsSeen: POSITIVE_ITEMS.length });
    // What the flaky source stored before it broke is still there, analysed and flagged.
    const flaky = await get<{ items: { verdict: { negative: boolean } }[] }>('/v1/reviews?source=flaky');
    expect(flaky.items).toHaveLength(NEGATIVE_ITEMS.length);
    expect((await get<{ items: unknown[] }>('/v1/alerts?source=flaky')).items.length).toBeLessThanOrEqual(NEGATIVE_ITEMS.length);
  });
});
