import { reviewCsv } from '../../src/api/csv.js';
import type { AppContext } from '../../src/context.js';
import { fillStore } from './footprint.js';
import { benchContext } from './setup.js';

/** The CSV export over a full store: rows per second, and how much memory it took on top of what was there. */
export interface ExportBench {
  storedReviews: number;
  rows: number;
  megabytes: number;
  seconds: number;
  rowsPerSec: number;
  /** Peak RSS growth during the export (sampled every 50 ms): flat means it streams rather than buffers. */
  peakRssGrowthMb: number;
  /** Heap still in use after the export (after a GC, when node runs with --expose-gc): what it kept. */
  retainedHeapGrowthMb: number;
}

/** Streams every review of a store already filled with `n` reviews as CSV, counting the bytes (nothing is kept). */
export async function measureExport(ctx: AppContext, n: number): Promise<ExportBench> {
  global.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  let rows = -1; // the header
  let bytes = 0;
  try {
    for await (const chunk of reviewCsv((cursor) => ctx.store.listing.listReviews({ limit: 500, cursor }))) {
      bytes += Buffer.byteLength(chunk);
      for (let i = chunk.indexOf('\r\n'); i >= 0; i = chunk.indexOf('\r\n', i + 2)) rows++;
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  global.gc?.();
  const retained = process.memoryUsage().heapUsed - base.heapUsed;
  const mb = (b: number): number => Math.round((b / 1_048_576) * 10) / 10;
  return { storedReviews: n, rows, megabytes: mb(bytes), seconds: Math.round(seconds * 10) / 10, rowsPerSec: Math.round(rows / seconds), peakRssGrowthMb: mb(peakRss - base.rss), retainedHeapGrowthMb: mb(Math.max(0, retained)) };
}

/** Fills a store (1,000,000 reviews; 20,000 with `quick`) and exports it. */
export async function benchExport({ quick = false, reviews }: { quick?: boolean; reviews?: number } = {}): Promise<ExportBench> {
  const n = reviews ?? (quick ? 20_000 : 1_000_000);
  const { ctx, close } = await benchContext();
  try {
    await fillStore(ctx, n);
    return await measureExport(ctx, n);
  } finally {
    await close();
  }
}

// `node --expose-gc --import tsx scripts/bench/export.ts [--reviews N]`: this part alone (default 100,000).
if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--reviews');
  const reviews = at > 0 ? Number(process.argv[at + 1]) : 100_000;
  process.stdout.write(`${JSON.stringify(await benchExport({ reviews }))}\n`);
  process.exit(0);
}
