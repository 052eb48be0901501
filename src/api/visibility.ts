import type { Config } from '../config/schema.js';
import { businessIdOf, maySee } from '../config/businesses.js';
import { sourceOfReviewId } from '../domain/review.js';
import { notFound } from './errors.js';

// What a caller limited to some businesses (an API key's `businesses`, a person's) may see. Another
// business's review or source answers exactly as one that does not exist (404 with the same message), so a
// limited caller learns nothing of what else the deployment holds.

type Owned = Pick<Config, 'businesses' | 'sources'>;

/** Whoever asks: `businesses` undefined means every business. */
export interface Viewer {
  businesses?: readonly string[] | undefined;
}

/**
 * The businesses a request covers: the one `business=` names (404 when the caller may not see it or it does
 * not exist), else the caller's (undefined: every business, no narrowing needed).
 */
export function businessesOf(config: Owned, viewer: Viewer | undefined, requested?: string): readonly string[] | undefined {
  if (requested !== undefined) {
    if (!config.businesses.some((b) => b.id === requested) || !maySee(viewer?.businesses, requested)) throw notFound(`no business ${requested}`);
    return [requested];
  }
  return viewer?.businesses;
}

/** The sources of those businesses (undefined: every source, no narrowing). */
export function sourcesOf(config: Owned, businesses: readonly string[] | undefined): ReadonlySet<string> | undefined {
  if (businesses === undefined) return undefined;
  return new Set(config.sources.filter((s) => businesses.includes(s.business)).map((s) => s.id));
}

/** Whether the viewer may see a review or a source by its id. */
export function maySeeSource(config: Owned, viewer: Viewer | undefined, sourceId: string): boolean {
  return maySee(viewer?.businesses, businessIdOf(config, sourceId));
}

/** Throws the 404 a missing review gets when the viewer may not see review `id`. */
export function assertReviewVisible(config: Owned, viewer: Viewer | undefined, id: string): void {
  if (!maySeeSource(config, viewer, sourceOfReviewId(id))) throw notFound(`no review ${id}`);
}

/** Throws the 404 a missing source gets when the viewer may not see source `id`. */
export function assertSourceVisible(config: Owned, viewer: Viewer | undefined, id: string): void {
  if (!maySeeSource(config, viewer, id)) throw notFound(`no source ${id}`);
}

/**
 * How a review list is narrowed to the businesses a request covers: the one source asked for (404 when it is
 * not among them), a business's only source (its own index), or a filter on the source of each review read.
 */
export function listScope(
  config: Owned,
  viewer: Viewer | undefined,
  query: { source?: string | undefined; business?: string | undefined },
): { sourceId?: string | undefined; filter?: ((r: { review: { sourceId: string } }) => boolean) | undefined; sources?: ReadonlySet<string> | undefined; businesses?: readonly string[] | undefined } {
  const businesses = businessesOf(config, viewer, query.business);
  const sources = sourcesOf(config, businesses);
  if (query.source !== undefined) {
    if (sources && !sources.has(query.source)) throw notFound(`no source ${query.source}`);
    return { sourceId: query.source, sources, businesses };
  }
  if (!sources) return {};
  if (sources.size === 1) return { sourceId: [...sources][0], sources, businesses };
  // The businesses' own indexes are read (keys.ts); the filter keeps out reviews of sources no longer configured.
  return { filter: (r) => sources.has(r.review.sourceId), sources, businesses };
}

/** Whether an insight (spike, rating drop) is about one of `businesses` (undefined: every business sees every insight). */
export function insightVisible(insight: { business?: string | undefined }, businesses: readonly string[] | undefined): boolean {
  return businesses === undefined || (insight.business !== undefined && businesses.includes(insight.business));
}

/** Both filters (either may be absent). */
export function both<T>(a: ((x: T) => boolean) | undefined, b: ((x: T) => boolean) | undefined): ((x: T) => boolean) | undefined {
  return a && b ? (x) => a(x) && b(x) : (a ?? b);
}
