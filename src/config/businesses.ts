import type { BusinessProfile, Config } from './schema.js';
import { businessOfId, sourceOfReviewId } from '../domain/review.js';

// Which business a source (and so a review, an alert, a delivery) belongs to, looked up from the resolved
// config. Pure: the analysis threads use it on their copy of the config as the worker does on its own.

type Owned = Pick<Config, 'businesses' | 'sources'>;

const bySource = new WeakMap<object, Map<string, BusinessProfile>>();

function indexOf(config: Owned): Map<string, BusinessProfile> {
  let index = bySource.get(config.sources);
  if (!index) {
    const byId = new Map(config.businesses.map((b) => [b.id, b]));
    index = new Map();
    for (const s of config.sources) {
      const b = byId.get(s.business);
      if (b) index.set(s.id, b);
    }
    bySource.set(config.sources, index);
  }
  return index;
}

/**
 * The business of a source. A source no longer configured (its reviews are kept after it was removed) belongs
 * to the business its id names (`<business>.<source>`), else to the first business: a single-business
 * deployment's sources have bare ids.
 */
export function businessOf(config: Owned, sourceId: string): BusinessProfile {
  const found = indexOf(config).get(sourceId);
  if (found) return found;
  const named = businessOfId(sourceId);
  return (named !== undefined ? config.businesses.find((b) => b.id === named) : undefined) ?? config.businesses[0]!;
}

const sourceIndex = new WeakMap<object, Map<string, Config['sources'][number]>>();

/** A configured source by id, from an index built once per config (a deployment may have tens of thousands). */
export function sourceById(config: Pick<Config, 'sources'>, id: string): Config['sources'][number] | undefined {
  let index = sourceIndex.get(config.sources);
  if (!index) sourceIndex.set(config.sources, (index = new Map(config.sources.map((s) => [s.id, s]))));
  return index.get(id);
}

/** The id of a source's business (see `businessOf`). */
export function businessIdOf(config: Owned, sourceId: string): string {
  return businessOf(config, sourceId).id;
}

/** The reply SLA (hours per severity) of a review of `sourceId`: its business's (the service's with one business). */
export function slaFor(config: Owned & Pick<Config, 'lifecycle'>, sourceId: string): Config['lifecycle']['sla'] {
  return config.businesses.length <= 1 ? config.lifecycle.sla : businessOf(config, sourceId).sla;
}

/** The business an alert channel is its own of (undefined: a service-wide channel, every business's). */
export function channelBusiness(config: Pick<Config, 'alerts'>, channelId: string): string | undefined {
  return config.alerts.find((a) => a.id === channelId)?.business;
}

/**
 * The business a queue job belongs to, which decides its queue shard: by its source, its review, its insight or
 * report, or its channel's business (a service-wide channel's digest belongs to none: shard 0).
 */
export function jobBusiness(config: Owned & Pick<Config, 'alerts'>, queue: string, data: Record<string, unknown>): string | undefined {
  if (config.businesses.length <= 1) return undefined;
  if (typeof data.sourceId === 'string') return businessIdOf(config, data.sourceId);
  if (typeof data.reviewId === 'string') return businessIdOf(config, sourceOfReviewId(data.reviewId));
  const insight = data.insight as { business?: string } | undefined;
  if (insight) return insight.business;
  const report = data.report as { business?: string } | undefined;
  if (report) return report.business;
  const channel = typeof data.channelId === 'string' ? channelBusiness(config, data.channelId) : undefined;
  if (channel) return channel;
  // A service-wide channel's alert job holds one analysis batch: one source's reviews.
  const first = Array.isArray(data.reviewIds) && queue === 'notify' ? data.reviewIds[0] : undefined;
  return typeof first === 'string' ? businessIdOf(config, sourceOfReviewId(first)) : undefined;
}

/** Whether a caller limited to `allowed` businesses (undefined: every one) may see `businessId`'s data. */
export function maySee(allowed: readonly string[] | undefined, businessId: string): boolean {
  return allowed === undefined || allowed.includes(businessId);
}

/**
 * The business facts, drafting and classifier sections a review of `sourceId` is handled with. With one
 * business they are the config's own top-level ones (which callers may have narrowed, e.g. to another
 * industry); with several, those of the source's business.
 */
export function ownerView<C extends Pick<Config, 'business' | 'drafting' | 'sources'> & Partial<Pick<Config, 'businesses' | 'classifier'>>>(
  config: C,
  sourceId: string,
): Pick<Config, 'business' | 'drafting'> & Partial<Pick<Config, 'classifier'>> {
  if (!config.businesses || config.businesses.length <= 1) return config;
  const b = businessOf(config as Owned, sourceId);
  return { business: b.business, drafting: b.drafting, classifier: b.classifier };
}
