import { CronExpressionParser } from 'cron-parser';
import type { SourceState } from '../store/review-store.js';

/**
 * When the scheduler will next poll a source: its next cron tick, or, while it backs off, the first
 * tick at or after the back-off ends (earlier ticks are skipped). Undefined for a disabled source.
 */
export function nextPollAt(schedule: string, state: Pick<SourceState, 'backoffUntil'>, opts: { enabled?: boolean; now?: Date } = {}): string | undefined {
  if (opts.enabled === false) return undefined;
  const now = (opts.now ?? new Date()).getTime();
  const backoff = state.backoffUntil ? Date.parse(state.backoffUntil) : NaN;
  // A tick exactly at the end of the back-off polls, so start the search just before it.
  const from = Number.isFinite(backoff) && backoff > now ? backoff - 1 : now;
  try {
    return CronExpressionParser.parse(schedule, { currentDate: new Date(from) }).next().toDate().toISOString();
  } catch {
    return undefined; // node-cron accepted it (the config checks that) but cron-parser reads it differently
  }
}
