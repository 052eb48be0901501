import type { Redis } from 'ioredis';
import { STATUSES, type Status } from '../lifecycle/states.js';
import type { KeyBuilder } from './keys.js';

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

type IndexRedis = Redis & { rmRebuildStatusIndex(...args: (string | number)[]): Promise<number> };

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
  ) {
    if (typeof (redis as IndexRedis).rmRebuildStatusIndex !== 'function') redis.defineCommand('rmRebuildStatusIndex', { lua: REBUILD_LUA });
  }

  /**
   * Builds the status sets from the flagged reviews' own statuses, once per store (a marker records it):
   * a store written before these sets existed has reviews past `new` in none of them. Returns how many
   * reviews were placed, or undefined when the sets were built already.
   */
  async buildOnce(): Promise<number | undefined> {
    const marker = this.keys.key('alerts', 'status', 'built');
    if (await this.redis.exists(marker)) return undefined;
    let placed = 0;
    for (let start = 0; ; start += 500) {
      const rows = await this.redis.zrange(this.keys.key('alerts'), String(start), String(start + 499), 'WITHSCORES');
      if (rows.length === 0) break;
      const ids = rows.filter((_, i) => i % 2 === 0);
      const scores = rows.filter((_, i) => i % 2 === 1);
      const keys = [...INDEXED_STATUSES.map((s) => this.key(s)), ...ids.map((id) => this.keys.key('review', id))];
      placed += await (this.redis as IndexRedis).rmRebuildStatusIndex(keys.length, ...keys, ...ids, ...scores);
    }
    // Set last: a build cut short runs again on the next start (each batch is idempotent).
    await this.redis.set(marker, new Date().toISOString());
    return placed;
  }

  /** The sorted set of flagged reviews in `status` (newest flag last, as in the alert index). */
  key(status: Exclude<Status, 'new'>): string {
    return this.keys.key('alerts', 'status', status);
  }

  /**
   * Flagged reviews per status of the reviews whose ids start with `idPrefix` (a business's: `<business>.`),
   * counted by scanning each status set. A weekly report's cost, not a page view's.
   */
  async readMatching(idPrefix: string): Promise<Record<Status, number>> {
    const count = async (key: string): Promise<number> => {
      let n = 0;
      let cursor = '0';
      do {
        const [next, members] = await this.redis.zscan(key, cursor, 'MATCH', `${idPrefix}*`, 'COUNT', 1000);
        n += members.length / 2;
        cursor = next;
      } while (cursor !== '0');
      return n;
    };
    const [flagged, ...rest] = await Promise.all([count(this.keys.key('alerts')), ...INDEXED_STATUSES.map((s) => count(this.key(s)))]);
    const out = { new: 0 } as Record<Status, number>;
    INDEXED_STATUSES.forEach((s, i) => (out[s] = rest[i] ?? 0));
    out.new = Math.max(0, flagged! - INDEXED_STATUSES.reduce((n, s) => n + out[s], 0));
    return out;
  }

  /** Flagged reviews per status: one ZCARD per status, whatever the store holds. */
  async read(): Promise<Record<Status, number>> {
    const multi = this.redis.multi().zcard(this.keys.key('alerts'));
    for (const s of INDEXED_STATUSES) multi.zcard(this.key(s));
    const replies = (await multi.exec()) ?? [];
    const [flagged, ...rest] = replies.map(([err, n]) => {
      if (err) throw err;
      return Number(n);
    });
    const out = { new: 0 } as Record<Status, number>;
    INDEXED_STATUSES.forEach((s, i) => (out[s] = rest[i] ?? 0));
    out.new = Math.max(0, (flagged ?? 0) - INDEXED_STATUSES.reduce((n, s) => n + out[s], 0));
    return out;
  }
}
