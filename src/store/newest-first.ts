import type { Redis } from 'ioredis';
import { TaggedPipeline } from './keys.js';

// Paging newest first through sorted sets (one per business: the review indexes, the failed deliveries), merged
// as one set holding them all would give them: higher score first, equal scores in reverse lexical order of the
// member, and a page's cursor (the last member and its score) continuing where it stopped.

/** A sorted set's member and its score. */
export interface Ranked {
  id: string;
  score: number;
}

/** Newest first: higher score first, equal scores in reverse lexical order of the id (the sets' own order). */
export function newestFirst(a: Ranked, b: Ranked): number {
  return b.score - a.score || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Members and scores of a WITHSCORES reply. */
export function pairs(rows: readonly string[]): Ranked[] {
  const out: Ranked[] = [];
  for (let i = 0; i < rows.length; i += 2) out.push({ id: rows[i]!, score: Number(rows[i + 1]) });
  return out;
}

/**
 * Up to `count` members below the cursor `after` across the sets, merged newest first, scores within `min`–`max`.
 * A thousand businesses' sets are not each asked for `count`: each gives a small chunk, and only those whose last
 * member ranks above the page's last so far are asked again, with twice the chunk (up to `count`), round after round
 * (each round one pipeline, one per business on a cluster). A page then reads about `2 × count` members plus a chunk
 * per set, not `count` per set; one set is read in one round.
 */
export async function newestAcross(redis: Redis, keys: readonly string[], after: Ranked | undefined, count: number, bounds: { min?: number | undefined; max?: number | undefined } = {}): Promise<Ranked[]> {
  const first = Math.min(count, Math.max(4, Math.ceil((2 * count) / keys.length)));
  const state = keys.map(() => ({ cursor: after, last: undefined as Ranked | undefined, done: false, chunk: first }));
  const found: Ranked[] = [];
  let asking = keys.map((_, i) => i);
  while (asking.length > 0) {
    const got = await chunksAfter(redis, asking.map((i) => ({ key: keys[i]!, after: state[i]!.cursor, count: state[i]!.chunk })), bounds);
    asking.forEach((i, j) => {
      const rows = got[j]!;
      const st = state[i]!;
      found.push(...rows);
      if (rows.length < st.chunk) st.done = true;
      if (rows.length) st.last = st.cursor = rows[rows.length - 1];
      st.chunk = Math.min(count, st.chunk * 2);
    });
    found.sort(newestFirst);
    const threshold = found.length >= count ? found[count - 1] : undefined;
    // A set whose last member is the page's last or below cannot add to the page: its next ones rank lower still.
    asking = asking.filter((i) => !state[i]!.done && (threshold === undefined || newestFirst(state[i]!.last!, threshold) < 0));
  }
  return found.slice(0, count);
}

/**
 * Up to `count` members of each set below its cursor, in one pipeline: the members tied at the cursor's score
 * (ZRANGEBYSCORE at that score, those below the cursor's id), then the lower scores. Ties are asked apart: a range
 * from the cursor's score included would return the ties already read first, and a page deep inside hundreds of
 * members scored in the same millisecond would never get past them.
 */
async function chunksAfter(redis: Redis, asks: { key: string; after: Ranked | undefined; count: number }[], bounds: { min?: number | undefined; max?: number | undefined }): Promise<Ranked[][]> {
  const tp = new TaggedPipeline(redis);
  const lower = bounds.min !== undefined ? String(bounds.min) : '-inf';
  for (const { key, after, count } of asks) {
    if (after) tp.addOn(key, (pipe) => pipe.zrangebyscore(key, after.score, after.score));
    const upper = after ? `(${after.score}` : bounds.max !== undefined ? String(bounds.max) : '+inf';
    tp.addOn(key, (pipe) => pipe.zrevrangebyscore(key, upper, lower, 'WITHSCORES', 'LIMIT', 0, count));
  }
  const replies = await tp.exec();
  let r = 0;
  return asks.map(({ after, count }) => {
    const out: Ranked[] = [];
    if (after) {
      const [err, ties] = replies[r++]!;
      if (err) throw err;
      for (const id of (ties as string[]).filter((t) => t < after.id).sort().reverse()) if (out.length < count) out.push({ id, score: after.score });
    }
    const [err, rows] = replies[r++]!;
    if (err) throw err;
    for (const e of pairs(rows as string[])) if (out.length < count) out.push(e);
    return out;
  });
}
