import { SEVERITIES, type Severity } from '../domain/verdict.js';

/** The routing part of a channel's configuration. */
export interface RoutingRule {
  minSeverity: Severity;
  sources?: readonly string[] | undefined;
  topics?: readonly string[] | undefined;
  digest?: { windowSeconds: number } | undefined;
}

/** What routing looks at in a flagged review. */
export interface RouteInput {
  severity: Severity;
  sourceId: string;
  topics: readonly string[];
}

const rank = (s: Severity): number => SEVERITIES.indexOf(s);

/**
 * Whether a channel takes a review. `critical` bypasses `minSeverity` and `topics` (a mis-topiced
 * critical review must still reach someone today) but respects `sources`: a channel scoped to another
 * location or app never gets it.
 */
export function accepts(rule: RoutingRule, input: RouteInput): boolean {
  if (rule.sources && !rule.sources.includes(input.sourceId)) return false;
  if (input.severity === 'critical') return true;
  if (rank(input.severity) < rank(rule.minSeverity)) return false;
  if (rule.topics && !input.topics.some((t) => rule.topics!.includes(t))) return false;
  return true;
}

/** `digest` when the channel gathers this review into its next digest, `now` when it goes out at once (always for critical). */
export function deliveryMode(rule: RoutingRule, severity: Severity): 'now' | 'digest' {
  return rule.digest && severity !== 'critical' ? 'digest' : 'now';
}

/** The ids of the channels that take a review, in configuration order. */
export function route(channels: Iterable<{ id: string; rule: RoutingRule }>, input: RouteInput): string[] {
  const ids: string[] = [];
  for (const c of channels) if (accepts(c.rule, input)) ids.push(c.id);
  return ids;
}
