import { spawn } from 'node:child_process';
import { classify } from '../../src/classify/index.js';
import type { Draft, Verdict } from '../../src/domain/verdict.js';
import { draftReply } from '../../src/draft/index.js';
import { draftContextFor } from '../../src/lifecycle/draft-context.js';
import type { AnalysisEntry } from '../../src/store/review-store.js';
import type { AppContext } from '../../src/context.js';
import { BENCH_REDIS_URL, benchContext, benchReviews, keyBatches } from './setup.js';

/** Redis memory per stored review (with verdict and draft), and the API process's RSS at that size. */
export interface FootprintBench {
  redisBytesPerReview: number;
  storedReviews: number;
  apiRssMb: number;
  /** Size of the store when the RSS was read (the full run stores a million reviews). */
  apiRssAtReviews: number;
}

async function keysUnder(ctx: Awaited<ReturnType<typeof benchContext>>['ctx'], prefix: string): Promise<string[]> {
  const out: string[] = [];
  for await (const keys of keyBatches(ctx, prefix)) out.push(...keys);
  return out;
}

/** Stores `n` reviews like the pipeline does (half negative and flagged, with drafts), 2,000 at a time. */
export async function fillStore(ctx: AppContext, n: number): Promise<void> {
  const dctx = draftContextFor(ctx.config, 'bench');
  // Analyse a sample once and reuse it: a million drafts would measure drafting, not storage.
  const sample = benchReviews(2_000, 'bench', 'sample');
  const analysed = sample.map((r) => {
    const verdict: Verdict = classify({ text: r.text, title: r.title, rating: r.rating });
    const draft: Draft | undefined = verdict.negative ? draftReply(r, verdict, dctx) : undefined;
    return { verdict, draft };
  });
  for (let i = 0; i < n; i += 2_000) {
    const chunk = benchReviews(Math.min(2_000, n - i), 'bench', `c${i}`);
    await ctx.store.upsertReviews(chunk, { backfill: false });
    const entries: AnalysisEntry[] = chunk.map((r, j) => ({ id: r.id, sourceId: 'bench', hash: r.contentHash, verdict: analysed[j]!.verdict, draft: analysed[j]!.draft, flag: analysed[j]!.verdict.negative }));
    await ctx.store.saveAnalyses(entries);
  }
}

/** Stores reviews like the pipeline does (half negative, with drafts), then measures. */
export async function benchFootprint({ quick = false, atSize }: { quick?: boolean; atSize?: (ctx: AppContext, n: number) => Promise<void> } = {}): Promise<FootprintBench> {
  const n = quick ? 5_000 : 1_000_000;
  const { ctx, close } = await benchContext();
  try {
    await fillStore(ctx, n);
    // MEMORY USAGE per key, summed: what the reviews cost, whatever else the Redis holds.
    const prefix = ctx.config.redis.prefix;
    const keys = await keysUnder(ctx, prefix);
    let bytes = 0;
    for (let i = 0; i < keys.length; i += 1000) {
      const pipe = ctx.redis.pipeline();
      for (const k of keys.slice(i, i + 1000)) pipe.memory('USAGE', k, 'SAMPLES', '0');
      for (const [, v] of (await pipe.exec()) ?? []) bytes += Number(v ?? 0);
    }
    const apiRssMb = await apiRss(prefix);
    // Other figures that need the full store (the inbox's first page) are taken before it is deleted.
    await atSize?.(ctx, n);
    return { redisBytesPerReview: Math.round(bytes / n), storedReviews: n, apiRssMb, apiRssAtReviews: n };
  } finally {
    await close();
  }
}

/** Starts the built API on this store, serves list and stats pages, and reads its RSS. */
async function apiRss(prefix: string): Promise<number> {
  const port = 31_000 + Math.floor(Math.random() * 2_000);
  const key = 'bench-key-0123456789';
  const child = spawn(process.execPath, ['dist/main.js', 'api', '--config', 'config/default.yaml'], {
    env: { ...process.env, REDIS_URL: BENCH_REDIS_URL, REDIS_PREFIX: prefix, PORT: String(port), HOST: '127.0.0.1', API_KEYS: key, LOG_LEVEL: 'error' },
    stdio: 'ignore',
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 20_000;
    while (!(await fetch(`${base}/ready`).then((r) => r.ok, () => false))) {
      if (Date.now() > deadline) throw new Error('the API did not start for the footprint benchmark');
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const path of ['/v1/alerts?limit=100', '/v1/reviews?limit=100', '/v1/reviews?limit=100&q=refund', '/v1/stats']) {
      await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.arrayBuffer());
    }
    const status = await import('node:fs/promises').then((fs) => fs.readFile(`/proc/${child.pid}/status`, 'utf8'));
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return Math.round(kb / 1024);
  } finally {
    child.kill('SIGTERM');
  }
}
