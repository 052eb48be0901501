import type { Redis } from 'ioredis';
import { decodeCursor, encodeCursor, type Page } from './cursor.js';
import { businessOfId, TaggedPipeline, type KeyBuilder } from './keys.js';
import type { AnalysisItem, ReviewFilter } from './review-store.js';

// Reading the review indexes page by page: all reviews by publication time, flagged ones by flag time, each
// per business and per source (sorted sets the store's scripts keep), newest first, with cursors and filters.
// A list across businesses is the merge of their indexes by (score, id): the same order, and the same cursors,
// as one index holding them all would give.

/** Reviews a filtered page examines at most per call: a rare filter never makes one request scan everything. */
const SCAN_CAP = 5_000;

export class ReviewListing {
  constructor(
    private readonly redis: Redis,
    /** The key builders of the businesses with data (all, or those named). */
    private readonly businessKeys: (only?: readonly string[]) => Promise<KeyBuilder[]>,
    /** Reads reviews position for position (undefined where one is missing). */
    private readonly read: (ids: readonly string[]) => Promise<(AnalysisItem | undefined)[]>,
  ) {}

  private async getMany(ids: string[]): Promise<AnalysisItem[]> {
    return (await this.read(ids)).filter((r): r is AnalysisItem => r !== undefined);
  }

  /** The index `parts` (e.g. `alerts`) of a source's business for that source, else of each business asked for (or all). */
  async indexes(parts: readonly string[], opts: { sourceId?: string | undefined; businesses?: readonly string[] | undefined }): Promise<string[]> {
    if (opts.sourceId) {
      const [keys] = await this.businessKeys([businessOfId(opts.sourceId) ?? 'default']);
      return [keys!.key(...parts, 'src', opts.sourceId)];
    }
    return (await this.businessKeys(opts.businesses)).map((k) => k.key(...parts));
  }

  /** Flagged reviews, newest flag first; `cursor` continues a previous page. */
  async listAlerts(opts: { limit: number; cursor?: string | undefined; sourceId?: string | undefined; businesses?: readonly string[] | undefined; since?: Date | undefined; filter?: ReviewFilter }): Promise<Page<AnalysisItem>> {
    return this.pageBy(await this.indexes(['alerts'], opts), { ...opts, min: opts.since?.getTime() });
  }

  /**
   * The reviews flagged after `afterMs` (epoch ms), oldest flag first, up to `limit`, of every business or of those
   * named: what an event stream missed.
   */
  async flaggedAfter(afterMs: number, limit: number, businesses?: readonly string[]): Promise<AnalysisItem[]> {
    const lists = await this.indexes(['alerts'], { businesses });
    const tp = new TaggedPipeline(this.redis);
    for (const key of lists) tp.addOn(key, (pipe) => pipe.zrangebyscore(key, `(${afterMs}`, '+inf', 'WITHSCORES', 'LIMIT', 0, limit));
    const rows = (await tp.exec()).map(([err, r]) => {
      if (err) throw err;
      return r as string[];
    });
    const merged = rows.flatMap((r) => pairs(r)).sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.getMany(merged.slice(0, limit).map((e) => e.id));
  }

  /** All reviews, newest published first, narrowed by `filter`; `min`/`max` bound the publish time (ms). */
  async listReviews(opts: { limit: number; cursor?: string | undefined; sourceId?: string | undefined; businesses?: readonly string[] | undefined; min?: number | undefined; max?: number | undefined; filter?: ReviewFilter }): Promise<Page<AnalysisItem>> {
    return this.pageBy(await this.indexes(['reviews'], opts), opts);
  }

  /**
   * One page of a newest-first sorted set. With a filter, reviews are read in batches and at most
   * `SCAN_CAP` are examined per call: a page may then hold fewer than `limit` items but still carry a
   * `nextCursor` to continue from, so a rare filter never makes one request scan everything.
   */
  async pageBy(keys: readonly string[], opts: { limit: number; cursor?: string | undefined; min?: number | undefined; max?: number | undefined; filter?: ReviewFilter | undefined }): Promise<Page<AnalysisItem>> {
    let after = opts.cursor ? decodeCursor(opts.cursor) : undefined;
    const batch = opts.filter ? 200 : opts.limit + 1;
    const found: { item?: AnalysisItem; id: string; score: number }[] = [];
    let scanned = 0;
    let exhausted = false;
    while (found.length <= opts.limit && scanned < SCAN_CAP) {
      const ids = await this.idsAfterAll(keys, after, opts.min, opts.max, batch);
      if (ids.length < batch) exhausted = true;
      if (ids.length === 0) break;
      const items = opts.filter ? await this.read(ids.map((i) => i.id)) : [];
      for (const [i, entry] of ids.entries()) {
        scanned += 1;
        after = entry;
        const item = items[i];
        if (!opts.filter) found.push(entry);
        else if (item && opts.filter(item)) found.push({ ...entry, item });
        if (found.length > opts.limit) break;
      }
      if (exhausted) break;
    }
    const pageEntries = found.slice(0, opts.limit);
    const last = pageEntries[pageEntries.length - 1];
    let nextCursor: string | null = null;
    if (found.length > opts.limit && last) nextCursor = encodeCursor(last.score, last.id);
    else if (!exhausted && after && found.length <= opts.limit) nextCursor = encodeCursor(after.score, after.id);
    const items = opts.filter ? pageEntries.map((e) => e.item!) : await this.getMany(pageEntries.map((e) => e.id));
    return { items, nextCursor };
  }

  /**
   * Up to `count` members below the cursor across the indexes, merged newest first (ties in reverse lexical order).
   * A thousand businesses' indexes are not each asked for `count`: each gives a small chunk, and only those whose
   * last member could still be in the page are asked for more, round after round (each round one pipeline, one per
   * business on a cluster). A page then reads about `2 × count` members plus a chunk per index, not `count` per index.
   */
  private async idsAfterAll(keys: readonly string[], after: { score: number; id: string } | undefined, min: number | undefined, max: number | undefined, count: number): Promise<{ id: string; score: number }[]> {
    if (keys.length === 1) return this.idsAfter(keys[0]!, after, min, max, count);
    const first = Math.min(count, Math.max(4, Math.ceil((2 * count) / keys.length)));
    // An index asked again gets twice the chunk it had (up to `count`): one busy business among quiet ones, or
    // members flagged in the same millisecond, take a few rounds, not count / chunk.
    const state = keys.map(() => ({ cursor: after, last: undefined as { id: string; score: number } | undefined, done: false, chunk: first }));
    const found: { id: string; score: number }[] = [];
    let asking = keys.map((_, i) => i);
    while (asking.length > 0) {
      const got = await this.chunksAfter(asking.map((i) => ({ key: keys[i]!, after: state[i]!.cursor, count: state[i]!.chunk })), min, max);
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
      // An index whose last member ranks below the page's last cannot add to the page: its next ones rank lower still.
      asking = asking.filter((i) => !state[i]!.done && (threshold === undefined || newestFirst(state[i]!.last!, threshold) <= 0));
    }
    return found.slice(0, count);
  }

  /**
   * Up to `count` members of each index below its cursor, in one pipeline: the members tied at the cursor's score
   * (ZRANGEBYSCORE at that score, those below the cursor's id), then the lower scores. Ties are asked apart: a range
   * from the cursor's score included would return the ties already read first, and a page deep inside hundreds of
   * reviews flagged in the same millisecond would never get past them.
   */
  private async chunksAfter(asks: { key: string; after: { score: number; id: string } | undefined; count: number }[], min: number | undefined, max: number | undefined): Promise<{ id: string; score: number }[][]> {
    const tp = new TaggedPipeline(this.redis);
    for (const { key, after, count } of asks) {
      if (after) tp.addOn(key, (pipe) => pipe.zrangebyscore(key, after.score, after.score));
      const upper = after ? `(${after.score}` : max !== undefined ? String(max) : '+inf';
      tp.addOn(key, (pipe) => pipe.zrevrangebyscore(key, upper, min !== undefined ? String(min) : '-inf', 'WITHSCORES', 'LIMIT', 0, count));
    }
    const replies = await tp.exec();
    let r = 0;
    return asks.map(({ after, count }) => {
      const out: { id: string; score: number }[] = [];
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

  /** Up to `count` members below the cursor (newest first), ties continued in reverse lexical order. */
  private async idsAfter(key: string, after: { score: number; id: string } | undefined, min: number | undefined, max: number | undefined, count: number): Promise<{ id: string; score: number }[]> {
    const out: { id: string; score: number }[] = [];
    if (after) {
      const ties = await this.redis.zrangebyscore(key, after.score, after.score);
      for (const id of ties.filter((t) => t < after.id).sort().reverse()) if (out.length < count) out.push({ id, score: after.score });
    }
    if (out.length < count) {
      const upper = after ? `(${after.score}` : max !== undefined ? String(max) : '+inf';
      const rows = await this.redis.zrevrangebyscore(key, upper, min !== undefined ? String(min) : '-inf', 'WITHSCORES', 'LIMIT', 0, count - out.length);
      out.push(...pairs(rows));
    }
    return out;
  }

}

/** Newest first: higher score first, equal scores in reverse lexical order of the id (the indexes' own order). */
function newestFirst(a: { id: string; score: number }, b: { id: string; score: number }): number {
  return b.score - a.score || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Members and scores of a WITHSCORES reply. */
function pairs(rows: readonly string[]): { id: string; score: number }[] {
  const out: { id: string; score: number }[] = [];
  for (let i = 0; i < rows.length; i += 2) out.push({ id: rows[i]!, score: Number(rows[i + 1]) });
  return out;
}
