import type { Redis } from 'ioredis';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReviewStore } from '../store/review-store.js';
import { toJson, toJsonBuffer } from './json.js';

/**
 * Serialized list pages, valid until the store announces a change. Dashboards poll the same pages over
 * and over; between writes, answering from here costs no Redis round trip and no re-serialization.
 * Every write that changes what lists show publishes on the store's changes channel (after the write),
 * and any message moves the generation on. While the subscription is down nothing is served from
 * here, since a change could go unseen. Per process, bounded, least recently used first out.
 */
export class ListCache {
  private readonly entries = new Map<string, { generation: number; body: Buffer; at: number }>();
  private generation = 0;
  private live = false;
  private subscriber: Redis | undefined;
  private stopLocal: (() => void) | undefined;

  constructor(
    private readonly store: ReviewStore,
    private readonly enabled: boolean,
    private readonly max = 256,
  ) {}

  /** Subscribes to the store's change announcements; until this resolves, pages are not cached. */
  async start(): Promise<void> {
    if (!this.enabled || this.subscriber) return;
    const sub = this.store.redis.duplicate();
    this.subscriber = sub;
    const invalidate = (): void => {
      this.generation += 1;
    };
    sub.on('message', (_channel: string, origin: string) => {
      if (origin !== this.store.changes.origin) invalidate();
    });
    // Writes made through this process invalidate at once, without waiting for their own message.
    this.store.changes.localChangeListeners.add(invalidate);
    this.stopLocal = () => this.store.changes.localChangeListeners.delete(invalidate);
    // A lost subscription may have missed changes: stop serving from memory until it is back.
    sub.on('close', () => {
      this.live = false;
      invalidate();
    });
    sub.on('ready', () => {
      invalidate();
      this.live = true;
    });
    sub.on('error', () => undefined);
    await sub.subscribe(this.store.changes.changesChannel());
    invalidate();
    this.live = true;
  }

  async close(): Promise<void> {
    this.live = false;
    this.stopLocal?.();
    this.entries.clear();
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /**
   * Answers `req` from the cache when nothing changed since (and the entry is younger than `maxAgeMs`: for
   * pages showing what time alone changes, such as overdue reviews), else computes, stores and sends.
   */
  async serve(req: FastifyRequest, reply: FastifyReply, compute: () => Promise<unknown>, maxAgeMs = Infinity): Promise<FastifyReply> {
    reply.type('application/json; charset=utf-8');
    if (!this.live) return reply.send(toJson(await compute()));
    // Per set of businesses the caller may see: a limited key never gets a page cached for a wider one.
    const key = `${req.actor?.businesses?.join(',') ?? '*'} ${req.url}`;
    const hit = this.entries.get(key);
    if (hit && hit.generation === this.generation && Date.now() - hit.at < maxAgeMs) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return reply.header('x-cache', 'hit').send(hit.body);
    }
    // Read the generation before the data: a change landing in between makes the entry stale at once.
    const generation = this.generation;
    const body = toJsonBuffer(await compute());
    this.entries.delete(key);
    this.entries.set(key, { generation, body, at: Date.now() });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return reply.header('x-cache', 'miss').send(body);
  }
}
