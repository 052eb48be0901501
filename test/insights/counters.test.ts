import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/domain/verdict.js';
import { bucketSeconds, contributionOf, durationBucket, parseCounterHash, spreadOf } from '../../src/insights/counters.js';
import { daysBetween, periodsFor } from '../../src/store/counters.js';
import { LifecycleStore } from '../../src/store/lifecycle-store.js';
import { ReviewStore, type AnalysisItem } from '../../src/store/review-store.js';
import { makeReview } from '../helpers/factories.js';
import { testRedis, uniquePrefix } from '../helpers/redis.js';

const TOPICS = ['cleanliness', 'staff', 'waiting_time', 'price'];
const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

/** The counts a user would expect, recounted from the stored reviews the plain way: per day, per source. */
function recount(items: AnalysisItem[]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  const bump = (day: string, field: string): void => {
    const d = out.get(day) ?? {};
    d[field] = (d[field] ?? 0) + 1;
    out.set(day, d);
  };
  for (const s of items) {
    if (!s.verdict) continue;
    const src = s.review.sourceId;
    const day = (s.review.publishedAt ?? s.createdAt).slice(0, 10);
    bump(day, `${src}|n`);
    if (s.review.rating !== undefined) bump(day, `${src}|r:${s.review.rating}`);
    if (s.verdict.negative) {
      bump(day, `${src}|neg`);
      bump(day, `${src}|v:${s.verdict.severity}`);
      for (const t of new Set(s.verdict.topics)) bump(day, `${src}|t:${t}`);
    }
    if (s.lifecycle.repliedAt) bump(s.lifecycle.repliedAt.slice(0, 10), `${src}|e:replied`);
    if (s.lifecycle.recoveredAt) bump(s.lifecycle.recoveredAt.slice(0, 10), `${src}|e:recovered`);
  }
  return out;
}

/** The day hashes, without the response-time histograms (checked on their own below). */
async function counted(store: ReviewStore, days: string[]): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  for (const day of days) {
    const h = await store.redis.hgetall(store.counters.dayKey(day));
    const fields = Object.fromEntries(Object.entries(h).filter(([f]) => !f.includes('|d:')).map(([f, v]) => [f, Number(v)]));
    if (Object.keys(fields).length) out.set(day, fields);
  }
  return out;
}

describe('counters', () => {
  it('reads a response time off its histogram within 12%', () => {
    for (const s of [1, 7, 60, 61, 599, 3600, 86_400, 9 * 86_400]) expect(Math.abs(bucketSeconds(durationBucket(s)) - s) / s).toBeLessThanOrEqual(0.12);
    expect(spreadOf({ [durationBucket(60)]: 9, [durationBucket(3600)]: 1 })).toEqual({ count: 10, medianSeconds: bucketSeconds(durationBucket(60)), p90Seconds: bucketSeconds(durationBucket(60)) });
    expect(spreadOf({})).toEqual({ count: 0, medianSeconds: null, p90Seconds: null });
  });

  it('counts a review on the day it was published, its topics and severity only when negative', () => {
    const verdict = { negative: true, topics: ['staff', 'staff', 'price'], severity: 'high' };
    const c = contributionOf({ sourceId: 'harbor', rating: 2, publishedAt: '2026-11-29T23:30:00Z', verdict }).split('\n');
    expect(c.slice(0, 2)).toEqual(['2026-11-29', '2026-W48']);
    expect(c.slice(2).sort()).toEqual(['harbor|n', 'harbor|neg', 'harbor|r:2', 'harbor|t:price', 'harbor|t:staff', 'harbor|v:high']);
    expect(contributionOf({ sourceId: 'harbor', createdAt: '2026-12-01T08:00:00Z', verdict: { ...verdict, negative: false } }).split('\n')).toEqual(['2026-12-01', '2026-W49', 'harbor|n']);
    expect(parseCounterHash({ 'harbor|n': '3', 'harbor|r:4.5': '2', 'tidy|n': '1' }, 'harbor').get('harbor')).toMatchObject({ reviews: 3, ratings: { '4.5': 2 } });
  });

  it('covers a long window with whole ISO weeks and the days at either end', () => {
    const days = daysBetween('2026-11-27', '2026-12-15');
    expect(days).toHaveLength(19);
    expect(periodsFor(days, false)).toEqual([
      { label: '2026-11-27', kind: 'day' },
      { label: '2026-11-28', kind: 'day' },
      { label: '2026-11-29', kind: 'day' },
      { label: '2026-W49', kind: 'week' },
      { label: '2026-W50', kind: 'week' },
      { label: '2026-12-14', kind: 'day' },
      { label: '2026-12-15', kind: 'day' },
    ]);
  });

  it('match a full recount after any mix of new reviews, edits, re-analysis, replies and recoveries', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), source: fc.constantFrom('harbor', 'tidy', 'mill'), day: fc.integer({ min: 1, max: 20 }), rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }) }),
      fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), rating: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ kind: fc.constant('analyse' as const), seed: fc.nat(), serialized: fc.boolean() }),
      fc.record({ kind: fc.constant('reanalyse' as const), pick: fc.nat(), seed: fc.nat() }),
      fc.record({ kind: fc.constant('reply' as const), pick: fc.nat(), day: fc.integer({ min: 1, max: 25 }) }),
      fc.record({ kind: fc.constant('recover' as const), pick: fc.nat(), day: fc.integer({ min: 1, max: 28 }) }),
    );
    const verdictOf = (seed: number): Verdict => {
      const negative = seed % 3 !== 0;
      return { negative, score: negative ? -0.7 : 0.6, severity: SEVERITIES[seed % 4]!, topics: negative ? TOPICS.filter((_, i) => (seed >> i) & 1) : [], reasons: [], language: 'en' };
    };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), async (ops) => {
        const prefix = uniquePrefix('counters');
        const { redis, cleanup } = testRedis(prefix);
        try {
        const store = new ReviewStore(redis, prefix);
        const lifecycle = new LifecycleStore(store);
        const reviews: ReturnType<typeof makeReview>[] = [];
        const analyse = async (ids: string[], seed: number, serialized: boolean): Promise<void> => {
          const inputs = await store.getForAnalysis(ids);
          await store.saveAnalyses(
            inputs.map((item, i) => {
              const verdict = verdictOf(seed + i);
              const sourceId = item.id.slice(0, -17);
              return serialized
                ? { id: item.id, sourceId, hash: item.hash, flag: verdict.negative, serialized: { verdict: JSON.stringify(verdict), severity: verdict.severity } }
                : { id: item.id, sourceId, hash: item.hash, flag: verdict.negative, verdict };
            }),
          );
        };
        for (const o of ops) {
          if (o.kind === 'add') {
            const r = makeReview(o.source, { rating: o.rating, text: `Visit ${reviews.length}`, publishedAt: `2026-11-${String(o.day).padStart(2, '0')}T${String(o.day % 24).padStart(2, '0')}:00:00Z` });
            reviews.push(r);
            await store.upsertReviews([r], { backfill: false });
          } else if (o.kind === 'edit' && reviews.length) {
            const r = reviews[o.pick % reviews.length]!;
            const edited = makeReview(r.sourceId, { platformId: r.platformId, rating: o.rating, text: `${r.text} (edited to ${o.rating})`, publishedAt: r.publishedAt });
            reviews[o.pick % reviews.length] = edited;
            await store.upsertReviews([edited], { backfill: false });
          } else if (o.kind === 'analyse') {
            const pending = (await Promise.all(['harbor', 'tidy', 'mill'].map((s) => store.pendingAnalysis(s)))).flat();
            await analyse(pending, o.seed, o.serialized);
          } else if (o.kind === 'reanalyse' && reviews.length) {
            // Analysed again (e.g. after the taxonomy changed): a new verdict for the same content.
            const id = reviews[o.pick % reviews.length]!.id;
            const [item] = await store.getForAnalysis([id]);
            if (item?.analyzedHash === item?.hash && item) await analyse([id], o.seed, false);
          } else if (o.kind === 'reply' && reviews.length) {
            const id = reviews[o.pick % reviews.length]!.id;
            const at = `2026-11-${String(o.day).padStart(2, '0')}T10:00:00.000Z`;
            await lifecycle.transition(id, 'reply_on_platform', { actor: 'owner', now: new Date(at), fields: { repliedAt: at } });
          } else if (o.kind === 'recover' && reviews.length) {
            const id = reviews[o.pick % reviews.length]!.id;
            await lifecycle.markRecovered(id, new Date(`2026-11-${String(o.day).padStart(2, '0')}T11:00:00Z`));
          }
        }
        // Whatever is still pending is analysed: the counters stand for every review's current content.
        const pending = (await Promise.all(['harbor', 'tidy', 'mill'].map((s) => store.pendingAnalysis(s)))).flat();
        await analyse(pending, 7, true);
        const items = (await store.getMany(reviews.map((r) => r.id)));
        const days = daysBetween('2026-11-01', '2026-11-30');
        expect(await counted(store, days)).toEqual(recount(items));
        // The week hashes hold the same as their days.
        const weeks = await store.counters.read(periodsFor(days, false));
        const byDays = await store.counters.read(periodsFor(days, true));
        const sum = (w: typeof weeks): number => w.periods.reduce((n, p) => n + [...p.bySource.values()].reduce((m, c) => m + c.reviews + c.negative + Object.values(c.topics).reduce((a, b) => a + b, 0), 0), 0);
        expect(sum(weeks)).toBe(sum(byDays));
        } finally {
          await cleanup();
        }
      }),
      { numRuns: 25 },
    );
  });
});
