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
  /** Routing: only reviews of these sources (critical ones too). */
  sources: z.array(sourceId).min(1, 'list at least one source id, or leave "sources" out').optional(),
  /** Routing: only reviews with one of these verdict topics (critical ones bypass this). */
  topics: z.array(z.string().min(1)).min(1, 'list at least one topic, or leave "topics" out').optional(),
  /** Gather the channel's alerts for a window and send one message (critical ones go out at once). */
  digest: z.strictObject({ windowSeconds: z.number().int().min(1).max(7 * 24 * 3600) }).optional(),
};

/** Name of an environment variable that holds a secret, so it need not live in the YAML. */
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name');

/** Exactly one of `key` and `key + "Env"` (a secret given directly or through the environment). */
function oneOf(obj: Record<string, unknown>, key: string, ctx: z.RefinementCtx, required: boolean): void {
  const envKey = `${key}Env`;
  if (obj[key] !== undefined && obj[envKey] !== undefined) {
    ctx.addIssue({ code: 'custom', path: [envKey], message: `give "${key}" or "${envKey}", not both` });
  } else if (required && obj[key] === undefined && obj[envKey] === undefined) {
    ctx.addIssue({ code: 'custom', path: [key], message: `required: give "${key}" or "${envKey}" (the name of an environment variable holding it)` });
  }
}

export const alertChannelSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...alertBase, type: z.literal('log') }),
  z.strictObject({
    ...alertBase,
    type: z.literal('webhook'),
    url: httpUrl,
    headers: z.record(z.string(), z.string()).default({}),
    timeoutMs: z.number().int().positive().default(10_000),
    /** HMAC-SHA256 key for the `X-Signature` header (or `secretEnv`: the env var holding it). */
    secret: z.string().min(16, 'use a secret of at least 16 characters').optional(),
    secretEnv: envName.optional(),
  }).superRefine((c, ctx) => oneOf(c, 'secret', ctx, false)),
  z
    .strictObject({
      ...alertBase,
      type: z.literal('slack'),
      /** Slack incoming-webhook URL (a secret: prefer `webhookUrlEnv`). */
      webhookUrl: httpUrl.optional(),
      webhookUrlEnv: envName.optional(),
      /** Base URL for the "open in API" link; defaults to the top-level `publicUrl`. */
      apiBaseUrl: httpUrl.optional(),
      timeoutMs: z.number().int().positive().default(10_000),
    })
    .superRefine((c, ctx) => oneOf(c, 'webhookUrl', ctx, true)),
  z.strictObject({
    ...alertBase,
    type: z.literal('email'),
    smtp: z
      .strictObject({
        host: z.string().min(1),
        port: z.number().int().min(1).max(65535).default(587),
        /** true: TLS from the start (port 465); false: STARTTLS when the server offers it. */
        secure: z.boolean().default(false),
        user: z.string().min(1).optional(),
        pass: z.string().min(1).optional(),
        passEnv: envName.optional(),
        timeoutMs: z.number().int().positive().default(15_000),
      })
      .superRefine((c, ctx) => oneOf(c, 'pass', ctx, false)),
    /** Sender, `alerts@example.com` or `Review monitor <alerts@example.com>`. */
    from: z.string().min(3),
    to: z.array(z.email()).min(1, 'list at least one recipient'),
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

export const configSchema = z
  .strictObject({
    business: businessSchema,
    /** Public base URL of the API (e.g. https://reviews.example.com): alerts link to the review there. */
    publicUrl: httpUrl.optional(),
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
        /** Worker and scheduler processes serve /health and /ready here when set (for container probes). */
        healthPort: z.number().int().min(0).max(65535).optional(),
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
        /** First retry delay of failed analyze and alert jobs; each later retry waits twice as long. */
        retryDelayMs: z.number().int().min(10).default(2_000),
      })
      .prefault({}),
    shutdown: z.strictObject({ deadlineMs: z.number().int().positive().default(15_000) }).prefault({}),
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
