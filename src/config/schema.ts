import { SUBSCRIBABLE_EVENT_TYPES } from '../events.js';
import { z } from 'zod';
import cron from 'node-cron';
import { SEVERITIES } from '../domain/verdict.js';
import { INDUSTRIES, taxonomyFor } from '../classify/taxonomies/index.js';
import { normalisePattern, PhraseMatcher } from '../classify/phrases.js';
import { ID_PATTERN, QUALIFIED_ID_PATTERN } from '../domain/ids.js';

/** Source ids end up in Redis keys, review ids and BullMQ job ids, which must not contain `:`. */
const sourceId = z
  .string()
  .regex(ID_PATTERN, 'must be 1-64 letters, digits, "-" or "_" (no ":" or spaces)');

/** Business ids: the first part of their sources' and channels' deployment-wide ids (`<business>.<source>`). */
export const businessId = z
  .string()
  .regex(ID_PATTERN, 'must be 1-64 letters, digits, "-" or "_" (no "." ":" or spaces)');

/** A source named where it is used: its own id within its business, or `<business>.<source>` from the service's top level. */
const sourceRef = z
  .string()
  .regex(QUALIFIED_ID_PATTERN, 'must be a source id, or "<business>.<source>" for a source of another file (letters, digits, "-" or "_")');

/** The deployment-wide id of a source or channel of a business in `businesses:` (a single `business:` keeps bare ids). */
export function qualifiedId(business: string, id: string): string {
  return `${business}.${id}`;
}

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

const keyString = z.string().min(8, 'API keys must be at least 8 characters');

/** A plain key (full access) or a named key with scopes. */
export const apiKeySchema = z.union([
  keyString,
  z
    .strictObject({
      name: z.string().regex(/^[\w.@-]{1,64}$/, 'must be 1-64 letters, digits or . _ @ -'),
      key: keyString.optional(),
      /** Name of an environment variable holding the key, so it need not live in the file. */
      keyEnv: z.string().min(1).optional(),
      scopes: z.array(z.enum(['read', 'write'])).min(1).default(['read', 'write']),
      /** Limits the key to these businesses' data (default: every business). */
      businesses: z.array(businessId).min(1, 'list at least one business id, or leave "businesses" out').optional(),
    })
    .refine((k) => (k.key === undefined) !== (k.keyEnv === undefined), { message: 'give exactly one of key or keyEnv' }),
]);

/** Where approved replies and follow-ups of a source's reviews are posted. */
export const publisherSchema = z.discriminatedUnion('type', [
  /** The reply is marked ready to post; the operator posts it and confirms through the API. */
  z.strictObject({ type: z.literal('manual') }),
  z.strictObject({
    type: z.literal('webhook'),
    url: z.url({ protocol: /^https?$/, error: 'Invalid URL (http:// or https:// expected)' }),
    /** Environment variable holding the HMAC secret for the X-Signature header. */
    secretEnv: z.string().min(1).optional(),
    timeoutMs: z.number().int().positive().default(10_000),
  }),
  z
    .strictObject({
      type: z.literal('google-business'),
      accountId: z.string().min(1),
      locationId: z.string().min(1),
      /** The `credentials` entry (google-oauth) whose tokens are refreshed as needed: the way to configure it. */
      credentials: z.string().min(1).optional(),
      /** Deprecated: an environment variable holding a fixed access token, which Google expires within the hour. */
      accessTokenEnv: z.string().min(1).optional(),
      baseUrl: z.url().default('https://mybusiness.googleapis.com'),
    })
    .refine((p) => (p.credentials === undefined) !== (p.accessTokenEnv === undefined), { message: 'give exactly one of credentials or accessTokenEnv' }),
  z
    .strictObject({
      type: z.literal('google-play'),
      packageName: z.string().min(1),
      credentials: z.string().min(1).optional(),
      accessTokenEnv: z.string().min(1).optional(),
      baseUrl: z.url().default('https://androidpublisher.googleapis.com'),
    })
    .refine((p) => (p.credentials === undefined) !== (p.accessTokenEnv === undefined), { message: 'give exactly one of credentials or accessTokenEnv' }),
  z
    .strictObject({
      type: z.literal('appstore-connect'),
      /** The `credentials` entry (appstore-connect) shared with the app's source. */
      credentials: z.string().min(1).optional(),
      keyId: z.string().min(1).optional(),
      issuerId: z.string().min(1).optional(),
      /** Environment variable holding the .p8 private key (PEM) of the App Store Connect API key. */
      privateKeyEnv: z.string().min(1).optional(),
      baseUrl: z.url().default('https://api.appstoreconnect.apple.com'),
    })
    .refine((p) => (p.credentials !== undefined) !== (p.keyId !== undefined && p.issuerId !== undefined && p.privateKeyEnv !== undefined), {
      message: 'give either credentials or all of keyId, issuerId and privateKeyEnv',
    }),
]);
export type PublisherConfig = z.output<typeof publisherSchema>;

const sourceBase = {
  id: sourceId,
  schedule: cronExpression,
  /** Alert on the reviews found by a source's first (baseline) poll. */
  alertOnBackfill: z.boolean().default(false),
  enabled: z.boolean().default(true),
  /** How replies to this source's reviews are posted (default: manual). */
  publisher: publisherSchema.default({ type: 'manual' }),
  /** The platform's reply length limit, when the publisher's default does not fit. */
  replyMaxLength: z.number().int().positive().optional(),
};

/**
 * Sources fetched over http(s): loopback, private ranges and link-local addresses are refused (on the
 * first request and on every redirect) unless the operator allows private ones for this source; cloud
 * metadata (link-local) addresses are refused always.
 */
const httpSourceBase = {
  ...sourceBase,
  allowPrivateNetwork: z.boolean().optional(),
};

export const rssSourceSchema = z.strictObject({
  ...httpSourceBase,
  type: z.literal('rss'),
  url: sourceUrl,
});

/** A string that must be present: says "Required" when missing, as `check-config` users expect. */
const required = (what: string) => z.string({ error: (iss) => (iss.input === undefined ? 'Required' : `Expected ${what}`) }).min(1, `Expected ${what}`);

/** Two-letter country code (lower case), as the stores use in their URLs. */
const countryCode = z.string().regex(/^[a-z]{2}$/i, 'must be a two-letter country code, e.g. "us"').transform((c) => c.toLowerCase());

/** `url` on a platform type replaces the platform's host (a mirror, a proxy or a test server); the path and query stay the adapter's. */
const endpointOverride = { url: sourceUrl.optional() };

export const appstoreSourceSchema = z.strictObject({
  ...httpSourceBase,
  type: z.literal('appstore'),
  appId: z.union([z.string().regex(/^\d+$/, 'must be the numeric App Store id, e.g. "284882215"'), z.number().int().positive().transform(String)], { error: (iss) => (iss.input === undefined ? 'Required' : 'must be the numeric App Store id, e.g. "284882215"') }),
  country: countryCode.default('us'),
  /** Apple serves at most 10 pages of 50. */
  maxPages: z.number().int().min(1).max(10).default(10),
  ...endpointOverride,
});

export const googleplaySourceSchema = z.strictObject({
  ...httpSourceBase,
  type: z.literal('googleplay'),
  appId: required('an Android package name').regex(/^[A-Za-z][\w]*(\.[A-Za-z_][\w]*)+$/, 'must be an Android package name, e.g. "com.example.app"'),
  /** Decides which reviews Play returns (it filters by language). */
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'must be a language code, e.g. "en"').default('en'),
  country: countryCode.default('us'),
  /** Pages of up to 150 reviews per poll; Play blocks scrapers that hurry, so keep it small. */
  maxPages: z.number().int().min(1).max(50).default(5),
  ...endpointOverride,
});

/** Google Business Profile reviews of one location, through the Business Profile API (v4). */
export const googleBusinessSourceSchema = z.strictObject({
  ...httpSourceBase,
  type: z.literal('google-business'),
  accountId: required('the Business Profile account id').regex(/^\d+$/, 'must be the numeric account id, e.g. "1234567890"'),
  locationId: required('the Business Profile location id').regex(/^\d+$/, 'must be the numeric location id, e.g. "9876543210"'),
  /** The `credentials` entry (google-oauth or google-service-account) the API is called with. */
  credentials: required('the name of a credentials entry'),
  /** Reviews per page (the API allows up to 50). */
  pageSize: z.number().int().min(1).max(50).default(50),
  maxPages: z.number().int().min(1).max(100).default(5),
  ...endpointOverride,
});

const platformApi = {
  ...httpSourceBase,
  /** The `credentials` entry the API is called with. */
  credentials: required('the name of a credentials entry'),
  ...endpointOverride,
};

/** App Store Connect customer reviews of one app (official API, JSON:API paging). */
export const appStoreConnectSourceSchema = z.strictObject({
  ...platformApi,
  type: z.literal('appstore-connect'),
  appId: z.union([z.string().regex(/^\d+$/, 'must be the numeric Apple app id, e.g. "284882215"'), z.number().int().positive().transform(String)], { error: (iss) => (iss.input === undefined ? 'Required' : 'must be the numeric Apple app id, e.g. "284882215"') }),
  maxPages: z.number().int().min(1).max(50).default(5),
});

/** Google Play reviews through the Android Publisher API (only the last week's: poll more often than weekly). */
export const googlePlayApiSourceSchema = z.strictObject({
  ...platformApi,
  type: z.literal('google-play-api'),
  packageName: required('an Android package name').regex(/^[A-Za-z][\w]*(\.[A-Za-z_][\w]*)+$/, 'must be an Android package name, e.g. "com.example.app"'),
  maxPages: z.number().int().min(1).max(50).default(5),
});

/** Trustpilot reviews of one business unit (public Business Units API with an API key). */
export const trustpilotSourceSchema = z.strictObject({
  ...platformApi,
  type: z.literal('trustpilot'),
  businessUnitId: required('the Trustpilot business unit id').regex(/^[a-f0-9]{24}$/i, 'must be the 24-character business unit id'),
  maxPages: z.number().int().min(1).max(50).default(3),
});

/** Yelp Fusion reviews of one business: short excerpts of the newest few. */
export const yelpSourceSchema = z.strictObject({
  ...platformApi,
  type: z.literal('yelp'),
  businessId: required('the Yelp business id or alias'),
  /** e.g. "de_DE": the reviews Yelp returns are in that locale. */
  locale: z.string().regex(/^[a-z]{2}_[A-Z]{2}$/, 'must be a Yelp locale, e.g. "en_US"').optional(),
});

/** A Facebook Page's ratings and recommendations through the Graph API. */
export const facebookSourceSchema = z.strictObject({
  ...platformApi,
  type: z.literal('facebook'),
  pageId: required('the Facebook Page id'),
  graphVersion: z.string().regex(/^v\d+\.\d+$/, 'must be a Graph API version, e.g. "v21.0"').default('v21.0'),
  maxPages: z.number().int().min(1).max(50).default(5),
});

export const jsonldSourceSchema = z.strictObject({
  ...httpSourceBase,
  type: z.literal('jsonld'),
  url: sourceUrl,
});

/** CSS selectors; `selector@attr` reads an attribute instead of the text (e.g. `.stars@data-rating`). */
export const htmlSelectorsSchema = z.strictObject(
  {
    item: required('a CSS selector'),
    text: required('a CSS selector'),
    author: z.string().min(1).optional(),
    rating: z.string().min(1).optional(),
    title: z.string().min(1).optional(),
    date: z.string().min(1).optional(),
    link: z.string().min(1).optional(),
    id: z.string().min(1).optional(),
  },
  { error: (iss) => (iss.input === undefined ? 'Required' : undefined) },
);

export const htmlSourceSchema = z.strictObject({
  ...httpSourceBase,
  type: z.literal('html'),
  url: sourceUrl,
  selectors: htmlSelectorsSchema,
  /** Top of the site's rating scale when a rating is a bare number (5 when absent). */
  ratingBest: z.number().positive().optional(),
});

export const fileSourceSchema = z.strictObject({
  ...sourceBase,
  type: z.literal('file'),
  /** Relative to the config file's folder. */
  path: required('a file path'),
  /** Taken from the extension (.json, .jsonl/.ndjson, .csv) when absent. */
  format: z.enum(['json', 'jsonl', 'csv']).optional(),
});

export const sourceSchema = z.discriminatedUnion('type', [
  rssSourceSchema,
  appstoreSourceSchema,
  googleplaySourceSchema,
  googleBusinessSourceSchema,
  appStoreConnectSourceSchema,
  googlePlayApiSourceSchema,
  trustpilotSourceSchema,
  yelpSourceSchema,
  facebookSourceSchema,
  jsonldSourceSchema,
  htmlSourceSchema,
  fileSourceSchema,
]);

const alertBase = {
  /** Stable channel id: an alert is delivered once per review and channel id. */
  id: sourceId.optional(),
  minSeverity: z.enum(SEVERITIES).default('low'),
  /** Routing: only reviews of these sources (critical ones too). */
  sources: z.array(sourceRef).min(1, 'list at least one source id, or leave "sources" out').optional(),
  /** Routing: only reviews with one of these verdict topics (critical ones bypass this). */
  topics: z.array(z.string().min(1)).min(1, 'list at least one topic, or leave "topics" out').optional(),
  /** Gather the channel's alerts for a window and send one message (critical ones go out at once). */
  digest: z.strictObject({ windowSeconds: z.number().int().min(1).max(7 * 24 * 3600) }).optional(),
};

/** Name of an environment variable that holds a secret, so it need not live in the YAML. */
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name');

/** Exactly one of a file and an environment variable for a secret that is a document (a key). */
const fileOrEnv = (file: string, env: string) => (c: Record<string, unknown>) => (c[file] === undefined) !== (c[env] === undefined);

/**
 * One account's credentials, shared by that account's sources and publishers. Secrets only through `…Env`
 * or a file: they are read when a token is needed, never copied into the config, a log or an API answer.
 */
export const credentialSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('google-oauth'),
    clientId: required('an OAuth client id'),
    clientSecretEnv: envName,
    refreshTokenEnv: envName,
    /** Google's token endpoint unless a test server or a proxy stands in for it. */
    tokenUrl: z.url({ protocol: /^https?$/ }).optional(),
  }),
  z
    .strictObject({
      type: z.literal('google-service-account'),
      /** The service account's JSON key: a file (relative to the config file's folder) or an environment variable. */
      keyFile: z.string().min(1).optional(),
      keyEnv: envName.optional(),
      scopes: z.array(z.string().min(1)).min(1).optional(),
      /** Google's token endpoint unless a test server or a proxy stands in for it. */
      tokenUrl: z.url({ protocol: /^https?$/ }).optional(),
    })
    .refine(fileOrEnv('keyFile', 'keyEnv'), { message: 'give exactly one of keyFile or keyEnv' }),
  z
    .strictObject({
      type: z.literal('appstore-connect'),
      issuerId: required('the App Store Connect issuer id'),
      keyId: required('the App Store Connect key id'),
      /** The .p8 private key (PEM): a file (relative to the config file's folder) or an environment variable. */
      privateKeyFile: z.string().min(1).optional(),
      privateKeyEnv: envName.optional(),
    })
    .refine(fileOrEnv('privateKeyFile', 'privateKeyEnv'), { message: 'give exactly one of privateKeyFile or privateKeyEnv' }),
  z.strictObject({ type: z.literal('api-key'), keyEnv: envName }),
  z.strictObject({ type: z.literal('facebook-page'), accessTokenEnv: envName }),
]);
export type CredentialConfig = z.output<typeof credentialSchema>;
/** Credential names: how sources and publishers refer to them. */
const credentialName = z.string().regex(ID_PATTERN, 'must be letters, digits, "-" or "_" (up to 64)');

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
    /**
     * Events sent to this webhook besides alerts (signed and idempotent like them): lifecycle steps, e.g. to mirror
     * them in a ticketing system, and `spike` / `rating_drop` insight alerts.
     */
    events: z.array(z.enum(SUBSCRIBABLE_EVENT_TYPES)).default([]),
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

/** An ISO 639-1 language code, optionally with a region ("de", "pt-BR"). */
const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'must be a language code, e.g. "en" or "pt-BR"');

export const businessSchema = z.strictObject({
  /** The business's id in the API (`/v1/businesses`, `business=`); a single `business:` is `default` unless it says. */
  id: businessId.optional(),
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
  /** Picks the topic taxonomy and how replies name the topics (`classifier.topics` can still add and replace). */
  industry: z.enum(INDUSTRIES).default('generic'),
  /** The business's own language: replies use it when the reviewer's has no template set or is undetermined. */
  language: languageCode.default('en'),
  /** `reviewer`: reply in the review's language (when it has a template set); a code: always reply in that language. */
  replyLanguage: z.union([z.literal('reviewer'), languageCode]).default('reviewer'),
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
          /** The business name and signature of this source's replies, when not the top-level business's (another brand or app). */
          businessName: z.string().min(1).optional(),
          signature: z.string().min(1).optional(),
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

/**
 * A keyword in the phrase syntax: words, `refund*` (a prefix of 3+ letters), `#` (a number), `*` (any
 * one word, not first), `,` (the comma written inside a set phrase, not first). Checked by the phrase matcher itself, so what passes here compiles in the workers.
 */
const phrasePattern = z
  .string()
  .trim()
  .min(1, 'a keyword cannot be empty')
  .superRefine((p, ctx) => {
    const first = normalisePattern(p)[0];
    if (first === undefined) ctx.addIssue({ code: 'custom', message: 'a keyword needs a word' });
    else {
      try {
        new PhraseMatcher([[p, null]]);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    }
  });

/**
 * What the classifier tags and escalates. Topics are added to the taxonomy of `business.industry` (one
 * with a built-in topic's id replaces it); critical rules are added to the built-in ones, never replacing them.
 */
const classifierSchema = z.strictObject({
  topics: z
    .array(z.strictObject({ id: z.string().regex(/^[a-z0-9_]{1,40}$/, 'lower-case letters, digits and "_" (up to 40)'), label: z.string().min(1), keywords: z.array(phrasePattern).min(1, 'list at least one keyword') }))
    .default([]),
  /** Use only `topics`, not the industry's taxonomy. */
  replaceDefaultTopics: z.boolean().default(false),
  criticalRules: z
    .array(z.strictObject({ id: z.string().regex(/^[a-z0-9_]{1,40}$/, 'lower-case letters, digits and "_" (up to 40)'), label: z.string().min(1), patterns: z.array(phrasePattern).min(1, 'list at least one pattern') }))
    .default([]),
  /** Text logit above which a 4–5 star review still counts as a complaint (2 ≈ 88% sure). */
  clearComplaintLogit: z.number().min(0).max(10).default(2),
});

/**
 * One business of a multi-business deployment (`businesses:`, or one file of `--config-dir`): who it is, its
 * own sources and alert channels (ids within the business; deployment-wide they are `<id>.<source>`), and its
 * drafting and classifier sections when they differ from the service's.
 */
export const businessEntrySchema = z.strictObject({
  ...businessSchema.shape,
  id: businessId,
  sources: z.array(sourceSchema).default([]),
  /** This business's channels: they get only its reviews, insights and reports. */
  alerts: z.array(alertChannelSchema).default([]),
  /** Replaces the service's `drafting` section for this business (contacts per source, escalation, provider…). */
  drafting: draftingSchema.optional(),
  /** Replaces the service's `classifier` section for this business (its own topics and critical rules). */
  classifier: classifierSchema.optional(),
  /** Hours from alert to reply per severity, over the service's `lifecycle.sla` (a clinic may promise an hour). */
  sla: z.strictObject({ critical: z.number().positive(), high: z.number().positive(), medium: z.number().positive(), low: z.number().positive() }).partial().optional(),
  /** This business's weekly report (sent on the service's `insights.report.schedule`). */
  report: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** Its own e-mail and Slack channel ids the report goes to; default: all of them. */
      channels: z.array(sourceId).min(1, 'list at least one channel id, or leave "channels" out').optional(),
    })
    .optional(),
});
export type BusinessEntryConfig = z.output<typeof businessEntrySchema>;

export const configSchema = z
  .strictObject({
    /** The one business of this deployment (or give `businesses`). */
    business: businessSchema.optional(),
    /** Several businesses (an agency's clients, a chain's locations), each with its own sources and channels. */
    businesses: z.array(businessEntrySchema).min(1, 'list at least one business, or give a single "business"').optional(),
    /** Public base URL of the API (e.g. https://reviews.example.com): alerts link to the review there. */
    publicUrl: httpUrl.optional(),
    /** Platform accounts (OAuth clients, service accounts, API keys) by name; sources and publishers name one. */
    credentials: z.record(credentialName, credentialSchema).default({}),
    sources: z.array(sourceSchema).default([]),
    alerts: z.array(alertChannelSchema).default([{ type: 'log', minSeverity: 'low' }]),
    redis: z
      .strictObject({
        url: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').default('redis://127.0.0.1:6379'),
        /** Prefix of every key and queue, so several deployments (or tests) share one Redis. */
        // `{name}` (a hash tag) puts the deployment's keys in one Redis Cluster slot, which BullMQ and the store's scripts
        // need there; each business's store keys get `{name:business}` (src/store/keys.ts).
        prefix: z
          .string()
          .regex(/^(\{[a-z0-9][a-z0-9_-]{0,62}\}|[a-z0-9][a-z0-9_-]{0,63})$/i, 'must be letters, digits, "-" or "_", optionally in {braces} (a Redis Cluster hash tag)')
          .default('rm'),
        /**
         * A Redis Cluster instead of `url`: the seed nodes (`redis://host:port`), through ioredis's Cluster client. The
         * deployment's keys share the prefix's hash tag (`{rm}` unless `prefix` says), each business's store keys their
         * own (`{rm:<business>}`), so a business's scripts run in one slot and businesses spread over the nodes.
         */
        cluster: z.array(z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')).min(1, 'list at least one node, or leave "cluster" out').optional(),
        /**
         * Queue shards: each shard's queues under a hash tag of their own (`{rm-q1}` …), a business's jobs always in
         * one shard, so the queue load spreads over a cluster's nodes. Change it only with the queues drained.
         */
        queueShards: z.number().int().min(1).max(64).default(1),
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
        /**
         * Bearer keys: a plain string has full access; `{name, key | keyEnv, scopes}` names the actor
         * recorded in review history and limits it to `read` and/or `write`. API_KEYS adds plain keys.
         */
        keys: z.array(apiKeySchema).default([]),
        /**
         * Trust X-Forwarded-For/-Proto from this many proxies in front (or true: any). Default: one hop when
         * `publicUrl` is https (a TLS proxy must be in front), else none. Decides the client address the
         * limits count and whether the session cookie is Secure.
         */
        trustProxy: z.union([z.boolean(), z.number().int().min(0).max(10)]).optional(),
        /** Serve repeated list pages from memory until the store changes (see src/api/list-cache.ts). */
        cacheLists: z.boolean().default(true),
        /** One `request` line per API request at info (method, route, status, ms, key or person name); probes are not logged. */
        accessLog: z.boolean().default(true),
        /** Requests per key (or per address without a key) per window. */
        rateLimit: z
          .strictObject({
            max: z.number().int().positive().default(600),
            windowMs: z.number().int().positive().default(60_000),
            /** Count in Redis, so the limit holds across API replicas (one round trip per request). */
            shared: z.boolean().default(false),
          })
          .prefault({}),
      })
      .prefault({}),
    /** A Slack app for the buttons on Slack alerts (Approve draft, Acknowledge); without it alerts only link. */
    slack: z
      .strictObject({
        /** Environment variable holding the app's signing secret (Basic Information → App Credentials). */
        signingSecretEnv: envName.optional(),
      })
      .prefault({}),
    /** The owner workspace (pages, sign-in) served by the API process. */
    workspace: z
      .strictObject({
        /**
         * Environment variable holding the secret that signs session cookies (32+ characters). Unset: a
         * random secret is generated once and kept in Redis, shared by every API replica.
         */
        sessionSecretEnv: envName.optional(),
        /** A session ends this long after the person's last request. */
        sessionHours: z.number().positive().max(24 * 90).default(12),
        /** Failed sign-ins allowed per account and per address within `windowMinutes`, counted in Redis. */
        signInLimit: z
          .strictObject({
            perAccount: z.number().int().positive().default(5),
            perAddress: z.number().int().positive().default(20),
            windowMinutes: z.number().positive().default(15),
          })
          .prefault({}),
      })
      .prefault({}),
    log: z.strictObject({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') }).prefault({}),
    fetch: z
      .strictObject({
        timeoutMs: z.number().int().positive().default(20_000),
        maxBodyBytes: z.number().int().positive().default(5 * 1024 * 1024),
        userAgent: z.string().default('review-monitor/0.1 (+https://github.com/review-monitor/review-monitor)'),
        connectTimeoutMs: z.number().int().positive().default(10_000),
        /** Per-host politeness, per process: requests in flight and least time between two starts. */
        perHostConcurrency: z.number().int().positive().default(2),
        perHostIntervalMs: z.number().int().min(0).default(1_000),
        /**
         * Review items read from one fetched page: a page with more (a hostile or broken one) is read up to
         * this many, with a warning on the source, so the cost of a parse has a bound. `file` imports are not capped.
         */
        maxItemsPerPage: z.number().int().min(1).max(100_000).default(2_000),
      })
      .prefault({}),
    workers: z
      .strictObject({
        pollConcurrency: z.number().int().positive().default(4),
        /** The queue shards this worker consumes (default: every one of `redis.queueShards`). */
        shards: z.array(z.number().int().min(0)).min(1, 'list at least one shard, or leave "shards" out').optional(),
        analyzeConcurrency: z.number().int().positive().default(4),
        /** Alert jobs in flight per worker, and deliveries at once within one (a job holds one batch's alerts for a channel). */
        notifyConcurrency: z.number().int().positive().default(8),
        publishConcurrency: z.number().int().positive().default(2),
        /**
         * Threads per worker process that classify and draft, off the event loop (0: on it). One per core
         * the process may use beside its event loop; Redis and the event loop need the rest.
         */
        analysisThreads: z.number().int().min(0).max(64).default(1),
        /**
         * Threads per worker process that parse fetched pages (0: on the event loop). Parsing a big page
         * takes seconds of CPU; in a thread it never delays the API or health checks sharing the process.
         */
        parseThreads: z.number().int().min(0).max(16).default(1),
        /** Heap of a parse thread (MB): a page that needs more fails its poll instead of growing the process. */
        parseHeapMb: z.number().int().min(32).max(4096).default(256),
        /** Reviews per analyze job: batching makes a review cheaper than an empty job. */
        analyzeBatchSize: z.number().int().min(1).max(1000).default(100),
        /** A stored review still unanalysed after this long (its job lost in a crash) is enqueued again by the next poll. */
        analysisStaleMs: z.number().int().min(0).default(120_000),
        /** First retry delay of failed analyze and alert jobs; each later retry waits twice as long. */
        retryDelayMs: z.number().int().min(10).default(2_000),
        /**
         * How long a worker holds a job's lock before another worker may take the job over. A worker
         * that dies (SIGKILL, OOM, lost host) leaves its active jobs to be picked up after this.
         */
        lockDurationMs: z.number().int().min(1_000).default(30_000),
        /** How often each worker looks for jobs whose lock expired (stalled jobs) and puts them back. */
        stalledIntervalMs: z.number().int().min(500).default(30_000),
        /**
         * Alerts whose retries are all spent (a receiver down longer than the retry schedule) are attempted
         * again this often, until delivered, so an outage of any length delays alerts instead of losing them.
         */
        redeliverFailedAlertsMs: z.number().int().min(500).default(300_000),
      })
      .prefault({}),
    shutdown: z.strictObject({ deadlineMs: z.number().int().positive().default(15_000) }).prefault({}),
    lifecycle: z
      .strictObject({
        /** Delay between resolving a review and posting its loop-closing follow-up, unless the request says. */
        followUpAfterSeconds: z.number().int().min(0).max(90 * 86_400).default(86_400),
        /**
         * Hours from alert to reply per severity; a review past it without a reply is overdue and sends one
         * reminder through its alert channels (naming the escalation contact for critical ones).
         */
        sla: z
          .strictObject({
            critical: z.number().positive().default(1),
            high: z.number().positive().default(4),
            medium: z.number().positive().default(24),
            low: z.number().positive().default(72),
          })
          .prefault({}),
      })
      .prefault({}),
    /** Patterns across reviews: spike and rating-drop alerts, and the weekly report (src/insights/). */
    insights: z
      .strictObject({
        /** Spike alerts: a topic's (or a source's) negative reviews this period against its own trailing baseline. */
        spikes: z
          .strictObject({
            enabled: z.boolean().default(true),
            /** The period counted: the ISO week under way (Monday 00:00 UTC on) or the UTC day. */
            period: z.enum(['week', 'day']).default('week'),
            /** Previous periods the current one is compared with. */
            baseline: z.number().int().min(2).max(26).default(6),
            /** Least negative reviews in a period to call it a spike (a quiet business is not told about 1 → 2). */
            minCount: z.number().int().min(1).default(5),
            /** Least rise over the baseline rate (2: twice the usual). */
            minRatio: z.number().min(1).default(2),
            /** Largest chance, under the baseline rate, of a count at least this high (one-sided Poisson test). */
            significance: z.number().gt(0).lt(0.5).default(0.001),
          })
          .prefault({}),
        /** Rating-drop alerts: a source's average rating over the last `windowDays` falls a `step` below its reference level. */
        ratingDrop: z
          .strictObject({
            enabled: z.boolean().default(true),
            /** Stars the rolling average must fall below the reference to alert; the reference then moves down as many steps. */
            step: z.number().gt(0).max(4).default(0.5),
            windowDays: z.number().int().min(1).max(365).default(28),
            /** Least rated reviews in the window to judge it at all. */
            minRatings: z.number().int().min(2).default(20),
            /** Largest chance of a fall at least this large by chance (one-sided z-test on the window's mean). */
            significance: z.number().gt(0).lt(0.5).default(0.01),
          })
          .prefault({}),
        /** How often the scheduler checks (every replica may: each alert is sent once, by a Redis marker). */
        checkMinutes: z.number().int().min(1).max(1440).default(15),
        /** Channel ids that get spike and rating-drop alerts; default: every channel whose routing takes a high-severity review of the subject. */
        channels: z.array(z.string().min(1)).min(1, 'list at least one channel id, or leave "channels" out').optional(),
        /** The weekly report, e-mailed (HTML with charts, and text) and posted to Slack. */
        report: z
          .strictObject({
            enabled: z.boolean().default(true),
            /** Cron expression in `timezone`; default Monday 08:00. The report covers the ISO week before. */
            schedule: cronExpression.default('0 8 * * 1'),
            /** IANA time zone of `schedule`, e.g. "Europe/Berlin". */
            timezone: z
              .string()
              .refine((tz) => {
                try {
                  new Intl.DateTimeFormat('en', { timeZone: tz });
                  return true;
                } catch {
                  return false;
                }
              }, 'must be an IANA time zone, e.g. "Europe/Berlin" or "UTC"')
              .default('UTC'),
            /** E-mail and Slack channel ids the report goes to; default: every e-mail and Slack channel. */
            channels: z.array(z.string().min(1)).min(1, 'list at least one channel id, or leave "channels" out').optional(),
          })
          .prefault({}),
      })
      .prefault({}),
    drafting: draftingSchema.prefault({}), // drafting block above
    classifier: classifierSchema.prefault({}),
  })
  .superRefine((cfg, ctx) => {
    // Each id once: a repeat is reported at its own path.
    const repeats = (ids: readonly (string | undefined)[], path: (i: number) => (string | number)[], message: (id: string, first: number) => string): void => {
      const seen = new Map<string, number>();
      ids.forEach((id, i) => {
        if (id === undefined) return;
        const first = seen.get(id);
        if (first !== undefined) ctx.addIssue({ code: 'custom', path: path(i), message: message(id, first) });
        else seen.set(id, i);
      });
    };
    const issue = (path: (string | number)[], message: string): void => ctx.addIssue({ code: 'custom', path, message });
    if (cfg.business === undefined && cfg.businesses === undefined) issue(['business'], 'Required: give "business" (the one business) or "businesses" (several)');
    if (cfg.business !== undefined && cfg.businesses !== undefined) issue(['businesses'], 'give "business" (one business) or "businesses" (several), not both');
    if (cfg.businesses !== undefined && cfg.sources.length > 0) issue(['sources'], 'with "businesses", every source belongs to one: list it under its business (businesses[].sources)');
    const businesses = cfg.businesses ?? [];
    repeats(businesses.map((b) => b.id), (i) => ['businesses', i, 'id'], (id, first) => `Duplicate business id "${id}" (also businesses[${first}])`);

    const credentialNames = Object.keys(cfg.credentials);
    // A source or publisher naming credentials that are not configured could never authenticate.
    const unknownCredentials = (name: string | undefined, path: (string | number)[]): void => {
      if (name !== undefined && !credentialNames.includes(name)) issue(path, `Unknown credentials "${name}" (configured: ${credentialNames.join(', ') || 'none'})`);
    };
    const topicsOf = (classifier: ClassifierConfig, industry: Industry): string[] => [
      ...(classifier.replaceDefaultTopics ? [] : taxonomyFor(industry).map((t) => t.id)),
      ...classifier.topics.map((t) => t.id),
    ];
    const checkClassifier = (classifier: ClassifierConfig, at: (string | number)[]): void => {
      repeats(classifier.criticalRules.map((r) => r.id), (i) => [...at, 'classifier', 'criticalRules', i, 'id'], (id) => `Duplicate critical rule id "${id}"`);
      repeats(classifier.topics.map((t) => t.id), (i) => [...at, 'classifier', 'topics', i, 'id'], (id) => `Duplicate topic id "${id}"`);
    };
    // The sources a channel may name, by the name it uses: a business's channels its own sources by their
    // ids; the service's channels (top level) any source, by `<business>.<source>` when there are businesses.
    const owner = new Map<string, string>();
    for (const b of businesses) for (const s of b.sources) owner.set(qualifiedId(b.id, s.id), b.id);
    const checkAlerts = (alerts: ParsedAlerts, at: (string | number)[], known: ReadonlySet<string>, topicIds: ReadonlySet<string>, business?: string): void => {
      repeats(alerts.map((a) => a.id), (i) => [...at, 'alerts', i, 'id'], (id) => `Duplicate alert channel id "${id}"`);
      alerts.forEach((a, i) => {
        // A channel scoped to a source that does not exist (a typo, a removed source) would silently get nothing.
        a.sources?.forEach((id, j) => {
          if (known.has(id) || (business !== undefined && id.startsWith(`${business}.`) && known.has(id.slice(business.length + 1)))) return;
          const path = [...at, 'alerts', i, 'sources', j];
          // Another business's source (by its full id, or by an id only another business has): refused, never routed.
          const other = business === undefined ? undefined : (owner.get(id) ?? businesses.find((b) => b.sources.some((s) => s.id === id))?.id);
          if (other !== undefined) issue(path, `Source "${id}" belongs to business "${other}", not "${business}": a business's channels get only its own sources' reviews (its sources: ${[...known].join(', ') || 'none'})`);
          else issue(path, `Unknown source "${id}" (configured: ${[...known].join(', ') || 'none'})`);
        });
        // A routing topic the classifier never tags would silently route nothing.
        a.topics?.forEach((t, j) => {
          if (!topicIds.has(t)) issue([...at, 'alerts', i, 'topics', j], `Unknown topic "${t}" (known: ${[...topicIds].join(', ')})`);
        });
      });
    };
    const checkSources = (sources: readonly SourceConfig[], at: (string | number)[], where: string): void => {
      repeats(sources.map((s) => s.id), (i) => [...at, 'sources', i, 'id'], (id, first) => `Duplicate source id "${id}"${where} (also ${formatPath([...at, 'sources', first])})`);
      sources.forEach((s, i) => {
        if ('credentials' in s) unknownCredentials(s.credentials, [...at, 'sources', i, 'credentials']);
        if ('credentials' in s.publisher) unknownCredentials(s.publisher.credentials, [...at, 'sources', i, 'publisher', 'credentials']);
      });
    };

    checkClassifier(cfg.classifier, []);
    if (cfg.businesses === undefined) {
      checkSources(cfg.sources, [], '');
      checkAlerts(cfg.alerts, [], new Set(cfg.sources.map((s) => s.id)), new Set(topicsOf(cfg.classifier, cfg.business?.industry ?? 'generic')));
      return;
    }
    const allTopics = new Set<string>();
    businesses.forEach((b, i) => {
      const at = ['businesses', i];
      checkSources(b.sources, at, ` in business "${b.id}"`);
      if (b.classifier) checkClassifier(b.classifier, at);
      const topicIds = topicsOf(b.classifier ?? cfg.classifier, b.industry);
      topicIds.forEach((t) => allTopics.add(t));
      checkAlerts(b.alerts, at, new Set(b.sources.map((s) => s.id)), new Set(topicIds), b.id);
    });
    checkAlerts(cfg.alerts, [], new Set(owner.keys()), allTopics);
  });

/** `sources[2].url` from zod's `['sources', 2, 'url']`: how check-config prints a field's path. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out || '(root)';
}

type ParsedAlerts = z.output<typeof alertChannelSchema>[];
type ClassifierConfig = z.output<typeof classifierSchema>;
type SlaConfig = ParsedConfig['lifecycle']['sla'];
type Industry = z.output<typeof businessSchema>['industry'];

export type ConfigInput = z.input<typeof configSchema>;
type ParsedConfig = z.output<typeof configSchema>;
export type SourceConfig = z.output<typeof sourceSchema>;
export type RssSourceConfig = z.output<typeof rssSourceSchema>;
export type AppstoreSourceConfig = z.output<typeof appstoreSourceSchema>;
export type GoogleplaySourceConfig = z.output<typeof googleplaySourceSchema>;
export type JsonldSourceConfig = z.output<typeof jsonldSourceSchema>;
export type HtmlSourceConfig = z.output<typeof htmlSourceSchema>;
export type FileSourceConfig = z.output<typeof fileSourceSchema>;
/** A source of a given type. */
export type SourceOf<T extends SourceConfig['type']> = Extract<SourceConfig, { type: T }>;
type ParsedAlert = z.output<typeof alertChannelSchema>;
/** An alert channel with its id resolved (`<business>.<id>` for a business's own channel), and its business when it has one. */
export type AlertChannelConfig = ParsedAlert & { id: string; business?: string | undefined };
export type BusinessConfig = z.output<typeof businessSchema>;
/** A source with its deployment-wide id (`<business>.<id>` under `businesses:`) and the business it belongs to. */
export type OwnedSourceConfig = SourceConfig & { business: string };
/**
 * A business as the service runs it, resolved at load: its facts and the drafting and classifier sections it
 * uses (its own, else the service's), its sources and its own channels by their deployment-wide ids.
 */
export interface BusinessProfile {
  id: string;
  business: BusinessConfig;
  drafting: DraftingConfig;
  classifier: ClassifierConfig;
  /** Hours from alert to reply per severity: the service's `lifecycle.sla` with the business's own over it. */
  sla: SlaConfig;
  /** Whether its weekly report is sent, and to which of its own channels (deployment-wide ids; undefined: every e-mail and Slack one). */
  report: { enabled: boolean; channels?: string[] | undefined };
  sourceIds: string[];
  channelIds: string[];
}
/** An API key resolved at load: plain keys are named `key-<n>` and have both scopes. */
export interface ApiKeyConfig {
  name: string;
  key: string;
  scopes: ('read' | 'write')[];
  /** The businesses whose data the key may see and change (every business when unset). */
  businesses?: string[] | undefined;
}
/** The validated, frozen configuration passed to every part of the service. */
export type Config = Readonly<
  Omit<ParsedConfig, 'alerts' | 'api' | 'workspace' | 'business' | 'businesses' | 'sources'> & {
    /** The first business's facts: the one business of a single-business deployment. Per review, use `businessOf`. */
    business: BusinessConfig;
    businesses: BusinessProfile[];
    sources: OwnedSourceConfig[];
    alerts: AlertChannelConfig[];
    api: Omit<ParsedConfig['api'], 'keys'> & { keys: ApiKeyConfig[] };
    /** `sessionSecret`: the value of `sessionSecretEnv`, resolved at load. */
    workspace: ParsedConfig['workspace'] & { sessionSecret?: string | undefined };
    /** `signingSecret`: the value of `signingSecretEnv`, resolved at load. */
    slack: ParsedConfig['slack'] & { signingSecret?: string | undefined };
    configDir: string;
  }
>;
