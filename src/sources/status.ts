import type { OwnedSourceConfig } from '../config/schema.js';
import type { ReviewStore, SourceState } from '../store/review-store.js';
import { nextPollAt } from './health.js';

/** A source's configuration summary and health, as the API and the sources page show it. */
export type SourceStatus = SourceState & {
  id: string;
  business: string;
  type: string;
  schedule: string;
  enabled: boolean;
  publisher: string;
  healthy: boolean;
  nextPollAt: string | undefined;
};

/** Reads a configured source's poll state and says whether it is healthy and when it polls next. */
export async function sourceStatus(store: ReviewStore, source: OwnedSourceConfig): Promise<SourceStatus> {
  const state = await store.sources.getSourceState(source.id);
  const healthy = state.consecutiveFailures === 0 && state.lastSuccessAt !== undefined;
  return { id: source.id, business: source.business, type: source.type, schedule: source.schedule, enabled: source.enabled, publisher: source.publisher.type, healthy, ...state, nextPollAt: nextPollAt(source.schedule, state, { enabled: source.enabled }) };
}
