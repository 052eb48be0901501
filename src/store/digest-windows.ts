import type { Redis } from 'ioredis';
import type { KeyBuilder } from './keys.js';

// Digest windows of digest channels: `digest:<channel>:open` holds the open window's start (epoch ms);
// `digest:<channel>:<start>` is the sorted set of its review ids. Adding and closing are Lua scripts, so an
// alert lands in exactly one window however many workers add and close at once. What a window means for
// delivery (when it closes, its job) is src/alerts/digest.ts's.

// KEYS[1] open-window key; ARGV: set key prefix, review id, now (ms), safety TTL (ms).
// Returns {windowStart, 1 when this call opened the window}.
const ADD_LUA = `
local ws = redis.call('GET', KEYS[1])
local opened = 0
if not ws then
  ws = ARGV[3]
  redis.call('SET', KEYS[1], ws, 'PX', ARGV[4])
  opened = 1
end
redis.call('ZADD', ARGV[1] .. ws, 'NX', ARGV[3], ARGV[2])
return {ws, opened}
`;

// KEYS[1] open-window key, KEYS[2] the window's set; ARGV[1] window start, ARGV[2] set TTL (s).
// Closes the window (later alerts open a new one) and returns its review ids; repeatable on retries.
const CLOSE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
redis.call('EXPIRE', KEYS[2], ARGV[2])
return redis.call('ZRANGE', KEYS[2], 0, -1)
`;

type DigestRedis = Redis & {
  rmDigestAdd(...args: (string | number)[]): Promise<[string, number]>;
  rmDigestClose(...args: (string | number)[]): Promise<string[]>;
};

/** How long a window's review list is kept after it closed, for retries and inspection. */
const KEEP_SECONDS = 7 * 24 * 3600;

export class DigestWindows {
  private readonly r: DigestRedis;

  constructor(
    redis: Redis,
    private readonly keys: KeyBuilder,
  ) {
    this.r = redis as DigestRedis;
    if (typeof this.r.rmDigestAdd !== 'function') {
      redis.defineCommand('rmDigestAdd', { numberOfKeys: 1, lua: ADD_LUA });
      redis.defineCommand('rmDigestClose', { numberOfKeys: 2, lua: CLOSE_LUA });
    }
  }

  private prefix(channelId: string): string {
    return `${this.keys.key('digest', channelId)}:`;
  }

  /**
   * Adds a review to the channel's open window, opening one at `now` if none is; resolves to the window's
   * start. The open marker lives `safetyMs`: if the window's job were somehow lost, later alerts still move on.
   */
  async add(channelId: string, reviewId: string, now: number, safetyMs: number): Promise<number> {
    const prefix = this.prefix(channelId);
    const [ws] = await this.r.rmDigestAdd(`${prefix}open`, prefix, reviewId, now, safetyMs);
    return Number(ws);
  }

  /** Closes a window and returns the review ids gathered in it (the same on a retry). */
  async close(channelId: string, windowStart: number): Promise<string[]> {
    const prefix = this.prefix(channelId);
    return this.r.rmDigestClose(`${prefix}open`, `${prefix}${windowStart}`, String(windowStart), KEEP_SECONDS);
  }
}
