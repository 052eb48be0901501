import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { createContext } from '../../src/app.js';
import { parseConfig } from '../../src/config/load.js';
import type { Config, ConfigInput } from '../../src/config/schema.js';
import type { AppContext } from '../../src/context.js';
import { normaliseReview, type Review } from '../../src/domain/review.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { loadTrainSet } from '../lib/data.js';

/** The Redis benchmarks run against: REDIS_URL, else the local default. */
export const BENCH_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A logger that drops everything: benchmarks measure work, not log formatting. */
export function silentLogger(): Logger {
  return createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));
}

/** A config for benchmarks under a fresh Redis prefix. */
export function benchConfig(over: Partial<ConfigInput> = {}): Config {
  return parseConfig({
    business: { name: 'Harbor Bistro', contact: { email: 'care@harborbistro.example', phone: '+1 555 0100' }, signature: 'Maya, Guest Relations' },
    sources: [{ id: 'bench', type: 'rss', url: 'https://bench.invalid/feed.rss', schedule: '0 0 1 1 *', alertOnBackfill: true }],
    // A channel that is never delivered to: the pipeline bench stops at "alert enqueued".
    alerts: [{ type: 'webhook', url: 'http://127.0.0.1:9/never' }],
    log: { level: 'silent' },
    ...over,
    redis: { url: BENCH_REDIS_URL, prefix: `bench-${randomBytes(4).toString('hex')}`, autostart: false, ...over.redis },
  });
}

/** A context on the bench Redis; `close` deletes every key it wrote. */
export async function benchContext(over: Partial<ConfigInput> = {}): Promise<{ ctx: AppContext; close(): Promise<void> }> {
  const config = benchConfig(over);
  const { ctx, close } = await createContext(config, silentLogger());
  return {
    ctx,
    async close() {
      await deletePrefix(ctx, config.redis.prefix);
      await close();
    },
  };
}

/** Every key under `prefix` and its businesses' tags (`{<prefix>:<business>}`, src/store/keys.ts), one SCAN batch at a time. */
export async function* keyBatches(ctx: Pick<AppContext, 'redis'>, prefix: string): AsyncGenerator<string[]> {
  const name = /^\{(.+)\}$/.exec(prefix)?.[1] ?? prefix;
  for (const pattern of [`${prefix}:*`, `{${name}:*`]) {
    let cursor = '0';
    do {
      const [next, keys] = await ctx.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 5000);
      cursor = next;
      if (keys.length) yield keys;
    } while (cursor !== '0');
  }
}

/** Deletes every key under `prefix`. */
export async function deletePrefix(ctx: Pick<AppContext, 'redis'>, prefix: string): Promise<void> {
  for await (const keys of keyBatches(ctx, prefix)) await ctx.redis.unlink(...keys);
}

let train: ReturnType<typeof loadTrainSet> | undefined;

/** `n` realistic reviews (texts and star ratings of the train set, cycled; half are negative). */
export function benchReviews(n: number, sourceId = 'bench', salt = randomBytes(3).toString('hex')): Review[] {
  train ??= loadTrainSet();
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => {
    const t = train![i % train!.length]!;
    // ~60 words, like a typical review.
    const text = t.text.split(/\s+/).slice(0, 60).join(' ');
    return normaliseReview({ platformId: `${salt}-${i}`, author: 'Dana Reyes', title: t.title, text, rating: t.rating, publishedAt: new Date(now - i * 1000).toISOString() }, sourceId);
  });
}

/** Nearest-rank percentile of unsorted values. */
export function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

/** Resolves when `check` is true, polling every `everyMs`; throws after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string, everyMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`benchmark timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
