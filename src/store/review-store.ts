import type { ChainableCommander, Redis } from 'ioredis';
import type { Review } from '../domain/review.js';
import type { Draft, Verdict } from '../domain/verdict.js';
import { DeliveryRecords } from './delivery-records.js';
import { KeyBuilder, TaggedPipeline } from './keys.js';
import { ReviewListing } from './review-listing.js';
import { COUNTER_LUA, CounterStore } from './counters.js';
import { contributionOf, eventFields, secondsBetween, weekOfDay } from '../insights/counters.js';
import { reviewFromStored, storedDraftJson, storedReviewJson, withDetectedLanguage, type SerializedAnalysis, type StoredReviewInput } from './stored-json.js';

import { SourceStateStore } from './source-state.js';
import { ChangeFeed } from './change-feed.js';

export { storedDraftJson, storedReviewJson } from './stored-json.js';
export { SourceStateStore, type SourceState } from './source-state.js';
export { ChangeFeed } from './change-feed.js';
export { decodeCursor, encodeCursor, InvalidCursorError, type Page } from './cursor.js';

/** A review with everything the service knows about it. */
export interface StoredReview {
  review: Review;
  verdict?: Verdict | undefined;
  draft?: Draft | undefined;
  status: string;
  /** Stored by a source's first (baseline) poll. */
  backfill: boolean;
  createdAt: string;
  editedAt?: string | undefined;
  analyzedAt?: string | undefined;
  /** When the review was flagged and its alert enqueued. */
  alertedAt?: string | undefined;
  /** Every rating the review has had, oldest first (an edit that raises it is a recovery). */
  ratingHistory: { rating: number | null; at: string }[];
  /** Recovery progress: approval, reply and follow-up texts, states and times. */
  lifecycle: Partial<Record<LifecycleField, string>>;
}

/** Lifecycle fields kept on the review hash beside its content. */
export const LIFECYCLE_FIELDS = [
  'approvedAt',
  'approvedBy',
  'approvalOverride',
  'replyState',
  'replyText',
  'repliedAt',
  'resolvedAt',
  'resolveNote',
  'followUpDueAt',
  'followUpState',
  'followUpText',
  'followedUpAt',
  'publishError',
  'assignee',
  // 'platform' when the reply was posted on the platform itself rather than through the service.
  'repliedOn',
  // Set when the reviewer edited the review after it was replied to: the reply may no longer fit.
  'outdatedAt',
  // The outdatedAt whose edit was alerted again: once per edit.
  'outdatedAlertedAt',
  // When the reviewer first raised the rating after our reply (the review.recovered event, once).
  'recoveredAt',
] as const;
export type LifecycleField = (typeof LIFECYCLE_FIELDS)[number];

/** What an upsert did with each review. */
export interface UpsertResult {
  created: string[];
  updated: string[];
  unchanged: number;
}


/** A review as analysis reads it: with the hash of its content and of the content last analysed. */
export type AnalysisItem = StoredReview & { hash: string; analyzedHash?: string | undefined };
/**
 * A review as the analyze worker reads it (`getForAnalysis`): its stored JSON unparsed (the analysis
 * thread parses it; `reviewOf` gives the Review where the worker itself needs one).
 */
export interface AnalysisInput extends StoredReviewInput {
  id: string;
  analyzedHash?: string | undefined;
  alertedAt?: string | undefined;
  backfill: boolean;
}

/** The Review of an AnalysisInput. */
export function reviewOf(input: StoredReviewInput): Review {
  return reviewFromStored(input.json, input.hash, input.fetchedAt);
}
/** The hash fields `getForAnalysis` reads, in the order it reads them. */
const ANALYSIS_FIELDS = ['review', 'hash', 'analyzedHash', 'alertedAt', 'backfill', 'createdAt', 'editedAt'] as const;

/**
 * One analysis result to save (as objects, or as the analysis thread serialised them), or a review whose
 * current content was already analysed.
 */
export type AnalysisEntry =
  | { id: string; sourceId: string; hash: string; verdict: Verdict; draft?: Draft | undefined; flag: boolean }
  // `serialized.counted` (the analysis thread's) and `backfill` spare the save a read of the review to count it.
  | { id: string; sourceId: string; hash: string; serialized: SerializedAnalysis; flag: boolean; backfill?: boolean | undefined }
  | { id: string; sourceId: string; alreadyAnalyzed: true };

/** A predicate on stored reviews, for list filters the sorted sets do not index. */
export type ReviewFilter = (review: AnalysisItem) => boolean;

/** Reviews a filtered list examines per request at most. */

// Creates each review when unseen, updates it when its content hash changed, otherwise leaves it alone.
// A script keeps "is it new?" and "store it" atomic across replicas; one call stores a batch.
// KEYS: all-reviews index, then per review: its hash, its source's pending set, its source's index.
// ARGV: backfill, now (ISO), now (ms), then per review: stored JSON, content hash, score, id, rating history entry.
const UPSERT_LUA = `
local out = {}
local backfill, now, nowMs = ARGV[1], ARGV[2], ARGV[3]
for i = 0, (#KEYS - 1) / 3 - 1 do
  local key, pending, bysrc = KEYS[2 + i * 3], KEYS[3 + i * 3], KEYS[4 + i * 3]
  local a = 3 + i * 5
  local review, hash, score, id, ratingsJson = ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], ARGV[a + 4], ARGV[a + 5]
  local cur = redis.call('HGET', key, 'hash')
  if not cur then
    redis.call('HSET', key, 'review', review, 'hash', hash, 'backfill', backfill, 'createdAt', now, 'status', 'new', 'ratings', ratingsJson)
    redis.call('ZADD', KEYS[1], score, id)
    redis.call('ZADD', bysrc, score, id)
    redis.call('ZADD', pending, nowMs, id)
    out[i + 1] = 1
  elseif cur == hash then
    out[i + 1] = 0
  else
    -- A history that does not decode starts again: one bad field must not stop the batch's other reviews.
    local ok, ratings = pcall(cjson.decode, redis.call('HGET', key, 'ratings') or '[]')
    if not ok or type(ratings) ~= 'table' then ratings = {} end
    local entry = cjson.decode(ratingsJson)[1]
    local last = ratings[#ratings]
    if (not last) or last['rating'] ~= entry['rating'] then table.insert(ratings, entry) end
    -- An edit seen after the baseline is news, even on a review the baseline stored.
    redis.call('HSET', key, 'review', review, 'hash', hash, 'editedAt', now, 'ratings', cjson.encode(ratings), 'backfill', backfill)
    redis.call('ZADD', pending, nowMs, id)
    out[i + 1] = 2
  end
end
return out
`;

// Records verdicts and drafts; flags each review (alert list) only once, however often it is analysed.
// The flagged counter is bumped in the same script: a worker killed right after the save cannot lose it.
// So are the stats counters (counters.ts): the review's contribution replaces the one it had, so an edit or a
// new verdict corrects them, and the time from publication to alert is counted on the day it is flagged.
// KEYS: alert list, flagged counter, then per review: its hash, its source's pending set, its source's alert list.
// ARGV: now (ISO), now (ms), counters' prefix, today, this week, then per review: analysed content hash,
// verdict JSON, draft JSON or '', id, flag, flagged counter field, contribution, publication-to-alert field or ''.
// Returns per review: -1 (content changed since it was read: left pending), 1 (flagged now) or 0.
const SAVE_ANALYSIS_LUA = `${COUNTER_LUA}
local out = {}
local now, nowMs, cprefix = ARGV[1], ARGV[2], ARGV[3]
local todayKey, weekKey = cprefix .. 'd:' .. ARGV[4], cprefix .. 'w:' .. ARGV[5]
for i = 0, (#KEYS - 2) / 3 - 1 do
  local key, pending, bysrc = KEYS[3 + i * 3], KEYS[4 + i * 3], KEYS[5 + i * 3]
  local a = 5 + i * 8
  local hash, verdict, draft, id, flag, field = ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], ARGV[a + 4], ARGV[a + 5], ARGV[a + 6]
  local counted, delay = ARGV[a + 7], ARGV[a + 8]
  -- One read and one write of the hash per review (and an HDEL of an earlier draft when there is none now):
  -- Redis runs this for every review analysed.
  local cur = redis.call('HMGET', key, 'hash', 'alertedAt', 'counted')
  if cur[1] ~= hash then
    out[i + 1] = -1
  else
    local alert = flag == '1' and not cur[2]
    local set = { 'verdict', verdict, 'analyzedHash', hash, 'analyzedAt', now }
    if draft == '' then redis.call('HDEL', key, 'draft') else table.insert(set, 'draft'); table.insert(set, draft) end
    if alert then table.insert(set, 'alertedAt'); table.insert(set, now) end
    if counted ~= cur[3] then
      if cur[3] then rm_apply(cprefix, cur[3], -1) end
      rm_apply(cprefix, counted, 1)
      table.insert(set, 'counted'); table.insert(set, counted)
    end
    redis.call('HSET', key, unpack(set))
    redis.call('ZREM', pending, id)
    out[i + 1] = 0
    if alert then
      redis.call('ZADD', KEYS[1], nowMs, id)
      redis.call('ZADD', bysrc, nowMs, id)
      redis.call('HINCRBY', KEYS[2], field, 1)
      if delay ~= '' then
        rm_incr(todayKey, delay, 1)
        rm_incr(weekKey, delay, 1)
      end
      out[i + 1] = 1
    end
  end
end
rm_flush()
return out
`;

/** Reviews per script call: a batch is one round trip, and Redis is never held for long by one script. */
const SCRIPT_BATCH = 100;

type StoreRedis = Redis & {
  rmUpsertReview(...args: (string | number)[]): Promise<number[]>;
  rmSaveAnalysis(...args: (string | number)[]): Promise<number[]>;
};

/** Redis is the system of record: reviews, verdicts, drafts, alerts and source state live here. */
export class ReviewStore {
  private readonly r: StoreRedis;
  /** Per (review, channel) alert delivery records: pending, delivered or failed with the error. */
  readonly deliveries: DeliveryRecords;
  /** Builds every key of this store; other store modules share it. */
  readonly keys: KeyBuilder;
  /** Source health, validators, back-off and poll locks. */
  readonly sources: SourceStateStore;
  /** Tells API processes that what they show changed. */
  readonly changes: ChangeFeed;
  /** Stats counters by day and week, kept by the analysis save and the lifecycle. */
  readonly counters: CounterStore;
  /** Alerts and reviews page by page, newest first, with filters. */
  readonly listing: ReviewListing;

  constructor(
    readonly redis: Redis,
    readonly prefix: string,
  ) {
    this.r = redis as StoreRedis;
    this.keys = new KeyBuilder(prefix);
    this.sources = new SourceStateStore(redis, this.keys);
    this.changes = new ChangeFeed(redis, this.keys);
    this.counters = new CounterStore(redis, this.keys, (only) => this.businessKeys(only));
    this.listing = new ReviewListing(redis, (only) => this.businessKeys(only), (ids) => this.getManyAligned(ids));
    this.deliveries = new DeliveryRecords(redis, this.keys, (only) => this.businessKeys(only));
    if (typeof this.r.rmUpsertReview !== 'function') {
      // The number of keys varies with the batch: it goes first in each call.
      redis.defineCommand('rmUpsertReview', { lua: UPSERT_LUA });
      redis.defineCommand('rmSaveAnalysis', { lua: SAVE_ANALYSIS_LUA });
    }
  }

  /** A key of the deployment's own (and the business `default`'s); a business's are `keys.of(business).key(…)`. */
  key(...parts: string[]): string {
    return this.keys.key(...parts);
  }

  /** Stores new reviews and edits; reviews stored by a baseline poll are marked `backfill`. */
  async upsertReviews(reviews: Review[], opts: { backfill: boolean; now?: Date }): Promise<UpsertResult> {
    const now = (opts.now ?? new Date()).toISOString();
    const nowMs = Date.parse(now);
    const result: UpsertResult = { created: [], updated: [], unchanged: 0 };
    if (reviews.length === 0) return result;
    const tp = new TaggedPipeline(this.r);
    const rating = (r: Review): string => JSON.stringify([{ rating: r.rating ?? null, at: now }]);
    // One script call per business and batch: a business's keys share its hash tag (keys.ts).
    const calls: Review[][] = [];
    for (const [keys, group] of this.byBusiness(reviews, (r) => r.sourceId)) {
      for (let i = 0; i < group.length; i += SCRIPT_BATCH) {
        const batch = group.slice(i, i + SCRIPT_BATCH);
        const names = [keys.key('reviews')];
        const args: (string | number)[] = [opts.backfill ? '1' : '0', now, nowMs];
        for (const review of batch) {
          const score = Date.parse(review.publishedAt ?? review.fetchedAt);
          names.push(keys.key('review', review.id), keys.key('pending', review.sourceId), keys.key('reviews', 'src', review.sourceId));
          args.push(storedReviewJson(review), review.contentHash, Number.isFinite(score) ? score : nowMs, review.id, rating(review));
        }
        tp.add(keys, (pipe) => (pipe as unknown as StoreRedis).rmUpsertReview(names.length, ...names, ...args));
        calls.push(batch);
        if (keys.business) tp.after((pipe) => pipe.sadd(this.keys.registryKey(), keys.business!));
      }
    }
    tp.after((pipe) => this.changes.markChanged(pipe));
    const replies = await tp.exec();
    this.changes.changedHere();
    replies.forEach(([err, res], call) => {
      if (err) throw err;
      (res as number[]).forEach((code, i) => {
        const id = calls[call]![i]!.id;
        if (code === 1) result.created.push(id);
        else if (code === 2) result.updated.push(id);
        else result.unchanged += 1;
      });
    });
    return result;
  }

  /** Items grouped by the business their source names, in first-seen order, with that business's keys. */
  private byBusiness<T>(items: readonly T[], sourceOf: (item: T) => string): [KeyBuilder, T[]][] {
    const groups = new Map<KeyBuilder, T[]>();
    for (const item of items) {
      const keys = this.keys.forId(sourceOf(item));
      const g = groups.get(keys);
      if (g) g.push(item);
      else groups.set(keys, [item]);
    }
    return [...groups];
  }

  /**
   * The businesses with data of their own in the store (under their hash tag), as key builders, the deployment's
   * own first (a single-business deployment's reviews, and the business `default`'s). Lists, counts and counters
   * across businesses read each of them.
   */
  async businessKeys(only?: readonly string[]): Promise<KeyBuilder[]> {
    if (only) return [...new Set(only.map((b) => this.keys.of(b)))];
    const named = (await this.r.smembers(this.keys.registryKey())).sort();
    return [this.keys.deployment, ...named.map((b) => this.keys.of(b)).filter((k) => k !== this.keys.deployment)];
  }

  /**
   * Ids of a source stored (or edited) but not analysed yet, queued for analysis before `before` (ms):
   * what a crashed or lost analysis left behind. Every id returned is marked as queued again now.
   */
  async claimStalePending(sourceId: string, before: number, now = Date.now()): Promise<string[]> {
    const key = this.keys.forId(sourceId).key('pending', sourceId);
    const ids = await this.r.zrangebyscore(key, '-inf', `(${before}`);
    if (ids.length) await this.r.zadd(key, 'XX', ...ids.flatMap((id) => [now, id]));
    return ids.sort();
  }

  /** Every id of a source still waiting for analysis. */
  async pendingAnalysis(sourceId: string): Promise<string[]> {
    return (await this.r.zrange(this.keys.forId(sourceId).key('pending', sourceId), '0', '-1')).sort();
  }

  /**
   * Saves verdicts and drafts in one round trip. An entry whose content changed since it was read
   * (an edit arrived meanwhile) is left pending for the next analysis. Returns how many were flagged now.
   */
  async saveAnalyses(entries: AnalysisEntry[], now = new Date()): Promise<{ flagged: number; stale: number; flaggedIds: string[] }> {
    if (entries.length === 0) return { flagged: 0, stale: 0, flaggedIds: [] };
    const tp = new TaggedPipeline(this.r);
    const analysed = entries.filter((e): e is Exclude<AnalysisEntry, { alreadyAnalyzed: true }> => !('alreadyAnalyzed' in e));
    for (const e of entries) {
      if (!('alreadyAnalyzed' in e)) continue;
      const keys = this.keys.forId(e.sourceId);
      tp.add(keys, (pipe) => pipe.zrem(keys.key('pending', e.sourceId), e.id));
    }
    const skipped = tp.length;
    const iso = now.toISOString();
    const counted = new Map((await this.countingOf(analysed)).map((c, i) => [analysed[i]!, c]));
    const today = iso.slice(0, 10);
    const calls: (typeof analysed)[] = [];
    for (const [keys, group] of this.byBusiness(analysed, (e) => e.sourceId)) {
      for (let i = 0; i < group.length; i += SCRIPT_BATCH) {
        const batch = group.slice(i, i + SCRIPT_BATCH);
        // The `flagged` counter of Metrics is `<business prefix>:metrics:flagged`, field `source|severity`.
        const names = [keys.key('alerts'), keys.key('metrics', 'flagged')];
        const args: (string | number)[] = [iso, now.getTime(), this.counters.prefixOf(keys), today, weekOfDay(today)];
        for (const e of batch) {
          names.push(keys.key('review', e.id), keys.key('pending', e.sourceId), keys.key('alerts', 'src', e.sourceId));
          const { verdict, draft, severity } =
            'serialized' in e ? e.serialized : { verdict: JSON.stringify(e.verdict), draft: e.draft && storedDraftJson(e.draft), severity: e.verdict.severity };
          const c = counted.get(e)!;
          // Baseline reviews were old when first seen: their time to alert says nothing about the service.
          const delay = c.backfill || !c.publishedAt ? '' : (eventFields(e.sourceId, null, { pa: secondsBetween(c.publishedAt, iso) })[0] ?? '');
          args.push(e.hash, verdict, draft ?? '', e.id, e.flag ? '1' : '0', `${e.sourceId}|${severity}`, c.counted, delay);
        }
        tp.add(keys, (pipe) => (pipe as unknown as StoreRedis).rmSaveAnalysis(names.length, ...names, ...args));
        calls.push(batch);
      }
    }
    tp.after((pipe) => this.changes.markChanged(pipe));
    const replies = await tp.exec();
    this.changes.changedHere();
    for (const [err] of replies.slice(0, skipped)) if (err) throw err;
    let stale = 0;
    const flaggedIds: string[] = [];
    replies.slice(skipped).forEach(([err, res], call) => {
      if (err) throw err;
      (res as number[]).forEach((code, i) => {
        if (code === 1) flaggedIds.push(calls[call]![i]!.id);
        if (code === -1) stale += 1;
      });
    });
    return { flagged: flaggedIds.length, stale, flaggedIds };
  }

  /**
   * Each analysed entry's counter contribution (counters.ts) and what its publication-to-alert time needs. The
   * analysis thread sends the contribution with its results; other callers' reviews are read for it here.
   */
  private async countingOf(entries: readonly Exclude<AnalysisEntry, { alreadyAnalyzed: true }>[]): Promise<{ counted: string; publishedAt?: string | undefined; backfill: boolean }[]> {
    const missing = entries.filter((e) => !('serialized' in e && e.serialized.counted !== undefined && e.backfill !== undefined));
    const read = new Map<string, { json: string | null; createdAt: string | null; backfill: string | null }>();
    if (missing.length) {
      const tp = new TaggedPipeline(this.r);
      for (const e of missing) tp.add(this.keys.forId(e.id), (pipe) => pipe.hmget(this.keys.forId(e.id).key('review', e.id), 'review', 'createdAt', 'backfill'));
      (await tp.exec()).forEach(([err, reply], i) => {
        if (err) throw err;
        const [json, createdAt, backfill] = reply as (string | null)[];
        read.set(missing[i]!.id, { json: json!, createdAt: createdAt!, backfill: backfill! });
      });
    }
    return entries.map((e) => {
      if ('serialized' in e && e.serialized.counted !== undefined && e.backfill !== undefined) return { counted: e.serialized.counted, publishedAt: e.serialized.publishedAt, backfill: e.backfill };
      const stored = read.get(e.id);
      const review = stored?.json ? (JSON.parse(stored.json) as Pick<Review, 'rating' | 'publishedAt'>) : {};
      const verdict = 'serialized' in e ? (JSON.parse(e.serialized.verdict) as Verdict) : e.verdict;
      return {
        counted: contributionOf({ sourceId: e.sourceId, rating: review.rating, publishedAt: review.publishedAt, createdAt: stored?.createdAt ?? undefined, verdict }),
        publishedAt: review.publishedAt,
        backfill: stored?.backfill === '1',
      };
    });
  }

  /** One review with its verdict, draft and lifecycle fields, or undefined. */
  async get(id: string): Promise<AnalysisItem | undefined> {
    const h = await this.r.hgetall(this.keys.forId(id).key('review', id));
    return h.review ? toStored(h) : undefined;
  }

  /** Several reviews at once, with their content hashes, in the order asked (missing ones dropped). */
  async getMany(ids: string[]): Promise<AnalysisItem[]> {
    if (ids.length === 0) return [];
    return (await this.getManyAligned(ids)).filter((r): r is AnalysisItem => r !== undefined);
  }


  /**
   * What analysis needs of each review, for the ids that exist: the review and its hashes and flags, read
   * with HMGET. Reading whole hashes (an edited review's previous verdict and draft, its rating history)
   * and building full stored reviews cost the analyze worker's event loop a fifth of its time.
   */
  async getForAnalysis(ids: readonly string[]): Promise<AnalysisInput[]> {
    if (ids.length === 0) return [];
    const out: AnalysisInput[] = [];
    const replies = await this.eachReview(ids, (pipe, key) => pipe.hmget(key, ...ANALYSIS_FIELDS));
    replies.forEach(([err, reply], i) => {
      if (err) throw err;
      const [json, hash, analyzedHash, alertedAt, backfill, createdAt, editedAt] = reply as (string | null)[];
      if (!json) return;
      out.push({
        id: ids[i]!,
        json,
        hash: hash ?? '',
        fetchedAt: editedAt ?? createdAt ?? '',
        createdAt: createdAt ?? undefined,
        analyzedHash: analyzedHash ?? undefined,
        alertedAt: alertedAt ?? undefined,
        backfill: backfill === '1',
      });
    });
    return out;
  }

  /** Reviews for ids, position for position (undefined where one is missing). */
  async getManyAligned(ids: readonly string[]): Promise<(AnalysisItem | undefined)[]> {
    if (ids.length === 0) return [];
    const replies = await this.eachReview(ids, (pipe, key) => pipe.hgetall(key));
    return replies.map(([err, h]) => {
      if (err) throw err;
      const hash = h as Record<string, string>;
      return hash.review ? toStored(hash) : undefined;
    });
  }

  /** One command per review hash, pipelined (per business on a cluster), replies position for position. */
  private eachReview(ids: readonly string[], queue: (pipe: ChainableCommander, key: string) => unknown): Promise<[Error | null, unknown][]> {
    const tp = new TaggedPipeline(this.r);
    for (const id of ids) {
      const keys = this.keys.forId(id);
      tp.add(keys, (pipe) => queue(pipe, keys.key('review', id)));
    }
    return tp.exec();
  }

  /** Which of these review ids are already stored (paging stops at a known review). */
  async existingIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const replies = await this.eachReview(ids, (pipe, key) => pipe.exists(key));
    const out = new Set<string>();
    replies.forEach(([err, n], i) => {
      if (err) throw err;
      if (n === 1) out.add(ids[i]!);
    });
    return out;
  }
}

/** The review of a review hash: the hash and fetch time live beside the JSON, not in it (see storedReviewJson). */
function reviewFromHash(h: { review?: string | null; hash?: string | null; createdAt?: string | null; editedAt?: string | null }): Review {
  return reviewFromStored(h.review!, h.hash ?? '', h.editedAt ?? h.createdAt ?? '');
}

function toStored(h: Record<string, string>): AnalysisItem {
  const verdict = h.verdict ? (JSON.parse(h.verdict) as Verdict) : undefined;
  return {
    review: withDetectedLanguage(reviewFromHash(h), h.analyzedHash === h.hash ? verdict : undefined),
    verdict,
    draft: h.draft ? (JSON.parse(h.draft) as Draft) : undefined,
    status: h.status ?? 'new',
    backfill: h.backfill === '1',
    createdAt: h.createdAt ?? '',
    editedAt: h.editedAt,
    analyzedAt: h.analyzedAt,
    alertedAt: h.alertedAt,
    ratingHistory: h.ratings ? (JSON.parse(h.ratings) as StoredReview['ratingHistory']) : [],
    lifecycle: Object.fromEntries(LIFECYCLE_FIELDS.filter((f) => h[f] !== undefined).map((f) => [f, h[f]!])),
    hash: h.hash ?? '',
    analyzedHash: h.analyzedHash,
  };
}
