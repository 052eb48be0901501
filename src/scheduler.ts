import cron, { type ScheduledTask } from 'node-cron';
import type { AppContext } from './context.js';
import { sweepOverdue } from './lifecycle/reminders.js';
import { checkInsights } from './insights/insight-check.js';
import { enqueueWeeklyReport, reportedWeek } from './insights/report-sender.js';

/** How often the scheduler looks for reviews past their SLA. */
const OVERDUE_SWEEP_MS = 60_000;

/** The running schedule of this process. */
export interface Scheduler {
  stop(): Promise<void>;
  /**
   * Schedules the sources of `ctx.config` as it is now: a new source (or business) gets its task and a poll at
   * once, a removed or disabled one stops polling (its reviews and state stay), a changed schedule is re-planned.
   */
  reload(): void;
}

/** Poll job id for a source and tick: every scheduler replica derives the same id, so a tick polls once. */
export function pollJobId(sourceId: string, tick: Date): string {
  return `poll-${sourceId}-${tick.getTime()}`;
}

/**
 * Enqueues a poll of one source outside its schedule; resolves to the job id. Start-up polls of replicas
 * started in the same minute share one id, manual ones share one per second.
 */
export async function requestPoll(ctx: AppContext, sourceId: string, reason: 'manual' | 'startup', now = new Date()): Promise<string> {
  const bucket = Math.floor(now.getTime() / (reason === 'startup' ? 60_000 : 1_000));
  const id = `poll-${sourceId}-${reason}-${bucket}`;
  await ctx.queues.add('poll', id, { sourceId, tick: now.toISOString(), reason });
  return id;
}

/** Starts one node-cron task per enabled source; each tick enqueues a poll job. A start-up poll runs at once. */
export function startScheduler(ctx: AppContext, opts: { pollOnStart?: boolean } = {}): Scheduler {
  const log = ctx.logger.child({ module: 'scheduler' });
  const tasks: ScheduledTask[] = [];
  /** Each enabled source's cron task, by source id, with the schedule it was planned on. */
  const polls = new Map<string, { schedule: string; task: ScheduledTask }>();
  const schedule = (sourceId: string, expression: string): ScheduledTask =>
    cron.schedule(
      expression,
      async (c) => {
        try {
          await ctx.queues.add('poll', pollJobId(sourceId, c.date), { sourceId, tick: c.date.toISOString(), reason: 'schedule' });
        } catch (err) {
          log.error({ source: sourceId, err: (err as Error).message }, 'could not enqueue poll');
        }
      },
      // No noOverlap: a tick whose enqueue is slow must not make node-cron skip the next ones;
      // enqueueing is idempotent per tick anyway.
      { name: `poll-${sourceId}` },
    );
  /** Plans the sources of the current config; returns the ids newly scheduled. */
  const plan = (): string[] => {
    const wanted = new Map(ctx.config.sources.filter((s) => s.enabled).map((s) => [s.id, s.schedule]));
    for (const [id, p] of polls) {
      if (wanted.get(id) === p.schedule) continue;
      void p.task.destroy();
      polls.delete(id);
    }
    const added: string[] = [];
    for (const [id, expression] of wanted) {
      if (polls.has(id)) continue;
      polls.set(id, { schedule: expression, task: schedule(id, expression) });
      added.push(id);
    }
    return added;
  };
  plan();
  const sourceTasks = polls.size;
  // Periodic work every replica does: at start and then every `everyMs`, never two runs of one at once.
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  const every = (everyMs: number, what: string, run: () => Promise<unknown>): void => {
    let current: Promise<unknown> | undefined;
    const tick = (): void => {
      if (current) return;
      current = run()
        .catch((err: Error) => log.error({ err: err.message }, `${what} failed`))
        .finally(() => {
          running.delete(current!);
          current = undefined;
        });
      running.add(current);
    };
    const timer = setInterval(tick, everyMs);
    timer.unref();
    timers.push(timer);
    tick();
  };
  // Overdue reminders: deterministic job ids and a once-marker send each one once.
  every(OVERDUE_SWEEP_MS, 'overdue sweep', async () => {
    const ids = await sweepOverdue(ctx);
    if (ids.length) log.info({ reviews: ids.length }, 'overdue reminders enqueued');
  });
  // Spikes and rating drops: alert-derived job ids and markers send each alert once.
  const insights = ctx.config.insights;
  if (insights.spikes.enabled || insights.ratingDrop.enabled) every(insights.checkMinutes * 60_000, 'insight check', () => checkInsights(ctx));
  // The weekly report, on its cron in its time zone; every replica ticks, job ids and a marker send it once.
  if (insights.report.enabled) {
    tasks.push(
      cron.schedule(
        insights.report.schedule,
        async (c) => {
          try {
            const week = reportedWeek(c.date);
            const channels = await enqueueWeeklyReport(ctx, week);
            if (channels.length) log.info({ week, channels }, 'weekly report enqueued');
          } catch (err) {
            log.error({ err: (err as Error).message }, 'could not enqueue the weekly report');
          }
        },
        { name: 'weekly-report', timezone: insights.report.timezone },
      ),
    );
  }
  const scheduler: Scheduler = {
    async stop() {
      for (const t of timers) clearInterval(t);
      await Promise.all(running);
      await Promise.all([...tasks, ...[...polls.values()].map((p) => p.task)].map((t) => t.destroy()));
      polls.clear();
      log.info('scheduler stopped');
    },
    reload() {
      const before = new Set(polls.keys());
      const added = plan().filter((id) => !before.has(id));
      const removed = [...before].filter((id) => !polls.has(id));
      // A source just added is polled now, as at start, rather than at its next tick.
      for (const id of added) requestPoll(ctx, id, 'startup').catch((err) => log.error({ source: id, err: (err as Error).message }, 'could not enqueue start-up poll'));
      log.info({ sources: polls.size, added, removed }, 'scheduler reloaded');
    },
  };
  log.info({ sources: sourceTasks }, 'scheduler started');
  if (opts.pollOnStart ?? true) {
    for (const source of ctx.config.sources) {
      if (source.enabled) requestPoll(ctx, source.id, 'startup').catch((err) => log.error({ source: source.id, err: (err as Error).message }, 'could not enqueue start-up poll'));
    }
  }
  return scheduler;
}
