import type { StoredReview } from '../store/review-store.js';

/** One week's reviews: how many, how many negative, and their average rating. */
export interface WeekFigures {
  /** Monday of the week (UTC), `YYYY-MM-DD`. */
  week: string;
  reviews: number;
  negative: number;
  /** Mean of the rated reviews' ratings, null when none was rated. */
  averageRating: number | null;
}

/** Monday (UTC) of the week `iso` falls in, as `YYYY-MM-DD`. */
export function weekOf(iso: string): string {
  const d = new Date(iso);
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
  return monday.toISOString().slice(0, 10);
}

/** Folds reviews one at a time into weekly figures (reviews by publish date), like StatsAccumulator. */
export class WeeklyAccumulator {
  private readonly weeks = new Map<string, { reviews: number; negative: number; ratingSum: number; rated: number }>();

  add(r: StoredReview): void {
    const when = r.review.publishedAt ?? r.createdAt;
    if (!Number.isFinite(Date.parse(when))) return;
    const w = this.weeks.get(weekOf(when)) ?? { reviews: 0, negative: 0, ratingSum: 0, rated: 0 };
    w.reviews += 1;
    if (r.verdict?.negative) w.negative += 1;
    if (r.review.rating !== undefined) {
      w.ratingSum += r.review.rating;
      w.rated += 1;
    }
    this.weeks.set(weekOf(when), w);
  }

  /** Every week from `since` to `until`, oldest first, empty weeks included (a chart needs the gaps). */
  result(since: Date, until: Date): WeekFigures[] {
    const out: WeekFigures[] = [];
    for (let t = Date.parse(weekOf(since.toISOString())); t < until.getTime(); t += 7 * 86_400_000) {
      const week = new Date(t).toISOString().slice(0, 10);
      const w = this.weeks.get(week);
      out.push({ week, reviews: w?.reviews ?? 0, negative: w?.negative ?? 0, averageRating: w && w.rated ? Math.round((w.ratingSum / w.rated) * 100) / 100 : null });
    }
    return out;
  }
}
