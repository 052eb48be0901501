import { afterEach, describe, expect, it } from 'vitest';
import { createContext, startService } from '../../src/app.js';
import type { Verdict } from '../../src/domain/verdict.js';
import { isoWeekOf, isoWeekStart } from '../../src/insights/iso-week.js';
import { createLogger } from '../../src/logger.js';
import { makeConfig, makeReview } from '../helpers/factories.js';
import { captureLogs, serviceHarness } from '../helpers/context.js';
import { startTestServer, waitFor } from '../helpers/http.js';
import { TEST_REDIS_URL, uniquePrefix } from '../helpers/redis.js';
import { verifyTimestamped } from '../helpers/webhook-receiver.js';

// The running service, not the functions: the scheduler checks for spikes as it starts and sends the weekly
// report on its cron, the worker delivers both to Slack, and a cron that ticks every second still sends the
// week's report once.

const WEEK = 7 * 86_400_000;
const neg = (topics: string[]): Verdict => ({ negative: true, score: -0.7, severity: 'medium', topics, reasons: [], language: 'en' });

describe('insights in the running service', () => {
  const h = serviceHarness();
  afterEach(() => h.teardown());

  it('announces a spike at start and sends the weekly report once, both through Slack', { timeout: 60_000 }, async () => {
    h.prefix = uniquePrefix('ins');
    const slack = await startTestServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
    const tickets = await startTestServer((_req, res) => void res.writeHead(200).end());
    h.closers.push(() => slack.close(), () => tickets.close());
    const config = makeConfig({
      redis: { url: TEST_REDIS_URL, prefix: h.prefix, autostart: false },
      sources: [{ id: 'harbor', type: 'rss', url: 'https://reviews.example.com/h.rss', schedule: '0 0 1 1 *' }],
      alerts: [
        { id: 'team', type: 'slack', webhookUrl: `${slack.url}/hook` },
        { id: 'tickets', type: 'webhook', url: `${tickets.url}/hook`, events: ['spike'], secret: 'tickets-secret-0123456789' },
      ],
      api: { port: 0, host: '127.0.0.1' },
      workers: { retryDelayMs: 10 },
      insights: { report: { schedule: '* * * * * *', timezone: 'Europe/Berlin' } },
    });
    // History first: one cleanliness complaint a week for four weeks, then eight this week.
    const seed = await createContext(config, createLogger('silent', captureLogs().stream));
    const now = Date.now();
    const weekStart = isoWeekStart(isoWeekOf(new Date(now)).label).getTime();
    const reviews = [
      ...[1, 2, 3, 4].map((w) => makeReview('harbor', { rating: 2, text: `Dusty tables, week ${w}`, publishedAt: new Date(weekStart - w * WEEK + 3_600_000).toISOString() })),
      ...Array.from({ length: 8 }, (_, i) => makeReview('harbor', { rating: 1, text: `Filthy restroom ${i}`, publishedAt: new Date(Math.max(weekStart + 60_000, now - (i + 1) * 10_000)).toISOString() })),
    ];
    await seed.ctx.store.upsertReviews(reviews, { backfill: false });
    await seed.ctx.store.saveAnalyses(reviews.map((r) => ({ id: r.id, sourceId: 'harbor', hash: r.contentHash, verdict: neg(['cleanliness']), flag: false })));
    await seed.close();

    h.services.push(await startService(config, createLogger('silent', captureLogs().stream), 'all', { pollOnStart: false }));
    const bodies = (): { text: string }[] => slack.received.map((r) => JSON.parse(r.body) as { text: string });
    await waitFor(() => bodies().some((b) => b.text.startsWith('Negative reviews about cleanliness: 8 this week')), 15_000, 'the spike in Slack');
    const lastWeek = isoWeekOf(new Date(now - WEEK)).label;
    await waitFor(() => bodies().some((b) => b.text.startsWith(`Harbor Bistro: week ${lastWeek}`)), 15_000, 'the weekly report in Slack');
    // The cron ticks every second: a few more ticks send nothing more.
    await new Promise((r) => setTimeout(r, 2_500));
    const reports = bodies().filter((b) => b.text.startsWith('Harbor Bistro: week')).map((b) => b.text);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(new RegExp(`^Harbor Bistro: week ${lastWeek}, \\d+ reviews?, \\d+ negative$`));
    expect(bodies().filter((b) => b.text.startsWith('Negative reviews about cleanliness'))).toHaveLength(1);
    // The ticketing webhook that subscribed to spikes got it once, signed, keyed by the alert's id; not the report.
    await waitFor(() => tickets.received.length > 0, 10_000, 'the spike at the webhook');
    expect(tickets.received).toHaveLength(1);
    const hook = tickets.received[0]!;
    const body = JSON.parse(hook.body) as { type: string; id: string; spike: { subject: string; count: number } };
    expect(body).toMatchObject({ type: 'spike', spike: { subject: 'cleanliness', count: 8 } });
    expect(hook.headers['idempotency-key']).toBe(body.id);
    expect(verifyTimestamped('tickets-secret-0123456789', hook.body, hook.headers)).toBe(true);
  });
});
