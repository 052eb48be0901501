import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import type { FileSourceConfig } from '../config/schema.js';
import { countsAsRating, type RawReview } from '../domain/review.js';
import type { PageResult, Rejected, SourceAdapter } from './adapter.js';
import { ParseError } from './errors.js';
import { parseRatingText } from './rss.js';

export type FileFormat = 'json' | 'jsonl' | 'csv';

/** The format from the config, else from the file's extension (JSON when unknown). */
export function fileFormat(source: Pick<FileSourceConfig, 'path' | 'format'>): FileFormat {
  if (source.format) return source.format;
  const ext = extname(source.path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return 'json';
}

// Column names seen in real exports, matched case-insensitively (spaces, "-" and "_" ignored).
const FIELDS: Record<keyof Omit<RawReview, 'ratingBest' | 'appVersion' | 'translation' | 'platformReply' | 'updatedAt' | 'excerpt'> | 'ratingBest', string[]> = {
  platformId: ['id', 'reviewid', 'platformid', 'guid'],
  author: ['author', 'name', 'reviewer', 'user', 'username', 'displayname'],
  rating: ['rating', 'stars', 'score', 'ratingvalue'],
  ratingBest: ['ratingbest', 'bestrating', 'scale', 'outof'],
  title: ['title', 'headline', 'subject'],
  text: ['text', 'body', 'review', 'content', 'comment', 'reviewbody'],
  url: ['url', 'link'],
  publishedAt: ['date', 'publishedat', 'published', 'datepublished', 'createdat', 'created'],
  language: ['language', 'lang', 'locale'],
};

const keyOf = (k: string): string => k.toLowerCase().replace(/[\s_-]/g, '');

/** Maps one exported row onto a raw review, or says why it cannot. */
export function rowToReview(row: unknown): RawReview | string {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return 'not an object';
  const byKey = new Map<string, unknown>();
  for (const [k, v] of Object.entries(row)) byKey.set(keyOf(k), v);
  const get = (field: keyof typeof FIELDS): string | undefined => {
    for (const name of FIELDS[field]) {
      const v = byKey.get(name);
      if (typeof v === 'string' && v.trim()) return v.trim();
      if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    }
    return undefined;
  };
  const text = get('text');
  const title = get('title');
  let rating: { value: number; best: number } | undefined;
  const ratingText = get('rating');
  if (ratingText !== undefined) {
    const bestText = get('ratingBest');
    const best = bestText === undefined ? undefined : Number(bestText);
    if (best !== undefined && !(best > 0)) return `ratingBest "${bestText}" is not a positive number`;
    const n = Number(ratingText.replace(',', '.'));
    rating = Number.isFinite(n) ? { value: n, best: best ?? 5 } : parseRatingText(ratingText);
    if (!rating) return `rating "${ratingText}" is not a number`;
    if (rating.value < 0 || rating.value > rating.best) return `rating ${rating.value} is outside 0–${rating.best} (add a ratingBest column for other scales)`;
  }
  // A rating alone is a review, as Google and the app stores have them: a 1-star without a word still wants an answer.
  if (!text && !title && !countsAsRating(rating)) return 'no text and no rating (expected a text, body, review or content column, or a rating)';
  const date = get('publishedAt');
  if (date !== undefined && Number.isNaN(Date.parse(date))) return `date "${date}" is not a date`;
  return {
    platformId: get('platformId'),
    author: get('author'),
    rating: rating?.value,
    ratingBest: rating?.best,
    title,
    text: text ?? title ?? '',
    url: get('url'),
    publishedAt: date,
    language: get('language'),
  };
}

const MAX_REASONS = 5;

/**
 * Parses a review export (JSON array, JSONL or CSV with a header row). Good rows are kept; bad rows are
 * counted in `rejected` with their row numbers. A file where no row is good is a ParseError.
 */
export function parseReviewFile(body: string, format: FileFormat): PageResult {
  const rejected: Rejected = { count: 0, reasons: [] };
  const reject = (where: string, why: string): void => {
    rejected.count += 1;
    if (rejected.reasons.length < MAX_REASONS) rejected.reasons.push(`${where}: ${why}`);
  };
  const rows: { where: string; row: unknown }[] = [];
  const text = body.replace(/^\uFEFF/, '');
  if (format === 'json') {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new ParseError(`review file is not valid JSON: ${(err as Error).message.slice(0, 120)}`);
    }
    const list = Array.isArray(doc) ? doc : typeof doc === 'object' && doc !== null && Array.isArray((doc as { reviews?: unknown }).reviews) ? (doc as { reviews: unknown[] }).reviews : undefined;
    if (!list) throw new ParseError('review file must hold a JSON array of reviews (or an object with a "reviews" array)');
    list.forEach((row, i) => rows.push({ where: `item ${i + 1}`, row }));
  } else if (format === 'jsonl') {
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        rows.push({ where: `line ${i + 1}`, row: JSON.parse(line) });
      } catch {
        reject(`line ${i + 1}`, 'not valid JSON');
      }
    });
  } else {
    // csv-parse rather than a split on commas: RFC 4180 quoting (commas, quotes and newlines inside fields).
    let records: { record: Record<string, string>; info: { lines: number } }[];
    try {
      records = parseCsv(text, {
        columns: (header: string[]) => header.map((h) => h.trim()),
        skip_empty_lines: true,
        info: true,
        skip_records_with_error: true,
        on_skip: (err: { message: string; lines?: number } | undefined) => {
          if (err) reject(`line ${err.lines ?? '?'}`, err.message);
        },
      }) as unknown as { record: Record<string, string>; info: { lines: number } }[];
    } catch (err) {
      throw new ParseError(`review file is not valid CSV: ${(err as Error).message.slice(0, 200)}`);
    }
    // Line numbers as an editor shows them (a quoted field may span lines: the record's last line).
    for (const { record, info } of records) rows.push({ where: `line ${info.lines}`, row: record });
  }
  const reviews: RawReview[] = [];
  for (const { where, row } of rows) {
    const r = rowToReview(row);
    if (typeof r === 'string') reject(where, r);
    else reviews.push(r);
  }
  if (reviews.length === 0 && rejected.count > 0) throw new ParseError(`no usable review in the file; ${rejected.count} rejected: ${rejected.reasons.join('; ')}`);
  return { reviews, rejected: rejected.count > 0 ? rejected : undefined };
}

/** A local export (JSON, JSONL, CSV) of reviews, for imports and the demo. */
export const fileAdapter: SourceAdapter<'file'> = {
  maxPages: () => 1,
  request: (source) => ({ url: pathToFileURL(source.path).href }),
  parse: (body, source) => parseReviewFile(body, fileFormat(source)),
};
