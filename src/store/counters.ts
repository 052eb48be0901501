import type { Redis } from 'ioredis';
import { parseCounterHash, weekOfDay, type CountedPeriod, type SourceCounts } from '../insights/counters.js';
import { businessesOfIds } from '../domain/review.js';
import { TaggedPipeline, type KeyBuilder } from './keys.js';

// Counters of reviews, negatives, ratings, topics, severities, lifecycle events and response times: one hash
// per UTC day (`counts:d:<YYYY-MM-DD>`) and one per ISO week (`counts:w:<YYYY-Www>`), fields
// `<sourceId>|<metric>` (see src/insights/counters.ts). Writers are the store's scripts (the analysis save,
// lifecycle transitions, recoveries), which change them in the same step as the review; this module names the
// keys, gives the scripts their Lua, and reads windows.

/**
 * Lua shared by the scripts that count: `rm_apply(prefix, contribution, by)` adds (by = 1) or takes away
 * (by = -1) a contribution or an event's fields, `day\nweek\nfield…`; `rm_incr(key, field, by)` one field.
 * Both gather the changes in a table that `rm_flush()` writes, one HINCRBY per key and field: a batch of a
 * hundred reviews published over a few days changes the same few dozen fields, and writing each once instead
 * of once per review is what keeps counting cheap in the pipeline. Every script that counts ends with
 * `rm_flush()`; `rm_event(spec)` counts one event (`prefix\nday\nweek\nfield…`, CounterStore.eventSpec) and flushes.
 * A field that falls to zero is removed, so a day's hash holds only what happened.
 * The day and week keys are built here from the counters' prefix: they share the store's prefix (and, with
 * businesses on a Redis Cluster, its hash tag), so they sit in the same slot as the review the script writes.
 */
export const COUNTER_LUA = `
local rm_delta = {}
local function rm_incr(key, field, by)
  local fields = rm_delta[key]
  if not fields then fields = {}; rm_delta[key] = fields end
  fields[field] = (fields[field] or 0) + by
end
local function rm_flush()
  for key, fields in pairs(rm_delta) do
    for field, by in pairs(fields) do
      if by ~= 0 and redis.call('HINCRBY', key, field, by) == 0 then redis.call('HDEL', key, field) end
    end
  end
  rm_delta = {}
end
local function rm_apply(prefix, c, by)
  local day, week, j = nil, nil, 0
  for line in string.gmatch(c, '[^\\n]+') do
    j = j + 1
    if j == 1 then day = prefix .. 'd:' .. line
    elseif j == 2 then week = prefix .. 'w:' .. line
    else
      rm_incr(day, line, by)
      rm_incr(week, line, by)
    end
  end
end
local function rm_event(spec)
  local prefix, rest = string.match(spec, '^([^\\n]*)\\n(.*)$')
  rm_apply(prefix, rest, 1)
  rm_flush()
end
`;

/** A window of whole UTC days, read from day hashes, or from week hashes where whole ISO weeks fit. */
export interface CounterWindow {
  /** Per period (`YYYY-MM-DD` or `YYYY-Www`), per source. */
  periods: CountedPeriod[];
}

const DAY = 86_400_000;

/** The UTC days from `sinceDay` to `untilDay`, both included. */
export function daysBetween(sinceDay: string, untilDay: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${sinceDay}T00:00:00Z`), end = Date.parse(`${untilDay}T00:00:00Z`); t <= end; t += DAY) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/**
 * The periods that cover the days: each whole ISO week (Monday to Sunday inside the window) as one week,
 * the days at either end as days. `byDay` keeps every day (a window short enough to show day by day).
 */
export function periodsFor(days: readonly string[], byDay: boolean): { label: string; kind: 'day' | 'week' }[] {
  if (byDay) return days.map((d) => ({ label: d, kind: 'day' as const }));
  const out: { label: string; kind: 'day' | 'week' }[] = [];
  for (let i = 0; i < days.length; ) {
    const monday = new Date(`${days[i]}T00:00:00Z`).getUTCDay() === 1;
    if (monday && i + 6 < days.length) {
      out.push({ label: weekOfDay(days[i]!), kind: 'week' });
      i += 7;
    } else {
      out.push({ label: days[i]!, kind: 'day' });
      i += 1;
    }
  }
  return out;
}

/** Reads the counters. */
export class CounterStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyBuilder,
    /** The key builders of the businesses with data (all, or those named): counters are kept per business. */
    private readonly businessKeys: (only?: readonly string[]) => Promise<KeyBuilder[]>,
  ) {}

  /** What the scripts prepend to `d:<day>` and `w:<week>`: the deployment's counters (the business `default`'s). */
  get prefix(): string {
    return this.prefixOf(this.keys);
  }

  /** The counters' prefix of a business (its keys share its hash tag, so its scripts can count). */
  prefixOf(keys: KeyBuilder): string {
    return `${keys.key('counts')}:`;
  }

  dayKey(day: string, keys: KeyBuilder = this.keys): string {
    return `${this.prefixOf(keys)}d:${day}`;
  }

  weekKey(week: string, keys: KeyBuilder = this.keys): string {
    return `${this.prefixOf(keys)}w:${week}`;
  }

  /**
   * What a script needs to count an event that happens at `at` (ISO) in the counters of `keys`' business: the
   * prefix, its day and week, then the fields, one per line (COUNTER_LUA's `rm_apply` reads the rest after the prefix).
   */
  eventSpec(at: string, fields: readonly string[], keys: KeyBuilder = this.keys): string {
    const day = at.slice(0, 10);
    return [this.prefixOf(keys), day, weekOfDay(day), ...fields].join('\n');
  }

  /**
   * The periods' counters, of one source or a set of them (a business's) when given, else of every business. One
   * HGETALL per period and business, pipelined; businesses' sources are disjoint, so their maps are joined.
   */
  async read(periods: readonly { label: string; kind: 'day' | 'week' }[], sources?: string | ReadonlySet<string>): Promise<CounterWindow> {
    if (periods.length === 0) return { periods: [] };
    const named = sources === undefined ? undefined : businessesOfIds(typeof sources === 'string' ? [sources] : sources);
    const businesses = await this.businessKeys(named);
    const tp = new TaggedPipeline(this.redis);
    for (const keys of businesses) for (const p of periods) tp.add(keys, (pipe) => pipe.hgetall(p.kind === 'day' ? this.dayKey(p.label, keys) : this.weekKey(p.label, keys)));
    const replies = await tp.exec();
    return {
      periods: periods.map((p, i) => {
        const bySource = new Map<string, SourceCounts>();
        businesses.forEach((_, b) => {
          const [err, hash] = replies[b * periods.length + i]!;
          if (err) throw err;
          for (const [src, counts] of parseCounterHash(hash as Record<string, string>, sources)) bySource.set(src, counts);
        });
        return { ...p, bySource };
      }),
    };
  }
}
