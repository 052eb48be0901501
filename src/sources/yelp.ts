import type { RawReview } from '../domain/review.js';
import { baseUrl, type SourceAdapter } from './adapter.js';
import { listOf, obj, parseJsonBody, str } from './json-api.js';

// Yelp Fusion: GET /v3/businesses/{id}/reviews with an API key as a bearer token. Yelp returns short
// excerpts of the newest reviews only (three on the standard plan): each is marked `excerpt`, and alerts
// link to the full review on Yelp.
const YELP_API = 'https://api.yelp.com';

export function parseYelp(body: string): { reviews: RawReview[] } {
  const json = parseJsonBody(body, 'yelp');
  const reviews: RawReview[] = [];
  for (const r of listOf(json, 'reviews', 'yelp')) {
    const id = str(r.id);
    if (!id) continue;
    // "2026-11-30 10:00:00" is Pacific time on Yelp's side; read as UTC it is off by hours, not days.
    const created = str(r.time_created);
    reviews.push({
      platformId: id,
      text: str(r.text) ?? '',
      rating: typeof r.rating === 'number' ? r.rating : undefined,
      author: str(obj(r.user)?.name),
      url: str(r.url),
      publishedAt: created ? `${created.replace(' ', 'T')}Z` : undefined,
      excerpt: true,
    });
  }
  return { reviews };
}

export const yelpAdapter: SourceAdapter<'yelp'> = {
  maxPages: () => 1,
  request(source) {
    const q = new URLSearchParams({ sort_by: 'newest', limit: '50' });
    if (source.locale) q.set('locale', source.locale);
    return {
      url: `${baseUrl(source.url, YELP_API)}/v3/businesses/${encodeURIComponent(source.businessId)}/reviews?${q}`,
      headers: { accept: 'application/json' },
      credentials: { name: source.credentials, as: 'bearer' },
    };
  },
  parse: (body) => parseYelp(body),
};
