import type { Redis } from 'ioredis';
// The codec alone: delivery records and the review store no longer import each other.
import { decodeCursor, encodeCursor, type Page } from './cursor.js';
import { TaggedPipeline, type KeyBuilder } from './keys.js';
import { newestAcross } from './newest-first.js';

/** Where one review's alert stands on one channel. */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** The delivery of one review's alert to one channel. */
export interface DeliveryRecord {
  reviewId: string;
  channelId: string;
  status: DeliveryStatus;
  /** Attempts since the alert was first sent or last re-sent. */
  attempts: number;
  lastError?: string | undefined;
  deliveredAt?: string | undefined;
  failedAt?: string | undefined;
  updatedAt?: string | undefined;
  /** End of the digest window the alert waits for, when the channel gathers a digest. */
  digestAt?: string | undefined;
  /** How often it was re-sent through the API. */
  resends: number;
}

// Resets a failed delivery to pending for a re-send, atomically, so two concurrent re-sends queue one job.
// Returns the new re-send number, or the status that forbids it.
const RESEND_LUA = `
if redis.call('HEXISTS', KEYS[3], ARGV[1]) == 1 then return 'delivered' end
local st = redis.call('HGET', KEYS[1], ARGV[1] .. '|status')
if st ~= 'failed' then return st or 'none' end
local n = redis.call('HINCRBY', KEYS[1], ARGV[1] .. '|resends', 1)
redis.call('HSET', KEYS[1], ARGV[1] .. '|status', 'pending', ARGV[1] .. '|attempts', 0, ARGV[1] .. '|updatedAt', ARGV[3])
redis.call('HDEL', KEYS[1], ARGV[1] .. '|failedAt')
redis.call('ZREM', KEYS[2], ARGV[2])
return n
`;

type RecordsRedis = Redis & { rmResendDelivery(...args: (string | number)[]): Promise<number | string> };

const FIELDS = ['status', 'attempts', 'lastError', 'deliveredAt', 'failedAt', 'updatedAt', 'digestAt', 'resends'] as const;

/**
 * Delivery records, one hash per review (`deliveries:<reviewId>`, fields `<channelId>|<field>`), and a
 * sorted set of failed deliveries by failure time. The `delivered:<reviewId>` hash of the review store
 * stays the exactly-once guard; these records are what people see.
 */
export class DeliveryRecords {
  private readonly r: RecordsRedis;

  constructor(
    redis: Redis,
    private readonly keys: KeyBuilder,
    /** The key builders of the businesses with data (all, or those named): failed deliveries are listed per business. */
    private readonly businessKeys: (only?: readonly string[]) => Promise<KeyBuilder[]>,
  ) {
    this.r = redis as RecordsRedis;
    if (typeof this.r.rmResendDelivery !== 'function') redis.defineCommand('rmResendDelivery', { numberOfKeys: 3, lua: RESEND_LUA });
  }

  // A review's records, its mark and its business's failed list share the business's hash tag (keys.ts), so the
  // MULTIs and the re-send script below stay in one slot.
  private hash(reviewId: string): string {
    return this.keys.forId(reviewId).key('deliveries', reviewId);
  }

  private failedKey(reviewId: string): string {
    return this.failedKeyOf(this.keys.forId(reviewId));
  }

  private failedKeyOf(keys: KeyBuilder): string {
    return keys.key('deliveries', 'failed');
  }

  /** The once-per-(review, channel) mark that an alert went out (HSETNX: a retry or a twin job cannot set it twice). */
  private markKey(reviewId: string): string {
    return this.keys.forId(reviewId).key('delivered', reviewId);
  }

  /** Marks a channel's delivery of a review's alert; false when it had already been marked. */
  async markDelivered(reviewId: string, channelId: string, at = new Date()): Promise<boolean> {
    return (await this.r.hsetnx(this.markKey(reviewId), channelId, at.toISOString())) === 1;
  }

  /** When the review's alert went out on the channel, if it did. */
  async deliveredAt(reviewId: string, channelId: string): Promise<string | undefined> {
    return (await this.r.hget(this.markKey(reviewId), channelId)) ?? undefined;
  }

  /** Marks the alert as waiting (for its digest window, when `digestAt` is given). */
  async pending(reviewId: string, channelId: string, opts: { digestAt?: string; now?: Date } = {}): Promise<void> {
    const f = (name: string): string => `${channelId}|${name}`;
    const fields: Record<string, string> = { [f('status')]: 'pending', [f('updatedAt')]: (opts.now ?? new Date()).toISOString() };
    if (opts.digestAt) fields[f('digestAt')] = opts.digestAt;
    await this.r.hset(this.hash(reviewId), fields);
  }

  /** Records a failed attempt; `final` (no retry left) marks the delivery failed and lists it. */
  async attemptFailed(reviewId: string, channelId: string, error: string, final: boolean, now = new Date()): Promise<void> {
    const f = (name: string): string => `${channelId}|${name}`;
    const at = now.toISOString();
    const multi = this.r.multi();
    multi.hincrby(this.hash(reviewId), f('attempts'), 1);
    multi.hset(this.hash(reviewId), { [f('status')]: final ? 'failed' : 'pending', [f('lastError')]: error.slice(0, 1000), [f('updatedAt')]: at });
    if (final) {
      multi.hset(this.hash(reviewId), f('failedAt'), at);
      multi.zadd(this.failedKey(reviewId), now.getTime(), `${reviewId}|${channelId}`);
    }
    await multi.exec();
  }

  /** Records the successful attempt. */
  async delivered(reviewId: string, channelId: string, now = new Date()): Promise<void> {
    const f = (name: string): string => `${channelId}|${name}`;
    const at = now.toISOString();
    const multi = this.r.multi();
    multi.hincrby(this.hash(reviewId), f('attempts'), 1);
    multi.hset(this.hash(reviewId), { [f('status')]: 'delivered', [f('deliveredAt')]: at, [f('updatedAt')]: at });
    multi.hdel(this.hash(reviewId), f('failedAt'));
    multi.zrem(this.failedKey(reviewId), `${reviewId}|${channelId}`);
    await multi.exec();
  }

  /** Every channel's delivery record of a review, by channel id. */
  async forReview(reviewId: string): Promise<DeliveryRecord[]> {
    return parseRecords(reviewId, await this.r.hgetall(this.hash(reviewId)));
  }

  /** One delivery record, or undefined. */
  async get(reviewId: string, channelId: string): Promise<DeliveryRecord | undefined> {
    return (await this.forReview(reviewId)).find((d) => d.channelId === channelId);
  }

  /**
   * Failed deliveries, newest failure first, of every business or of those named; `cursor` continues a previous
   * page. Each business keeps its own list: the page is the newest across them (same order as one list would give).
   */
  async listFailed(opts: { limit: number; cursor?: string | undefined; businesses?: readonly string[] | undefined }): Promise<Page<DeliveryRecord>> {
    const after = opts.cursor ? decodeCursor(opts.cursor) : undefined;
    const lists = (await this.businessKeys(opts.businesses)).map((k) => this.failedKeyOf(k));
    // Members are `<reviewId>|<channelId>`, scored by failure time.
    const picked = await newestAcross(this.r, lists, after, opts.limit + 1);
    const page = picked.slice(0, opts.limit);
    const last = page[page.length - 1];
    const tp = new TaggedPipeline(this.r);
    for (const p of page) {
      const reviewId = p.id.split('|')[0]!;
      tp.add(this.keys.forId(reviewId), (pipe) => pipe.hgetall(this.hash(reviewId)));
    }
    const replies = await tp.exec();
    const items: DeliveryRecord[] = [];
    page.forEach((p, i) => {
      const [reviewId, channelId] = p.id.split('|') as [string, string];
      const [err, h] = replies[i] ?? [null, {}];
      if (err) throw err;
      const rec = parseRecords(reviewId, h as Record<string, string>).find((d) => d.channelId === channelId);
      if (rec) items.push(rec);
    });
    return { items, nextCursor: picked.length > opts.limit && last ? encodeCursor(last.score, last.id) : null };
  }

  /**
   * Resets a failed delivery to pending for a re-send and returns its re-send number (1, 2 …), or the
   * status that forbids it: `delivered`, `pending`, or `none` when there is no record.
   */
  async beginResend(reviewId: string, channelId: string, now = new Date()): Promise<number | 'delivered' | 'pending' | 'none'> {
    const res = await this.r.rmResendDelivery(this.hash(reviewId), this.failedKey(reviewId), this.markKey(reviewId), channelId, `${reviewId}|${channelId}`, now.toISOString());
    return typeof res === 'number' ? res : (res as 'delivered' | 'pending' | 'none');
  }
}

function parseRecords(reviewId: string, h: Record<string, string>): DeliveryRecord[] {
  const byChannel = new Map<string, Record<string, string>>();
  for (const [field, value] of Object.entries(h)) {
    const sep = field.lastIndexOf('|');
    if (sep <= 0) continue;
    const channelId = field.slice(0, sep);
    const name = field.slice(sep + 1);
    if (!(FIELDS as readonly string[]).includes(name)) continue;
    const rec = byChannel.get(channelId) ?? {};
    rec[name] = value;
    byChannel.set(channelId, rec);
  }
  return [...byChannel.entries()]
    .filter(([, r]) => r.status !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([channelId, r]) => ({
      reviewId,
      channelId,
      status: r.status as DeliveryStatus,
      attempts: Number(r.attempts ?? 0),
      lastError: r.lastError,
      deliveredAt: r.deliveredAt,
      failedAt: r.failedAt,
      updatedAt: r.updatedAt,
      digestAt: r.digestAt,
      resends: Number(r.resends ?? 0),
    }));
}
