import { total, type SourceCounts } from './counters.js';

// Spike and rating-drop detection on the counters. Pure: the caller reads the periods and keeps the markers.
//
// A spike is a count of negative reviews (per topic, all sources together, and per source) in the current
// period that is both large against the subject's own trailing baseline and unlikely by chance under it: a
// one-sided Poisson test, a minimum count (so a quiet business is not told about 1 → 2) and a minimum ratio.
// The current period is the one under way: it is compared with whole baseline periods, so a spike is flagged
// as soon as its count alone is improbable, not only when the period closes.

/** What the detectors are tuned with (`insights:` in the configuration). */
export interface SpikeSettings {
  /** Least negative reviews in the period for a spike. */
  minCount: number;
  /** Largest chance of seeing at least this count under the baseline rate for it to be a spike. */
  significance: number;
  /** Least rise over the baseline rate (2: at least twice the usual). */
  minRatio: number;
}

/** A subject whose negative reviews rose. */
export interface Spike {
  kind: 'topic' | 'source';
  /** The topic id or the source id. */
  subject: string;
  /** Negative reviews in the current period so far. */
  count: number;
  /** The usual count per period (the baseline's mean). */
  baseline: number;
  /** The chance of at least `count` under the baseline rate. */
  pValue: number;
}

/** ln(n!) by summing for small n, Stirling's series beyond (error far below what a p-value needs). */
function logFactorial(n: number): number {
  if (n < 2) return 0;
  if (n < 64) {
    let s = 0;
    for (let k = 2; k <= n; k++) s += Math.log(k);
    return s;
  }
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3);
}

/** P(X ≥ k) for X ~ Poisson(λ), summed from k upwards so a tiny tail keeps its precision. */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  let term = Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
  let sum = 0;
  for (let i = k; i < k + 10_000; i++) {
    sum += term;
    term *= lambda / (i + 1);
    if (i > lambda && term < sum * 1e-15) break;
  }
  return Math.min(1, sum);
}

/**
 * The baseline rate of a subject: its mean per period with one extra review spread over the baseline, so a
 * subject never seen before has a small rate rather than zero (against zero any count would be "impossible").
 */
export function baselineRate(counts: readonly number[]): number {
  const n = Math.max(1, counts.length);
  return (counts.reduce((s, c) => s + c, 0) + 1) / n;
}

/** Whether `count` against the baseline counts is a spike, and its figures. */
export function testSpike(count: number, baselineCounts: readonly number[], s: SpikeSettings): { spike: boolean; baseline: number; pValue: number } {
  const rate = baselineRate(baselineCounts);
  const mean = baselineCounts.reduce((a, c) => a + c, 0) / Math.max(1, baselineCounts.length);
  const pValue = poissonUpperTail(count, rate);
  return { spike: count >= s.minCount && count >= s.minRatio * rate && pValue < s.significance, baseline: Math.round(mean * 100) / 100, pValue };
}

/**
 * The spikes of the current period against the baseline periods (only their counts matter, not their order).
 * Topics are tested over all sources together (a pattern, wherever it is written); then each source's
 * negatives, less those about a topic that spiked: a source whose rise is that topic's is not told twice.
 */
export function findSpikes(current: ReadonlyMap<string, SourceCounts>, baseline: readonly ReadonlyMap<string, SourceCounts>[], s: SpikeSettings): Spike[] {
  const out: Spike[] = [];
  const now = total(current.values());
  const before = baseline.map((p) => total(p.values()));
  for (const [topic, count] of Object.entries(now.topics)) {
    const t = testSpike(count, before.map((b) => b.topics[topic] ?? 0), s);
    if (t.spike) out.push({ kind: 'topic', subject: topic, count, baseline: t.baseline, pValue: t.pValue });
  }
  const spiked = out.map((x) => x.subject);
  // A review can carry several topics, so the remainder is an estimate, never below zero.
  const rest = (c: SourceCounts | undefined): number => (c ? Math.max(0, c.negative - spiked.reduce((n, t) => n + (c.topics[t] ?? 0), 0)) : 0);
  for (const [sourceId, c] of current) {
    const t = testSpike(rest(c), baseline.map((p) => rest(p.get(sourceId))), s);
    if (t.spike) out.push({ kind: 'source', subject: sourceId, count: c.negative, baseline: Math.round((baseline.reduce((n, p) => n + (p.get(sourceId)?.negative ?? 0), 0) / Math.max(1, baseline.length)) * 100) / 100, pValue: t.pValue });
  }
  return out.sort((a, b) => a.pValue - b.pValue);
}

/** The baseline without the oldest periods that hold no review at all: before the history began, not quiet. */
export function sinceHistoryBegan<T extends ReadonlyMap<string, SourceCounts>>(newestFirst: readonly T[]): T[] {
  let end = newestFirst.length;
  while (end > 0 && total(newestFirst[end - 1]!.values()).reviews === 0) end -= 1;
  return newestFirst.slice(0, end);
}


// Rating drop: a source's rolling average rating (the last `windowDays`) against a reference level kept per
// source. The first window with enough ratings sets the reference; a fall of at least `step` below it that a
// one-sided z-test finds unlikely by chance is alerted, and the reference moves down one step, so a slide
// alerts once per step rather than every day it lasts. A rise of a step moves the reference up again, so a
// source that recovered and slides anew is told again.

export interface RatingDropSettings {
  step: number;
  minRatings: number;
  significance: number;
}

/** The reference level of a source, as kept between checks. */
export interface RatingReference {
  level: number;
  /** When the level was set (ISO): it names the alert of a drop from it, so replicas send it once. */
  since: string;
}

export type RatingCheck =
  | { kind: 'none'; reference?: RatingReference | undefined }
  | { kind: 'set' | 'raised'; reference: RatingReference }
  | { kind: 'dropped'; reference: RatingReference; from: number; average: number; count: number; pValue: number };

/** The upper tail of the standard normal, P(Z ≥ z) (Abramowitz–Stegun 7.1.26, error < 1.5e-7). */
export function normalUpperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/** Mean and standard deviation of ratings given as rating → count. */
export function ratingMoments(ratings: Readonly<Record<string, number>>): { mean: number; sd: number; count: number } {
  let n = 0;
  let sum = 0;
  let sq = 0;
  for (const [r, k] of Object.entries(ratings)) {
    const v = Number(r);
    n += k;
    sum += v * k;
    sq += v * v * k;
  }
  if (n === 0) return { mean: NaN, sd: NaN, count: 0 };
  const mean = sum / n;
  return { mean, sd: Math.sqrt(Math.max(0, sq / n - mean * mean)), count: n };
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

/** Checks a source's rolling window against its reference; says what the reference becomes. */
export function checkRating(window: Readonly<Record<string, number>>, reference: RatingReference | undefined, s: RatingDropSettings, now: string): RatingCheck {
  const { mean, sd, count } = ratingMoments(window);
  if (count < s.minRatings) return { kind: 'none', reference };
  if (!reference) return { kind: 'set', reference: { level: round2(mean), since: now } };
  if (mean >= reference.level + s.step) return { kind: 'raised', reference: { level: round2(reference.level + s.step * Math.floor((mean - reference.level) / s.step)), since: now } };
  const fall = reference.level - mean;
  if (fall < s.step) return { kind: 'none', reference };
  // A window of identical ratings has no spread; half a star keeps the test from calling any fall certain.
  const pValue = normalUpperTail(fall / (Math.max(sd, 0.5) / Math.sqrt(count)));
  if (pValue >= s.significance) return { kind: 'none', reference };
  const steps = Math.floor(fall / s.step);
  return { kind: 'dropped', reference: { level: round2(reference.level - s.step * steps), since: now }, from: reference.level, average: round2(mean), count, pValue };
}
