import type { Redis } from 'ioredis';
import { STATUSES, type Status } from '../lifecycle/states.js';
import type { KeyBuilder } from './keys.js';

/**
 * How many flagged reviews are in each status, without reading them. The alert index's size is the
 * number flagged; every transition of a flagged review moves one from its old status to its new one in
 * a hash (inside the transition's script, see lifecycle-store.ts), so `new` is the flagged total plus its
 * (negative) moves. A review acted on before it was flagged (rare: an API call on an unflagged review
 * that a later edit turns negative) is counted as new.
 */
export class StatusCounts {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyBuilder,
  ) {}

  /** The hash of moves per status, written by the transition script. */
  key(): string {
    return this.keys.key('counts', 'status');
  }

  /** Flagged reviews per status: two O(1) reads, whatever the store holds. */
  async read(): Promise<Record<Status, number>> {
    const [[e1, flagged], [e2, moves]] = (await this.redis.multi().zcard(this.keys.key('alerts')).hgetall(this.key()).exec()) as [[Error | null, number], [Error | null, Record<string, string>]];
    if (e1 || e2) throw e1 ?? e2;
    const out = Object.fromEntries(STATUSES.map((s) => [s, Math.max(0, Number(moves[s] ?? 0))])) as Record<Status, number>;
    out.new = Math.max(0, flagged + Number(moves.new ?? 0));
    return out;
  }
}
