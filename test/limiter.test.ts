import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchSource } from '../src/sources/fetch.js';
import { nextPollAt } from '../src/sources/health.js';
import { HostLimiter } from '../src/sources/host-limiter.js';
import { startTestServer, type TestServer } from './helpers/http.js';

// The test server is on 127.0.0.1: a private address, which a source must allow explicitly.
const opts = { timeoutMs: 2_000, maxBodyBytes: 10_000, userAgent: 'review-monitor-test', allowPrivateNetwork: true };

describe('per-host limits', () => {
  let server: TestServer;
  let inFlight = 0;
  let maxInFlight = 0;
  const starts: number[] = [];
  beforeEach(async () => {
    inFlight = maxInFlight = 0;
    starts.length = 0;
    server = await startTestServer((_req, res) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      starts.push(Date.now());
      setTimeout(() => {
        inFlight -= 1;
        res.writeHead(200).end('ok');
      }, 50);
    });
  });
  afterEach(() => server.close());

  it('keeps at most `concurrency` requests in flight to one host', async () => {
    const limiter = new HostLimiter({ concurrency: 2, minIntervalMs: 0 });
    await Promise.all(Array.from({ length: 6 }, () => fetchSource({ url: `${server.url}/x` }, { ...opts, limiter })));
    expect(maxInFlight).toBe(2);
    expect(server.received).toHaveLength(6);
  });

  it('spaces the starts of requests to one host by the minimum interval', async () => {
    const limiter = new HostLimiter({ concurrency: 4, minIntervalMs: 150 });
    const began: number[] = [];
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 3 }, () => limiter.run('a.example', async () => void began.push(performance.now() - t0))));
    // The n-th request never starts before n intervals have passed (timers may fire a millisecond early;
    // a busy machine may start one late, which only widens the gap).
    expect(began.map((t, i) => t >= i * 150 - 5)).toEqual([true, true, true]);
    // Through fetchSource too: three requests to one host take at least two intervals.
    const started = performance.now();
    await Promise.all(Array.from({ length: 3 }, () => fetchSource({ url: `${server.url}/x` }, { ...opts, limiter })));
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(server.received).toHaveLength(3);
  });

  it('does not ask a host again before its Retry-After, while other hosts go on', async () => {
    const limiter = new HostLimiter({ concurrency: 2, minIntervalMs: 0 });
    server.handle((_req, res) => void res.writeHead(429, { 'retry-after': '120' }).end('slow down'));
    await expect(fetchSource({ url: `${server.url}/x` }, { ...opts, limiter })).rejects.toMatchObject({ status: 429, retryAfterMs: 120_000 });
    const err = (await fetchSource({ url: `${server.url}/x` }, { ...opts, limiter }).catch((e: unknown) => e)) as Error & { retryAfterMs?: number };
    expect(err.message).toMatch(/asked not to be contacted before .* \(Retry-After\)/);
    expect(err.retryAfterMs).toBeGreaterThan(115_000);
    expect(server.received).toHaveLength(1);
    // Another port is another host to the limiter: it is still asked.
    const other = await startTestServer((_req, res) => void res.writeHead(200).end('fine'));
    try {
      expect(await fetchSource({ url: other.url }, { ...opts, limiter })).toMatchObject({ body: 'fine' });
    } finally {
      await other.close();
    }
  });

  it('posts a form body when asked (Google Play) and still sends the User-Agent', async () => {
    await fetchSource({ url: `${server.url}/rpc`, method: 'POST', body: 'f.req=%5B%5D', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, opts);
    expect(server.received[0]).toMatchObject({ method: 'POST', body: 'f.req=%5B%5D' });
    expect(server.received[0]?.headers['user-agent']).toBe('review-monitor-test');
  });
});

describe('nextPollAt', () => {
  const now = new Date('2026-11-23T10:00:20Z');
  it('is the next cron tick, or the first tick once the back-off is over', () => {
    expect(nextPollAt('*/5 * * * *', {}, { now })).toBe('2026-11-23T10:05:00.000Z');
    expect(nextPollAt('*/30 * * * * *', {}, { now })).toBe('2026-11-23T10:00:30.000Z');
    expect(nextPollAt('* * * * *', { backoffUntil: '2026-11-23T10:07:10Z' }, { now })).toBe('2026-11-23T10:08:00.000Z');
    // A tick exactly when the back-off ends polls.
    expect(nextPollAt('* * * * *', { backoffUntil: '2026-11-23T10:07:00Z' }, { now })).toBe('2026-11-23T10:07:00.000Z');
    // A back-off already over does not delay anything.
    expect(nextPollAt('* * * * *', { backoffUntil: '2026-11-23T09:00:00Z' }, { now })).toBe('2026-11-23T10:01:00.000Z');
    expect(nextPollAt('* * * * *', {}, { now, enabled: false })).toBeUndefined();
  });
});
