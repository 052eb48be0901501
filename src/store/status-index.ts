import type { Redis } from 'ioredis';
import { STATUSES, type Status } from '../lifecycle/states.js';
import type { KeyBuilder } from './keys.js';

/** The statuses a flagged review moves into after `new`: each has a sorted set of its own. */
export const INDEXED_STATUSES = STATUSES.filter((s): s is Exclude<Status, 'new'> => s !== 'new');

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
  ) {}

  /** The sorted set of flagged reviews in `status` (newest flag last, as in the alert index). */
  key(status: Exclude<Status, 'new'>): string {
    return this.keys.key('alerts', 'status', status);
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
