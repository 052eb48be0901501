import type { Redis } from 'ioredis';
import type { KeyBuilder } from './keys.js';

/** Poll bookkeeping and health of one source. */
export interface SourceState {
  baselineAt?: string | undefined;
  etag?: string | undefined;
  lastModified?: string | undefined;
  lastPollAt?: string | undefined;
  lastSuccessAt?: string | undefined;
  lastError?: string | undefined;
  lastErrorAt?: string | undefined;
  lastStatus?: number | undefined;
  consecutiveFailures: number;
  reviewsSeen: number;
  /** Polls before this time are skipped: a failing source backs off instead of hammering the host. */
  backoffUntil?: string | undefined;
  /** Pages the last successful poll fetched. */
  lastPages?: number | undefined;
  /** Rows or items the last successful poll could not read (the good ones were stored), and what it could not read. */
  rejectedRows?: number | undefined;
  lastWarning?: string | undefined;
}

/** Poll bookkeeping of the sources: health, validators, back-off and the poll lock (keys `source:*`, `lock:poll:*`). */
export class SourceStateStore {
  constructor(
    private readonly r: Redis,
    private readonly keys: KeyBuilder,
  ) {}

  /** A key of a source's: under its business's hash tag (keys.ts). */
  private key(kind: 'source' | 'lock', ...parts: string[]): string {
    return this.keys.forId(parts[parts.length - 1]!).key(kind, ...parts);
  }

  async getSourceState(sourceId: string): Promise<SourceState> {
    const h = await this.r.hgetall(this.key('source', sourceId));
    return {
      baselineAt: h.baselineAt,
      etag: h.etag,
      lastModified: h.lastModified,
      lastPollAt: h.lastPollAt,
      lastSuccessAt: h.lastSuccessAt,
      lastError: h.lastError,
      lastErrorAt: h.lastErrorAt,
      lastStatus: h.lastStatus ? Number(h.lastStatus) : undefined,
      consecutiveFailures: Number(h.consecutiveFailures ?? 0),
      reviewsSeen: Number(h.reviewsSeen ?? 0),
      backoffUntil: h.backoffUntil,
      lastPages: h.lastPages ? Number(h.lastPages) : undefined,
      rejectedRows: Number(h.rejectedRows) || undefined,
      lastWarning: h.lastWarning,
    };
  }

  /** Takes the source's poll lock for `ttlMs`; resolves to a token to release it with, or undefined when held. */
  async acquirePollLock(sourceId: string, ttlMs: number): Promise<string | undefined> {
    const token = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const ok = await this.r.set(this.key('lock', 'poll', sourceId), token, 'PX', ttlMs, 'NX');
    return ok === 'OK' ? token : undefined;
  }

  /** Extends the poll lock while this token holds it; false when it was lost (expired and taken). */
  async extendPollLock(sourceId: string, token: string, ttlMs: number): Promise<boolean> {
    return (await this.r.eval("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0", 1, this.key('lock', 'poll', sourceId), token, ttlMs)) === 1;
  }

  /** Releases the poll lock if this token still holds it (an expired lock may belong to another poll by now). */
  async releasePollLock(sourceId: string, token: string): Promise<void> {
    await this.r.eval("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0", 1, this.key('lock', 'poll', sourceId), token);
  }

  /** Records a successful poll: validators for the next conditional GET, the baseline, counters. */
  async recordPollSuccess(
    sourceId: string,
    opts: {
      etag?: string | undefined;
      lastModified?: string | undefined;
      newReviews: number;
      status?: number;
      now?: Date;
      /** The poll proved nothing (an empty first page on a platform that sends those): the baseline stays pending. */
      baselinePending?: boolean;
      pages?: number;
      rejected?: { count: number; warning: string } | undefined;
    },
  ): Promise<void> {
    const now = (opts.now ?? new Date()).toISOString();
    const key = this.key('source', sourceId);
    const multi = this.r.multi();
    if (!opts.baselinePending) multi.hsetnx(key, 'baselineAt', now);
    if (opts.pages !== undefined) multi.hset(key, 'lastPages', opts.pages);
    if (opts.rejected) multi.hset(key, { rejectedRows: opts.rejected.count, lastWarning: opts.rejected.warning.slice(0, 500) });
    else if (opts.status !== 304) multi.hdel(key, 'rejectedRows', 'lastWarning');
    multi.hset(key, { lastPollAt: now, lastSuccessAt: now, consecutiveFailures: 0, lastStatus: opts.status ?? 200 });
    multi.hdel(key, 'backoffUntil');
    if (opts.etag) multi.hset(key, 'etag', opts.etag);
    if (opts.lastModified) multi.hset(key, 'lastModified', opts.lastModified);
    if (opts.newReviews > 0) multi.hincrby(key, 'reviewsSeen', opts.newReviews);
    await multi.exec();
  }

  /** Records a failed poll and the back-off before the next scheduled one; returns the new state. */
  async recordPollFailure(
    sourceId: string,
    error: { message: string; status?: number | undefined; retryAfterMs?: number | undefined },
    now = new Date(),
    random: () => number = Math.random,
  ): Promise<SourceState> {
    const key = this.key('source', sourceId);
    const failures = await this.r.hincrby(key, 'consecutiveFailures', 1);
    // 30 s, 1 min, 2 min … capped at one hour, each ±20% so sources failing together spread out again;
    // a host's Retry-After wins when it asks for longer.
    const exponential = Math.min(30_000 * 2 ** (failures - 1), 3_600_000) * (0.8 + 0.4 * random());
    // A day at most, whatever the host says: a source is never silenced for good.
    const backoffMs = Math.max(Math.round(exponential), Math.min(error.retryAfterMs ?? 0, 86_400_000));
    const fields: Record<string, string | number> = {
      lastPollAt: now.toISOString(),
      lastError: error.message.slice(0, 500),
      lastErrorAt: now.toISOString(),
      backoffUntil: new Date(now.getTime() + backoffMs).toISOString(),
    };
    if (error.status !== undefined) fields.lastStatus = error.status;
    await this.r.hset(key, fields);
    return this.getSourceState(sourceId);
  }
}
