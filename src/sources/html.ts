import type * as cheerio from 'cheerio';
import type { HtmlSourceConfig } from '../config/schema.js';
import { countsAsRating, type RawReview } from '../domain/review.js';
import { absoluteUrl, type PageResult, type SourceAdapter } from './adapter.js';
import { cappedWarning } from './cap.js';
import { ParseError } from './errors.js';
import { loadHtml } from './load-html.js';
import { parseRatingText } from './rss.js';

type Selectors = HtmlSourceConfig['selectors'];
type Cheerio = ReturnType<cheerio.CheerioAPI>;

/** `".stars@data-rating"` → selector and attribute; `"@href"` reads the item's own attribute. */
function split(spec: string): { selector: string; attr?: string | undefined } {
  const m = /^(.*?)@([\w:-]+)$/.exec(spec.trim());
  return m ? { selector: (m[1] ?? '').trim(), attr: m[2] } : { selector: spec.trim() };
}

function read(item: Cheerio, spec: string | undefined): string | undefined {
  if (!spec) return undefined;
  const { selector, attr } = split(spec);
  const el = selector ? item.find(selector).first() : item;
  if (el.length === 0) return undefined;
  const value = attr ? el.attr(attr) : el.text();
  const out = value?.replace(/\s+/g, ' ').trim();
  return out || undefined;
}

/** A rating as sites write it: "4", "4/5", "8 out of 10", "80%", "★★★★☆", "Rated 4 stars". */
function ratingOf(value: string | undefined, best: number | undefined): { value: number; best: number } | undefined {
  if (!value) return undefined;
  const n = Number(value.replace(',', '.'));
  if (Number.isFinite(n) && value.trim() !== '') return { value: n, best: best ?? 5 };
  return parseRatingText(value);
}

/**
 * Scrapes reviews from a page with the configured CSS selectors. Items with neither text nor a rating are skipped; a
 * page where `item` matches nothing, or no item has text, is a ParseError (the site changed or blocked us).
 */
export function parseHtmlPage(html: string, selectors: Selectors, opts: { pageUrl?: string | undefined; ratingBest?: number | undefined; maxItems?: number | undefined } = {}): PageResult {
  const $ = loadHtml(html);
  let items: Cheerio;
  try {
    items = $(selectors.item);
  } catch (err) {
    throw new ParseError(`selectors.item "${selectors.item}" is not a valid CSS selector: ${(err as Error).message}`);
  }
  if (items.length === 0) throw new ParseError(`no element matches selectors.item "${selectors.item}" (the page changed, or is not the review page)`);
  // Each item costs a selector query per field: a page with a hundred thousand of them is read up to the cap.
  const maxItems = opts.maxItems ?? Number.POSITIVE_INFINITY;
  const warnings = items.length > maxItems ? [cappedWarning(items.length, maxItems)] : undefined;
  if (warnings) items = items.slice(0, maxItems);
  const rows: (RawReview & { link?: string | undefined })[] = [];
  let withoutText = 0;
  let withText = 0;
  try {
    items.each((_i, el) => {
      const item = $(el);
      const text = read(item, selectors.text) ?? '';
      const rating = ratingOf(read(item, selectors.rating), opts.ratingBest);
      // An item that is only a rating is a review (a 1-star without a word still wants an answer); one with neither
      // is not (a promo card).
      if (!text && !countsAsRating(rating)) {
        withoutText += 1;
        return;
      }
      if (text) withText += 1;
      // A link selector names the anchor; its href is what matters, not its text.
      const link = read(item, selectors.link && !split(selectors.link).attr ? `${selectors.link}@href` : selectors.link);
      rows.push({
        platformId: read(item, selectors.id),
        author: read(item, selectors.author),
        rating: rating?.value,
        ratingBest: rating?.best,
        title: read(item, selectors.title),
        text,
        url: link ? absoluteUrl(link, opts.pageUrl) : undefined,
        publishedAt: read(item, selectors.date),
      });
    });
  } catch (err) {
    if (err instanceof ParseError) throw err;
    throw new ParseError(`a selector is not valid CSS: ${(err as Error).message}`);
  }
  // Ratings alone on a whole page: the text selector is what broke, not the reviews.
  if (withText === 0) throw new ParseError(`${items.length} element(s) match selectors.item but none has text at selectors.text "${selectors.text}"`);
  // A link is an id only when it tells the items apart (some sites link every item to the same page).
  const links = rows.map((r) => r.url);
  const linksUnique = links.every((l) => l !== undefined) && new Set(links).size === links.length;
  const reviews = rows.map((r) => ({ ...r, platformId: r.platformId ?? (linksUnique ? r.url : undefined) }));
  return { reviews, rejected: withoutText > 0 ? { count: withoutText, reasons: [`${withoutText} item(s) with neither text at selectors.text nor a rating`] } : undefined, warnings };
}

/** A page scraped by the CSS selectors in the config. */
export const htmlAdapter: SourceAdapter<'html'> = {
  maxPages: () => 1,
  request: (source) => ({ url: source.url, headers: { accept: 'text/html,application/xhtml+xml' } }),
  parse: (body, source, _page, limits) => parseHtmlPage(body, source.selectors, { pageUrl: source.url, ratingBest: source.ratingBest, maxItems: limits.maxItems }),
};
