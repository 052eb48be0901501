import type { Redis } from 'ioredis';
import type { Severity } from './domain/verdict.js';
import { INSIGHT_EVENT_TYPES, type InsightAlert } from './insights/insight-alert.js';

/** A newly flagged review, as pushed to `GET /v1/events` consumers. */
export interface AlertEvent {
  type: 'alert';
  reviewId: string;
  sourceId: string;
  severity: Severity;
  flaggedAt: string;
}

/** What integrators (ticketing systems) can follow of a review's recovery, besides new alerts. */
export const LIFECYCLE_EVENT_TYPES = ['review.acknowledged', 'review.approved', 'review.replied', 'review.resolved', 'review.followed_up', 'review.recovered'] as const;
export type LifecycleEventType = (typeof LIFECYCLE_EVENT_TYPES)[number];

/** A step of a review's recovery, as pushed to `GET /v1/events` and to webhook channels that subscribe to it. */
export interface LifecycleEvent {
  type: LifecycleEventType;
  /** Stable per step: `<reviewId>-<type>-<ms>`; receivers drop a repeat by it. */
  id: string;
  reviewId: string;
  sourceId: string;
  /** The review's status after the step. */
  status: string;
  /** Who took the step: a person, an API key, `publisher:<type>`, "on the platform" or `system`. */
  actor: string;
  at: string;
  note?: string | undefined;
}

export type ReviewEvent = AlertEvent | LifecycleEvent | InsightAlert;

/** What a webhook channel may subscribe to (`events: [...]`): the lifecycle steps and the insight alerts. */
export const SUBSCRIBABLE_EVENT_TYPES = [...LIFECYCLE_EVENT_TYPES, ...INSIGHT_EVENT_TYPES] as const;

/** The event a lifecycle action leads to (an assignment or a draft edit is not one). */
export function lifecycleEventType(action: string): LifecycleEventType | undefined {
  switch (action) {
    case 'acknowledge':
      return 'review.acknowledged';
    case 'approve':
      return 'review.approved';
    case 'reply':
    case 'reply_on_platform':
      return 'review.replied';
    case 'resolve':
      return 'review.resolved';
    case 'follow_up':
      return 'review.followed_up';
    default:
      return undefined;
  }
}

/** The Redis pub/sub channel workers publish events on; every API replica subscribes. */
export function eventsChannel(prefix: string): string {
  return `${prefix}:events`;
}

/** Publishes events for every API replica's subscribers. */
export async function publishEvents(redis: Redis, prefix: string, events: ReviewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const pipe = redis.pipeline();
  for (const e of events) pipe.publish(eventsChannel(prefix), JSON.stringify(e));
  await pipe.exec();
}

/** One subscription per API process, fanned out to its connected clients; opened on first use. */
export class EventHub {
  private subscriber: Redis | undefined;
  private readonly listeners = new Set<(e: ReviewEvent) => void>();
  private readonly streams = new Set<() => void>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** Calls `fn` for every event until the returned function is called. */
  async listen(fn: (e: ReviewEvent) => void): Promise<() => void> {
    if (!this.subscriber) {
      const sub = this.redis.duplicate();
      this.subscriber = sub;
      // The main connection already reports an outage (throttled); without a listener ioredis prints every
      // failed reconnect of this one to the console.
      sub.on('error', () => undefined);
      sub.on('message', (_channel: string, message: string) => {
        let event: ReviewEvent;
        try {
          event = JSON.parse(message) as ReviewEvent;
        } catch {
          return;
        }
        for (const l of this.listeners) l(event);
      });
      await sub.subscribe(eventsChannel(this.prefix));
    }
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Remembers how to end an open stream, so closing the API ends it instead of waiting on it. */
  track(end: () => void): () => void {
    this.streams.add(end);
    return () => this.streams.delete(end);
  }

  async close(): Promise<void> {
    for (const end of [...this.streams]) end();
    this.streams.clear();
    this.listeners.clear();
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
    this.subscriber = undefined;
  }
}
