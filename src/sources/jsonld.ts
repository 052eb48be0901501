import type * as cheerio from 'cheerio';
import type { RawReview } from '../domain/review.js';
import { absoluteUrl, type PageResult, type Rejected, type SourceAdapter } from './adapter.js';
import { cappedWarning } from './cap.js';
import { ParseError } from './errors.js';
import { loadHtml } from './load-html.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Guards against pathological documents: nesting and node count an honest page never reaches. */
const MAX_DEPTH = 32;
const MAX_NODES = 200_000;

/**
 * Reviews a page embeds as schema.org data: Trustpilot's `__NEXT_DATA__` (which carries real review
 * ids) when present, else JSON-LD `Review` items (top level, in `@graph`, or under an entity's
 * `review`), else microdata. Malformed blocks and Review items without text are reported (`warnings`,
 * `rejected`) rather than skipped silently. Throws ParseError when the page holds no readable review data.
 */
export function parseJsonLdPage(html: string, pageUrl?: string, maxItems = Number.POSITIVE_INFINITY): PageResult {
  const $ = loadHtml(html);
  const warnings: string[] = [];
  const next = nextDataReviews($, pageUrl, warnings);
  if (next) return capped(next, maxItems, warnings);

  const found: Json[] = [];
  let blocks = 0;
  let reviewish = false;
  const broken: string[] = [];
  $('script[type="application/ld+json"]').each((_i, el) => {
    let doc: unknown;
    blocks += 1;
    try {
      doc = JSON.parse($(el).text());
    } catch (err) {
      broken.push((err as Error).message);
      return; // one broken block does not hide the others
    }
    if (walk(doc, found, 0, { n: 0 })) reviewish = true;
  });
  const brokenNote = broken.length > 0 ? `${broken.length} of ${blocks} JSON-LD block(s) ${broken.length === 1 ? 'is' : 'are'} not valid JSON (${broken[0]!.slice(0, 120)})` : undefined;
  if (brokenNote) warnings.unshift(brokenNote);
  const reviews: RawReview[] = [];
  const rejected: Rejected = { count: 0, reasons: [] };
  if (found.length > maxItems) warnings.push(cappedWarning(found.length, maxItems));
  found.slice(0, maxItems).forEach((node, i) => {
    const review = fromJsonLd(node, pageUrl);
    if (review) reviews.push(review);
    else if (++rejected.count <= 5) rejected.reasons.push(`Review ${i + 1}: no reviewBody, description, name or headline`);
  });
  const report = { rejected: rejected.count > 0 ? rejected : undefined, warnings: warnings.length > 0 ? warnings : undefined };
  if (reviews.length > 0) return { reviews, ...report };

  const micro = microdataReviews($, maxItems, warnings);
  if (micro.length > 0) return { reviews: micro, ...report, warnings: warnings.length > 0 ? warnings : undefined };
  // A business with an aggregateRating but no reviews listed yet is a page without reviews, not a broken one;
  // with unreadable review data beside it, the reports say so (and the poll does not complete a baseline).
  if (reviewish) return { reviews: [], ...report };
  if (brokenNote) throw new ParseError(`no readable review data on the page: ${brokenNote}`);
  throw new ParseError(
    blocks > 0
      ? `the page's ${blocks} JSON-LD block(s) hold no schema.org Review or aggregateRating`
      : 'the page has no schema.org review data (no JSON-LD, microdata Review or __NEXT_DATA__ reviews)',
  );
}

/** The first `maxItems` reviews, with a warning when there were more. */
function capped(reviews: RawReview[], maxItems: number, warnings: string[]): PageResult {
  if (reviews.length > maxItems) warnings.push(cappedWarning(reviews.length, maxItems));
  return { reviews: reviews.slice(0, maxItems), warnings: warnings.length > 0 ? warnings : undefined };
}

function hasType(node: Json, type: string): boolean {
  const t = node['@type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

/** Collects Review nodes anywhere in a JSON-LD document; true when it saw review data (reviews or a rating summary). */
function walk(node: unknown, out: Json[], depth: number, count: { n: number }): boolean {
  if (depth > MAX_DEPTH || ++count.n > MAX_NODES) return false;
  if (Array.isArray(node)) {
    let seen = false;
    for (const n of node) seen = walk(n, out, depth + 1, count) || seen;
    return seen;
  }
  if (!isObject(node)) return false;
  if (hasType(node, 'Review') || hasType(node, 'UserReview') || hasType(node, 'CriticReview')) {
    out.push(node);
    return true;
  }
  let seen = 'aggregateRating' in node || 'review' in node || 'reviews' in node;
  for (const [k, v] of Object.entries(node)) {
    if (k === '@context') continue;
    if (typeof v === 'object' && v !== null) seen = walk(v, out, depth + 1, count) || seen;
  }
  return seen;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() || undefined : typeof v === 'number' ? String(v) : undefined);

function nameOf(v: unknown): string | undefined {
  if (Array.isArray(v)) return nameOf(v[0]);
  if (isObject(v)) return str(v.name);
  return str(v);
}

function num(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(',', '.')) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function fromJsonLd(r: Json, pageUrl: string | undefined): RawReview | undefined {
  const text = str(r.reviewBody) ?? str(r.description) ?? '';
  const title = str(r.name) ?? str(r.headline);
  if (!text && !title) return undefined;
  const rr = isObject(r.reviewRating) ? r.reviewRating : undefined;
  const value = num(rr?.ratingValue);
  const best = num(rr?.bestRating) ?? 5;
  const worst = num(rr?.worstRating) ?? (best === 5 ? 1 : 0);
  const url = str(r.url);
  return {
    platformId: str(r['@id']) ?? url,
    author: nameOf(r.author),
    rating: value === undefined ? undefined : best === 5 ? value : value - worst,
    ratingBest: best === 5 ? 5 : best - worst,
    title,
    text: text || title || '',
    url: url ? absoluteUrl(url, pageUrl) : undefined,
    publishedAt: str(r.datePublished) ?? str(r.dateCreated),
    language: str(r.inLanguage),
  };
}

/** Trustpilot (Next.js) pages: `props.pageProps.reviews[]` with real review ids. */
function nextDataReviews($: cheerio.CheerioAPI, pageUrl: string | undefined, warnings: string[]): RawReview[] | undefined {
  const raw = $('script#__NEXT_DATA__').first().text();
  if (!raw) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch (err) {
    warnings.push(`the __NEXT_DATA__ block is not valid JSON (${(err as Error).message.slice(0, 120)})`);
    return undefined;
  }
  const pageProps = isObject(doc) && isObject(doc.props) && isObject(doc.props.pageProps) ? doc.props.pageProps : undefined;
  const list = pageProps?.reviews;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const out: RawReview[] = [];
  for (const r of list) {
    if (!isObject(r)) continue;
    const id = str(r.id);
    const text = str(r.text) ?? '';
    const title = str(r.title);
    if (!id || (!text && !title)) continue;
    const dates = isObject(r.dates) ? r.dates : {};
    out.push({
      platformId: id,
      author: isObject(r.consumer) ? str(r.consumer.displayName) : undefined,
      rating: num(r.rating),
      ratingBest: 5,
      title,
      text: text || title || '',
      url: pageUrl ? absoluteUrl(`/reviews/${encodeURIComponent(id)}`, pageUrl) : undefined,
      publishedAt: str(dates.publishedDate),
      language: str(r.language),
    });
  }
  return out.length > 0 ? out : undefined;
}

/** `itemtype=".../Review"` elements with `itemprop` children. */
function microdataReviews($: cheerio.CheerioAPI, maxItems: number, warnings: string[]): RawReview[] {
  const out: RawReview[] = [];
  const items = $('[itemtype$="schema.org/Review"], [itemtype$="schema.org/Review/"]');
  // Each item costs several scoped queries: a page with a hundred thousand of them is read up to the cap.
  if (items.length > maxItems) warnings.push(cappedWarning(items.length, maxItems));
  items.slice(0, maxItems).each((_i, el) => {
    // A property belongs to the nearest enclosing itemscope: the author's `name` is not the review's.
    const own = (scopeEl: typeof el, name: string) =>
      $(scopeEl)
        .find(`[itemprop="${name}"]`)
        .filter((_j, p) => $(p).parent().closest('[itemscope]').get(0) === scopeEl)
        .first();
    const value = (p: ReturnType<typeof own>): string | undefined =>
      p.length === 0 ? undefined : (str(p.attr('content')) ?? str(p.attr('datetime')) ?? str(p.text()));
    const authorEl = own(el, 'author');
    const author = authorEl.attr('itemscope') !== undefined ? value(own(authorEl.get(0)!, 'name')) : value(authorEl);
    const ratingEl = own(el, 'reviewRating');
    const ratingProp = (name: string) => (ratingEl.length > 0 ? value(own(ratingEl.get(0)!, name)) : undefined);
    const text = value(own(el, 'reviewBody')) ?? value(own(el, 'description')) ?? '';
    const title = value(own(el, 'name'));
    if (!text && !title) return;
    const rating = num(ratingProp('ratingValue'));
    const best = num(ratingProp('bestRating')) ?? 5;
    out.push({ author, rating, ratingBest: best, title, text: text || title || '', publishedAt: value(own(el, 'datePublished')) });
  });
  return out;
}

/** Any page with schema.org reviews (JSON-LD, microdata, Trustpilot's __NEXT_DATA__). */
export const jsonldAdapter: SourceAdapter<'jsonld'> = {
  maxPages: () => 1,
  request: (source) => ({ url: source.url, headers: { accept: 'text/html,application/xhtml+xml' } }),
  parse: (body, source, _page, limits) => parseJsonLdPage(body, source.url, limits.maxItems),
};
