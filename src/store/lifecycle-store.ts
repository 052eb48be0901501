import { lifecycleEventType, type LifecycleEvent, type LifecycleEventType } from '../events.js';
import type { Redis } from 'ioredis';
import { TRANSITIONS, type Action, type HistoryEntry, type Status } from '../lifecycle/states.js';
import type { ReviewStore } from './review-store.js';
import { COUNTER_LUA } from './counters.js';
import { eventFields, secondsBetween, type CountedEvent, type DurationKind } from '../insights/counters.js';
import { sourceOfReviewId } from '../domain/review.js';
import type { SlaHours } from '../lifecycle/sla.js';
import type { Severity } from '../domain/verdict.js';
import { INDEXED_STATUSES, StatusIndex } from './status-index.js';

/** The outcome of a transition attempt. */
export type TransitionResult =
  | { ok: true; status: Status; changed: boolean }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'illegal'; status: Status }
  | { ok: false; reason: 'missing'; status: Status; field: string };

// Checks the current status (and an optional required field), moves the review, writes extra fields
// (an empty value deletes one) and appends the history entry, all atomically. ARGV[5] (JSON, may be
// empty) describes a review the action would not change: field -> exact value, or true for "set at
// all"; when every one holds, nothing is written (so parallel repeats record one entry, not twenty).
// KEYS: the review, its history, the alert index, then the status indexes of status-index.ts in
// INDEXED_STATUSES order. ARGV[6] is the review id; ARGV[7] the event's counters (counters.ts) as
// `prefix\nday\nweek\nfield…`, or '', counted only when the step is taken; field/value pairs follow.
const TRANSITION_LUA = `${COUNTER_LUA}
local cur = redis.call('HGET', KEYS[1], 'status')
if not cur then return {-1, ''} end
local allowed = false
for s in string.gmatch(ARGV[1], '[^,]+') do if s == cur then allowed = true end end
if not allowed then return {0, cur} end
if ARGV[3] ~= '' and not redis.call('HGET', KEYS[1], ARGV[3]) then return {-2, cur} end
if ARGV[5] ~= '' then
  local same = true
  for field, want in pairs(cjson.decode(ARGV[5])) do
    local have = redis.call('HGET', KEYS[1], field)
    if want == true then same = same and have ~= false else same = same and have == want end
  end
  if same then return {2, cur} end
end
local to = ARGV[2]
if to ~= '' then redis.call('HSET', KEYS[1], 'status', to) end
-- A flagged review moves between the status indexes (status-index.ts) in the same step as its status.
if to ~= '' and to ~= cur then
  local score = redis.call('ZSCORE', KEYS[3], ARGV[6])
  if score then
    local index = { acknowledged = KEYS[4], replied = KEYS[5], resolved = KEYS[6], followed_up = KEYS[7] }
    if index[cur] then redis.call('ZREM', index[cur], ARGV[6]) end
    if index[to] then redis.call('ZADD', index[to], score, ARGV[6]) end
  end
end
for i = 8, #ARGV, 2 do
  if ARGV[i + 1] == '' then redis.call('HDEL', KEYS[1], ARGV[i]) else redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
end
local entry = cjson.decode(ARGV[4])
entry['from'] = cur
if to ~= '' then entry['to'] = to end
redis.call('RPUSH', KEYS[2], cjson.encode(entry))
if ARGV[7] ~= '' then rm_event(ARGV[7]) end
if to ~= '' then return {1, to} end
return {1, cur}
`;

// Sets recoveredAt once and counts the recovery in the same step. KEYS: the review. ARGV: the time, the counters.
const RECOVERED_LUA = `${COUNTER_LUA}
if not redis.call('HGET', KEYS[1], 'review') then return 0 end
if redis.call('HSETNX', KEYS[1], 'recoveredAt', ARGV[1]) == 0 then return 0 end
rm_event(ARGV[2])
return 1
`;

type LifecycleRedis = Redis & { rmTransition(...args: string[]): Promise<[number, string]>; rmRecovered(key: string, at: string, counted: string): Promise<number> };

/** Moves reviews through the recovery lifecycle and keeps their history. */
export class LifecycleStore {
  private readonly r: LifecycleRedis;
  /** Flagged reviews by status, kept by every transition. */
  readonly byStatus: StatusIndex;

  constructor(
    private readonly store: ReviewStore,
    /** Told of every lifecycle step that changed something (the context publishes it: `/v1/events`, subscribed webhooks). */
    private readonly onEvent?: (event: LifecycleEvent) => Promise<void>,
    /** Hours from alert to reply per severity of a source's reviews: a reply is counted as within its SLA or past it (weekly report). */
    private readonly sla?: SlaHours | ((sourceId: string) => SlaHours),
  ) {
    this.r = store.redis as LifecycleRedis;
    this.byStatus = new StatusIndex(store.redis, store.keys, (only) => store.businessKeys(only));
    if (typeof this.r.rmTransition !== 'function') {
      store.redis.defineCommand('rmTransition', { numberOfKeys: 3 + INDEXED_STATUSES.length, lua: TRANSITION_LUA });
      store.redis.defineCommand('rmRecovered', { numberOfKeys: 1, lua: RECOVERED_LUA });
    }
  }

  /**
   * Applies `action` to a review when legal from its current status; `require` names a field that
   * must be set (e.g. the approval before a reply); `fields` are written in the same step. When every
   * condition in `unchangedIf` already holds (field -> value, or `true` for "set"), nothing is written
   * and the result says `changed: false`: a repeated action is idempotent even under concurrency.
   */
  async transition(
    id: string,
    action: Action,
    opts: { actor: string; note?: string | undefined; details?: Record<string, unknown>; require?: string; fields?: Record<string, string>; unchangedIf?: Record<string, string | true>; now?: Date },
  ): Promise<TransitionResult> {
    const t = TRANSITIONS[action];
    const entry: HistoryEntry = { at: (opts.now ?? new Date()).toISOString(), actor: opts.actor, action };
    if (opts.note) entry.note = opts.note;
    if (opts.details && Object.keys(opts.details).length) entry.details = opts.details;
    const pairs = Object.entries(opts.fields ?? {}).flat();
    const counted = await this.countedEvent(id, action, entry.at);
    // Every key of the step is its business's (one hash tag: one slot on a cluster).
    const keys = this.store.keys.forId(id);
    const [code, status] = await this.r.rmTransition(
      keys.key('review', id),
      keys.key('history', id),
      keys.key('alerts'),
      ...INDEXED_STATUSES.map((s) => this.byStatus.key(s, keys)),
      t.from.join(','),
      t.to ?? '',
      opts.require ?? '',
      JSON.stringify(entry),
      opts.unchangedIf ? JSON.stringify(opts.unchangedIf) : '',
      id,
      counted,
      ...pairs,
    );
    if (code === -1) return { ok: false, reason: 'not_found' };
    if (code === 0) return { ok: false, reason: 'illegal', status: status as Status };
    if (code === -2) return { ok: false, reason: 'missing', status: status as Status, field: opts.require ?? '' };
    if (code === 2) return { ok: true, status: status as Status, changed: false };
    await this.store.changes.bumpVersion();
    await this.emit(id, lifecycleEventType(action), { status: status as string, actor: opts.actor, at: entry.at, note: opts.note });
    return { ok: true, status: status as Status, changed: true };
  }

  /**
   * What a reply or follow-up adds to the day's counters (counters.ts): the step, and the time it took from the
   * alert, the publication or the reply. Read before the step; counted by the script only if the step is taken
   * (a review is replied to and followed up once), so each is counted once.
   */
  private async countedEvent(id: string, action: Action, at: string): Promise<string> {
    const name = action === 'reply' || action === 'reply_on_platform' ? 'replied' : action === 'follow_up' ? 'followed_up' : null;
    if (!name) return '';
    const [json, alertedAt, backfill, repliedAt, verdictJson] = await this.r.hmget(this.store.keys.forId(id).key('review', id), 'review', 'alertedAt', 'backfill', 'repliedAt', 'verdict');
    if (!json) return '';
    const sourceId = sourceOfReviewId(id);
    const publishedAt = (JSON.parse(json) as { publishedAt?: string }).publishedAt;
    const durations: Partial<Record<DurationKind, number>> =
      name === 'replied'
        ? { ...(alertedAt ? { ar: secondsBetween(alertedAt, at) } : {}), ...(backfill !== '1' && publishedAt ? { pr: secondsBetween(publishedAt, at) } : {}) }
        : repliedAt
          ? { rf: secondsBetween(repliedAt, at) }
          : {};
    const severity = verdictJson ? (JSON.parse(verdictJson) as { severity?: Severity }).severity : undefined;
    const hoursBy = typeof this.sla === 'function' ? this.sla(sourceId) : this.sla;
    const hours = severity && hoursBy ? hoursBy[severity] : undefined;
    const sla: CountedEvent[] = name === 'replied' && alertedAt && hours !== undefined ? [secondsBetween(alertedAt, at) <= hours * 3600 ? 'sla_met' : 'sla_missed'] : [];
    return this.store.counters.eventSpec(at, eventFields(sourceId, name, durations, sla), this.store.keys.forId(id));
  }

  /**
   * Records that the reviewer raised their rating after our reply: `recoveredAt` is set and the recovery
   * counted on its day, both once, however many polls see the edit. Resolves to whether this call did it.
   */
  async markRecovered(id: string, at: Date): Promise<boolean> {
    const iso = at.toISOString();
    const counted = this.store.counters.eventSpec(iso, eventFields(sourceOfReviewId(id), 'recovered'), this.store.keys.forId(id));
    const done = (await this.r.rmRecovered(this.store.keys.forId(id).key('review', id), iso, counted)) === 1;
    if (done) await this.store.changes.bumpVersion();
    return done;
  }

  /** Tells the context of a step; a lost event must not undo the step, so a failure is only reported. */
  async emit(id: string, type: LifecycleEventType | undefined, e: { status: string; actor: string; at: string; note?: string | undefined }): Promise<void> {
    if (!type || !this.onEvent) return;
    // Review ids are `<sourceId>-<16 hex>`.
    const event: LifecycleEvent = { type, id: `${id}-${type}-${Date.parse(e.at)}`, reviewId: id, sourceId: sourceOfReviewId(id), status: e.status, actor: e.actor, at: e.at, ...(e.note ? { note: e.note } : {}) };
    await this.onEvent(event).catch(() => undefined);
  }

  /** Sets fields on a review without a transition (publisher progress, ready-to-post text). */
  async setFields(id: string, fields: Record<string, string>): Promise<void> {
    const del = Object.entries(fields).filter(([, v]) => v === '').map(([k]) => k);
    const set = Object.entries(fields).filter(([, v]) => v !== '');
    const key = this.store.keys.forId(id).key('review', id);
    const multi = this.r.multi();
    if (set.length) multi.hset(key, Object.fromEntries(set));
    if (del.length) multi.hdel(key, ...del);
    await multi.exec();
    // After the write and on its own: the change feed is the deployment's, the review its business's (keys.ts).
    await this.store.changes.bumpVersion();
  }

  /** Appends an entry that is not a transition (a publish failure, a manual confirmation). */
  async record(id: string, entry: HistoryEntry): Promise<void> {
    await this.r.rpush(this.store.keys.forId(id).key('history', id), JSON.stringify(entry));
  }

  /** Every recorded lifecycle step of a review, oldest first. */
  async history(id: string): Promise<HistoryEntry[]> {
    return (await this.r.lrange(this.store.keys.forId(id).key('history', id), 0, -1)).map((e) => JSON.parse(e) as HistoryEntry);
  }
}
