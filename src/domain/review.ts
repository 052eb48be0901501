import { createHash } from 'node:crypto';

/** What an adapter extracts from one entry of a source, before normalisation. */
export interface RawReview {
  /** The platform's own id for the review (guid, review id); absent when the platform has none. */
  platformId?: string | undefined;
  author?: string | undefined;
  /** Rating on the platform's own scale; see `ratingBest`. */
  rating?: number | undefined;
  /** Top of the platform's scale (5 when absent). */
  ratingBest?: number | undefined;
  title?: string | undefined;
  text: string;
  url?: string | undefined;
  /** ISO-8601 time the review was published (or last updated, when that is all the platform gives). */
  publishedAt?: string | undefined;
  language?: string | undefined;
  /** App version the review was written about (app stores). */
  appVersion?: string | undefined;
}

/** A review as the service stores it: stable id, source, normalised 1–5 rating. */
export interface Review {
  /** `<sourceId>-<16 hex>`: safe in URLs, Redis keys and BullMQ job ids (no `:`). */
  id: string;
  sourceId: string;
  platformId: string;
  author?: string | undefined;
  /** 1–5, normalised from the platform's scale. */
  rating?: number | undefined;
  /** The rating as the platform gave it, when its scale is not 1–5. */
  ratingOriginal?: { value: number; best: number } | undefined;
  title?: string | undefined;
  text: string;
  url?: string | undefined;
  publishedAt?: string | undefined;
  language?: string | undefined;
  appVersion?: string | undefined;
  /** Hash of rating, title and text: tells an edited review from an unchanged one. */
  contentHash: string;
  fetchedAt: string;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Content hash of the parts of a review an edit can change (128 bits: plenty to tell versions apart). */
export function contentHashOf(r: Pick<RawReview, 'rating' | 'title' | 'text'>): string {
  return sha256(JSON.stringify([r.rating ?? null, r.title ?? '', r.text])).slice(0, 32);
}

/** The stable review id for a platform id within a source. */
export function reviewIdFor(sourceId: string, platformId: string): string {
  return `${sourceId}-${sha256(platformId).slice(0, 16)}`;
}

/** Ratings on other scales (10-point, percent) mapped onto 1–5, rounded to a half star. */
export function normaliseRating(value: number, best = 5): number | undefined {
  if (!Number.isFinite(value) || !Number.isFinite(best) || best <= 0 || value < 0) return undefined;
  if (best === 5) return value >= 1 && value <= 5 ? value : undefined;
  const scaled = 1 + (Math.min(value, best) / best) * 4;
  return Math.round(scaled * 2) / 2;
}

/**
 * Turns an adapter's raw entry into a stored Review. A platform without review ids gets a
 * content-hash id (author + title + text), so re-polling still finds the same review.
 */
export function normaliseReview(raw: RawReview, sourceId: string, now: Date = new Date()): Review {
  const text = collapse(raw.text);
  const title = raw.title ? collapse(raw.title) : undefined;
  const platformId = raw.platformId?.trim() || `h-${sha256(JSON.stringify([raw.author ?? '', title ?? '', text])).slice(0, 24)}`;
  const best = raw.ratingBest ?? 5;
  const rating = raw.rating === undefined ? undefined : normaliseRating(raw.rating, best);
  const review: Review = {
    id: reviewIdFor(sourceId, platformId),
    sourceId,
    platformId,
    text,
    contentHash: contentHashOf({ rating, title, text }),
    fetchedAt: now.toISOString(),
  };
  if (raw.author?.trim()) review.author = collapse(raw.author);
  if (rating !== undefined) review.rating = rating;
  if (rating !== undefined && best !== 5) review.ratingOriginal = { value: raw.rating as number, best };
  if (title) review.title = title;
  if (raw.url) review.url = raw.url;
  const published = raw.publishedAt ? new Date(raw.publishedAt) : undefined;
  if (published && !Number.isNaN(published.getTime())) review.publishedAt = published.toISOString();
  if (raw.language) review.language = raw.language;
  if (raw.appVersion) review.appVersion = raw.appVersion;
  return review;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
