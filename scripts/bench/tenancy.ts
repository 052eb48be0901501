import { createAnalyzer } from '../../src/analysis/analyze.js';
import { createContext } from '../../src/app.js';
import { parseConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { checkInsights } from '../../src/insights/insight-check.js';
import { startScheduler } from '../../src/scheduler.js';
import { INDUSTRIES } from '../../src/classify/taxonomies/index.js';
import { BENCH_REDIS_URL, benchReviews, deletePrefix, silentLogger } from './setup.js';
import type { AppContext } from '../../src/context.js';
import { normaliseReview } from '../../src/domain/review.js';

// Many businesses in one deployment: what the scheduler costs per tick and in memory with 1,000 businesses of 10
// sources each, what an insight check over them costs, and what a worker's analysis holds for them. Measured in
// this process, as deltas around the part measured (the process is the scheduler, then the worker).

export interface TenancyBench {
  businesses: number;
  sources: number;
  /** Parsing and validating the whole config, and the heap it holds (every role, and each analysis thread, has a copy). */
  configMs: number;
  configHeapMb: number;
  scheduler: {
    startMs: number;
    /** Memory the scheduler's cron tasks (and the context) added. */
    rssMb: number;
    heapMb: number;
    /** CPU of one tick at which every source is due (each enqueues one poll job), and its wall time to the last job. */
    tickCpuMs: number;
    tickWallMs: number;
    jobsPerTick: number;
    /** CPU per second between ticks (the cron timers alone). */
    idleCpuMsPerSec: number;
  };
  /** One spike and rating-drop check over every business (counters of 7 weeks read, each business judged). */
  insightCheckMs: number;
  /**
   * Reading across businesses, each under its own hash tag (src/store/keys.ts), with 10 flagged reviews per business
   * stored: a page of the whole deployment's alerts (first, next, and one read in filtered batches as the inbox
   * does), one business's page, the status counts and a week of day counters of every business, and the insight
   * check again with those counters filled. Milliseconds, mean of 10 after a warm-up.
   */
  acrossBusinesses: { firstPageMs: number; nextPageMs: number; filteredPageMs: number; oneBusinessPageMs: number; statusCountsMs: number; weekOfCountersMs: number; insightCheckMs: number };
  worker: {
    /** Building the analyzer of every business (classifiers shared by industry and classifier section). */
    buildMs: number;
    heapMb: number;
    classifiers: number;
    /** Analysis time per review across businesses, and on a one-business config, same reviews. */
    microsPerReview: number;
    microsPerReviewOneBusiness: number;
  };
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function tenancyConfig(businesses: number, perBusiness: number, schedule: string, prefix: string, redis: Record<string, unknown> = { url: BENCH_REDIS_URL }): Config {
  return parseConfig({
    businesses: Array.from({ length: businesses }, (_, b) => ({
      id: `b${b}`,
      name: `Business ${b}`,
      contact: { email: `care@b${b}.example` },
      signature: `Team ${b}`,
      industry: INDUSTRIES[b % INDUSTRIES.length],
      sources: Array.from({ length: perBusiness }, (_, s) => ({ id: `s${s}`, type: 'rss', url: `https://b${b}.example/s${s}.rss`, schedule })),
    })),
    alerts: [{ type: 'log' }],
    redis: { ...redis, prefix, autostart: false },
    log: { level: 'silent' },
  });
}

export async function benchTenancy(opts: { quick: boolean }): Promise<TenancyBench> {
  const businesses = opts.quick ? 100 : 1_000;
  const perBusiness = 10;
  const prefix = `bench-tenancy-${process.pid}`;
  // Every ten seconds: a tick is due for every source without waiting minutes.
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const config = tenancyConfig(businesses, perBusiness, '*/10 * * * * *', prefix);
  const configMs = performance.now() - t0;
  gc();
  const configHeapMb = mb(process.memoryUsage().heapUsed - heap0);

  gc();
  const before = process.memoryUsage();
  const started = performance.now();
  const { ctx, close } = await createContext(config, silentLogger());
  const scheduler = startScheduler(ctx, { pollOnStart: false });
  const startMs = performance.now() - started;
  gc();
  const after = process.memoryUsage();
  try {
    // Idle: a window between two ticks (ticks fall on multiples of 10 s).
    const toNext = 10_000 - (Date.now() % 10_000);
    await sleep(toNext + 2_000);
    const idleFrom = process.cpuUsage();
    await sleep(6_000);
    const idle = process.cpuUsage(idleFrom);
    const idleCpuMsPerSec = (idle.user + idle.system) / 1000 / 6;
    // One tick: from just before it to the last of its poll jobs queued (the earlier ticks' jobs are still waiting).
    await sleep(10_000 - (Date.now() % 10_000) - 300);
    const waiting = async (): Promise<number> => (await ctx.queues.queues.poll.getJobCounts('waiting')).waiting ?? 0;
    const queuedBefore = await waiting();
    const tickFrom = process.cpuUsage();
    const wallFrom = performance.now();
    const total = config.sources.length;
    let jobs = 0;
    while (performance.now() - wallFrom < 9_000) {
      jobs = (await waiting()) - queuedBefore;
      if (jobs >= total) break;
      await sleep(20);
    }
    const tickWallMs = performance.now() - wallFrom - 300;
    const tick = process.cpuUsage(tickFrom);
    await scheduler.stop();

    const check = performance.now();
    await checkInsights(ctx);
    const insightCheckMs = performance.now() - check;
    const acrossBusinesses = await readAcross(ctx, config);

    // The worker's analysis of every business, and its cost per review against a one-business config.
    gc();
    const heapFrom = process.memoryUsage().heapUsed;
    const b0 = performance.now();
    const analyze = createAnalyzer(config);
    const buildMs = performance.now() - b0;
    gc();
    const heapMb = mb(process.memoryUsage().heapUsed - heapFrom);
    const classifiers = new Set(config.businesses.map((b) => JSON.stringify([b.business.industry, b.classifier]))).size;
    const reviews = benchReviews(opts.quick ? 2_000 : 10_000, 'x', 'tenancy').map((r, i) => ({ ...r, sourceId: config.sources[i % config.sources.length]!.id }));
    const one = createAnalyzer(parseConfig({ business: { name: 'One', contact: { email: 'a@b.example' }, signature: 'A' }, log: { level: 'silent' } }));
    const time = (run: () => void): number => {
      run();
      const s = performance.now();
      run();
      return ((performance.now() - s) * 1000) / reviews.length;
    };
    const microsPerReview = time(() => analyze.all(reviews, { draft: true }));
    const microsPerReviewOneBusiness = time(() => one.all(reviews.map((r) => ({ ...r, sourceId: 'one' })), { draft: true }));
    return {
      businesses,
      sources: total,
      configMs: Math.round(configMs),
      configHeapMb,
      scheduler: {
        startMs: Math.round(startMs),
        rssMb: mb(after.rss - before.rss),
        heapMb: mb(after.heapUsed - before.heapUsed),
        tickCpuMs: Math.round((tick.user + tick.system) / 1000),
        tickWallMs: Math.round(tickWallMs),
        jobsPerTick: jobs,
        idleCpuMsPerSec: Math.round(idleCpuMsPerSec * 10) / 10,
      },
      insightCheckMs: Math.round(insightCheckMs),
      acrossBusinesses,
      worker: { buildMs: Math.round(buildMs), heapMb, classifiers, microsPerReview: Math.round(microsPerReview * 10) / 10, microsPerReviewOneBusiness: Math.round(microsPerReviewOneBusiness * 10) / 10 },
    };
  } finally {
    await ctx.queues.queues.poll.obliterate({ force: true }).catch(() => undefined);
    await deletePrefix(ctx, prefix);
    await close();
  }
}

/** Stores 10 flagged reviews per business (one per source), then times what reads every business's keys. */
async function readAcross(ctx: AppContext, config: Config): Promise<TenancyBench['acrossBusinesses']> {
  const reviews = benchReviews(config.businesses.length * 10, 'x', 'across').map((r, i) => ({ ...r, sourceId: config.sources[i % config.sources.length]!.id }));
  const flagged = reviews.map((r) => normaliseReview({ platformId: r.platformId, author: r.author, title: r.title, text: r.text, rating: 1, publishedAt: r.publishedAt }, r.sourceId));
  for (let i = 0; i < flagged.length; i += 500) {
    const batch = flagged.slice(i, i + 500);
    await ctx.store.upsertReviews(batch, { backfill: false });
    await ctx.store.saveAnalyses(batch.map((r) => ({ id: r.id, sourceId: r.sourceId, hash: r.contentHash, verdict: { negative: true, score: -0.9, severity: 'high', topics: [], reasons: [], language: 'en' }, flag: true })));
  }
  const time = async (run: () => Promise<unknown>): Promise<number> => {
    await run();
    const s = performance.now();
    for (let i = 0; i < 10; i++) await run();
    return Math.round(((performance.now() - s) / 10) * 10) / 10;
  };
  const first = await ctx.store.listing.listAlerts({ limit: 50 });
  const days = Array.from({ length: 7 }, (_, i) => ({ label: new Date(Date.now() - i * 86_400_000).toISOString().slice(0, 10), kind: 'day' as const }));
  return {
    firstPageMs: await time(() => ctx.store.listing.listAlerts({ limit: 50 })),
    nextPageMs: await time(() => ctx.store.listing.listAlerts({ limit: 50, cursor: first.nextCursor! })),
    filteredPageMs: await time(() => ctx.store.listing.listAlerts({ limit: 50, filter: (r) => r.review.rating === 1 })),
    oneBusinessPageMs: await time(() => ctx.store.listing.listAlerts({ limit: 50, businesses: [config.businesses[7]!.id] })),
    statusCountsMs: await time(() => ctx.lifecycle.byStatus.read()),
    weekOfCountersMs: await time(() => ctx.store.counters.read(days)),
    insightCheckMs: await time(() => checkInsights(ctx)),
  };
}
