import type { Industry } from '../classify/index.js';
import type { BusinessConfig, DraftContactConfig, DraftingConfig } from '../config/schema.js';
import type { Tone } from './templates.js';

/** Reply length limits (characters) of the platforms the service posts to. */
export const PLATFORM_LIMITS: Readonly<Record<string, number>> = Object.freeze({
  'google-play': 350,
  'google-business': 4096,
  'app-store': 5970,
  trustpilot: 10_000,
});
/** Used when neither the source nor the platform says: the strictest of the "long" platforms. */
export const DEFAULT_MAX_LENGTH = 4096;

/** A contact channel a reply points to. */
export type Contact = Partial<DraftContactConfig>;

/** Everything drafting needs besides the review: business facts and, optionally, where the reply goes. */
export interface DraftContext {
  /** `industry` may be left out (generic wording), as callers outside the config do. */
  business: Omit<BusinessConfig, 'industry'> & { industry?: Industry | undefined };
  /** Names the topics in this industry's words; wins over `business.industry` (the CLI's per-line `industry`). */
  industry?: Industry | undefined;
  /** The config's `drafting` section (per-source contacts, limits, escalation, provider). */
  drafting?: Partial<DraftingConfig> | undefined;
  /** Defaults to the review's source. */
  sourceId?: string | undefined;
  /** Platform id (`google-play`, `google-business`, `app-store`, `trustpilot`) when the source config does not say. */
  platform?: string | undefined;
  /** Explicit limit; wins over source and platform. */
  maxLength?: number | undefined;
  /** Explicit contact (e.g. a location's), wins over config. */
  contact?: Contact | undefined;
  escalation?: Contact | undefined;
}

/** The context with every fallback applied. */
export interface ResolvedContext {
  businessName: string;
  signature: string;
  tone: Tone;
  /** Whose words name the topics in the reply. */
  industry?: Industry | undefined;
  /** `business.language`: the reply language when the reviewer's has no template set. */
  language: string;
  /** `business.replyLanguage`: `reviewer`, or the one language every reply is written in. */
  replyLanguage: string;
  contact: Contact;
  escalation: Contact;
  maxLength: number;
  platform?: string | undefined;
  templatesDir?: string | undefined;
}

const hasChannel = (c: Contact | undefined): c is Contact => !!c && (c.email !== undefined || c.phone !== undefined);

/** Applies the fallbacks: explicit > source > location > business for contacts; explicit > source > platform for length. */
export function resolveContext(ctx: DraftContext, reviewSourceId?: string): ResolvedContext {
  const d = ctx.drafting ?? {};
  const sourceId = ctx.sourceId ?? reviewSourceId;
  const src = sourceId ? d.sources?.[sourceId] : undefined;
  const loc = src?.location ? d.locations?.[src.location] : undefined;
  const contact = [ctx.contact, src?.contact, loc?.contact].find(hasChannel) ?? { ...ctx.business.contact };
  // A critical review goes to a named person when one is configured; otherwise to the reply's own contact.
  const escalation = [ctx.escalation, src?.escalation, loc?.escalation, d.escalation].find(hasChannel) ?? contact;
  const platform = ctx.platform ?? src?.platform;
  const maxLength = ctx.maxLength ?? src?.maxLength ?? (platform ? (d.platformLimits?.[platform] ?? PLATFORM_LIMITS[platform]) : undefined) ?? DEFAULT_MAX_LENGTH;
  return {
    businessName: src?.businessName ?? ctx.business.name,
    signature: src?.signature ?? ctx.business.signature,
    tone: ctx.business.tone ?? 'friendly',
    industry: ctx.industry ?? ctx.business.industry,
    language: ctx.business.language ?? 'en',
    replyLanguage: ctx.business.replyLanguage ?? 'reviewer',
    contact,
    escalation,
    maxLength,
    platform,
    templatesDir: d.templatesDir,
  };
}
