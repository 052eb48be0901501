import type { Config, SourceConfig } from '../config/schema.js';
import { ownerView, sourceById } from '../config/businesses.js';
import type { DraftContext } from '../draft/index.js';

// Publisher types name the platform whose reply limit and habits a draft must respect.
const PLATFORM_OF_PUBLISHER: Record<string, string | undefined> = {
  'google-play': 'google-play',
  'google-business': 'google-business',
  'appstore-connect': 'app-store',
};

/** The drafting context for a review of `sourceId`: business facts, per-source drafting config, platform limit. */
export function draftContextFor(config: Pick<Config, 'business' | 'drafting' | 'sources'> & Partial<Pick<Config, 'businesses'>>, sourceId: string): DraftContext {
  const source: SourceConfig | undefined = sourceById(config, sourceId);
  // The business the review's source belongs to: its name, contact, tone and drafting section.
  const owner = ownerView(config, sourceId);
  const ctx: DraftContext = { business: owner.business, drafting: owner.drafting, sourceId };
  const platform = source ? PLATFORM_OF_PUBLISHER[source.publisher.type] : undefined;
  if (platform) ctx.platform = platform;
  if (source?.replyMaxLength) ctx.maxLength = source.replyMaxLength;
  return ctx;
}
