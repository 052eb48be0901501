import { describe, expect, it } from 'vitest';
import { emptyCounts, type SourceCounts } from '../../src/insights/counters.js';
import { checkRating, findSpikes, normalUpperTail, poissonUpperTail, sinceHistoryBegan, testSpike } from '../../src/insights/detect.js';

const S = { minCount: 5, significance: 0.001, minRatio: 2 };
const counts = (negative: number, topics: Record<string, number> = {}, reviews = negative * 5): SourceCounts => ({ ...emptyCounts(), reviews, negative, topics });
const period = (bySource: Record<string, SourceCounts>): Map<string, SourceCounts> => new Map(Object.entries(bySource));

describe('spike and rating-drop tests', () => {
  it('computes Poisson and normal tails as tables give them', () => {
    expect(poissonUpperTail(5, 1)).toBeCloseTo(0.00366, 5);
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 10);
    // A far tail keeps its precision instead of rounding to 0 or going negative.
    const far = poissonUpperTail(200, 10);
    expect(far).toBeGreaterThan(0);
    expect(far).toBeLessThan(1e-100);
    expect(poissonUpperTail(5000, 4000)).toBeCloseTo(0, 20);
    expect(normalUpperTail(1.96)).toBeCloseTo(0.025, 4);
    expect(normalUpperTail(-1.96)).toBeCloseTo(0.975, 4);
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 6);
  });

  it('does not call 1 → 2 a spike for a quiet business, nor a rise that is large but likely', () => {
    expect(testSpike(2, [1, 0, 1, 0, 1, 0], S).spike).toBe(false);
    // 9 against a usual 5: not twice the usual, and not unlikely enough.
    expect(testSpike(9, [5, 4, 6, 5, 5, 5], S).spike).toBe(false);
    expect(testSpike(15, [2, 1, 3, 2, 1, 2], S).spike).toBe(true);
    // Never seen before: five at once is a spike, four is under the minimum count.
    expect(testSpike(5, [0, 0, 0, 0, 0, 0], S).spike).toBe(true);
    expect(testSpike(4, [0, 0, 0, 0, 0, 0], S).spike).toBe(false);
  });

  it('reports a topic once, not again as its source, but a source that rose on its own', () => {
    const base = Array.from({ length: 6 }, () => period({ harbor: counts(4, { staff: 2, cleanliness: 1 }), tidy: counts(3, { app_bugs: 2 }) }));
    const spikes = findSpikes(period({ harbor: counts(17, { staff: 2, cleanliness: 14 }), tidy: counts(3, { app_bugs: 2 }) }), base, S);
    expect(spikes.map((s) => `${s.kind}:${s.subject}`)).toEqual(['topic:cleanliness']);
    expect(spikes[0]).toMatchObject({ count: 14, baseline: 1 });
    const both = findSpikes(period({ harbor: counts(30, { staff: 2, cleanliness: 14 }), tidy: counts(3) }), base, S);
    expect(both.map((s) => `${s.kind}:${s.subject}`).sort()).toEqual(['source:harbor', 'topic:cleanliness']);
  });

  it('leaves out the periods before the history began', () => {
    const some = period({ a: counts(1) });
    const none = period({});
    expect(sinceHistoryBegan([some, none, some, none, none])).toEqual([some, none, some]);
    expect(sinceHistoryBegan([none, none])).toEqual([]);
  });

  it('sets a reference, alerts a fall of a step once, and ladders it both ways', () => {
    const s = { step: 0.5, minRatings: 20, significance: 0.01 };
    const window = (byRating: Record<number, number>): Record<string, number> => Object.fromEntries(Object.entries(byRating).map(([k, v]) => [k, v]));
    expect(checkRating(window({ 5: 10, 4: 5 }), undefined, s, 't0').kind).toBe('none');
    const set = checkRating(window({ 5: 30, 4: 10 }), undefined, s, 't0');
    expect(set).toMatchObject({ kind: 'set', reference: { level: 4.75, since: 't0' } });
    const ref = set.reference!;
    // 4.4: less than a step below.
    expect(checkRating(window({ 5: 24, 4: 16, 3: 6, 2: 2 }), ref, s, 't1').kind).toBe('none');
    const dropped = checkRating(window({ 5: 10, 4: 20, 3: 10, 2: 5 }), ref, s, 't2');
    expect(dropped).toMatchObject({ kind: 'dropped', from: 4.75, reference: { level: 4.25, since: 't2' } });
    // A fall as large but on too few ratings to tell from chance is not alerted.
    expect(checkRating(window({ 5: 9, 4: 4, 3: 3, 2: 2, 1: 2 }), { level: 4.5, since: 'x' }, { ...s, minRatings: 2, significance: 1e-6 }, 't3').kind).toBe('none');
    expect(checkRating(window({ 5: 40 }), { level: 4.25, since: 'x' }, s, 't4')).toMatchObject({ kind: 'raised', reference: { level: 4.75 } });
  });
});

describe('the periods a check compares', () => {
  it('is the ISO week under way against the weeks before it, or the UTC day against the days before', async () => {
    const { periodsAt } = await import('../../src/insights/insight-check.js');
    const week = periodsAt(new Date('2026-11-11T23:00:00Z'), 'week', 3);
    expect(week).toEqual({ current: { label: '2026-W46', since: Date.parse('2026-11-09T00:00:00Z'), until: Date.parse('2026-11-16T00:00:00Z') }, baseline: ['2026-W45', '2026-W44', '2026-W43'] });
    // Across a year's end: 2027-01-01 is in 2026's week 53.
    expect(periodsAt(new Date('2027-01-05T10:00:00Z'), 'week', 2).baseline).toEqual(['2026-W53', '2026-W52']);
    const day = periodsAt(new Date('2026-03-01T05:00:00Z'), 'day', 2);
    expect(day).toEqual({ current: { label: '2026-03-01', since: Date.parse('2026-03-01T00:00:00Z'), until: Date.parse('2026-03-02T00:00:00Z') }, baseline: ['2026-02-28', '2026-02-27'] });
  });
});
