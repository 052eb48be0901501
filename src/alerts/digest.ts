import type { Redis } from 'ioredis';
import type { AppContext } from '../context.js';
import { jobId } from '../queues.js';
import type { AlertChannel } from './channels.js';

// A digest window opens with the first alert a digest channel gathers and lasts `windowSeconds`.
// `digest:<channel>:open` holds the open window's start (epoch ms); `digest:<channel>:<start>` is the
// sorted set of its review ids. Adding and closing are Lua scripts, so an alert lands in exactly one
// window however many workers add and close at once.

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

function commands(redis: Redis): DigestRedis {
  const r = redis as DigestRedis;
  if (typeof r.rmDigestAdd !== 'function') {
    redis.defineCommand('rmDigestAdd', { numberOfKeys: 1, lua: ADD_LUA });
    redis.defineCommand('rmDigestClose', { numberOfKeys: 2, lua: CLOSE_LUA });
  }
  return r;
}

/** Deterministic id of a window's digest job (no `:`). */
export function digestJobId(channelId: string, windowStart: number): string {
  return jobId('digest', channelId, String(windowStart));
}

const windowMsOf = (channel: AlertChannel): number => (channel.rule.digest?.windowSeconds ?? 0) * 1000;

/**
 * Adds a review to the channel's open digest window (opening one if none is) and makes sure the
 * window's delayed digest job exists. Repeating it (a retried notify job) changes nothing.
 */
export async function gatherForDigest(ctx: AppContext, channel: AlertChannel, reviewId: string, now = Date.now()): Promise<{ windowStart: number; windowEnd: number }> {
  const windowMs = windowMsOf(channel);
  const prefix = `${ctx.store.key('digest', channel.id)}:`;
  // The open marker outlives the window by a wide margin: if its job were somehow lost, later alerts still move on.
  const [ws] = await commands(ctx.redis).rmDigestAdd(`${prefix}open`, prefix, reviewId, now, windowMs * 10 + 3_600_000);
  const windowStart = Number(ws);
  const windowEnd = windowStart + windowMs;
  await ctx.store.deliveries.pending(reviewId, channel.id, { digestAt: new Date(windowEnd).toISOString() });
  // Every gatherer adds the job under the same id: BullMQ keeps the first, so a crash between the
  // script and this call is healed by the notify job's retry.
  await ctx.queues.add('digest', digestJobId(channel.id, windowStart), { channelId: channel.id, windowStart }, { delay: Math.max(0, windowEnd - Date.now()) });
  return { windowStart, windowEnd };
}

/** Closes a digest window and returns the review ids gathered in it. */
export async function closeDigestWindow(ctx: AppContext, channelId: string, windowStart: number): Promise<string[]> {
  const prefix = `${ctx.store.key('digest', channelId)}:`;
  return commands(ctx.redis).rmDigestClose(`${prefix}open`, `${prefix}${windowStart}`, String(windowStart), KEEP_SECONDS);
}
