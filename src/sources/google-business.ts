import type { SourceOf } from '../config/schema.js';
import type { RawReview } from '../domain/review.js';
import { baseUrl, type SourceAdapter } from './adapter.js';
import { ParseError } from './errors.js';

// Business Profile API v4: accounts/{accountId}/locations/{locationId}/reviews, newest change first, paged
// with nextPageToken. https://developers.google.com/my-business/reference/rest/v4/accounts.locations.reviews/list

const STARS: Record<string, number> = { ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5 };

interface ApiReview {
  reviewId?: string;
  name?: string;
  reviewer?: { displayName?: string; isAnonymous?: boolean };
  starRating?: string;
  comment?: string;
  createTime?: string;
  updateTime?: string;
  reviewReply?: { comment?: string; updateTime?: string };
}

/**
 * Google shows a review in another language than the viewer's as "(Translated by Google) <translation>
 * (Original) <original>", or the other way round with "(Original)" omitted. The reviewer's own words are the
 * review; the translation is kept apart.
 */
export function splitTranslation(comment: string): { text: string; translation?: string } {
  const translated = /\(Translated by Google\)\s*/i;
  const original = /\(Original\)\s*/i;
  const t = translated.exec(comment);
  if (!t) return { text: comment.trim() };
  const o = original.exec(comment);
  if (o && o.index > t.index) {
    return { text: comment.slice(o.index + o[0].length).trim(), translation: comment.slice(t.index + t[0].length, o.index).trim() || undefined };
  }
  if (o && o.index < t.index) {
    return { text: comment.slice(o.index + o[0].length, t.index).trim(), translation: comment.slice(t.index + t[0].length).trim() || undefined };
  }
  // Original first, then the translation.
  return { text: comment.slice(0, t.index).trim(), translation: comment.slice(t.index + t[0].length).trim() || undefined };
}

export function parseGoogleBusiness(body: string, source: Pick<SourceOf<'google-business'>, 'accountId' | 'locationId'>): { reviews: RawReview[]; next?: string | undefined } {
  let json: { reviews?: ApiReview[]; nextPageToken?: string };
  try {
    json = JSON.parse(body) as typeof json;
  } catch {
    throw new ParseError('google-business: the answer is not JSON');
  }
  if (typeof json !== 'object' || json === null || (json.reviews !== undefined && !Array.isArray(json.reviews))) {
    throw new ParseError('google-business: the answer has no "reviews" list');
  }
  const reviews: RawReview[] = [];
  for (const r of json.reviews ?? []) {
    const id = r.reviewId ?? r.name?.split('/').pop();
    if (!id) continue;
    const { text, translation } = splitTranslation(r.comment ?? '');
    const raw: RawReview = {
      platformId: id,
      text,
      rating: r.starRating ? STARS[r.starRating] : undefined,
      // An anonymous reviewer is shown as "A Google user": no name to greet.
      author: r.reviewer?.isAnonymous ? undefined : r.reviewer?.displayName,
      publishedAt: r.createTime ?? r.updateTime,
      translation,
      updatedAt: r.updateTime,
    };
    if (r.reviewReply?.comment) raw.platformReply = { text: r.reviewReply.comment, at: r.reviewReply.updateTime };
    reviews.push(raw);
  }
  return { reviews, next: json.nextPageToken || undefined };
}

export const googleBusinessAdapter: SourceAdapter<'google-business'> = {
  maxPages: (source) => source.maxPages,
  request(source, _page, token) {
    const base = baseUrl(source.url, 'https://mybusiness.googleapis.com');
    const q = new URLSearchParams({ pageSize: String(source.pageSize), orderBy: 'updateTime desc' });
    if (token) q.set('pageToken', token);
    return {
      url: `${base}/v4/accounts/${encodeURIComponent(source.accountId)}/locations/${encodeURIComponent(source.locationId)}/reviews?${q}`,
      headers: { accept: 'application/json' },
      credentials: { name: source.credentials, as: 'bearer' },
    };
  },
  parse: (body, source) => parseGoogleBusiness(body, source),
};
