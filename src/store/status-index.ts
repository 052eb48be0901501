import type { Redis } from 'ioredis';
import { STATUSES, type Status } from '../lifecycle/states.js';
import { TaggedPipeline, type KeyBuilder } from './keys.js';

/** The statuses a flagged review moves into after `new`: each has a sorted set of its own. */
export const INDEXED_STATUSES = STATUSES.filter((s): s is Exclude<Status, 'new'> => s !== 'new');

// Puts each review of a batch in the set of its current status (and in no other): atomic per batch, so a
// transition running at the same time (a script too) is seen either before or after, never halfway.
// KEYS: the status sets in INDEXED_STATUSES order, then the batch's review hashes. ARGV: ids, then scores.
const REBUILD_LUA = `
local n = #KEYS - 4
local index = { acknowledged = KEYS[1], replied = KEYS[2], resolved = KEYS[3], followed_up = KEYS[4] }
local placed = 0
for i = 1, n do
  local id, score = ARGV[i], ARGV[n + i]
  local status = redis.call('HGET', KEYS[4 + i], 'status')
  for s, key in pairs(index) do if s ~= status then redis.call('ZREM', key, id) end end
  if status and index[status] then
    redis.call('ZADD', index[status], score, id)
    placed = placed + 1
  end
end
return placed
`;

// The alert index's size and each status set's, read at one instant (a transition between two ZCARDs would
// make "new", the alerts less the others, off by one). KEYS: the alert index, then the status sets.
const COUNT_LUA = `
local out = {}
for i = 1, #KEYS do out[i] = redis.call('ZCARD', KEYS[i]) end
return out
`;

type IndexRedis = Redis & { rmRebuildStatusIndex(...args: (string | number)[]): Promise<number>; rmStatusCounts(...keys: string[]): Promise<number[]> };

/**
 * Flagged reviews by status, without reading them. Every transition of a flagged review moves its id
 * (scored by its flag time, like the alert index) from the sorted set of its old status to that of its new
 * one, inside the transition's script (lifecycle-store.ts). `new` has no set of its own: it is the alert
 * index less the others, and the dense case, found quickly by filtering the alert index. A review acted on
 * before it was flagged (an API call on an unflagged review that a later edit turns negative) is in no set
 * and counts as new.
 */
export class StatusIndex {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyBuilder,
    /** The key builders of the businesses with data (all, or those named): each business has its own sets. */
    private readonly businessKeys: (only?: readonly string[]) => Promise<KeyBuilder[]>,
  ) {
    if (typeof (redis as IndexRedis).rmRebuildStatusIndex !== 'function') {
      redis.defineCommand('rmRebuildStatusIndex', { lua: REBUILD_LUA });
      redis.defineCommand('rmStatusCounts', { numberOfKeys: 1 + INDEXED_STATUSES.length, lua: COUNT_LUA });
    }
  }

  /**
   * Builds the status sets from the flagged reviews' own statuses, once per business (a marker records it): a
   * store written before these sets existed has reviews past `new` in none of them. Returns how many reviews
   * were placed, or undefined when every business's sets were built already.
   */
  async buildOnce(): Promise<number | undefined> {
    let placed: number | undefined;
    for (const keys of await this.businessKeys()) {
      const n = await this.buildFor(keys);
      if (n !== undefined) placed = (placed ?? 0) + n;
    }
    return placed;
  }

  private async buildFor(keys: KeyBuilder): Promise<number | undefined> {
    const marker = keys.key('alerts', 'status', 'built');
    if (await this.redis.exists(marker)) return undefined;
    let placed = 0;
    for (let start = 0; ; start += 500) {
      const rows = await this.redis.zrange(keys.key('alerts'), String(start), String(start + 499), 'WITHSCORES');
      if (rows.length === 0) break;
      const ids = rows.filter((_, i) => i % 2 === 0);
      const scores = rows.filter((_, i) => i % 2 === 1);
      const names = [...INDEXED_STATUSES.map((s) => this.key(s, keys)), ...ids.map((id) => keys.key('review', id))];
      placed += await (this.redis as IndexRedis).rmRebuildStatusIndex(names.length, ...names, ...ids, ...scores);
    }
    // Set last: a build cut short runs again on the next start (each batch is idempotent).
    await this.redis.set(marker, new Date().toISOString());
    return placed;
  }

  /** A business's sorted set of flagged reviews in `status` (newest flag last, as in its alert index). */
  key(status: Exclude<Status, 'new'>, keys: KeyBuilder = this.keys): string {
    return keys.key('alerts', 'status', status);
  }

  /** The sets of reviews in `status` of every business with data, or of those named (a list pages through them merged). */
  async keysOf(status: Exclude<Status, 'new'>, businesses?: readonly string[]): Promise<string[]> {
    return (await this.businessKeys(businesses)).map((k) => this.key(status, k));
  }

  /**
   * Flagged reviews per status, of every business or of those named: one script per business (its counts at one
   * instant), all in one pipeline (one per business on a cluster), whatever the store holds.
   */
  async read(businesses?: readonly string[]): Promise<Record<Status, number>> {
    const out = { new: 0 } as Record<Status, number>;
    for (const s of INDEXED_STATUSES) out[s] = 0;
    let flagged = 0;
    const tp = new TaggedPipeline(this.redis);
    for (const keys of await this.businessKeys(businesses)) {
      tp.add(keys, (pipe) => (pipe as unknown as IndexRedis).rmStatusCounts(keys.key('alerts'), ...INDEXED_STATUSES.map((s) => this.key(s, keys))));
    }
    for (const [err, counts] of await tp.exec()) {
      if (err) throw err;
      const [total, ...rest] = counts as number[];
      flagged += total ?? 0;
      INDEXED_STATUSES.forEach((s, i) => (out[s] += rest[i] ?? 0));
    }
    out.new = Math.max(0, flagged - INDEXED_STATUSES.reduce((n, s) => n + out[s], 0));
    return out;
  }
}
