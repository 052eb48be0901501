import { LIFECYCLE_EVENT_TYPES } from './events.js';
import { INSIGHT_EVENT_TYPES, type InsightAlert } from './insights/insight-alert.js';
import { Queue, type JobsOptions, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';

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

/** Typed producers for every queue. */
export class Queues {
  readonly queues: { [Q in QueueName]: Queue };

  constructor(connection: ConnectionOptions, readonly prefix: string, opts: { retryDelayMs?: number; onError?: (queue: QueueName, err: Error) => void } = {}) {
    const defaults = defaultJobOptions(opts.retryDelayMs);
    this.queues = Object.fromEntries(
      QUEUE_NAMES.map((name) => {
        const queue = new Queue(name, { connection, prefix, defaultJobOptions: defaults[name] });
        // Without a listener BullMQ prints each connection error to the console as a multi-line block.
        queue.on('error', (err: Error) => opts.onError?.(name, err));
        return [name, queue];
      }),
    ) as { [Q in QueueName]: Queue };
  }

  /** Validates `data` against the queue's schema and enqueues it under a deterministic job id. */
  async add<Q extends QueueName>(queue: Q, id: string, data: z.input<(typeof jobSchemas)[Q]>, opts: JobsOptions = {}): Promise<void> {
    const parsed = jobSchemas[queue].parse(data);
    await this.queues[queue].add(queue, parsed, { ...opts, jobId: jobId(id) });
  }

  /** Validates and enqueues many jobs in one round trip (deterministic ids, so twins are ignored). */
  async addBulk<Q extends QueueName>(queue: Q, jobs: { id: string; data: z.input<(typeof jobSchemas)[Q]> }[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.queues[queue].addBulk(jobs.map((j) => ({ name: queue, data: jobSchemas[queue].parse(j.data), opts: { jobId: jobId(j.id) } })));
  }

  /** Jobs waiting, active, delayed and failed per queue. */
  async counts(): Promise<Record<QueueName, Record<string, number>>> {
    const entries = await Promise.all(
      QUEUE_NAMES.map(async (q) => [q, await this.queues[q].getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed')] as const),
    );
    return Object.fromEntries(entries) as Record<QueueName, Record<string, number>>;
  }

  async close(): Promise<void> {
    await Promise.all(QUEUE_NAMES.map((q) => this.queues[q].close()));
  }
}
