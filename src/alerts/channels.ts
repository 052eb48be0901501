import type { LifecycleEvent } from '../events.js';
import type { InsightAlert } from '../insights/insight-alert.js';
import type { WeeklyEmail } from '../insights/weekly-email.js';
import type { SlackMessage } from './render.js';
import type { AlertChannelConfig } from '../config/schema.js';
import type { Logger } from '../logger.js';
import { emailChannel } from './channels/email.js';
import { logChannel } from './channels/log.js';
import { slackChannel } from './channels/slack.js';
import { webhookChannel } from './channels/webhook.js';
import type { AlertPayload } from './payload.js';
import type { DigestInfo } from './render.js';
import { accepts, type RouteInput, type RoutingRule } from './routing.js';

export { DeliveryError } from './delivery-error.js';

/** What a channel type implements: send one alert, or one digest of several. Both throw (and are retried) on failure. */
/**
 * A message about the service itself rather than a review: a source that needs new credentials. Sent once per
 * breakage; `idempotencyKey` is the same for every attempt of it.
 */
export interface SourceNotice {
  type: 'source_needs_credentials';
  idempotencyKey: string;
  sourceId: string;
  credentials: string;
  /** What failed, in plain words (no secret). */
  message: string;
  at: string;
}

export interface ChannelSender {
  deliver(payload: AlertPayload): Promise<void>;
  deliverNotice(notice: SourceNotice): Promise<void>;
  /** A lifecycle step the channel subscribed to (`events` of a webhook channel). */
  deliverEvent?(event: LifecycleEvent): Promise<void>;
  deliverDigest(payloads: readonly AlertPayload[], info: DigestInfo): Promise<void>;
  /** A pattern across reviews: a spike or a rating drop (src/insights/insight-check.ts). */
  deliverInsight(alert: InsightAlert): Promise<void>;
  /** The weekly report (e-mail and Slack channels only); `key` is the same for every attempt of it. */
  deliverReport?(report: { key: string; email: () => WeeklyEmail; slack: () => SlackMessage }): Promise<void>;
  close?(): Promise<void>;
}

/** A configured alert destination. */
export interface AlertChannel extends ChannelSender {
  id: string;
  type: AlertChannelConfig['type'];
  /** Minimum severity, sources, topics and digest window of this channel. */
  rule: RoutingRule;
  /** Whether a review goes to this channel (see `routing.ts`). */
  accepts(input: RouteInput): boolean;
  /** The lifecycle event types the channel subscribed to (webhooks only; none by default). */
  events: readonly string[];
}

/** What channels are built with; `interactive`: a Slack app can receive button clicks, so Slack alerts carry action buttons. */
export interface ChannelDeps {
  logger: Logger;
  userAgent: string;
  interactive?: boolean | undefined;
}

function sender(cfg: AlertChannelConfig, deps: ChannelDeps): ChannelSender {
  switch (cfg.type) {
    case 'log':
      return logChannel(cfg.id, deps.logger);
    case 'webhook':
      return webhookChannel(cfg, deps);
    case 'slack':
      return slackChannel(cfg, deps);
    case 'email':
      return emailChannel(cfg);
  }
}

/** Builds the channel objects for the configured alert channels. */
export function createChannels(configs: readonly AlertChannelConfig[], deps: ChannelDeps): Map<string, AlertChannel> {
  const channels = new Map<string, AlertChannel>();
  for (const cfg of configs) {
    const rule: RoutingRule = { minSeverity: cfg.minSeverity, sources: cfg.sources, topics: cfg.topics, digest: cfg.digest };
    const events = cfg.type === 'webhook' ? cfg.events : [];
    channels.set(cfg.id, { id: cfg.id, type: cfg.type, rule, events, accepts: (input) => accepts(rule, input), ...sender(cfg, deps) });
  }
  return channels;
}
