import type { SlaHours } from '../lifecycle/sla.js';
import { isRecovered } from '../lifecycle/states.js';
import type { AnalysisItem } from '../store/review-store.js';

/** The export's columns, in order: what a spreadsheet or a BI tool needs of each review. */
export const REVIEW_CSV_COLUMNS = [
  'id', 'source', 'platformId', 'publishedAt', 'author', 'rating', 'title', 'text', 'language', 'url',
  'status', 'negative', 'severity', 'topics', 'assignee', 'repliedAt', 'resolvedAt', 'followedUpAt', 'recovered', 'replyText',
] as const;

/**
 * One RFC 4180 field: quoted when it holds a comma, quote or line break (quotes doubled). A text cell that
 * starts like a formula (= + - @, or a tab or CR before one) gets a leading apostrophe: review text is written
 * by strangers, and a spreadsheet would otherwise run "=HYPERLINK(…)" or "@SUM(…)" as code (CSV injection).
 */
export function csvField(value: string | number | boolean | undefined | null, text = true): string {
  if (value === undefined || value === null) return '';
  let s = String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One review as a CSV record (CRLF-terminated, as RFC 4180 has it). */
export function reviewCsvRow(s: AnalysisItem): string {
  const r = s.review;
  const cells = [
    csvField(r.id), csvField(r.sourceId), csvField(r.platformId), csvField(r.publishedAt ?? ''), csvField(r.author), csvField(r.rating, false),
    csvField(r.title), csvField(r.text), csvField(r.language ?? s.verdict?.language), csvField(r.url), csvField(s.status), csvField(s.verdict ? s.verdict.negative : undefined, false),
    csvField(s.verdict?.severity), csvField(s.verdict?.topics.join(';')), csvField(s.lifecycle.assignee), csvField(s.lifecycle.repliedAt), csvField(s.lifecycle.resolvedAt),
    csvField(s.lifecycle.followedUpAt), csvField(isRecovered(s.ratingHistory, s.lifecycle.repliedAt), false), csvField(s.lifecycle.replyText),
  ];
  return `${cells.join(',')}\r\n`;
}

/**
 * The whole export, page by page from the store (`nextPage` is the store's cursor paging): memory stays one
 * page whatever the number of reviews. `bom` puts a UTF-8 byte order mark first, which Excel needs to read
 * accents and emoji right.
 */
export async function* reviewCsv(nextPage: (cursor: string | undefined) => Promise<{ items: AnalysisItem[]; nextCursor: string | null | undefined }>, opts: { bom?: boolean; sla?: SlaHours } = {}): AsyncGenerator<string> {
  yield `${opts.bom ? '\uFEFF' : ''}${REVIEW_CSV_COLUMNS.join(',')}\r\n`;
  let cursor: string | undefined;
  do {
    const page = await nextPage(cursor);
    let chunk = '';
    for (const item of page.items) chunk += reviewCsvRow(item);
    if (chunk) yield chunk;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
