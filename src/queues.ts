import { LIFECYCLE_EVENT_TYPES } from './events.js';
import { INSIGHT_EVENT_TYPES, type InsightAlert } from './insights/insight-alert.js';
import { Queue, type JobsOptions, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';
import calculateSlot from 'cluster-key-slot';

/** What an insight job must carry for its channels to render it (the check builds the whole alert). */
const insightShape = z.looseObject({ type: z.enum(INSIGHT_EVENT_TYPES), id: z.string().min(1), at: z.string(), summary: z.string(), examples: z.array(z.looseObject({ reviewId: z.string() })) });

/** Every queue, its job payload schema and default job options: the one registry workers and producers share. */
export const jobSchemas = {
  poll: z.object({
    sourceId: z.string().min(1),
    /** ISO time of the schedule tick (or of the manual request) that asked for this poll. */
    tick: z.string().min(1),
    reason: z.enum(['schedule', 'manual', 'startup']).default('schedule'),
  }),
  analyze: z.object({
    sourceId: z.string().min(1),
    reviewIds: z.array(z.string().min(1)).min(1),
  }),
  /**
   * One channel's alerts of one analysis batch (one review for a re-send): a job per batch instead of per
   * alert keeps an alert cheaper than an empty job. Each alert is still delivered, recorded and retried on its
   * own (see workers/notify-worker.ts). Jobs queued by a version that sent one review per job still run.
   */
  notify: z.union([
    // The insight and report jobs first: the alert job's object would take either and drop the key that makes
    // it one (zod objects strip unknown keys).
    /** A spike or rating drop for one channel (src/insights/insight-check.ts), built whole by the check. */
    z.object({
      channelId: z.string().min(1),
      /** The example reviews' ids (none for a rating drop without a low rating in the window). */
      reviewIds: z.array(z.string().min(1)).default([]),
      insight: z.custom<InsightAlert>((v) => insightShape.safeParse(v).success, 'not an insight alert (type, id, at, summary, examples)'),
    }),
    /** The weekly report of an ISO week for one e-mail or Slack channel (src/insights/report-sender.ts). */
    z.object({
      channelId: z.string().min(1),
      reviewIds: z.array(z.string().min(1)).default([]),
      report: z.object({ week: z.string().regex(/^\d{4}-W\d{2}$/, 'must be an ISO week like 2026-W48'), business: z.string().min(1).optional() }),
    }),
    z.object({
      channelId: z.string().min(1),
      reviewIds: z.array(z.string().min(1)).min(1),
      /** A re-send through the API: deliver at once even on a digest channel. */
      immediate: z.boolean().optional(),
      /** The overdue reminder of a review past its SLA (see src/lifecycle/reminders.ts), not its alert. */
      reminder: z.boolean().optional(),
      /** The alert again of a replied review the reviewer edited at this time (its `outdatedAt`), still or newly negative. */
      edited: z.string().optional(),
      /** Not an alert: a lifecycle step of the review (`reviewIds: [its id]`) for a webhook channel that subscribed to it. */
      event: z
        .object({
          type: z.enum(LIFECYCLE_EVENT_TYPES),
          id: z.string().min(1),
          reviewId: z.string().min(1),
          sourceId: z.string(),
          status: z.string(),
          actor: z.string(),
          at: z.string(),
          note: z.string().optional(),
        })
        .optional(),
    }),
    z
      .object({ reviewId: z.string().min(1), channelId: z.string().min(1), immediate: z.boolean().optional() })
      .transform(({ reviewId, ...rest }) => ({ ...rest, reviewIds: [reviewId] })),
  ]),
  /** One job per digest channel and window (delayed to the window's end): sends the gathered alerts as one message. */
  digest: z.object({
    channelId: z.string().min(1),
    /** Epoch ms when the window opened (its first alert). */
    windowStart: z.number().int().nonnegative(),
  }),
  publish: z.object({
    reviewId: z.string().min(1),
    kind: z.enum(['reply', 'follow_up']),
  }),
} as const;

export type QueueName = keyof typeof jobSchemas;
export type JobData<Q extends QueueName> = z.output<(typeof jobSchemas)[Q]>;
export const QUEUE_NAMES = Object.keys(jobSchemas) as QueueName[];

const DAY = 24 * 3600;

/**
 * Retention keeps finished job ids around long enough that a retried producer cannot enqueue a twin.
 * `retryDelayMs` is the first retry's delay; later ones double.
 */
export function defaultJobOptions(retryDelayMs = 2_000): Record<QueueName, JobsOptions> {
  return {
    poll: { attempts: 1, removeOnComplete: { age: DAY, count: 10_000 }, removeOnFail: { age: 7 * DAY, count: 10_000 } },
    analyze: {
      attempts: 5,
      backoff: { type: 'exponential', delay: retryDelayMs },
      removeOnComplete: { age: DAY, count: 10_000 },
      removeOnFail: { age: 30 * DAY },
    },
    notify: {
      attempts: 8,
      backoff: { type: 'exponential', delay: retryDelayMs },
      removeOnComplete: { age: 7 * DAY, count: 100_000 },
      // A delivery that keeps failing is kept with its error, never dropped.
      removeOnFail: false,
    },
    publish: {
      attempts: 6,
      backoff: { type: 'exponential', delay: retryDelayMs },
      removeOnComplete: { age: 30 * DAY },
      removeOnFail: false,
    },
    digest: {
      attempts: 8,
      backoff: { type: 'exponential', delay: retryDelayMs },
      removeOnComplete: { age: 7 * DAY, count: 100_000 },
      removeOnFail: false,
    },
  };
}

/** BullMQ job ids must not contain `:`; ids built here only join safe parts with `-`. */
export function jobId(...parts: string[]): string {
  const id = parts.join('-');
  if (id.includes(':')) throw new Error(`job id "${id}" contains ":"`);
  return id;
}

const SLOTS = 16_384;

/**
 * The key prefix of queue shard `i` of `shards`: the prefix itself for shard 0 (a deployment with one shard keeps
 * its queues where they were). On a cluster (a prefix in braces) shard i's hash tag is `{<name>-q<i>-<n>}`, with
 * the first n that puts it in the middle half of the i-th of `shards` equal stretches of the slot space (counted
 * from the stretch shard 0's slot is in). A cluster's nodes hold even stretches of slots (as `redis-cli --cluster
 * create` splits them), so the shards spread evenly over the nodes rather than where a hash happens to fall.
 * Elsewhere it is `<prefix>-q<i>`.
 */
export function shardPrefix(prefix: string, i: number, shards = i + 1): string {
  if (i === 0) return prefix;
  const tagged = /^\{(.+)\}$/.exec(prefix);
  if (!tagged) return `${prefix}-q${i}`;
  const width = SLOTS / shards;
  const stretch = (Math.floor(calculateSlot(prefix) / width) + i) % shards;
  const from = stretch * width + width / 4;
  for (let n = 0; ; n++) {
    const tag = `{${tagged[1]}-q${i}-${n}}`;
    const slot = calculateSlot(tag);
    if (slot >= from && slot < from + width / 2) return tag;
  }
}

/** The shard of a business's jobs (FNV-1a of its id): the same business always on the same shard. */
export function shardOf(business: string | undefined, shards: number): number {
  if (shards <= 1 || business === undefined) return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < business.length; i++) h = Math.imul(h ^ business.charCodeAt(i), 0x01000193);
  return (h >>> 0) % shards;
}

/** Which business a job belongs to (undefined: one of no single business, e.g. a service channel's digest: shard 0). */
export type JobBusiness = <Q extends QueueName>(queue: Q, data: z.output<(typeof jobSchemas)[Q]>) => string | undefined;

/**
 * Typed producers for every queue, in `shards` shards (`redis.queueShards`): a job goes to its business's shard,
 * so one business's jobs (and their deterministic ids) are always in one shard while the shards spread the queue
 * load over a cluster's nodes. With one shard (the default) this is the plain set of queues.
 */
export class Queues {
  /** Shard 0's queues (every queue of a deployment with one shard). */
  readonly queues: { [Q in QueueName]: Queue };
  /** Every shard's queues, by shard number. */
  readonly shards: { prefix: string; queues: { [Q in QueueName]: Queue } }[];

  constructor(
    connection: ConnectionOptions,
    readonly prefix: string,
    opts: { retryDelayMs?: number; onError?: (queue: QueueName, err: Error) => void; shards?: number; businessOf?: JobBusiness } = {},
  ) {
    const defaults = defaultJobOptions(opts.retryDelayMs);
    this.businessOf = opts.businessOf;
    this.shards = Array.from({ length: Math.max(1, opts.shards ?? 1) }, (_, i) => {
      const shard = shardPrefix(prefix, i, opts.shards ?? 1);
      const queues = Object.fromEntries(
        QUEUE_NAMES.map((name) => {
          const queue = new Queue(name, { connection, prefix: shard, defaultJobOptions: defaults[name] });
          // Without a listener BullMQ prints each connection error to the console as a multi-line block.
          queue.on('error', (err: Error) => opts.onError?.(name, err));
          return [name, queue];
        }),
      ) as { [Q in QueueName]: Queue };
      return { prefix: shard, queues };
    });
    this.queues = this.shards[0]!.queues;
  }

  private readonly businessOf: JobBusiness | undefined;

  /** The queue a job of `data` goes to: its business's shard. */
  queueFor<Q extends QueueName>(queue: Q, data: z.output<(typeof jobSchemas)[Q]>): Queue {
    return this.ofBusiness(queue, this.businessOf?.(queue, data));
  }

  /** The queue of a business's jobs (undefined: shard 0). */
  ofBusiness(queue: QueueName, business: string | undefined): Queue {
    return this.shards[shardOf(business, this.shards.length)]!.queues[queue];
  }

  /** Validates `data` against the queue's schema and enqueues it under a deterministic job id. */
  async add<Q extends QueueName>(queue: Q, id: string, data: z.input<(typeof jobSchemas)[Q]>, opts: JobsOptions = {}): Promise<void> {
    const parsed = jobSchemas[queue].parse(data) as z.output<(typeof jobSchemas)[Q]>;
    await this.queueFor(queue, parsed).add(queue, parsed, { ...opts, jobId: jobId(id) });
  }

  /** Validates and enqueues many jobs in one round trip per shard (deterministic ids, so twins are ignored). */
  async addBulk<Q extends QueueName>(queue: Q, jobs: { id: string; data: z.input<(typeof jobSchemas)[Q]> }[]): Promise<void> {
    if (jobs.length === 0) return;
    const byQueue = new Map<Queue, { name: string; data: unknown; opts: JobsOptions }[]>();
    for (const j of jobs) {
      const data = jobSchemas[queue].parse(j.data) as z.output<(typeof jobSchemas)[Q]>;
      const target = this.queueFor(queue, data);
      const list = byQueue.get(target) ?? byQueue.set(target, []).get(target)!;
      list.push({ name: queue, data, opts: { jobId: jobId(j.id) } });
    }
    await Promise.all([...byQueue].map(([q, list]) => q.addBulk(list)));
  }

  /** Jobs waiting, active, delayed and failed per queue, summed over the shards. */
  async counts(): Promise<Record<QueueName, Record<string, number>>> {
    const entries = await Promise.all(
      QUEUE_NAMES.map(async (q) => {
        const each = await Promise.all(this.shards.map((s) => s.queues[q].getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed')));
        const sum: Record<string, number> = {};
        for (const c of each) for (const [k, n] of Object.entries(c)) sum[k] = (sum[k] ?? 0) + n;
        return [q, sum] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<QueueName, Record<string, number>>;
  }

  async close(): Promise<void> {
    await Promise.all(this.shards.flatMap((s) => QUEUE_NAMES.map((q) => s.queues[q].close())));
  }
}
