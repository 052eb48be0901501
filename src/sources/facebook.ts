import type { RawReview } from '../domain/review.js';
import { baseUrl, type SourceAdapter } from './adapter.js';
import { listOf, obj, onHost, parseJsonBody, str } from './json-api.js';

// Graph API: GET /{page-id}/ratings with a Page access token. Facebook recommendations are yes/no: "doesn't
// recommend" is stored as 1 star and "recommends" as 5 (how review dashboards usually chart them), so the
// rating rules apply; the text is judged as any review's.
const GRAPH_API = 'https://graph.facebook.com';
const FIELDS = 'created_time,recommendation_type,review_text,reviewer{name},open_graph_story{id}';

function withoutToken(link: string): string {
  try {
    const u = new URL(link);
    u.searchParams.delete('access_token');
    return u.href;
  } catch {
    return link;
  }
}

export function parseFacebook(body: string): { reviews: RawReview[]; next?: string | undefined } {
  const json = parseJsonBody(body, 'facebook');
  const reviews: RawReview[] = [];
  for (const r of listOf(json, 'data', 'facebook')) {
    const id = str(obj(r.open_graph_story)?.id);
    const created = str(r.created_time);
    const recommendation = str(r.recommendation_type);
    reviews.push({
      // Without a story id (a rating-only recommendation), the reviewer and time identify it.
      platformId: id ?? (created ? `${str(obj(r.reviewer)?.name) ?? 'anonymous'}-${created}` : undefined),
      text: str(r.review_text) ?? '',
      rating: recommendation === 'negative' ? 1 : recommendation === 'positive' ? 5 : undefined,
      author: str(obj(r.reviewer)?.name),
      publishedAt: created?.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'),
      url: id ? `https://www.facebook.com/${encodeURIComponent(id)}` : undefined,
    });
  }
  // Graph's next link repeats the access token: the poller adds the current one instead.
  const next = str(obj(json.paging)?.next);
  return { reviews, next: next ? withoutToken(next) : undefined };
}

export const facebookAdapter: SourceAdapter<'facebook'> = {
  maxPages: (source) => source.maxPages,
  request(source, _page, token) {
    const base = baseUrl(source.url, GRAPH_API);
    const first = `${base}/${source.graphVersion}/${encodeURIComponent(source.pageId)}/ratings?${new URLSearchParams({ fields: FIELDS, limit: '100' })}`;
    return { url: token ? onHost(token, base) : first, headers: { accept: 'application/json' }, credentials: { name: source.credentials, as: { query: 'access_token' } } };
  },
  parse: (body) => parseFacebook(body),
};
