import { z } from 'zod';
import { isoWeekStart } from '../insights/iso-week.js';
import { SEVERITIES } from '../domain/verdict.js';
import { STATUSES } from '../lifecycle/states.js';
import { ID_PATTERN, QUALIFIED_ID_PATTERN } from '../domain/ids.js';

/** Shared request schemas: the same ones validate requests and document them in /openapi.json. */
// A source of a business in `businesses:` is `<business>.<source>` across the deployment, and its reviews' ids start so.
export const reviewIdParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}(\.[A-Za-z0-9_-]{1,100})?$/, 'must be a review id').describe('review id') });
/** A source id in a path or query: `google`, or `<business>.<source>` for a source of one of several businesses. */
export const sourceId = z.string().regex(QUALIFIED_ID_PATTERN, 'must be a source id');
export const sourceIdParams = z.strictObject({ id: sourceId.describe('source id') });
/** `business=`: narrows a list (or stats) to one business of a deployment that serves several. */
export const businessQuery = z.string().regex(ID_PATTERN, 'must be a business id').optional().describe('only this business (see /v1/businesses)');

export const limit = z.coerce.number().int().min(1).max(100).default(20).describe('page size, 1-100');
export const cursor = z.string().min(1).max(300).optional().describe('nextCursor of the previous page');
export const isoDateTime = z.iso.datetime({ offset: true, error: 'must be an ISO-8601 date-time, e.g. 2026-01-31T00:00:00Z' });

/** An ISO week, `2026-W48`, that exists (a 53rd week only in a year that has one); the error says which weeks do. */
export const isoWeek = z.string().superRefine((week, ctx) => {
  try {
    isoWeekStart(week);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
  }
});

/** A comma-separated list of allowed values, e.g. `status=new,acknowledged`. */
export function csvOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values, { error: `each ${what} must be one of ${values.join(', ')}` })).min(1))
    .describe(`one or more of ${values.join(', ')}, comma-separated`);
}

export const reviewListQuery = z.strictObject({
  limit,
  cursor,
  status: csvOf(STATUSES, 'status').optional(),
  source: sourceId.optional(),
  business: businessQuery,
  severity: csvOf(SEVERITIES, 'severity').optional(),
  topic: z.string().regex(/^[\w-]{1,64}$/, 'must be a topic id').optional(),
  rating: csvOf(['1', '2', '3', '4', '5'], 'rating').optional(),
  negative: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('only negative (true) or non-negative (false) reviews'),
  recovered: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('only reviews past their reply SLA without a reply (true), or not (false)'),
  since: isoDateTime.optional().describe('published at or after'),
  until: isoDateTime.optional().describe('published before'),
  q: z.string().min(1).max(200).optional().describe('case-insensitive text search in title, text and author'),
  assignee: z.union([z.literal('none'), z.email()], { error: 'must be an e-mail address or none' }).optional().describe('assigned to this person (e-mail), or none'),
});

/** The list's filters for the CSV export, plus `bom`. */
export const reviewCsvQuery = reviewListQuery.extend({
  bom: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('start with a UTF-8 byte order mark (for Excel)'),
});

export const alertListQuery = z.strictObject({
  limit,
  cursor,
  source: sourceId.optional(),
  business: businessQuery,
  since: isoDateTime.optional().describe('flagged at or after'),
});

export const note = z.string().trim().min(1).max(2_000).optional();
export const override = z.strictObject({ reason: z.string().trim().min(3, 'say why the guardrails are overridden').max(500) }).optional().describe('approve despite guardrail violations; recorded in the history');

export const acknowledgeBody = z.strictObject({ note });
export const assignBody = z.strictObject({ email: z.email({ error: 'must be the e-mail address of a person, or null' }).max(254).nullable().describe('the assignee, or null for nobody'), note });
export const draftBody = z.strictObject({ reply: z.string().trim().min(1).max(10_000), note });
export const approveBody = z.strictObject({ override, note });
export const replyBody = z.strictObject({ posted: z.boolean().default(false).describe('true: the reply was posted by hand; record it'), note });
/** `followUpAfter`: seconds, or an ISO-8601 duration such as `P3D` or `PT12H`. */
export const resolveBody = z.strictObject({
  note: z.string().trim().min(1).max(1_000).optional().describe('what changed, in the public follow-up'),
  followUpAfter: z.union([z.number().int().min(0).max(90 * 86_400), z.string().regex(/^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/, 'must be seconds or an ISO-8601 duration like P3D or PT12H')]).optional(),
});
export const followUpBody = z.strictObject({
  posted: z.boolean().default(false).describe('true: the follow-up was posted by hand; record it'),
  text: z.string().trim().min(1).max(10_000).optional().describe('replace the drafted follow-up (guardrails re-run)'),
  override,
  note,
});

/** Seconds in an ISO-8601 duration of days, hours, minutes and seconds (or a number of seconds). */
export function durationSeconds(d: number | string): number {
  if (typeof d === 'number') return d;
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(d);
  if (!m) throw new Error(`not a duration: ${d}`);
  const [, days, hours, minutes, seconds] = m.map((x) => Number(x ?? 0));
  return days! * 86_400 + hours! * 3_600 + minutes! * 60 + seconds!;
}
