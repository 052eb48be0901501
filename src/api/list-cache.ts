import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReviewStore } from '../store/review-store.js';

/**
 * Serialized list pages, valid while the store's version is unchanged. Dashboards poll the same pages
 * over and over; between writes, answering from here costs one Redis GET instead of re-reading and
 * re-serializing every review. Per process, bounded, least recently used first out.
 */
export class ListCache {
  private readonly entries = new Map<string, { version: string; body: string }>();

  constructor(
    private readonly store: ReviewStore,
    private readonly enabled: boolean,
    private readonly max = 256,
  ) {}

  /** Answers `req` from the cache when the store has not changed since, else computes, stores and sends. */
  async serve(req: FastifyRequest, reply: FastifyReply, compute: () => Promise<unknown>): Promise<FastifyReply> {
    reply.type('application/json; charset=utf-8');
    if (!this.enabled) return reply.send(JSON.stringify(await compute()));
    // Read the version before the data: a write landing in between makes the entry stale at once.
    const version = await this.store.version();
    const key = req.url;
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return reply.header('x-cache', 'hit').send(hit.body);
    }
    const body = JSON.stringify(await compute());
    this.entries.delete(key);
    this.entries.set(key, { version, body });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return reply.header('x-cache', 'miss').send(body);
  }
}
