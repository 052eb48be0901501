import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context.js';
import { analyzeBatch } from '../workers/analyze-worker.js';
import { jobSchemas } from '../src/queues.js';
import { deliverAlerts } from '../workers/notify-worker.js';
import { pollSource } from '../workers/poll-worker.js';
import { NEGATIVE_ITEMS, POSITIVE_ITEMS, rssFeed, type FeedItem } from './helpers/factories.js';
import { inlineAnalysis, testContext } from './helpers/context.js';
import { startTestServer, waitFor, type TestServer } from './helpers/http.js';

/** Runs what the workers would: poll, then every analyze job, then every notify job, in order. */
async function runPipeline(ctx: AppContext, sourceId: string): Promise<{ poll: Awaited<ReturnType<typeof pollSource>>; notified: string[] }> {
  const poll = await pollSource(ctx, { sourceId, tick: new Date().toISOString(), reason: 'schedule' });
  for (const job of await ctx.queues.queues.analyze.getJobs(['waiting'])) {
    await analyzeBatch(ctx, job.data, inlineAnalysis(ctx.config));
    await job.remove();
  }
  const notified: string[] = [];
  for (const job of await ctx.queues.queues.notify.getJobs(['waiting'])) {
    const data = jobSchemas.notify.parse(job.data);
    const deliveredAt = () => Promise.all(data.reviewIds.map((id) => ctx.store.deliveries.deliveredAt(id, data.channelId)));
    const before = await deliveredAt();
    await deliverAlerts(ctx, data);
    const after = await deliveredAt();
    notified.push(...data.reviewIds.filter((_, i) => !before[i] && after[i]));
    await job.remove();
  }
  return { poll, notified };
}

describe('pipeline: poll → analyze → alert', () => {
  let server: TestServer | undefined;
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    await server?.close();
  });

  async function setup(items: FeedItem[], source: Record<string, unknown> = {}, over: Record<string, unknown> = {}) {
    let feed = rssFeed(items);
    server = await startTestServer((_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed));
    const t = await testContext({ sources: [{ id: 'feed', type: 'rss', url: `${server.url}/reviews.rss`, allowPrivateNetwork: true, schedule: '* * * * *', ...source }], ...over });
    close = t.close;
    return { ...t, setFeed: (next: FeedItem[]) => (feed = rssFeed(next)) };
  }

  it('treats the first poll as a baseline: stored and analysed, not alerted', async () => {
    const { ctx } = await setup([...NEGATIVE_ITEMS, ...POSITIVE_ITEMS]);
    const { poll, notified } = await runPipeline(ctx, 'feed');
    expect(poll).toMatchObject({ baseline: true, created: 4 });
    expect(notified).toEqual([]);
    const all = await ctx.store.getMany(await ctx.redis.zrange(ctx.store.key('reviews'), '0', '-1'));
    expect(all).toHaveLength(4);
    expect(all.every((r) => r.verdict !== undefined)).toBe(true);
    expect(all.filter((r) => r.verdict?.negative)).toHaveLength(2);
    expect((await ctx.store.listing.listAlerts({ limit: 10 })).items).toEqual([]);
  });

  it('alerts on the baseline when alertOnBackfill is set, with a playbook draft', async () => {
    const { ctx } = await setup([...NEGATIVE_ITEMS, ...POSITIVE_ITEMS], { alertOnBackfill: true });
    const { notified } = await runPipeline(ctx, 'feed');
    expect(notified).toHaveLength(2);
    const alerts = (await ctx.store.listing.listAlerts({ limit: 10 })).items;
    expect(alerts.map((a) => a.review.title).sort()).toEqual(['Cold food, long wait', 'Rude staff']);
    const reply = alerts[0]?.draft?.reply ?? '';
    expect(reply).toMatch(/thank/i);
    expect(reply).toMatch(/sorry|apolog/i);
    expect(reply).toContain('care@harborbistro.example');
    expect(reply).toContain('Maya, Guest Relations');
  });

  it('alerts on new negative reviews once, however often the feed is polled', async () => {
    const { ctx, setFeed } = await setup(POSITIVE_ITEMS);
    await runPipeline(ctx, 'feed');
    setFeed([...NEGATIVE_ITEMS, ...POSITIVE_ITEMS, { id: 'p3', title: 'Superb', text: 'Excellent fish, friendly waiter.', rating: 5 }]);
    const second = await runPipeline(ctx, 'feed');
    expect(second.poll).toMatchObject({ baseline: false, created: 3 });
    expect(second.notified.sort()).toEqual((await ctx.store.listing.listAlerts({ limit: 10 })).items.map((i) => i.review.id).sort());
    expect(second.notified).toHaveLength(2);
    const third = await runPipeline(ctx, 'feed');
    expect(third.poll).toMatchObject({ created: 0, updated: 0 });
    expect(third.notified).toEqual([]);
    expect((await ctx.store.listing.listAlerts({ limit: 10 })).items).toHaveLength(2);
  });

  it('counts reviews analysed already as skipped when their batch comes again, and leaves their verdicts alone', async () => {
    const { ctx } = await setup([...NEGATIVE_ITEMS, ...POSITIVE_ITEMS]);
    await runPipeline(ctx, 'feed');
    const ids = await ctx.redis.zrange(ctx.store.key('reviews'), '0', '-1');
    const before = await ctx.store.getMany(ids);
    // A retried or duplicated analyze job (its reviews queued for analysis again): nothing new to analyse.
    await ctx.redis.zadd(ctx.store.key('pending', 'feed'), ...ids.flatMap((id) => [Date.now(), id]));
    expect(await analyzeBatch(ctx, { sourceId: 'feed', reviewIds: ids }, inlineAnalysis(ctx.config))).toEqual({ analyzed: 0, flagged: 0, skipped: 4 });
    expect(await ctx.store.pendingAnalysis('feed')).toEqual([]);
    expect((await ctx.store.getMany(ids)).map((r) => [r.verdict, r.draft, r.analyzedAt])).toEqual(before.map((r) => [r.verdict, r.draft, r.analyzedAt]));
  });

  it('stores the configured model\'s draft for a negative review, and the verdict beside it', async () => {
    const reply =
      'Hi Ana, a 50-minute wait and cold soup is not what we want for anyone at Harbor Bistro. Thank you for telling us, and we are truly sorry. ' +
      'We are looking into it with the kitchen team. Please contact us at care@harborbistro.example so we can put this right.\nMaya, Guest Relations';
    const llm = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: reply }, finish_reason: 'stop' }] }));
    });
    process.env.PIPELINE_TEST_LLM_KEY = 'sk-test';
    try {
      const drafting = { provider: 'openai-compatible', openai: { baseUrl: `${llm.url}/v1`, model: 'fake', apiKeyEnv: 'PIPELINE_TEST_LLM_KEY', timeoutMs: 5_000 } };
      const { ctx } = await setup([NEGATIVE_ITEMS[0]!, ...POSITIVE_ITEMS], { alertOnBackfill: true }, { drafting });
      const { notified } = await runPipeline(ctx, 'feed');
      expect(notified).toHaveLength(1);
      const stored = await ctx.store.get(notified[0]!);
      expect(stored?.verdict).toMatchObject({ negative: true, severity: expect.any(String) });
      expect(stored?.draft?.reply).toBe(reply);
      // Only the negative review was sent to the model.
      expect(llm.received).toHaveLength(1);
    } finally {
      delete process.env.PIPELINE_TEST_LLM_KEY;
      await llm.close();
    }
  });

  it('re-analyses an edited review and alerts when a positive review turns negative', async () => {
    const { ctx, setFeed } = await setup(POSITIVE_ITEMS);
    await runPipeline(ctx, 'feed');
    setFeed([{ ...POSITIVE_ITEMS[0]!, rating: 1, text: 'Came back and it was awful: cold food and a rude waiter.' }, POSITIVE_ITEMS[1]!]);
    const { poll, notified } = await runPipeline(ctx, 'feed');
    expect(poll).toMatchObject({ updated: 1, created: 0 });
    expect(notified).toHaveLength(1);
    const stored = await ctx.store.get(notified[0]!);
    expect(stored?.verdict?.negative).toBe(true);
    expect(stored?.ratingHistory.map((h) => h.rating)).toEqual([5, 1]);
  });

  it('marks a broken source unhealthy, keeps what it stored, and lets other sources poll', async () => {
    const { ctx, setFeed } = await setup(POSITIVE_ITEMS);
    await runPipeline(ctx, 'feed');
    server!.handle((_req, res) => void res.writeHead(200).end('<rss><channel><item><title>trunc'));
    await expect(pollSource(ctx, { sourceId: 'feed', tick: new Date().toISOString(), reason: 'manual' })).rejects.toThrow(/invalid RSS/);
    const state = await ctx.store.sources.getSourceState('feed');
    expect(state).toMatchObject({ consecutiveFailures: 1 });
    expect(state.lastError).toMatch(/invalid RSS/);
    expect(await ctx.redis.zcard(ctx.store.key('reviews'))).toBe(2);
    // A scheduled tick inside the back-off window is skipped rather than hammering the host.
    expect(await pollSource(ctx, { sourceId: 'feed', tick: new Date().toISOString(), reason: 'schedule' })).toEqual({ skipped: 'backoff' });
    setFeed(POSITIVE_ITEMS);
    server!.handle((_req, res) => void res.writeHead(200).end(rssFeed(POSITIVE_ITEMS)));
    await pollSource(ctx, { sourceId: 'feed', tick: new Date().toISOString(), reason: 'manual' });
    expect(await ctx.store.sources.getSourceState('feed')).toMatchObject({ consecutiveFailures: 0 });
  });

  it('never runs two polls of one source at once, so a late second poll cannot re-take the baseline', async () => {
    const { ctx, setFeed } = await setup(POSITIVE_ITEMS);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    server!.handle(async (_req, res) => {
      await gate;
      res.writeHead(200).end(rssFeed(POSITIVE_ITEMS));
    });
    const tick = (reason: 'schedule' | 'startup') => pollSource(ctx, { sourceId: 'feed', tick: new Date().toISOString(), reason });
    const first = tick('startup');
    // The first poll takes the lock before it fetches: once its request reached the feed, it holds it.
    await waitFor(() => server!.received.length >= 1, 5_000, 'the start-up poll to be fetching');
    // The first tick of the schedule lands while the start-up poll is still fetching.
    expect(await tick('schedule')).toEqual({ skipped: 'busy' });
    release();
    expect(await first).toMatchObject({ baseline: true, created: 2 });
    server!.handle((_req, res) => void res.writeHead(200).end(rssFeed([...NEGATIVE_ITEMS, ...POSITIVE_ITEMS])));
    setFeed([...NEGATIVE_ITEMS, ...POSITIVE_ITEMS]);
    const { poll, notified } = await runPipeline(ctx, 'feed');
    expect(poll).toMatchObject({ baseline: false, created: 2 });
    expect(notified).toHaveLength(2);
  });

  it('does not poll again what the server says is unchanged (304)', async () => {
    const { ctx } = await setup(POSITIVE_ITEMS);
    server!.handle((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { etag: '"v1"' }).end(rssFeed(POSITIVE_ITEMS));
    });
    await runPipeline(ctx, 'feed');
    expect((await runPipeline(ctx, 'feed')).poll).toEqual({ notModified: true });
  });

  it('re-enqueues analysis a crashed worker left behind, once it is overdue', async () => {
    const { ctx } = await setup(NEGATIVE_ITEMS, { alertOnBackfill: true }, { workers: { analysisStaleMs: 300 } });
    await pollSource(ctx, { sourceId: 'feed', tick: new Date().toISOString(), reason: 'schedule' });
    // The analyze job is lost (as if its worker died and the job was dropped).
    await ctx.queues.queues.analyze.obliterate({ force: true });
    // A poll right away does not enqueue it again: it may still be in flight elsewhere.
    expect((await runPipeline(ctx, 'feed')).notified).toEqual([]);
    await new Promise((r) => setTimeout(r, 350));
    const { notified } = await runPipeline(ctx, 'feed');
    expect(notified).toHaveLength(2);
    expect(await ctx.store.pendingAnalysis('feed')).toEqual([]);
  });

});
