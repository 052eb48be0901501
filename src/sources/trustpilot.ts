import type { RawReview } from '../domain/review.js';
import { baseUrl, type SourceAdapter } from './adapter.js';
import { listOf, obj, parseJsonBody, str } from './json-api.js';

// Trustpilot public Business Units API: GET /v1/business-units/{businessUnitId}/reviews with an API key in
// the `apikey` header, paged by page number; the company's reply comes with each review.
const TRUSTPILOT_API = 'https://api.trustpilot.com';

export function parseTrustpilot(body: string, page: number): { reviews: RawReview[]; next?: string | undefined } {
  const json = parseJsonBody(body, 'trustpilot');
  const reviews: RawReview[] = [];
  for (const r of listOf(json, 'reviews', 'trustpilot')) {
    const id = str(r.id);
    if (!id) continue;
    const raw: RawReview = {
      platformId: id,
      text: str(r.text) ?? '',
      title: str(r.title),
      rating: typeof r.stars === 'number' ? r.stars : undefined,
      author: str(obj(r.consumer)?.displayName),
      language: str(r.language),
      publishedAt: str(r.createdAt),
      updatedAt: str(r.updatedAt) ?? undefined,
      url: `https://www.trustpilot.com/reviews/${encodeURIComponent(id)}`,
    };
    const reply = obj(r.companyReply);
    if (reply && str(reply.text)) raw.platformReply = { text: str(reply.text)!, at: str(reply.updatedAt) ?? str(reply.createdAt) };
    reviews.push(raw);
  }
  const links = listOf(json, 'links', 'trustpilot');
  return { reviews, next: links.some((l) => l.rel === 'next-page') ? String(page + 1) : undefined };
}

export const trustpilotAdapter: SourceAdapter<'trustpilot'> = {
  maxPages: (source) => source.maxPages,
  request(source, page) {
    const q = new URLSearchParams({ perPage: '100', page: String(page), orderBy: 'createdat.desc' });
    return {
      url: `${baseUrl(source.url, TRUSTPILOT_API)}/v1/business-units/${encodeURIComponent(source.businessUnitId)}/reviews?${q}`,
      headers: { accept: 'application/json' },
      credentials: { name: source.credentials, as: { header: 'apikey' } },
    };
  },
  parse: (body, _source, page) => parseTrustpilot(body, page),
};
