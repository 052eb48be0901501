import { z } from 'zod';
import { SEVERITIES } from '../domain/verdict.js';
import { STATUSES } from '../lifecycle/states.js';
import { LIFECYCLE_FIELDS } from '../store/review-store.js';

/**
 * The bodies the API answers with, as zod schemas. Each is registered under a name and becomes
 * `#/components/schemas/<name>` in /openapi.json; the API tests check every answer against the document,
 * so a field added to an answer must be added here too (objects allow no undocumented properties).
 */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

const isoTime = z.string().describe('ISO-8601 date-time');

/** The API's one error body. */
export const apiErrorSchema = z
  .object({
    error: z.string().describe('machine-readable code, e.g. bad_request, not_found, conflict'),
    message: z.string().describe('what is wrong, naming the field for bad input'),
    details: z
      .union([z.array(z.object({ path: z.string(), message: z.string() })), z.record(z.string(), z.unknown())])
      .optional()
      .describe('bad fields (400), the current state (409), the guardrail violations (422), …'),
  })
  .register(apiSchemas, { id: 'Error' });

export const verdictSchema = z
  .object({
    negative: z.boolean(),
    score: z.number().describe('-1 (very negative) … 1 (very positive)'),
    severity: z.enum(SEVERITIES),
    topics: z.array(z.string()),
    concerns: z
      .array(z.string())
      .optional()
      .describe('a review that is not negative: the topics it still criticises ("Lovely room. Breakfast was disappointing")'),
    reasons: z.array(z.string()).describe('the words, phrases and rating behind the decision'),
    language: z.string().describe('ISO 639-1 code, or und'),
  })
  .register(apiSchemas, { id: 'Verdict' });

export const violationSchema = z.object({ rule: z.string(), message: z.string(), span: z.string().optional() }).register(apiSchemas, { id: 'Violation' });

export const draftSchema = z
  .object({
    reply: z.string(),
    violations: z.array(violationSchema),
    score: z.number().describe('0–1: share of guardrails passed'),
    requiresHuman: z.boolean().optional().describe('critical review, guardrail violations, or a 1–2 star rating whose text reads as praise: never publish without a person'),
    autoPublish: z.boolean().optional(),
    editedBy: z.string().optional(),
    editedAt: isoTime.optional(),
  })
  .register(apiSchemas, { id: 'Draft' });

const lifecycleShape = Object.fromEntries(LIFECYCLE_FIELDS.map((f) => [f, z.string().optional()])) as Record<(typeof LIFECYCLE_FIELDS)[number], z.ZodOptional<z.ZodString>>;

/** A review as /v1 shows it (presentReview). */
export const reviewSchema = z
  .object({
    id: z.string(),
    sourceId: z.string(),
    platformId: z.string(),
    author: z.string().optional(),
    rating: z.number().optional().describe('1–5, normalised from the platform’s scale'),
    ratingOriginal: z.object({ value: z.number(), best: z.number() }).optional(),
    title: z.string().optional(),
    text: z.string(),
    url: z.string().optional(),
    publishedAt: isoTime.optional(),
    language: z.string().optional(),
    appVersion: z.string().optional(),
    translation: z.string().optional().describe('the platform’s machine translation of the text'),
    platformReply: z.object({ text: z.string(), at: isoTime.optional() }).optional().describe('a reply posted on the platform itself'),
    updatedAt: isoTime.optional().describe('when the platform says the review was last edited'),
    excerpt: z.boolean().optional().describe('the platform gives only an excerpt (Yelp): the full review is at url'),
    contentHash: z.string(),
    fetchedAt: isoTime,
    status: z.enum(STATUSES),
    recovered: z.boolean().describe('the rating went up after our reply'),
    backfill: z.boolean().describe('stored by the source’s first (baseline) poll'),
    createdAt: isoTime,
    editedAt: isoTime.optional(),
    analyzedAt: isoTime.optional(),
    flaggedAt: isoTime.optional(),
    ratingHistory: z.array(z.object({ rating: z.number().nullable(), at: isoTime })),
    verdict: verdictSchema.nullable(),
    draft: draftSchema.nullable(),
    lifecycle: z.object(lifecycleShape).describe('approval, reply and follow-up: texts, states and times'),
    sla: z.object({ dueAt: isoTime.nullable(), overdue: z.boolean() }).optional().describe('when the reply is due (lifecycle.sla) and whether it is overdue'),
  })
  .register(apiSchemas, { id: 'Review' });

const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last') });

export const reviewPageSchema = page(reviewSchema).register(apiSchemas, { id: 'ReviewPage' });

export const historySchema = z
  .object({
    items: z.array(
      z.object({
        at: isoTime,
        actor: z.string().describe('API key or person name, system, reviewer, or publisher:<type>'),
        action: z.string(),
        from: z.enum(STATUSES).optional(),
        to: z.enum(STATUSES).optional(),
        note: z.string().optional(),
        details: z.record(z.string(), z.unknown()).optional(),
      }),
    ),
  })
  .register(apiSchemas, { id: 'History' });

export const replyOutcomeSchema = z
  .object({
    id: z.string(),
    status: z.enum(STATUSES),
    replyState: z.enum(['ready_to_post', 'publishing']),
    publisher: z.string(),
    text: z.string(),
    url: z.string().nullable().optional().describe('where to post it by hand (manual publisher)'),
  })
  .register(apiSchemas, { id: 'ReplyOutcome' });

export const resolvedSchema = reviewSchema
  .extend({ followUp: z.object({ text: z.string(), violations: z.array(violationSchema), dueAt: isoTime }) })
  .register(apiSchemas, { id: 'ResolvedReview' });

export const followUpOutcomeSchema = z
  .object({
    id: z.string(),
    status: z.enum(STATUSES),
    followUpState: z.enum(['ready_to_post', 'publishing']),
    publisher: z.string(),
    text: z.string().nullable(),
  })
  .register(apiSchemas, { id: 'FollowUpOutcome' });

export const queuedSchema = z.object({ queued: z.literal(true), jobId: z.string() }).register(apiSchemas, { id: 'Queued' });

export const sourceSchema = z
  .object({
    id: z.string(),
    business: z.string().describe('the business the source belongs to'),
    type: z.string(),
    schedule: z.string(),
    enabled: z.boolean(),
    publisher: z.string(),
    healthy: z.boolean(),
    baselineAt: isoTime.optional(),
    etag: z.string().optional(),
    lastModified: z.string().optional(),
    lastPollAt: isoTime.optional(),
    lastSuccessAt: isoTime.optional(),
    lastError: z.string().optional(),
    lastErrorAt: isoTime.optional(),
    lastStatus: z.number().optional().describe('HTTP status of the last fetch'),
    consecutiveFailures: z.number(),
    reviewsSeen: z.number(),
    backoffUntil: isoTime.optional(),
    lastPages: z.number().optional(),
    rejectedRows: z.number().optional(),
    lastWarning: z.string().optional(),
    nextPollAt: isoTime.optional(),
  })
  .register(apiSchemas, { id: 'Source' });

export const sourceListSchema = z.object({ items: z.array(sourceSchema) }).register(apiSchemas, { id: 'SourceList' });

export const businessSchema = z
  .object({
    id: z.string().describe('what `business=` takes; its sources are `<id>.<source>` when the deployment has several'),
    name: z.string(),
    industry: z.string(),
    language: z.string(),
    tone: z.enum(['friendly', 'formal']),
    sources: z.array(z.string()).describe('its source ids'),
    channels: z.array(z.string()).describe('its own alert channel ids (the service-wide channels take every business)'),
  })
  .register(apiSchemas, { id: 'Business' });

export const businessListSchema = z.object({ items: z.array(businessSchema) }).register(apiSchemas, { id: 'BusinessList' });

export const deliverySchema = z
  .object({
    reviewId: z.string(),
    channelId: z.string(),
    channelType: z.string().nullable(),
    reviewPath: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number(),
    lastError: z.string().optional(),
    deliveredAt: isoTime.optional(),
    failedAt: isoTime.optional(),
    updatedAt: isoTime.optional(),
    digestAt: isoTime.optional(),
    resends: z.number(),
  })
  .register(apiSchemas, { id: 'Delivery' });

export const deliveryPageSchema = page(deliverySchema).register(apiSchemas, { id: 'DeliveryPage' });
export const deliveryListSchema = z.object({ items: z.array(deliverySchema) }).register(apiSchemas, { id: 'DeliveryList' });

const spread = z.object({ count: z.number(), medianSeconds: z.number().nullable(), p90Seconds: z.number().nullable() });
const counts = z.record(z.string(), z.object({ reviews: z.number(), negative: z.number() }));

export const statsSchema = z
  .object({
    since: isoTime,
    until: isoTime,
    truncated: z.boolean().describe('always false: stats are read from counters, with no cap (kept for older clients)'),
    reviews: z.number(),
    negative: z.number(),
    byDay: counts.describe('per UTC day; empty for a window longer than 92 days'),
    byWeek: counts.describe('per ISO week (a week cut by the window holds the part inside it)'),
    bySource: counts,
    ratings: z.object({
      average: z.number().nullable(),
      count: z.number().describe('rated reviews'),
      bySource: z.record(z.string(), z.object({ average: z.number().nullable(), count: z.number(), over: z.record(z.string(), z.object({ average: z.number().nullable(), count: z.number() })).describe('per day or week (`granularity`)') })),
    }),
    granularity: z.enum(['day', 'week']).describe('the periods of `ratings.bySource.*.over`'),
    byTopic: z.record(z.string(), z.number()),
    bySeverity: z.record(z.string(), z.number()),
    responseTimes: z.object({ publishedToAlert: spread, alertToReply: spread, replyToFollowUp: spread, publishedToReply: spread }),
    recovery: z.object({ replied: z.number(), recovered: z.number(), rate: z.number().nullable() }),
  })
  .register(apiSchemas, { id: 'Stats' });

export const healthSchema = z.object({ status: z.literal('ok') }).register(apiSchemas, { id: 'Health' });
export const readySchema = z.object({ status: z.literal('ready') }).register(apiSchemas, { id: 'Ready' });
/** Any JSON object (the OpenAPI document itself). */
export const documentSchema = z.record(z.string(), z.unknown());
/** A body of text: metrics, the event stream. */
export const textSchema = z.string();

const spreadShape = z.object({ count: z.number(), medianSeconds: z.number().nullable(), p90Seconds: z.number().nullable() });

/** GET /v1/reports/weekly: one ISO week beside the week before (src/insights/weekly-report.ts). */
export const weeklyReportSchema = z
  .object({
    week: z.string().describe('ISO week, e.g. 2026-W48'),
    since: isoTime,
    until: isoTime,
    reviews: z.object({ count: z.number(), previous: z.number() }),
    negative: z.object({ count: z.number(), previous: z.number() }),
    averageRating: z.object({ value: z.number().nullable(), previous: z.number().nullable(), trend: z.enum(['up', 'down', 'flat']).nullable() }),
    topics: z.array(z.object({ topic: z.string(), count: z.number(), previous: z.number(), change: z.number() })),
    responseTimes: z.object({ alertToReply: spreadShape, withinSla: z.number(), pastSla: z.number() }),
    openByStatus: z.record(z.string(), z.number()),
    followUpsSent: z.number(),
    recoveries: z.number(),
    champions: z.array(z.object({ reviewId: z.string(), author: z.string().nullable(), from: z.number(), to: z.number() })),
    patterns: z.array(z.object({ type: z.enum(['spike', 'rating_drop']), id: z.string(), at: isoTime, summary: z.string() })).describe('spikes and rating drops announced during the week'),
    truncated: z.boolean(),
  })
  .register(apiSchemas, { id: 'WeeklyReport' });

const insightExample = z.object({
  reviewId: z.string(),
  sourceId: z.string(),
  rating: z.number().optional(),
  author: z.string().optional(),
  publishedAt: isoTime.optional(),
  excerpt: z.string(),
  url: z.string().optional().describe('the review on its platform'),
  page: z.string().describe("the review's page in the workspace (absolute with publicUrl)"),
});

/** GET /v1/insights: the latest spikes and rating drops (src/insights/insight-alert.ts). */
export const insightListSchema = z
  .object({
    items: z.array(
      z.object({
        type: z.enum(['spike', 'rating_drop']),
        id: z.string().describe('stable per alert: the webhook and event id'),
        at: isoTime,
        summary: z.string(),
        examples: z.array(insightExample),
        business: z.string().optional().describe('the business it is about, when the deployment serves several'),
        spike: z
          .object({ kind: z.enum(['topic', 'source']), subject: z.string(), count: z.number(), baseline: z.number(), pValue: z.number(), period: z.string(), since: isoTime, until: isoTime, sources: z.array(z.string()) })
          .optional(),
        ratingDrop: z.object({ sourceId: z.string(), from: z.number(), to: z.number(), average: z.number(), ratings: z.number(), windowDays: z.number(), pValue: z.number() }).optional(),
      }),
    ),
  })
  .register(apiSchemas, { id: 'InsightList' });
