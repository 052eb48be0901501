import type { Redis } from 'ioredis';
import type { RatingReference } from '../insights/detect.js';
import type { InsightAlert } from '../insights/insight-alert.js';
import type { KeyBuilder } from './keys.js';

// What the insight checks keep between runs, across restarts and replicas: a marker per alert sent (so each
// spike or drop goes out once) and each source's rating reference level.

// Sets the reference only if it is still the one the caller read (or still absent): two replicas checking at
// once cannot step the ladder twice, and the one that loses does not send the drop.
const SWAP_LUA = `
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if (cur or '') ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
`;

/** Insight alerts kept for the workspace. */
const RECENT = 50;

export class InsightStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyBuilder,
  ) {}

  private marker(alertId: string): string {
    return this.keys.key('insights', 'sent', alertId);
  }

  private references(): string {
    return this.keys.key('insights', 'rating-ref');
  }

  /** Whether the alert was sent already. */
  async wasSent(alertId: string): Promise<boolean> {
    return (await this.redis.exists(this.marker(alertId))) === 1;
  }

  /**
   * Marks the alert sent; resolves to whether this call was first. The marker outlives the period it is about
   * (`ttlSeconds`), after which nothing can ask about that period again.
   */
  async markSent(alertId: string, at: Date, ttlSeconds: number): Promise<boolean> {
    return (await this.redis.set(this.marker(alertId), at.toISOString(), 'EX', Math.max(1, Math.ceil(ttlSeconds)), 'NX')) === 'OK';
  }

  private recentKey(): string {
    return this.keys.key('insights', 'recent');
  }

  /** Keeps an alert among the recent ones the workspace shows (the newest `RECENT` of them). */
  async remember(alert: InsightAlert): Promise<void> {
    await this.redis.multi().lpush(this.recentKey(), JSON.stringify(alert)).ltrim(this.recentKey(), 0, RECENT - 1).exec();
  }

  /** The most recent alerts, newest first. */
  async recent(count = RECENT): Promise<InsightAlert[]> {
    const raw = await this.redis.lrange(this.recentKey(), 0, count - 1);
    return raw.flatMap((json) => {
      try {
        return [JSON.parse(json) as InsightAlert];
      } catch {
        return [];
      }
    });
  }

  /** Every source's rating reference. */
  async ratingReferences(): Promise<Map<string, RatingReference>> {
    const raw = await this.redis.hgetall(this.references());
    const out = new Map<string, RatingReference>();
    for (const [sourceId, json] of Object.entries(raw)) {
      try {
        const ref = JSON.parse(json) as RatingReference;
        if (typeof ref.level === 'number' && typeof ref.since === 'string') out.set(sourceId, ref);
      } catch {
        // An unreadable reference is set afresh by the next check.
      }
    }
    return out;
  }

  /** Replaces `previous` (undefined: none yet) by `next`; false when another check changed it first. */
  async swapRatingReference(sourceId: string, previous: RatingReference | undefined, next: RatingReference): Promise<boolean> {
    const res = await this.redis.eval(SWAP_LUA, 1, this.references(), sourceId, previous ? JSON.stringify(previous) : '', JSON.stringify(next));
    return res === 1;
  }
}
