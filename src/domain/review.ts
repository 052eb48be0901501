import { createHash } from 'node:crypto';
import { httpUrl } from './web-url.js';

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
  /** The platform's machine translation, kept apart from the reviewer's own words (Google's "(Translated by Google)"). */
  translation?: string | undefined;
  /** A reply the owner posted on the platform itself, as the platform shows it. */
  platformReply?: { text: string; at?: string | undefined } | undefined;
  /** When the platform says the review was last edited. */
  updatedAt?: string | undefined;
  /** The platform gives only a short excerpt of the text (Yelp): the full review is at `url`. */
  excerpt?: boolean | undefined;
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
  translation?: string | undefined;
  platformReply?: { text: string; at?: string | undefined } | undefined;
  updatedAt?: string | undefined;
  excerpt?: boolean | undefined;
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

/**
 * The business an id names: a source id `<business>.<source>` or a review id `<business>.<source>-<16 hex>`. A
 * bare id (a single-business deployment's, where ids carry no business) names none. Business and source ids
 * cannot hold a "." (config schema), so the first "." ends the business.
 */
export function businessOfId(id: string): string | undefined {
  const dot = id.indexOf('.');
  return dot > 0 ? id.slice(0, dot) : undefined;
}

/** The businesses some source or review ids name, once each; a bare id's is `default` (a single business's). */
export function businessesOfIds(ids: Iterable<string>): string[] {
  return [...new Set([...ids].map((id) => businessOfId(id) ?? 'default'))];
}

/** The source a review id belongs to: what is left of `reviewIdFor`'s id without its `-` and 16 hex digits. */
export function sourceOfReviewId(id: string): string {
  return id.slice(0, -17);
}

/** Ratings on other scales (10-point, percent) mapped onto 1–5, rounded to a half star. */
export function normaliseRating(value: number, best = 5): number | undefined {
  if (!Number.isFinite(value) || !Number.isFinite(best) || best <= 0 || value < 0) return undefined;
  if (best === 5) return value >= 1 && value <= 5 ? value : undefined;
  const scaled = 1 + (Math.min(value, best) / best) * 4;
  return Math.round(scaled * 2) / 2;
}

/** Whether a rating as read from a source makes a review on its own: 0 of 5 is how some exports say "not rated". */
export function countsAsRating(rating: { value: number; best: number } | undefined): boolean {
  return rating !== undefined && normaliseRating(rating.value, rating.best) !== undefined;
}

/**
 * Turns an adapter's raw entry into a stored Review. A platform without review ids gets a
 * content-hash id (author + title + text), so re-polling still finds the same review.
 */
export function normaliseReview(raw: RawReview, sourceId: string, now: Date = new Date()): Review {
  const text = cleanText(raw.text);
  const title = raw.title ? cleanText(raw.title) || undefined : undefined;
  // The content-derived id hashes the text as before cleaning existed, so no stored review changes id.
  // A review that is only a rating (no text, no title) is told apart by its rating and date as well: two authors
  // shown as "A Google user" would otherwise share one id, and the second review would be lost.
  const bare = !raw.title?.trim() && !raw.text.trim();
  const identity: unknown[] = [raw.author ?? '', raw.title ? collapse(raw.title) : '', collapse(raw.text)];
  if (bare) identity.push(raw.rating ?? null, raw.publishedAt ?? null);
  const platformId = raw.platformId?.trim() || `h-${sha256(JSON.stringify(identity)).slice(0, 24)}`;
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
  const author = raw.author ? cleanText(raw.author) : '';
  if (author) review.author = author;
  if (rating !== undefined) review.rating = rating;
  if (rating !== undefined && best !== 5) review.ratingOriginal = { value: raw.rating as number, best };
  if (title) review.title = title;
  // Trimmed first: String.trim also strips the Unicode spaces (NBSP…) the URL parser keeps.
  const url = httpUrl(raw.url?.trim());
  if (url) review.url = url;
  const published = raw.publishedAt ? new Date(raw.publishedAt) : undefined;
  if (published && !Number.isNaN(published.getTime())) review.publishedAt = published.toISOString();
  if (raw.language) review.language = raw.language;
  if (raw.appVersion) review.appVersion = raw.appVersion;
  const translation = raw.translation ? cleanText(raw.translation) : '';
  if (translation) review.translation = translation;
  const replyText = raw.platformReply ? cleanText(raw.platformReply.text) : '';
  if (replyText) {
    const at = isoTime(raw.platformReply?.at);
    review.platformReply = at ? { text: replyText, at } : { text: replyText };
  }
  const updated = isoTime(raw.updatedAt);
  if (updated) review.updatedAt = updated;
  if (raw.excerpt) review.excerpt = true;
  return review;
}

function isoTime(s: string | undefined): string | undefined {
  const d = s ? new Date(s) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

// ECMA-48 sequences a terminal acts on (reviews end up in logs, CLIs and e-mails read in one):
// strings (OSC, DCS, SOS, PM, APC) up to their terminator, CSI, and the other ESC sequences; 7- and
// 8-bit forms. A string's body stops at the next introducer, so a hostile text cannot make this
// quadratic. Whatever is left of a broken sequence loses its ESC below and is plain text.
const TERMINAL_SEQUENCE =
  /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d-\u009f])[^\u0007\u001b\u0090\u0098\u009c-\u009f]*(?:\u0007|\u009c|\u001b\\)|(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]|\u001b[\u0020-\u002f]*[\u0030-\u007e]/g;
// C0 controls other than the whitespace ones \s collapses, DEL and C1 (NEL among them: a line break).
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

/**
 * Review text as stored: terminal escape sequences removed, other control characters made spaces,
 * whitespace collapsed. Clean text comes out exactly as `collapse` made it, so content hashes of
 * normal reviews do not change.
 */
export function cleanText(s: string): string {
  return collapse(s.replace(TERMINAL_SEQUENCE, '').replace(CONTROL, ' '));
}

