import type { Redis } from 'ioredis';
import type { Severity } from './domain/verdict.js';

/** A newly flagged review, as pushed to `GET /v1/events` consumers. */
export interface AlertEvent {
  type: 'alert';
  reviewId: string;
  sourceId: string;
  severity: Severity;
  flaggedAt: string;
}

/** The Redis pub/sub channel workers publish events on; every API replica subscribes. */
export function eventsChannel(prefix: string): string {
  return `${prefix}:events`;
}

/** Publishes events for every API replica's subscribers. */
export async function publishEvents(redis: Redis, prefix: string, events: AlertEvent[]): Promise<void> {
  if (events.length === 0) return;
  const pipe = redis.pipeline();
  for (const e of events) pipe.publish(eventsChannel(prefix), JSON.stringify(e));
  await pipe.exec();
}

/** One subscription per API process, fanned out to its connected clients; opened on first use. */
export class EventHub {
  private subscriber: Redis | undefined;
  private readonly listeners = new Set<(e: AlertEvent) => void>();
  private readonly streams = new Set<() => void>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** Calls `fn` for every event until the returned function is called. */
  async listen(fn: (e: AlertEvent) => void): Promise<() => void> {
    if (!this.subscriber) {
      const sub = this.redis.duplicate();
      this.subscriber = sub;
      // The main connection already reports an outage (throttled); without a listener ioredis prints every
      // failed reconnect of this one to the console.
      sub.on('error', () => undefined);
      sub.on('message', (_channel: string, message: string) => {
        let event: AlertEvent;
        try {
          event = JSON.parse(message) as AlertEvent;
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
