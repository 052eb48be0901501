import { WaitingError, Worker, type Job } from 'bullmq';
import type { AppContext } from '../src/context.js';
import { createRedis, finishesWithin, quitOrDrop } from '../src/redis.js';
import { throttledWarn } from '../src/logger.js';
import { HostLimiter } from '../src/sources/host-limiter.js';
import { jobSchemas, QUEUE_NAMES, type QueueName } from '../src/queues.js';
import { createAnalysisPool, type AnalysisPool } from '../src/analysis/pool.js';
import { createParsePool } from '../src/sources/parse-pool.js';
import { analyzeBatch } from './analyze-worker.js';
import { deliverAlerts, LeftForLaterError, sendDigest, type Attempt } from './notify-worker.js';
import { pollSource } from './poll-worker.js';
import { publishReview } from './publish-worker.js';

/** The running workers of this process. */
export interface WorkerPool {
  workers: Worker[];
  /** Stops taking jobs and waits for the in-flight ones to finish. */
  close(): Promise<void>;
  /**
   * Takes up `ctx.config` as it is now: the analysis threads were given the businesses, drafting and
   * classifier sections at start, so new ones start with the new config and the old ones finish their batches.
   */
  reload(): Promise<void>;
}

/** How often the watchdog looks for a worker idle while its queue has jobs waiting. */
const WATCHDOG_MS = 5_000;

/** Starts the poll, analyze and notify workers; every job's data is validated against the registry. */
export function startWorkers(ctx: AppContext, opts: { queues?: readonly QueueName[]; analysisThreadScript?: URL } = {}): WorkerPool {
  const { config } = ctx;
  const log = ctx.logger.child({ module: 'workers' });
  // Workers block on Redis: they get a connection of their own, which BullMQ duplicates per worker.
  const connection = createRedis(ctx.redisUrl, { name: 'review-monitor-worker', cluster: ctx.redisCluster });
  const warn = throttledWarn(log);
  connection.on('error', (err) => warn(`connection|${err.message}`, { err: err.message }, 'worker redis connection error (reconnecting)'));

  const wanted = new Set(opts.queues ?? QUEUE_NAMES);
  const analysisPool = (): AnalysisPool => createAnalysisPool(ctx.config, { onError: (err) => log.error({ err: err.message }, 'analysis thread failed'), threadScript: opts.analysisThreadScript });
  let analysis = wanted.has('analyze') ? analysisPool() : undefined;
  const parsing = wanted.has('poll') ? createParsePool(config, { onError: (err) => log.error({ err: err.message }, 'parse thread failed') }) : undefined;
  // Deliveries in flight per channel, across this process's notify jobs (one job holds a batch's alerts).
  const deliveries = new HostLimiter({ concurrency: config.workers.notifyConcurrency, minIntervalMs: 0 });
  // Aborted by close(): a notify job in flight stops starting deliveries and goes back to the queue with the rest.
  const stopping = new AbortController();
  // The queue shards this worker consumes: every one unless `workers.shards` names some.
  const shardPrefixes = ctx.queues.shards.filter((_, i) => !config.workers.shards || config.workers.shards.includes(i)).map((s) => s.prefix);
  const make = <Q extends QueueName>(queue: Q, concurrency: number, run: (data: ReturnType<(typeof jobSchemas)[Q]['parse']>, job: Job) => Promise<unknown>, prefix: string): Worker => {
    const worker = new Worker(
      queue,
      async (job: Job, token?: string) => {
        // How long the job waited for a worker (first attempts: a retry's wait is its back-off, not load).
        if (job.attemptsMade === 0) ctx.metrics.observeQueueWait(queue, ((job.processedOn ?? Date.now()) - job.timestamp - (job.opts.delay ?? 0)) / 1000);
        const parsed = jobSchemas[queue].safeParse(job.data);
        if (!parsed.success) throw new Error(`invalid ${queue} job ${job.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        try {
          return await run(parsed.data as ReturnType<(typeof jobSchemas)[Q]['parse']>, job);
        } catch (err) {
          if (!(err instanceof LeftForLaterError) || !token) throw err;
          // Back to the queue without counting an attempt; WaitingError tells BullMQ it was moved, not failed.
          await job.moveToWait(token);
          log.info({ queue, jobId: job.id, why: err.message }, 'job left for another worker');
          throw new WaitingError();
        }
      },
      {
        connection,
        prefix,
        concurrency,
        autorun: true,
        lockDuration: config.workers.lockDurationMs,
        stalledInterval: config.workers.stalledIntervalMs,
      },
    );
    worker.on('failed', (job, err) => {
      // The poll worker logs source failures itself, with the source's health; anything else is logged here.
      if (queue === 'poll' && (err as Error & { sourceLogged?: boolean }).sourceLogged) return;
      log.warn({ queue, jobId: job?.id, attempt: job?.attemptsMade, err: err.message }, 'job failed');
    });
    // Each worker reports every failed reconnect while Redis is away: once per queue and error per 10 s is enough.
    // After an outage BullMQ reports a lost lock per job in flight ("Missing lock for job X"): one line per kind.
    worker.on('error', (err) => warn(`${queue}|${err.message.replace(/job \S+/g, 'job')}`, { queue, err: err.message }, 'worker error'));
    return worker;
  };

  const all: [QueueName, (prefix: string) => Worker][] = [
    ['poll', (p) => make('poll', config.workers.pollConcurrency, (d) => pollSource(ctx, d, parsing!.parse), p)],
    ['analyze', (p) => make('analyze', config.workers.analyzeConcurrency, (d) => analyzeBatch(ctx, d, analysis!), p)],
    ['notify', (p) => make('notify', config.workers.notifyConcurrency, (d, job) => deliverAlerts(ctx, d, attemptOf(job), { limiter: deliveries, signal: stopping.signal }), p)],
    ['digest', (p) => make('digest', config.workers.notifyConcurrency, (d, job) => sendDigest(ctx, d, attemptOf(job)), p)],
    ['publish', (p) => make('publish', config.workers.publishConcurrency, (d, job) => publishReview(ctx, d, { attemptsMade: job.attemptsMade, attempts: job.opts.attempts ?? 1 }), p)],
  ];
  // Each worker with what the watchdog below needs to know of it.
  const slots = all
    .filter(([q]) => wanted.has(q))
    .flatMap(([queue, start]) =>
      ctx.queues.shards
        .filter((s) => shardPrefixes.includes(s.prefix))
        .map((shard) => ({ queue, shard, start, worker: start(shard.prefix), running: 0, lastActive: Date.now(), idleChecks: 0 })),
    );
  const watch = (slot: (typeof slots)[number]): void => {
    slot.worker.on('active', () => {
      slot.running += 1;
      slot.lastActive = Date.now();
    });
    const done = (): void => {
      slot.running = Math.max(0, slot.running - 1);
      slot.lastActive = Date.now();
    };
    slot.worker.on('completed', done);
    slot.worker.on('failed', done);
  };
  slots.forEach(watch);
  const workers = slots.map((s) => s.worker);
  // BullMQ leaves reconnecting a worker's blocking connection to ioredis, which after a Redis (Cluster) node is
  // killed and restarted sometimes never resumes it: jobs wait while the worker sits idle, with no error
  // (taskforcesh/bullmq#3088, #3185; seen here in test/cluster.test.ts). A worker with nothing running while its
  // queue has had jobs waiting for two checks in a row is replaced by a new one (the old one closed by force).
  const watchdog = setInterval(() => {
    void Promise.all(
      slots.map(async (slot, i) => {
        const waiting = slot.running === 0 && Date.now() - slot.lastActive > WATCHDOG_MS ? await slot.shard.queues[slot.queue].getWaitingCount().catch(() => 0) : 0;
        slot.idleChecks = waiting > 0 ? slot.idleChecks + 1 : 0;
        if (slot.idleChecks < 2 || stopping.signal.aborted) return;
        log.warn({ queue: slot.queue, shard: slot.shard.prefix, waiting }, 'worker idle while jobs wait (its Redis connection did not resume): replacing it');
        const old = slot.worker;
        slot.worker = slot.start(slot.shard.prefix);
        slot.running = 0;
        slot.idleChecks = 0;
        slot.lastActive = Date.now();
        watch(slot);
        workers[i] = slot.worker;
        void old.close(true).catch(() => undefined);
      }),
    );
  }, WATCHDOG_MS);
  watchdog.unref();
  // An alert that spent its retries (receiver down longer than the schedule) is kept failed; put it back
  // in the queue now and then so it arrives once the receiver is back. Delivery stays once per review and
  // channel (deliveredAt, idempotency key), so replicas sweeping at the same time are harmless.
  let sweeping: Promise<void> | undefined;
  const sweep = setInterval(() => {
    if (!wanted.has('notify')) return;
    sweeping ??= Promise.all(ctx.queues.shards.map((s) => s.queues.notify.retryJobs({ state: 'failed', count: 1_000 })))
      .then(() => undefined)
      .catch((err: Error) => log.warn({ err: err.message }, 'could not re-queue failed alerts'))
      .finally(() => (sweeping = undefined));
  }, config.workers.redeliverFailedAlertsMs);
  sweep.unref();
  log.info({ queues: workers.map((w) => w.name) }, 'workers started');
  return {
    workers,
    async reload() {
      if (!analysis) return;
      const old = analysis;
      analysis = analysisPool();
      await old.close();
    },
    async close() {
      // The workers stop fetching (close() marks them closing at once) before notify jobs are told to stop: a
      // job put back in the queue while its worker still fetched would be taken again at once, and again.
      clearInterval(watchdog);
      const closing = Promise.all(workers.map((w) => w.close()));
      stopping.abort();
      clearInterval(sweep);
      // A worker (or the sweep) whose connection is stuck after a Redis node restart would never finish: past the
      // shutdown deadline the workers are closed by force and their connection dropped (jobs in flight are taken
      // over by another worker once their locks expire).
      if (!(await finishesWithin(Promise.all([sweeping, closing]), config.shutdown.deadlineMs))) {
        log.warn({ deadlineMs: config.shutdown.deadlineMs }, 'workers did not close within the shutdown deadline: closing them by force');
        for (const w of workers) void w.close(true).catch(() => undefined);
      }
      // After the workers: their in-flight batches are still being analysed until then.
      await analysis?.close();
      await parsing?.close();
      await quitOrDrop(connection);
    },
  };
}

/** The attempt a job is on, for recording the last failure as final. */
function attemptOf(job: Job): Attempt {
  return { attemptsMade: job.attemptsMade, attempts: job.opts.attempts ?? 1 };
}
