import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../../src/app.js';
import type { AppContext } from '../../src/context.js';
import type { Verdict } from '../../src/domain/verdict.js';
import type { Review } from '../../src/domain/review.js';
import { EventHub, type ReviewEvent } from '../../src/events.js';
import { checkInsights } from '../../src/insights/insight-check.js';
import { InsightStore } from '../../src/store/insight-store.js';
import type { InsightAlert } from '../../src/insights/insight-alert.js';
import { isoWeekOf } from '../../src/insights/iso-week.js';
import { createLogger } from '../../src/logger.js';
import { deliverAlerts } from '../../workers/notify-worker.js';
import { makeReview } from '../helpers/factories.js';
import { captureLogs, testContext } from '../helpers/context.js';
import { waitFor } from '../helpers/http.js';
import { checkedApi } from '../helpers/api.js';
import { reportOf } from '../../src/insights/report-sender.js';

// Twelve weeks of generated history, replayed day by day with a check each evening as the scheduler would run
// it: noise on two sources, a planted spike of cleanliness complaints on one, a slow slide of the other's
// ratings. Exactly the spike and the slide are alerted, once each; a restarted service alerts nothing again.

const DAY = 86_400_000;
const START = Date.UTC(2026, 8, 7); // Monday of ISO week 37
const DAYS = 84;
const SPIKE_DAYS = [64, 65, 66]; // Tuesday to Thursday of week 10 (ISO week 46)

/** Deterministic random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(rand: () => number, mean: number): number {
  let k = 0;
  for (let p = Math.exp(-mean), s = p, u = rand(); u > s; k++) {
    p *= mean / (k + 1);
    s += p;
  }
  return k;
}

const normal = (rand: () => number): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

interface Planned {
  review: Review;
  verdict: Verdict;
}

function verdictFor(rating: number, topics: string[]): Verdict {
  return rating <= 2 ? { negative: true, score: -0.7, severity: rating === 1 ? 'high' : 'medium', topics, reasons: [], language: 'en' } : { negative: false, score: 0.6, severity: 'low', topics: [], reasons: [], language: 'en' };
}

/** The reviews published on day `d` (0-based from START). */
function dayOfHistory(rand: () => number, d: number, ids = { harbor: 'harbor', tidy: 'tidy' }): Planned[] {
  const out: Planned[] = [];
  const at = (i: number): string => new Date(START + d * DAY + 8 * 3600_000 + i * 600_000).toISOString();
  const harborTopics = ['waiting_time', 'staff', 'price', 'cleanliness'];
  // harbor: a steady restaurant, about 4.1 stars, its complaints spread over four topics.
  for (let i = 0, n = poisson(rand, 5); i < n; i++) {
    const u = rand();
    const rating = u < 0.55 ? 5 : u < 0.75 ? 4 : u < 0.85 ? 3 : u < 0.93 ? 2 : 1;
    const topics = [harborTopics[Math.floor(rand() * harborTopics.length)]!];
    out.push({ review: makeReview(ids.harbor, { rating, text: rating <= 2 ? `Not good: ${topics[0]}` : 'Fine evening', publishedAt: at(i) }), verdict: verdictFor(rating, topics) });
  }
  // tidy: an app whose ratings slide from about 4.3 to 3.5 over the twelve weeks (the rounded, clamped draws).
  const mean = 4.6 - (1.2 * d) / DAYS;
  for (let i = 0, n = poisson(rand, 4); i < n; i++) {
    const rating = Math.min(5, Math.max(1, Math.round(mean + 0.9 * normal(rand))));
    const topics = [['app_bugs', 'billing', 'login'][Math.floor(rand() * 3)]!];
    out.push({ review: makeReview(ids.tidy, { rating, text: rating <= 2 ? `Broken: ${topics[0]}` : 'Works', publishedAt: at(30 + i) }), verdict: verdictFor(rating, topics) });
  }
  // The planted spike: five more cleanliness complaints a day for three days.
  if (SPIKE_DAYS.includes(d)) {
    for (let i = 0; i < 5; i++) {
      out.push({ review: makeReview(ids.harbor, { rating: 1, text: `Dirty tables and a filthy restroom (${d}-${i})`, publishedAt: at(60 + i), url: `https://reviews.example.com/harbor/${d}-${i}` }), verdict: verdictFor(1, ['cleanliness']) });
    }
  }
  return out;
}

async function publish(ctx: AppContext, planned: Planned[]): Promise<void> {
  if (!planned.length) return;
  await ctx.store.upsertReviews(planned.map((p) => p.review), { backfill: false });
  await ctx.store.saveAnalyses(planned.map((p) => ({ id: p.review.id, sourceId: p.review.sourceId, hash: p.review.contentHash, verdict: p.verdict, flag: p.verdict.negative })));
}

describe('spike and rating-drop alerts over a generated history', () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of closers.splice(0).reverse()) await c();
  });

  it('alerts the planted spike and the slow slide once each, nothing else, and nothing again after a restart', { timeout: 60_000 }, async () => {
    const t = await testContext({
      api: { keys: ['insight-history-key-0123'] },
      publicUrl: 'https://reviews.example.com/rm',
      sources: [
        { id: 'harbor', type: 'rss', url: 'https://x.example/a.rss', schedule: '0 * * * *' },
        { id: 'tidy', type: 'rss', url: 'https://x.example/b.rss', schedule: '0 * * * *' },
      ],
      alerts: [
        { id: 'ops', type: 'log', minSeverity: 'medium' },
        { id: 'pager', type: 'log', minSeverity: 'critical' },
        { id: 'tickets', type: 'webhook', url: 'https://tickets.example.com/hook', events: ['spike'] },
      ],
    });
    closers.push(t.close);
    const { ctx } = t;
    const hub = new EventHub(ctx.redis, ctx.config.redis.prefix);
    closers.push(() => hub.close());
    const streamed: ReviewEvent[] = [];
    await hub.listen((e) => streamed.push(e));

    const rand = rng(20261203);
    const sent: { day: number; alert: InsightAlert }[] = [];
    for (let d = 0; d < DAYS; d++) {
      await publish(ctx, dayOfHistory(rand, d));
      for (const alert of await checkInsights(ctx, new Date(START + d * DAY + 23 * 3600_000))) sent.push({ day: d, alert });
    }

    expect(sent.map((s) => s.alert.id.replace(/-\d{10,}$/, ''))).toEqual(expect.arrayContaining(['spike-2026-W46-topic-cleanliness', 'rating_drop-tidy']));
    expect(sent).toHaveLength(2);
    const spike = sent.find((s) => s.alert.type === 'spike')!;
    expect(SPIKE_DAYS).toContain(spike.day);
    expect(isoWeekOf(new Date(START + spike.day * DAY)).label).toBe('2026-W46');
    expect(spike.alert.summary).toMatch(/^Negative reviews about cleanliness: \d+ this week, usually (about [\d.]+|fewer than one) a week\.$/);
    expect(spike.alert.spike).toMatchObject({ kind: 'topic', subject: 'cleanliness', sources: ['harbor'] });
    expect(spike.alert.spike!.count).toBeGreaterThanOrEqual(5);
    expect(spike.alert.spike!.pValue).toBeLessThan(0.001);
    // Two or three examples of what rose, each with its links.
    expect(spike.alert.examples.length).toBeGreaterThanOrEqual(2);
    for (const e of spike.alert.examples) {
      expect(e.sourceId).toBe('harbor');
      expect(e.page).toBe(`https://reviews.example.com/rm/reviews/${encodeURIComponent(e.reviewId)}`);
    }
    expect(spike.alert.examples.some((e) => e.url?.startsWith('https://reviews.example.com/harbor/'))).toBe(true);

    const drop = sent.find((s) => s.alert.type === 'rating_drop')!;
    expect(drop.alert.ratingDrop).toMatchObject({ sourceId: 'tidy', windowDays: 28 });
    expect(drop.alert.ratingDrop!.from - drop.alert.ratingDrop!.average).toBeGreaterThanOrEqual(0.5);
    expect(drop.alert.summary).toMatch(/^The average rating on tidy fell from \d\.\d to \d\.\d\d over the last 28 days \(\d+ ratings\)\.$/);
    expect(drop.alert.examples.every((e) => e.sourceId === 'tidy' && (e.rating ?? 5) <= 2)).toBe(true);

    // Each went to the channels whose routing takes a high-severity review (not the critical-only pager), and
    // the spike also to the webhook subscribed to spikes.
    const jobs = (await ctx.queues.queues.notify.getJobs(['waiting', 'delayed', 'prioritized', 'active', 'completed'])).map((j) => j.id).sort();
    expect(jobs).toEqual([`insight-ops-${drop.alert.id}`, `insight-ops-${spike.alert.id}`, `insight-tickets-${spike.alert.id}`].sort());
    // And streamed once each on /v1/events.
    await waitFor(() => streamed.length >= 2);
    expect(streamed.map((e) => e.type).sort()).toEqual(['rating_drop', 'spike']);

    // The workspace's insights page lists them, newest first.
    expect((await new InsightStore(ctx.redis, ctx.store.keys).recent()).map((a) => a.id)).toEqual([...sent].reverse().map((s) => s.alert.id));

    // And the API gives them to a client that was not listening, as the schema it documents says.
    const api = await checkedApi(ctx);
    closers.push(() => api.close());
    const listed = await api.inject({ url: '/v1/insights?limit=5', headers: { authorization: 'Bearer insight-history-key-0123' } });
    expect(listed.statusCode).toBe(200);
    expect(listed.json<{ items: InsightAlert[] }>().items.map((a) => a.id)).toEqual([...sent].reverse().map((s) => s.alert.id));
    expect(listed.json<{ items: InsightAlert[] }>().items.find((a) => a.type === 'spike')?.examples[0]?.page).toMatch(/^https:\/\/reviews\.example\.com\/rm\/reviews\//);

    // The weekly report of the spike's week names it among the week's patterns.
    expect((await reportOf(ctx, '2026-W46')).patterns).toEqual([{ type: 'spike', id: spike.alert.id, at: spike.alert.at, summary: spike.alert.summary }]);

    // The log channel says it in words.
    await deliverAlerts(ctx, { channelId: 'ops', reviewIds: [], insight: spike.alert });
    expect(t.logs.some((l) => l.msg === spike.alert.summary && (l.insight as { id: string }).id === spike.alert.id)).toBe(true);

    // A restart, once the jobs were delivered and cleaned away: a new process on the same Redis checks the last
    // days again, and sends nothing, not even to a channel.
    await ctx.queues.queues.notify.obliterate({ force: true });
    const logs = captureLogs();
    const again = await createContext(ctx.config, createLogger('silent', logs.stream));
    closers.push(() => again.close());
    for (let d = DAYS - 21; d < DAYS; d++) expect(await checkInsights(again.ctx, new Date(START + d * DAY + 23 * 3600_000))).toEqual([]);
    expect((await ctx.queues.queues.notify.getJobs()).map((j) => j.id)).toEqual([]);
  });

  it('judges only the configured sources: one taken out keeps its history but gets no rating reference or alert', async () => {
    const t = await testContext({ sources: [{ id: 'harbor', type: 'rss', url: 'https://x.example/a.rss', schedule: '0 * * * *' }] });
    closers.push(t.close);
    const now = Date.UTC(2026, 10, 20, 23);
    const planned = ['harbor', 'gone'].flatMap((sourceId) =>
      Array.from({ length: 25 }, (_, i) => ({ review: makeReview(sourceId, { rating: 5, text: `Lovely ${i}`, publishedAt: new Date(now - i * 3_600_000).toISOString() }), verdict: verdictFor(5, []) })),
    );
    await publish(t.ctx, planned);
    expect(await checkInsights(t.ctx, new Date(now))).toEqual([]);
    expect([...(await new InsightStore(t.ctx.redis, t.ctx.store.keys).ratingReferences()).keys()]).toEqual(['harbor']);
  });

  it('judges each business against its own history, names it, and tells its own channels only of it', { timeout: 60_000 }, async () => {
    const biz = (id: string, name: string, source: string) => ({ id, name, contact: { email: `care@${id}.example` }, signature: name, sources: [{ id: source, type: 'rss' as const, url: `https://${id}.example/r.rss`, schedule: '0 * * * *' }], alerts: [{ id: 'owner', type: 'log' as const }] });
    const t = await testContext({ business: undefined, businesses: [biz('harbor', 'Harbor Bistro', 'web'), biz('tidy', 'Tidy', 'app'), biz('busy', 'Busy Bakery', 'web')], alerts: [{ id: 'agency', type: 'log' }] });
    closers.push(t.close);
    const rand = rng(20261203);
    const sent: InsightAlert[] = [];
    for (let d = 0; d < DAYS; d++) {
      await publish(t.ctx, dayOfHistory(rand, d, { harbor: 'harbor.web', tidy: 'tidy.app' }));
      // A busy business's 5,100 happy reviews each spike day until the spike is alerted, newer than Harbor's: more
      // than a filtered list scans across businesses, so Harbor's examples must come from Harbor's own index.
      if (SPIKE_DAYS.includes(d) && !sent.some((a) => a.type === 'spike')) {
        const at = (i: number): string => new Date(START + d * DAY + 20 * 3600_000 + i * 100).toISOString();
        await publish(t.ctx, Array.from({ length: 5_100 }, (_, i) => ({ review: makeReview('busy.web', { rating: 5, text: `Lovely bread ${i}`, publishedAt: at(i) }), verdict: verdictFor(5, []) })));
      }
      sent.push(...(await checkInsights(t.ctx, new Date(START + d * DAY + 23 * 3600_000))));
    }
    expect(sent.map((a) => [a.id.replace(/-\d{10,}$/, ''), a.business])).toEqual(expect.arrayContaining([['spike-2026-W46-topic-harbor.cleanliness', 'harbor'], ['rating_drop-tidy.app', 'tidy']]));
    expect(sent).toHaveLength(2);
    const spike = sent.find((a) => a.type === 'spike')!;
    expect(spike.summary).toMatch(/^Harbor Bistro: Negative reviews about cleanliness: \d+ this week/);
    expect(spike.examples.length).toBeGreaterThanOrEqual(2);
    expect(spike.examples.every((e) => e.sourceId === 'harbor.web')).toBe(true);
    expect(sent.find((a) => a.type === 'rating_drop')!.summary).toMatch(/^Tidy: The average rating on tidy\.app fell/);
    // Harbor's own channel hears of Harbor's spike, Tidy's of Tidy's drop, the agency's of both.
    const jobs = (await t.ctx.queues.queues.notify.getJobs(['waiting', 'delayed', 'prioritized', 'active', 'completed'])).map((j) => j.id!.replace(/-\d{10,}$/, '')).sort();
    expect(jobs).toEqual(['insight-agency-rating_drop-tidy.app', 'insight-agency-spike-2026-W46-topic-harbor.cleanliness', 'insight-harbor.owner-spike-2026-W46-topic-harbor.cleanliness', 'insight-tidy.owner-rating_drop-tidy.app']);
  });
});
