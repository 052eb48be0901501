import type { RawReview } from '../domain/review.js';
import { baseUrl, type SourceAdapter } from './adapter.js';
import { listOf, obj, onHost, parseJsonBody, str } from './json-api.js';

// App Store Connect API: GET /v1/apps/{id}/customerReviews, JSON:API, newest first, the developer response
// included, paged through links.next. https://developer.apple.com/documentation/appstoreconnectapi/list-all-customer-reviews-for-an-app
const APPLE_API = 'https://api.appstoreconnect.apple.com';

export function parseAppStoreConnect(body: string): { reviews: RawReview[]; next?: string | undefined } {
  const json = parseJsonBody(body, 'appstore-connect');
  const responses = new Map<string, Record<string, unknown>>();
  for (const inc of listOf(json, 'included', 'appstore-connect')) {
    if (inc.type === 'customerReviewResponses' && typeof inc.id === 'string') responses.set(inc.id, obj(inc.attributes) ?? {});
  }
  const reviews: RawReview[] = [];
  for (const d of listOf(json, 'data', 'appstore-connect')) {
    const id = str(d.id);
    const a = obj(d.attributes);
    if (!id || !a) continue;
    const raw: RawReview = {
      platformId: id,
      text: str(a.body) ?? '',
      title: str(a.title),
      rating: typeof a.rating === 'number' ? a.rating : undefined,
      author: str(a.reviewerNickname),
      publishedAt: str(a.createdDate),
    };
    const responseId = str(obj(obj(obj(d.relationships)?.response)?.data)?.id);
    const response = responseId ? responses.get(responseId) : undefined;
    // A response still in review is not public yet: only a published one counts as the owner's reply.
    if (response && str(response.responseBody) && (response.state === undefined || response.state === 'PUBLISHED')) {
      raw.platformReply = { text: str(response.responseBody)!, at: str(response.lastModifiedDate) };
    }
    reviews.push(raw);
  }
  return { reviews, next: str(obj(json.links)?.next) };
}

export const appStoreConnectAdapter: SourceAdapter<'appstore-connect'> = {
  maxPages: (source) => source.maxPages,
  request(source, _page, token) {
    const base = baseUrl(source.url, APPLE_API);
    const first = `${base}/v1/apps/${encodeURIComponent(source.appId)}/customerReviews?${new URLSearchParams({ sort: '-createdDate', include: 'response', limit: '200' })}`;
    return { url: token ? onHost(token, base) : first, headers: { accept: 'application/json' }, credentials: { name: source.credentials, as: 'bearer' } };
  },
  parse: (body) => parseAppStoreConnect(body),
};
