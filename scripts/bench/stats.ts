import { buildApi } from '../../src/api/server.js';
import type { AppContext } from '../../src/context.js';
import type { Verdict } from '../../src/domain/verdict.js';
import { reviewIdFor } from '../../src/domain/review.js';
import { contributionOf } from '../../src/insights/counters.js';
import { COUNTER_LUA } from '../../src/store/counters.js';
import type { AnalysisEntry } from '../../src/store/review-store.js';
import { benchContext, benchReviews, pct } from './setup.js';

// `/v1/stats` over a store of a million reviews published over two years, and what keeping the counters costs
// each review. The store is filled the way the pipeline fills it (upsert, then the analysis save script, which
// keeps the counters), so the counters are the service's own, not a simulation of them.

const KEY = 'bench-stats-key-0123456789';
const DAY = 86_400_000;
const SOURCES = ['google', 'tripadvisor', 'yelp', 'appstore', 'trustpilot'];
const TOPICS = ['waiting_time', 'staff', 'price', 'cleanliness', 'food_quality', 'booking'];

export interface StatsBench {
  storedReviews: number;
  /** Days the reviews' publication dates span. */
  historyDays: number;
  fillSeconds: number;
  /** Server answer time of `GET /v1/stats` per window, over HTTP, one request at a time. */
  windows: Record<string, { p50Ms: number; p99Ms: number; requests: number }>;
  /** The same for one source. */
  oneSource: { window: string; p50Ms: number; p99Ms: number };
  /** What the counters add to the analysis save of a new review (Lua time of adding its contribution). */
  countersMicrosPerReview: number;
  /** The same for a re-analysed review whose verdict changed (the old contribution taken away, the new added). */
  countersMicrosPerChangedReview: number;
  /** The whole analysis save per review (upsert excluded), measured during the fill. */
  saveMicrosPerReview: number;
  countersShareOfSave: number;
}

/** Stores `n` reviews spread evenly over `days` days up to now, across five sources, in batches of 2,000. */
async function fill(ctx: AppContext, n: number, days: number): Promise<{ saveMs: number }> {
  const now = Date.now();
  const texts = benchReviews(2_000, 'x', 'texts');
  let saveMs = 0;
  let seq = 0;
  for (let i = 0; i < n; i += 2_000) {
    const reviews = texts.slice(0, Math.min(2_000, n - i)).map((t, j) => {
      seq += 1;
      const sourceId = SOURCES[seq % SOURCES.length]!;
      const rating = 1 + ((seq * 7) % 5);
      return { ...t, id: reviewIdFor(sourceId, `p${seq}`), platformId: `p${seq}`, sourceId, rating, publishedAt: new Date(now - ((i + j) / n) * days * DAY).toISOString() };
    });
    await ctx.store.upsertReviews(reviews, { backfill: false });
    const entries: AnalysisEntry[] = reviews.map((r, j) => {
      const negative = (r.rating ?? 5) <= 2;
      const verdict: Verdict = { negative, score: negative ? -0.7 : 0.7, severity: negative ? (j % 3 === 0 ? 'high' : 'medium') : 'low', topics: negative ? [TOPICS[j % TOPICS.length]!] : [], reasons: [], language: 'en' };
      return { id: r.id, sourceId: r.sourceId, hash: r.contentHash, verdict, flag: negative };
    });
    const started = performance.now();
    await ctx.store.saveAnalyses(entries);
    saveMs += performance.now() - started;
  }
  return { saveMs };
}

/**
 * The counters' share of a save, measured apart: a script that does only what the save script does for the
 * counters (take a contribution away, add one) for a batch of reviews, timed per review (with the round trip,
 * which the save script makes anyway: an upper bound).
 */
async function counterMicros(ctx: AppContext, reviews: number, changed: boolean): Promise<number> {
  // ARGV: the prefix, then per review its old contribution ('' for a new review) and its new one, as the save
  // script gets them; counted in one batch of 100 per call, as the save script counts (SCRIPT_BATCH).
  const lua = `${COUNTER_LUA}
local prefix = ARGV[1]
for i = 2, #ARGV, 2 do
  if ARGV[i] ~= '' then rm_apply(prefix, ARGV[i], -1) end
  rm_apply(prefix, ARGV[i + 1], 1)
end
rm_flush()
return (#ARGV - 1) / 2`;
  const prefix = `${ctx.store.counters.prefix}bench-cost:`;
  // A batch as the pipeline sees one: reviews of the last few days, five sources, a fifth negative.
  const contribution = (i: number, negative: boolean): string =>
    contributionOf({ sourceId: SOURCES[i % 5]!, rating: negative ? 1 + (i % 2) : 3 + (i % 3), publishedAt: new Date(Date.now() - (i % 72) * 3_600_000).toISOString(), verdict: { negative, topics: [TOPICS[i % 6]!], severity: i % 3 ? 'medium' : 'high' } });
  const batch: string[] = [];
  for (let i = 0; i < 100; i++) batch.push(changed ? contribution(i, false) : '', contribution(i, i % 5 === 0));
  const started = performance.now();
  let done = 0;
  while (done < reviews) {
    await ctx.redis.eval(lua, 0, prefix, ...batch);
    done += 100;
  }
  const micros = ((performance.now() - started) * 1000) / done;
  for (const k of await ctx.redis.keys(`${prefix}*`)) await ctx.redis.del(k);
  return Math.round(micros * 10) / 10;
}

async function timeRequests(url: string, runs: number): Promise<{ p50Ms: number; p99Ms: number; requests: number }> {
  const ms: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${KEY}` } });
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
    if (i >= 5) ms.push(performance.now() - started);
  }
  const round = (v: number): number => Math.round(v * 100) / 100;
  return { p50Ms: round(pct(ms, 50)), p99Ms: round(pct(ms, 99)), requests: runs };
}

/** Fills a store (1,000,000 reviews over two years; 50,000 with `quick`) and times `/v1/stats` on it. */
export async function benchStats({ quick = false, reviews }: { quick?: boolean; reviews?: number } = {}): Promise<StatsBench> {
  const n = reviews ?? (quick ? 50_000 : 1_000_000);
  const days = 730;
  const { ctx, close } = await benchContext({ api: { keys: [KEY], rateLimit: { max: 1_000_000_000, windowMs: 60_000 } }, sources: SOURCES.map((id) => ({ id, type: 'rss' as const, url: `https://${id}.invalid/feed.rss`, schedule: '0 0 1 1 *' })) });
  try {
    const started = performance.now();
    const { saveMs } = await fill(ctx, n, days);
    const fillSeconds = Math.round((performance.now() - started) / 100) / 10;
    const api = await buildApi(ctx);
    const base = await api.listen({ port: 0, host: '127.0.0.1' });
    const runs = quick ? 50 : 200;
    const windows: StatsBench['windows'] = {};
    const until = new Date().toISOString();
    for (const d of [7, 30, 90, 365, 730]) {
      const since = new Date(Date.now() - d * DAY).toISOString();
      windows[`${d}d`] = await timeRequests(`${base}/v1/stats?since=${since}&until=${until}`, runs);
    }
    const since = new Date(Date.now() - 365 * DAY).toISOString();
    const one = await timeRequests(`${base}/v1/stats?since=${since}&until=${until}&source=google`, runs);
    await api.close();
    const countersMicrosPerReview = await counterMicros(ctx, quick ? 20_000 : 100_000, false);
    const countersMicrosPerChangedReview = await counterMicros(ctx, quick ? 20_000 : 100_000, true);
    const saveMicrosPerReview = Math.round(((saveMs * 1000) / n) * 10) / 10;
    return {
      storedReviews: n,
      historyDays: days,
      fillSeconds,
      windows,
      oneSource: { window: '365d', p50Ms: one.p50Ms, p99Ms: one.p99Ms },
      countersMicrosPerReview,
      countersMicrosPerChangedReview,
      saveMicrosPerReview,
      countersShareOfSave: Math.round((countersMicrosPerReview / saveMicrosPerReview) * 1000) / 1000,
    };
  } finally {
    await close();
  }
}

// `npx tsx scripts/bench/stats.ts [--reviews N]`: this part alone (default 100,000).
if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--reviews');
  const reviews = at > 0 ? Number(process.argv[at + 1]) : 100_000;
  process.stdout.write(`${JSON.stringify(await benchStats({ reviews }), null, 2)}\n`);
  process.exit(0);
}
