import Parser from 'rss-parser';
import type { RawReview } from '../domain/review.js';
import { ParseError } from './errors.js';

type Extra = Record<string, unknown>;

// Review feeds carry ratings in many places; these are the ones seen in practice.
const RATING_FIELDS = ['rating', 'review:rating', 'reviewRating', 'stars', 'g:rating', 'rm:rating'];

const newParser = (): Parser<Extra, Extra> =>
  new Parser<Extra, Extra>({
    customFields: { item: [...RATING_FIELDS, 'author', 'dc:creator', 'id'] },
    // Feeds in the wild leave out <rss version="2.0"> (UOL's does): read a version-less <rss> as 2.0.
    defaultRSS: 2.0,
  });
let parser = newParser();

/** Parses an RSS 2.0 (or version-less), RSS 1.0 or Atom document into raw reviews; throws ParseError on anything that is not a feed. */
export async function parseRss(xml: string): Promise<RawReview[]> {
  if (!/<(rss|feed|rdf:RDF)[\s>]/i.test(xml.slice(0, 4096))) {
    throw new ParseError('not an RSS or Atom document (no <rss>, <feed> or <rdf:RDF> root element)');
  }
  let feed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    feed = await parser.parseString(xml);
  } catch (err) {
    // rss-parser keeps one xml2js parser, which after an error never calls back again: every later parse in this
    // process would wait forever. A new one for the next feed.
    parser = newParser();
    throw new ParseError(`invalid RSS/Atom: ${(err as Error).message.split('\n')[0]}`);
  }
  const out: RawReview[] = [];
  for (const item of feed.items ?? []) {
    // Malformed XML can turn an element into an object (attributes and children): read only strings.
    const text = textOf(stringOf(item.contentSnippet) ?? stringOf(item.summary) ?? stringOf(item.content) ?? '');
    const rawTitle = stringOf(item.title);
    const title = rawTitle ? textOf(rawTitle) : undefined;
    if (!text && !title) continue;
    const rating = ratingOf(item, title);
    out.push({
      platformId: stringOf(item.guid) ?? stringOf(item.id) ?? item.link,
      author: authorOf(item),
      rating: rating?.value,
      ratingBest: rating?.best,
      title,
      text: text || title || '',
      url: item.link,
      publishedAt: item.isoDate ?? item.pubDate,
    });
  }
  return out;
}

function stringOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (v && typeof v === 'object' && '_' in v && typeof (v as { _: unknown })._ === 'string') return (v as { _: string })._.trim() || undefined;
  return undefined;
}

function authorOf(item: Extra & Parser.Item): string | undefined {
  const a = item.creator ?? item['dc:creator'] ?? item.author;
  if (typeof a === 'string') return a.trim() || undefined;
  // Atom: <author><name>…</name></author> arrives as { name: ['…'] }.
  if (a && typeof a === 'object') {
    const name = (a as { name?: unknown }).name;
    const first = Array.isArray(name) ? name[0] : name;
    return typeof first === 'string' ? first.trim() || undefined : undefined;
  }
  return undefined;
}

/** A rating from a rating element, or from the title ("4/5", "2 out of 5 stars", "★★☆☆☆"). */
function ratingOf(item: Extra, title: string | undefined): { value: number; best: number } | undefined {
  for (const field of RATING_FIELDS) {
    const raw = stringOf(item[field]) ?? (typeof item[field] === 'number' ? String(item[field]) : undefined);
    if (!raw) continue;
    const parsed = parseRatingText(raw);
    if (parsed) return parsed;
  }
  return title ? parseRatingText(title) : undefined;
}

/** Reads "4", "4.5", "4/5", "8/10", "2 out of 5", "80%", "★★☆☆☆", "rated 3 stars". */
export function parseRatingText(s: string): { value: number; best: number } | undefined {
  const stars = /([★]+)([☆]*)/.exec(s);
  if (stars?.[1]) return { value: stars[1].length, best: stars[1].length + (stars[2]?.length ?? 0) === 10 ? 10 : 5 };
  const frac = /(\d+(?:[.,]\d+)?)\s*(?:\/|out of|of)\s*(\d+)/i.exec(s);
  if (frac?.[1] && frac[2]) {
    const value = Number(frac[1].replace(',', '.'));
    const best = Number(frac[2]);
    if (best > 0 && value <= best) return { value, best };
  }
  const percent = /(\d+(?:[.,]\d+)?)\s*%/.exec(s);
  if (percent?.[1]) {
    const value = Number(percent[1].replace(',', '.'));
    if (value <= 100) return { value, best: 100 };
  }
  const starsWord = /(\d(?:[.,]\d)?)\s*stars?\b/i.exec(s);
  if (starsWord?.[1]) return { value: Number(starsWord[1].replace(',', '.')), best: 5 };
  const bare = /^\s*(\d(?:[.,]\d+)?)\s*$/.exec(s);
  if (bare?.[1]) {
    const value = Number(bare[1].replace(',', '.'));
    if (value >= 0 && value <= 5) return { value, best: 5 };
  }
  return undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text from feed content that may hold HTML. */
function textOf(s: string): string {
  return s
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
