import { z } from 'zod';
import cron from 'node-cron';
import { SEVERITIES } from '../domain/verdict.js';

/** Source ids end up in Redis keys, review ids and BullMQ job ids, which must not contain `:`. */
const sourceId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i, 'must be 1-64 letters, digits, "-" or "_" (no ":" or spaces)');

const cronExpression = z.string().superRefine((expr, ctx) => {
  const result = cron.validateDetailed(expr);
  if (!result.valid) {
    const detail = result.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    ctx.addIssue({ code: 'custom', message: `Invalid cron expression "${expr}"${detail ? ` (${detail})` : ''}` });
  }
});

/** `http(s)://…`, `file:///absolute/path` or `file://./path/relative/to/the/config/file`. */
export const sourceUrl = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'Invalid URL' });
    return;
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) {
    ctx.addIssue({ code: 'custom', message: `Unsupported URL scheme "${url.protocol}" (use http://, https:// or file://)` });
  }
});

const httpUrl = z.url({ protocol: /^https?$/, error: 'Invalid URL (http:// or https:// expected)' });

const sourceBase = {
  id: sourceId,
  schedule: cronExpression,
  /** Alert on the reviews found by a source's first (baseline) poll. */
  alertOnBackfill: z.boolean().default(false),
  enabled: z.boolean().default(true),
};

export const rssSourceSchema = z.strictObject({
  ...sourceBase,
  type: z.literal('rss'),
  url: sourceUrl,
});

export const sourceSchema = z.discriminatedUnion('type', [rssSourceSchema]);

const alertBase = {
  /** Stable channel id: an alert is delivered once per review and channel id. */
  id: sourceId.optional(),
  minSeverity: z.enum(SEVERITIES).default('low'),
};

export const alertChannelSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...alertBase, type: z.literal('log') }),
  z.strictObject({
    ...alertBase,
    type: z.literal('webhook'),
    url: httpUrl,
    headers: z.record(z.string(), z.string()).default({}),
    timeoutMs: z.number().int().positive().default(10_000),
  }),
]);

export const businessSchema = z.strictObject({
  name: z.string().min(1),
  contact: z
    .strictObject({
      email: z.email().optional(),
      phone: z.string().min(3).optional(),
    })
    .refine((c) => c.email !== undefined || c.phone !== undefined, {
      message: 'Give at least an email or a phone number: every reply takes the conversation offline',
    }),
  signature: z.string().min(1),
  tone: z.enum(['friendly', 'formal']).default('friendly'),
});

// ---- drafting (reply drafts, guardrails, optional model provider) ---------------------------------
// Kept in one block so the drafting branch merges cleanly with the rest of the schema.

/** A contact a reply can point to; `name` makes it a named person (used when escalating). */
export const draftContactSchema = z
  .strictObject({
    name: z.string().min(1).optional(),
    email: z.email().optional(),
    phone: z.string().min(3).optional(),
  })
  .refine((c) => c.email !== undefined || c.phone !== undefined, { message: 'Give at least an email or a phone number' });

export const draftingSchema = z
  .strictObject({
    /** `template` drafts offline; `openai-compatible` asks a chat-completions endpoint and falls back to the template. */
    provider: z.enum(['template', 'openai-compatible']).default('template'),
    openai: z
      .strictObject({
        /** Up to and including the version segment, e.g. `http://127.0.0.1:8080/v1`. */
        baseUrl: httpUrl,
        model: z.string().min(1),
        /** Name of the environment variable that holds the API key (the key itself never goes in the file). */
        apiKeyEnv: z.string().min(1).default('OPENAI_API_KEY'),
        timeoutMs: z.number().int().positive().default(15_000),
        temperature: z.number().min(0).max(2).default(0.4),
      })
      .optional(),
    /** Named person a `critical` review is escalated to (defaults to the business contact). */
    escalation: draftContactSchema.optional(),
    /** Reply length limits by platform id, merged over the built-in ones (google-play 350, …). */
    platformLimits: z.record(z.string(), z.number().int().positive()).default({}),
    /** Contacts per location; a source points at one with `location`. */
    locations: z.record(z.string(), z.strictObject({ contact: draftContactSchema.optional(), escalation: draftContactSchema.optional() })).default({}),
    /** Per-source drafting facts, keyed by source id. */
    sources: z
      .record(
        sourceId,
        z.strictObject({
          platform: z.string().min(1).optional(),
          maxLength: z.number().int().positive().optional(),
          location: z.string().min(1).optional(),
          contact: draftContactSchema.optional(),
          escalation: draftContactSchema.optional(),
        }),
      )
      .default({}),
    /** Folder of extra template sets (`<language>.json`) beside the built-in ones. */
    templatesDir: z.string().optional(),
  })
  .refine((d) => d.provider !== 'openai-compatible' || d.openai !== undefined, {
    message: 'provider "openai-compatible" needs an `openai` section (baseUrl, model, apiKeyEnv)',
    path: ['openai'],
  });
export type DraftingConfig = z.output<typeof draftingSchema>;
export type DraftContactConfig = z.output<typeof draftContactSchema>;
// ---- end drafting ------------------------------------------------------------------------------------

export const configSchema = z
  .strictObject({
    business: businessSchema,
    sources: z.array(sourceSchema).default([]),
    alerts: z.array(alertChannelSchema).default([{ type: 'log', minSeverity: 'low' }]),
    redis: z
      .strictObject({
        url: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').default('redis://127.0.0.1:6379'),
        /** Prefix of every key and queue, so several deployments (or tests) share one Redis. */
        prefix: sourceId.default('rm'),
        /** Start a private redis-server when nothing answers at the default URL. */
        autostart: z.boolean().default(true),
        dataDir: z.string().default('./data'),
      })
      .prefault({}),
    api: z
      .strictObject({
        host: z.string().default('0.0.0.0'),
        port: z.number().int().min(0).max(65535).default(3000),
        /** Plain bearer keys with full access. Prefer the API_KEYS environment variable. */
        keys: z.array(z.string().min(8, 'API keys must be at least 8 characters')).default([]),
      })
      .prefault({}),
    log: z.strictObject({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') }).prefault({}),
    fetch: z
      .strictObject({
        timeoutMs: z.number().int().positive().default(20_000),
        maxBodyBytes: z.number().int().positive().default(5 * 1024 * 1024),
        userAgent: z.string().default('review-monitor/0.1 (+https://github.com/review-monitor/review-monitor)'),
      })
      .prefault({}),
    workers: z
      .strictObject({
        pollConcurrency: z.number().int().positive().default(4),
        analyzeConcurrency: z.number().int().positive().default(2),
        notifyConcurrency: z.number().int().positive().default(8),
        /** Reviews per analyze job: batching makes a review cheaper than an empty job. */
        analyzeBatchSize: z.number().int().min(1).max(1000).default(100),
      })
      .prefault({}),
    shutdown: z.strictObject({ deadlineMs: z.number().int().positive().default(15_000) }).prefault({}),
    drafting: draftingSchema.prefault({}), // drafting block above
  })
  .superRefine((cfg, ctx) => {
    const seen = new Map<string, number>();
    cfg.sources.forEach((s, i) => {
      const first = seen.get(s.id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `Duplicate source id "${s.id}" (also sources[${first}])` });
      } else seen.set(s.id, i);
    });
    const channels = new Set<string>();
    cfg.alerts.forEach((a, i) => {
      if (a.id === undefined) return;
      if (channels.has(a.id)) ctx.addIssue({ code: 'custom', path: ['alerts', i, 'id'], message: `Duplicate alert channel id "${a.id}"` });
      channels.add(a.id);
    });
  });

export type ConfigInput = z.input<typeof configSchema>;
type ParsedConfig = z.output<typeof configSchema>;
export type SourceConfig = z.output<typeof sourceSchema>;
export type RssSourceConfig = z.output<typeof rssSourceSchema>;
type ParsedAlert = z.output<typeof alertChannelSchema>;
/** An alert channel with its id resolved. */
export type AlertChannelConfig = ParsedAlert & { id: string };
export type BusinessConfig = z.output<typeof businessSchema>;
/** The validated, frozen configuration passed to every part of the service. */
export type Config = Readonly<Omit<ParsedConfig, 'alerts'> & { alerts: AlertChannelConfig[]; configDir: string }>;
