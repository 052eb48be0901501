import { afterEach, describe, expect, it } from 'vitest';
import { startService, type Service } from '../src/app.js';
import { createLogger } from '../src/logger.js';
import { pollJobId, requestPoll } from '../src/scheduler.js';
import { makeConfig, NEGATIVE_ITEMS, POSITIVE_ITEMS, rssFeed } from './helpers/factories.js';
import { captureLogs, queuesIdle, serviceHarness } from './helpers/context.js';
import { startTestServer, waitFor } from './helpers/http.js';
import { TEST_REDIS_URL, uniquePrefix } from './helpers/redis.js';

describe('workers and scheduler on real queues', () => {
  const h = serviceHarness();
  afterEach(() => h.teardown());

  async function boot(webhookUrl: string, feedUrl: string, role: 'worker' | 'scheduler' | 'all' = 'worker') {
    const config = makeConfig({
      redis: { url: TEST_REDIS_URL, prefix: h.prefix, autostart: false },
      sources: [{ id: 'feed', type: 'rss', url: feedUrl, allowPrivateNetwork: true, schedule: '* * * * * *', alertOnBackfill: true }],
      alerts: [{ type: 'webhook', url: webhookUrl, timeoutMs: 2_000 }],
      workers: { retryDelayMs: 10 },
      api: { port: 0, host: '127.0.0.1' },
    });
    const service = await startService(config, createLogger('silent', captureLogs().stream), role, { pollOnStart: false });
    h.services.push(service);
    return service;
  }

  it('delivers each alert once to a webhook that fails at first, with a stable idempotency key', async () => {
    h.prefix = uniquePrefix('wk');
    const feed = await startTestServer((_req, res) => void res.writeHead(200).end(rssFeed([...NEGATIVE_ITEMS, ...POSITIVE_ITEMS])));
    let calls = 0;
    const hook = await startTestServer((_req, res) => {
      calls += 1;
      // Down for the first three requests, then healthy.
      res.writeHead(calls <= 3 ? 503 : 200).end();
    });
    h.closers.push(() => feed.close(), () => hook.close());
    const service = await boot(`${hook.url}/hook`, `${feed.url}/feed.rss`);
    await requestPoll(service.ctx, 'feed', 'manual');
    // Three failed attempts with back-off, then the analysis thread's first start: slow on a loaded machine.
    await waitFor(() => new Set(hook.received.filter((_, i) => i >= 3).map((r) => r.headers['idempotency-key'])).size === 2, 40_000, 'two delivered alerts');
    await queuesIdle(service.ctx);
    const delivered = hook.received.slice(3);
    expect(delivered).toHaveLength(2);
    const bodies = delivered.map((r) => JSON.parse(r.body) as { idempotencyKey: string; review: { title: string }; verdict: { negative: boolean }; draft: { reply: string } });
    expect(bodies.map((b) => b.review.title).sort()).toEqual(['Cold food, long wait', 'Rude staff']);
    expect(bodies.every((b) => b.verdict.negative && b.draft.reply.includes('care@harborbistro.example'))).toBe(true);
    expect(delivered.map((r) => r.headers['idempotency-key'])).toEqual(bodies.map((b) => b.idempotencyKey));
    // Every attempt for one alert carried the same key.
    const keys = hook.received.map((r) => r.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(2);
    // Prometheus sees the two deliveries and the three failed attempts.
    expect(await service.ctx.metrics.values('alerts_sent')).toEqual([{ labels: ['webhook'], value: 2 }]);
    expect(await service.ctx.metrics.values('alerts_failed')).toEqual([{ labels: ['webhook'], value: 3 }]);
  }, 60_000);

  it('keeps an alert whose receiver never recovers, with its error', async () => {
    h.prefix = uniquePrefix('wk');
    const feed = await startTestServer((_req, res) => void res.writeHead(200).end(rssFeed([NEGATIVE_ITEMS[0]!])));
    const hook = await startTestServer((_req, res) => void res.writeHead(500).end());
    h.closers.push(() => feed.close(), () => hook.close());
    const service = await boot(`${hook.url}/hook`, `${feed.url}/feed.rss`);
    await requestPoll(service.ctx, 'feed', 'manual');
    const failed = await waitFor(async () => (await service.ctx.queues.queues.notify.getFailed()).at(0), 20_000, 'a failed delivery');
    expect(failed.failedReason).toMatch(/HTTP 500/);
    expect(failed.attemptsMade).toBe(8);
    expect(hook.received).toHaveLength(8);
  });

  it('two schedulers each try to enqueue every tick, and each tick is polled once', async () => {
    h.prefix = uniquePrefix('sch');
    const feed = await startTestServer((_req, res) => void res.writeHead(200).end(rssFeed(POSITIVE_ITEMS)));
    h.closers.push(() => feed.close());
    // Which schedulers tried to enqueue a poll for each tick (the schedule ticks every second).
    const tried = new Map<string, Set<string>>();
    // The scheduler enqueues a tick's polls in bulk (one call per schedule and tick).
    const watch = (name: string, service: Service): void => {
      const addBulk = service.ctx.queues.addBulk.bind(service.ctx.queues);
      service.ctx.queues.addBulk = (async (queue, jobs) => {
        if (queue === 'poll') {
          for (const j of jobs) {
            const tick = (j.data as { tick: string }).tick;
            tried.set(tick, (tried.get(tick) ?? new Set()).add(name));
          }
        }
        return addBulk(queue, jobs);
      }) as typeof addBulk;
    };
    watch('a', await boot('http://127.0.0.1:9/unused', `${feed.url}/feed.rss`, 'scheduler'));
    const b = await boot('http://127.0.0.1:9/unused', `${feed.url}/feed.rss`, 'scheduler');
    watch('b', b);
    const both = (): string[] => [...tried].filter(([, who]) => who.size === 2).map(([tick]) => tick);
    await waitFor(() => both().length >= 2, 10_000, 'two ticks that both schedulers tried to enqueue');
    const ticks = both();
    const jobs = await b.ctx.queues.queues.poll.getJobs(['waiting', 'active', 'completed']);
    for (const tick of ticks) {
      const forTick = jobs.filter((j) => (j.data as { tick: string }).tick === tick);
      expect({ tick, jobs: forTick.length }).toEqual({ tick, jobs: 1 });
      expect(forTick[0]!.id).toBe(pollJobId('feed', new Date(tick)));
    }
    expect(pollJobId('feed', new Date(1_700_000_000_000))).toBe('poll-feed-1700000000000');
  });
});
