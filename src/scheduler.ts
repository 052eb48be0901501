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

/** Poll jobs enqueued per round trip when a tick is due for many sources at once. */
const TICK_BATCH = 1_000;

/**
 * Starts one node-cron task per distinct schedule among the enabled sources; each tick enqueues a poll job for
 * every source on that schedule (in bulk). A deployment of many businesses has tens of thousands of sources on a
 * handful of schedules: a task per source held ~4 KB each and woke the event loop once per source. A start-up
 * poll runs at once.
 */
export function startScheduler(ctx: AppContext, opts: { pollOnStart?: boolean } = {}): Scheduler {
  const log = ctx.logger.child({ module: 'scheduler' });
  const tasks: ScheduledTask[] = [];
  /** Each schedule's cron task and the sources on it (read at each tick, so a reload only changes the set). */
  const groups = new Map<string, { task: ScheduledTask; sources: Set<string> }>();
  const tick = async (expression: string, at: Date): Promise<void> => {
    const ids = [...(groups.get(expression)?.sources ?? [])];
    for (let i = 0; i < ids.length; i += TICK_BATCH) {
      const chunk = ids.slice(i, i + TICK_BATCH);
      try {
        await ctx.queues.addBulk('poll', chunk.map((sourceId) => ({ id: pollJobId(sourceId, at), data: { sourceId, tick: at.toISOString(), reason: 'schedule' as const } })));
      } catch (err) {
        log.error({ sources: chunk.length, first: chunk[0], err: (err as Error).message }, 'could not enqueue polls');
      }
    }
  };
  /** The sources of the current config by schedule; returns the ids newly scheduled and those no longer. */
  const plan = (): { added: string[]; removed: string[] } => {
    const wanted = new Map<string, Set<string>>();
    for (const s of ctx.config.sources) if (s.enabled) (wanted.get(s.schedule) ?? wanted.set(s.schedule, new Set()).get(s.schedule)!).add(s.id);
    const before = new Set([...groups.values()].flatMap((g) => [...g.sources]));
    for (const [expression, g] of groups) {
      if (wanted.has(expression)) continue;
      void g.task.destroy();
      groups.delete(expression);
    }
    for (const [expression, sources] of wanted) {
      const g = groups.get(expression);
      if (g) g.sources = sources;
      else
        groups.set(expression, {
          sources,
          // No noOverlap: a tick whose enqueue is slow must not make node-cron skip the next ones;
          // enqueueing is idempotent per tick anyway.
          task: cron.schedule(expression, (c) => tick(expression, c.date), { name: `poll ${expression}` }),
        });
    }
    const now = new Set([...wanted.values()].flatMap((set) => [...set]));
    return { added: [...now].filter((id) => !before.has(id)), removed: [...before].filter((id) => !now.has(id)) };
  };
  const scheduled = (): number => [...groups.values()].reduce((n, g) => n + g.sources.size, 0);
  /** A start-up poll: a source's first, at start or when a reload adds it. */
  const pollNow = (sourceId: string): void => void requestPoll(ctx, sourceId, 'startup').catch((err) => log.error({ source: sourceId, err: (err as Error).message }, 'could not enqueue start-up poll'));
  plan();
  const sourceTasks = scheduled();
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
      await Promise.all([...tasks, ...[...groups.values()].map((g) => g.task)].map((t) => t.destroy()));
      groups.clear();
      log.info('scheduler stopped');
    },
    reload() {
      const { added, removed } = plan();
      // A source just added is polled now, as at start, rather than at its next tick.
      for (const id of added) pollNow(id);
      log.info({ sources: scheduled(), schedules: groups.size, added, removed }, 'scheduler reloaded');
    },
  };
  log.info({ sources: sourceTasks, schedules: groups.size }, 'scheduler started');
  if (opts.pollOnStart ?? true) {
    for (const source of ctx.config.sources) {
      if (source.enabled) pollNow(source.id);
    }
  }
  return scheduler;
}
