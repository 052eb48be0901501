import type { SourceConfig, SourceOf } from '../config/schema.js';
import type { RawReview } from '../domain/review.js';

/** What to fetch for one page of a source. */
export interface PageRequest {
  url: string;
  method?: 'GET' | 'POST' | undefined;
  body?: string | undefined;
  headers?: Record<string, string> | undefined;
  /**
   * The credentials entry the request is made with, and how the token goes on it: the poller adds it, and
   * after a 401 gets a fresh token and tries once more.
   */
  credentials?: { name: string; as: 'bearer' | { header: string } | { query: string } } | undefined;
}

/** Rows of an import that could not be read; the good rows are kept. */
export interface Rejected {
  count: number;
  /** The first few reasons, each naming its row. */
  reasons: string[];
}

/** Bounds on what one page's parse reads. */
export interface ParseLimits {
  /** Review items read from the page; the rest are left with a warning. */
  maxItems: number;
}

/** One parsed page: its reviews, newest first, and how to ask for the next page. */
export interface PageResult {
  reviews: RawReview[];
  /** Continuation token (or next page number) for the next page; undefined on the last page. */
  next?: string | undefined;
  rejected?: Rejected | undefined;
  /** What the page held that could not be read (a malformed JSON-LD block…); the source shows it as `lastWarning`. */
  warnings?: string[] | undefined;
}

/**
 * A source type: which request fetches page n, and a pure parser from one page's body to raw reviews.
 * Parsers throw ParseError and nothing else on input they do not understand.
 */
export interface SourceAdapter<T extends SourceConfig['type'] = SourceConfig['type']> {
  /** Most pages one poll fetches. */
  maxPages(source: SourceOf<T>): number;
  /** The request for page `page` (1-based); `token` is the previous page's `next`. */
  request(source: SourceOf<T>, page: number, token: string | undefined): PageRequest;
  parse(body: string, source: SourceOf<T>, page: number, limits: ParseLimits): Promise<PageResult> | PageResult;
  /**
   * The platform sometimes answers with an empty page for no reason (Apple): an empty first page then
   * says nothing, and a baseline poll that saw it does not count as done.
   */
  emptyIsInconclusive?: boolean;
}

/** Removes a trailing slash so `${base}/path` never doubles it. */
export function baseUrl(override: string | undefined, fallback: string): string {
  return (override ?? fallback).replace(/\/+$/, '');
}

/** `url` resolved against the page it was found on; left as it is when it cannot be resolved. */
export function absoluteUrl(url: string, base: string | undefined): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}
