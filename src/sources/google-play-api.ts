import type { RawReview } from '../domain/review.js';
import { baseUrl, type SourceAdapter } from './adapter.js';
import { listOf, obj, parseJsonBody, str } from './json-api.js';

// Android Publisher API reviews.list: https://developers.google.com/android-publisher/api-ref/rest/v3/reviews/list
// Google returns only reviews created or changed in the last week, so the schedule must be shorter than that.
const PLAY_API = 'https://androidpublisher.googleapis.com';

/** `{seconds, nanos}` as ISO-8601. */
const timestamp = (t: unknown): string | undefined => {
  const seconds = Number(obj(t)?.seconds);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : undefined;
};

export function parseGooglePlayApi(body: string): { reviews: RawReview[]; next?: string | undefined } {
  const json = parseJsonBody(body, 'google-play-api');
  const reviews: RawReview[] = [];
  for (const r of listOf(json, 'reviews', 'google-play-api')) {
    const id = str(r.reviewId);
    if (!id) continue;
    const comments = Array.isArray(r.comments) ? r.comments.map(obj) : [];
    const user = comments.map((c) => obj(c?.userComment)).find(Boolean);
    const developer = comments.map((c) => obj(c?.developerComment)).find(Boolean);
    const raw: RawReview = {
      platformId: id,
      author: str(r.authorName),
      text: (str(user?.text) ?? '').trim(),
      rating: typeof user?.starRating === 'number' ? user.starRating : undefined,
      language: str(user?.reviewerLanguage)?.split(/[-_]/)[0],
      appVersion: str(user?.appVersionName),
      publishedAt: timestamp(user?.lastModified),
      updatedAt: timestamp(user?.lastModified),
    };
    if (developer && str(developer.text)) raw.platformReply = { text: str(developer.text)!, at: timestamp(developer.lastModified) };
    reviews.push(raw);
  }
  return { reviews, next: str(obj(json.tokenPagination)?.nextPageToken) };
}

export const googlePlayApiAdapter: SourceAdapter<'google-play-api'> = {
  maxPages: (source) => source.maxPages,
  request(source, _page, token) {
    const q = new URLSearchParams({ maxResults: '100' });
    if (token) q.set('token', token);
    return {
      url: `${baseUrl(source.url, PLAY_API)}/androidpublisher/v3/applications/${encodeURIComponent(source.packageName)}/reviews?${q}`,
      headers: { accept: 'application/json' },
      credentials: { name: source.credentials, as: 'bearer' },
    };
  },
  parse: (body) => parseGooglePlayApi(body),
};
