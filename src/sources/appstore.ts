import type { AppstoreSourceConfig } from '../config/schema.js';
import type { RawReview } from '../domain/review.js';
import { baseUrl, type PageResult, type SourceAdapter } from './adapter.js';
import { ParseError } from './errors.js';

const APPLE = 'https://itunes.apple.com';
/** Apple serves at most 10 pages of the customer-reviews feed (about 500 reviews). */
export const APPSTORE_MAX_PAGES = 10;

/** The URL of one page of Apple's customer-reviews JSON feed; `url` in the config replaces the host. */
export function appstorePageUrl(source: Pick<AppstoreSourceConfig, 'appId' | 'country' | 'url'>, page: number): string {
  return `${baseUrl(source.url, APPLE)}/${encodeURIComponent(source.country)}/rss/customerreviews/page=${page}/id=${encodeURIComponent(source.appId)}/sortby=mostrecent/json`;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Apple wraps every value as `{ "label": "…" }`. */
const label = (v: unknown): string | undefined => (isObject(v) && typeof v.label === 'string' ? v.label : undefined);

/**
 * Parses one page of the feed. `feed.entry` is an object when the page has one entry and an array
 * otherwise; older responses put an app-info entry (with `im:name`, no rating) first, which is skipped.
 * A page without `entry` is an empty page (Apple sends those now and then), not an error.
 */
export function parseAppstorePage(body: string, page = 1): PageResult {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (err) {
    throw new ParseError(`App Store feed is not JSON: ${(err as Error).message.slice(0, 120)}`);
  }
  if (!isObject(doc) || !isObject(doc.feed)) throw new ParseError('not an App Store customer-reviews feed (no "feed" object)');
  const raw = doc.feed.entry;
  if (raw === undefined) return { reviews: [] };
  const entries: unknown[] = Array.isArray(raw) ? raw : [raw];
  const reviews: RawReview[] = [];
  let appInfo = 0;
  for (const entry of entries) {
    if (!isObject(entry)) continue;
    if ('im:name' in entry && !('im:rating' in entry)) {
      appInfo += 1;
      continue;
    }
    const id = label(entry.id);
    const text = label(entry.content);
    const rating = Number(label(entry['im:rating']));
    if (!id || text === undefined || !Number.isFinite(rating)) continue;
    const author = isObject(entry.author) ? label(entry.author.name) : undefined;
    const link = isObject(entry.link) && isObject(entry.link.attributes) && typeof entry.link.attributes.href === 'string' ? entry.link.attributes.href : undefined;
    reviews.push({
      platformId: id,
      author,
      rating,
      ratingBest: 5,
      title: label(entry.title),
      text,
      url: link,
      publishedAt: label(entry.updated),
      appVersion: label(entry['im:version']),
    });
  }
  // Entries that are neither reviews nor the app-info entry mean Apple changed the format: say so.
  if (reviews.length === 0 && entries.length > appInfo) {
    throw new ParseError(`App Store feed page ${page} has ${entries.length - appInfo} entries, none with id, im:rating and content labels`);
  }
  return { reviews, next: reviews.length > 0 && page < APPSTORE_MAX_PAGES ? String(page + 1) : undefined };
}

/** Apple's public customer-reviews feed, newest first, up to 10 pages. */
export const appstoreAdapter: SourceAdapter<'appstore'> = {
  maxPages: (source) => Math.min(source.maxPages, APPSTORE_MAX_PAGES),
  request: (source, page) => ({ url: appstorePageUrl(source, page), headers: { accept: 'application/json' } }),
  parse: (body, _source, page) => parseAppstorePage(body, page),
  emptyIsInconclusive: true,
};
