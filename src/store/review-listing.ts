import type { Redis } from 'ioredis';
import { decodeCursor, encodeCursor, type Page } from './cursor.js';
import { businessOfId } from '../domain/review.js';
import { TaggedPipeline, type KeyBuilder } from './keys.js';
import { newestAcross, pairs } from './newest-first.js';
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
      const ids = await newestAcross(this.redis, keys, after, batch, opts);
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

}
