import type { SourceConfig, SourceOf } from '../config/schema.js';
import type { RawReview } from '../domain/review.js';
import type { PageResult, ParseLimits, Rejected, SourceAdapter } from './adapter.js';
import { appstoreAdapter } from './appstore.js';
import { cappedWarning } from './cap.js';
import { ParseError } from './errors.js';
import type { Credentials } from '../credentials/index.js';
import type { PageRequest } from './adapter.js';
import { FetchError, fetchSource, type FetchOptions } from './fetch.js';
import { fileAdapter } from './file.js';
import { appStoreConnectAdapter } from './appstore-connect.js';
import { facebookAdapter } from './facebook.js';
import { googleBusinessAdapter } from './google-business.js';
import { googlePlayApiAdapter } from './google-play-api.js';
import { trustpilotAdapter } from './trustpilot.js';
import { yelpAdapter } from './yelp.js';
import { googleplayAdapter } from './googleplay.js';
import { htmlAdapter } from './html.js';
import { jsonldAdapter } from './jsonld.js';
import { parseRss } from './rss.js';

const rssAdapter: SourceAdapter<'rss'> = {
  maxPages: () => 1,
  request: (source) => ({ url: source.url }),
  parse: async (body) => ({ reviews: await parseRss(body) }),
};

/** One adapter per source type. */
export const adapters: { [T in SourceConfig['type']]: SourceAdapter<T> } = {
  rss: rssAdapter,
  appstore: appstoreAdapter,
  googleplay: googleplayAdapter,
  'google-business': googleBusinessAdapter,
  'appstore-connect': appStoreConnectAdapter,
  'google-play-api': googlePlayApiAdapter,
  trustpilot: trustpilotAdapter,
  yelp: yelpAdapter,
  facebook: facebookAdapter,
  jsonld: jsonldAdapter,
  html: htmlAdapter,
  file: fileAdapter,
};

/** The adapter of a source, typed for any source. */
export function adapterFor<T extends SourceConfig['type']>(source: SourceOf<T>): SourceAdapter<T> {
  return adapters[source.type as T] as SourceAdapter<T>;
}

/** Parses one page: the reviews of a page, read with the source's adapter. */
export type PageParser = (source: SourceConfig, body: string, page: number, limits: ParseLimits) => Promise<PageResult>;

/**
 * Parses one page with the source's adapter, at most `limits.maxItems` reviews of it (a `file` import is
 * read whole); anything but a ParseError thrown by a parser becomes one.
 */
export async function parsePage(source: SourceConfig, body: string, page = 1, limits: ParseLimits = { maxItems: Number.POSITIVE_INFINITY }): Promise<PageResult> {
  const maxItems = source.type === 'file' ? Number.POSITIVE_INFINITY : limits.maxItems;
  let result: PageResult;
  try {
    result = await adapterFor(source).parse(body as never, source as never, page, { maxItems });
  } catch (err) {
    if (err instanceof ParseError) throw err;
    // A parser bug must still give the source a clear error, never crash the worker.
    throw new ParseError(`cannot parse ${source.type} page ${page}: ${(err as Error).message ?? String(err)}`);
  }
  // Adapters that walk many nodes cap themselves before the work; this catches the others.
  if (result.reviews.length <= maxItems) return result;
  return { ...result, reviews: result.reviews.slice(0, maxItems), warnings: [...(result.warnings ?? []), cappedWarning(result.reviews.length, maxItems)] };
}


export interface FetchReviewsOptions {
  fetch: FetchOptions;
  /** Validators of the last successful fetch: applied to the first page only. */
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** Whether any of a page's reviews is already stored: paging stops after such a page. */
  isKnown?: ((reviews: RawReview[]) => Promise<boolean>) | undefined;
  /** Review items read from one page (`fetch.maxItemsPerPage`); unbounded when absent. */
  maxItemsPerPage?: number | undefined;
  /** Where pages are parsed: a parse thread (the poll worker's), or this thread (`parsePage`) when absent. */
  parse?: PageParser | undefined;
  /** Tokens for requests that name credentials (platform APIs); such a request fails clearly without them. */
  credentials?: Credentials | undefined;
}

/** A platform API's refusal in plain words: whose credentials, and what the owner can do about it. */
function platformRefusal(err: unknown, credential: string): unknown {
  if (!(err instanceof FetchError)) return err;
  if (err.status === 401) return new FetchError(`the platform refused credentials "${credential}" (HTTP 401) even with a fresh token: authorise the account again`, 401);
  if (err.status === 403) return new FetchError(`credentials "${credential}" have no access to this location or app (HTTP 403): grant the account access, or check the ids`, 403);
  if (err.status === 429) return new FetchError(`the platform is rate limiting credentials "${credential}" (HTTP 429)${err.retryAfterMs ? `; retry after ${Math.ceil(err.retryAfterMs / 1000)} s` : ''}`, 429, err.retryAfterMs);
  return err;
}

/** The request with the named credentials' token on it, in the way the platform takes it. */
async function withToken(req: PageRequest, credentials: Credentials | undefined): Promise<PageRequest> {
  if (!req.credentials) return req;
  if (!credentials) throw new FetchError(`credentials "${req.credentials.name}" are needed but none are configured`);
  const token = await credentials.get(req.credentials.name).token();
  const as = req.credentials.as;
  if (as === 'bearer') return { ...req, headers: { ...req.headers, authorization: `Bearer ${token}` } };
  if ('header' in as) return { ...req, headers: { ...req.headers, [as.header]: token } };
  const url = new URL(req.url);
  url.searchParams.set(as.query, token);
  return { ...req, url: url.href };
}

export type FetchReviewsResult =
  | { notModified: true; status: 304 }
  | {
      notModified: false;
      reviews: RawReview[];
      pages: number;
      /** Why paging stopped: a known review, the last page, or the page cap. */
      stoppedAt: 'known' | 'end' | 'cap';
      /** The first page was empty on a platform whose empty pages mean nothing. */
      inconclusive: boolean;
      status: number;
      etag?: string | undefined;
      lastModified?: string | undefined;
      rejected?: Rejected | undefined;
      /** What the pages held that could not be read beside rejected rows (a malformed block…). */
      warnings: string[];
    };

/**
 * Fetches a source page by page until a page holds a known review, the platform has no more, or the
 * cap. All or nothing: a failing page fails the whole poll, so a half-fetched poll never lets the next
 * one stop early at reviews it stored while skipping the pages this one missed.
 */
export async function fetchReviews(source: SourceConfig, opts: FetchReviewsOptions): Promise<FetchReviewsResult> {
  const adapter = adapterFor(source);
  const cap = adapter.maxPages(source as never);
  const reviews: RawReview[] = [];
  let token: string | undefined;
  let first: { status: number; etag?: string | undefined; lastModified?: string | undefined } | undefined;
  let rejected: Rejected | undefined;
  const warnings: string[] = [];
  let stoppedAt: 'known' | 'end' | 'cap' = 'cap';
  let inconclusive = false;
  let pages = 0;
  for (let page = 1; page <= cap; page++) {
    const req = adapter.request(source as never, page, token);
    const send = async () => {
      const authed = await withToken(req, opts.credentials);
      try {
        return await fetchSource({ ...authed, ...(page === 1 ? { etag: opts.etag, lastModified: opts.lastModified } : {}) }, { ...opts.fetch, allowPrivateNetwork: 'allowPrivateNetwork' in source && source.allowPrivateNetwork === true });
      } catch (err) {
        // A token sent in the query (Facebook's access_token) would otherwise reach the source's lastError and logs.
        if (err instanceof FetchError && authed.url !== req.url) throw new FetchError(err.message.split(authed.url).join(req.url), err.status, err.retryAfterMs);
        throw err;
      }
    };
    let fetched;
    try {
      fetched = await send();
    } catch (err) {
      // A token can be revoked or expire early: one more try with a fresh one, then the 401 stands.
      if (!(req.credentials && err instanceof FetchError && err.status === 401)) throw req.credentials ? platformRefusal(err, req.credentials.name) : err;
      opts.credentials?.get(req.credentials.name).invalidate();
      try {
        fetched = await send();
      } catch (again) {
        throw platformRefusal(again, req.credentials.name);
      }
    }
    if (fetched.notModified) {
      if (page === 1) return { notModified: true, status: 304 };
      stoppedAt = 'end';
      break;
    }
    pages = page;
    if (page === 1) first = { status: fetched.status, etag: fetched.etag, lastModified: fetched.lastModified };
    const parsed = await (opts.parse ?? parsePage)(source, fetched.body, page, { maxItems: opts.maxItemsPerPage ?? Number.POSITIVE_INFINITY });
    reviews.push(...parsed.reviews);
    if (parsed.rejected) {
      rejected = { count: (rejected?.count ?? 0) + parsed.rejected.count, reasons: [...(rejected?.reasons ?? []), ...parsed.rejected.reasons].slice(0, 5) };
    }
    for (const w of parsed.warnings ?? []) warnings.push(page > 1 ? `page ${page}: ${w}` : w);
    if (parsed.reviews.length === 0) {
      inconclusive = page === 1 && adapter.emptyIsInconclusive === true;
      stoppedAt = 'end';
      break;
    }
    if (opts.isKnown && (await opts.isKnown(parsed.reviews))) {
      stoppedAt = 'known';
      break;
    }
    if (!parsed.next) {
      stoppedAt = 'end';
      break;
    }
    token = parsed.next;
  }
  return { notModified: false, reviews, pages, stoppedAt, inconclusive, status: first?.status ?? 200, etag: first?.etag, lastModified: first?.lastModified, rejected, warnings };
}

/** The source's `lastWarning` for a poll: its rejected rows and what else it could not read; undefined when all was read. */
export function pollWarning(result: { rejected?: Rejected | undefined; warnings: string[] }): string | undefined {
  const parts = [...(result.rejected && result.rejected.count > 0 ? [`${result.rejected.count} row(s) rejected: ${result.rejected.reasons.join('; ')}`] : []), ...result.warnings];
  return parts.length > 0 ? parts.join('; ') : undefined;
}
