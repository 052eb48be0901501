import type { AlertChannel } from '../alerts/channels.js';
import { joinUrl } from '../alerts/payload.js';
import type { AppContext } from '../context.js';
import { jobId } from '../queues.js';
import { channelBusiness } from '../config/businesses.js';
import { InsightStore } from '../store/insight-store.js';
import { isoWeekOf } from './iso-week.js';
import { renderWeeklyEmail, renderWeeklySlack, type ReportOptions } from './weekly-email.js';
import { weeklyReport, type WeeklyReport } from './weekly-report.js';

// Sending the weekly report: the cron tick (every scheduler replica has one) enqueues one job per report
// channel with an id from the week and the channel, and marks the week sent, so each channel gets each week
// once; the notify worker builds, renders and delivers it (retried like an alert).

/** The channels the report goes to: `insights.report.channels`, else every e-mail and Slack channel. */
export function reportChannels(ctx: Pick<AppContext, 'config' | 'channels'>): AlertChannel[] {
  const chosen = ctx.config.insights.report.channels;
  const byId = new Map(ctx.config.businesses.map((b) => [b.id, b]));
  return [...ctx.channels.values()].filter((c) => {
    if (!c.deliverReport) return false;
    // A business's own channel: its report, unless the business turned it off or chose other channels of its own.
    const business = byId.get(channelBusiness(ctx.config, c.id) ?? '');
    if (business && (!business.report.enabled || (business.report.channels && !business.report.channels.includes(c.id)))) return false;
    if (business?.report.channels) return true;
    return chosen ? chosen.includes(c.id) : c.type === 'email' || c.type === 'slack';
  });
}

/** The ISO week a report sent at `at` is about: the last one that has ended. */
export function reportedWeek(at: Date): string {
  return isoWeekOf(new Date(at.getTime() - 7 * 86_400_000)).label;
}

/** Enqueues the report of `week` for every report channel not sent it yet; resolves to the channels enqueued. */
export async function enqueueWeeklyReport(ctx: Pick<AppContext, 'config' | 'channels' | 'queues' | 'redis' | 'store'>, week: string, now = new Date()): Promise<string[]> {
  const insights = new InsightStore(ctx.redis, ctx.store.keys);
  const out: string[] = [];
  for (const c of reportChannels(ctx)) {
    const id = `report-${week}-${c.id}`;
    if (await insights.wasSent(id)) continue;
    const business = channelBusiness(ctx.config, c.id);
    await ctx.queues.add('notify', jobId('report', c.id, week), { channelId: c.id, reviewIds: [], report: { week, ...(business ? { business } : {}) } });
    await insights.markSent(id, now, 60 * 86_400);
    out.push(c.id);
  }
  return out;
}

/** What the report is rendered with: the business's name (or, over several businesses, how many). */
export function reportOptions(ctx: Pick<AppContext, 'config'>, business?: string): ReportOptions {
  const one = business === undefined ? undefined : ctx.config.businesses.find((b) => b.id === business);
  const name = one?.business.name ?? (ctx.config.businesses.length > 1 ? `All ${ctx.config.businesses.length} businesses` : ctx.config.business.name);
  return { businessName: name, insightsUrl: ctx.config.publicUrl ? joinUrl(ctx.config.publicUrl, '/insights') : undefined };
}

/**
 * The report of `week`, as the API, the workspace and the e-mail show it: of the whole deployment, or of one
 * business (its sources' counters, reviews and patterns) when the deployment serves several.
 */
export function reportOf(ctx: Pick<AppContext, 'store' | 'lifecycle' | 'redis' | 'config'>, week: string, business?: string): Promise<WeeklyReport> {
  const insights = new InsightStore(ctx.redis, ctx.store.keys);
  const own = business !== undefined && ctx.config.businesses.length > 1 ? ctx.config.businesses.find((b) => b.id === business) : undefined;
  if (!own) return weeklyReport({ store: ctx.store, readStatusCounts: () => ctx.lifecycle.byStatus.read(), recentInsights: () => insights.recent() }, week);
  return weeklyReport(
    {
      store: ctx.store,
      sources: new Set(own.sourceIds),
      readStatusCounts: () => ctx.lifecycle.byStatus.read([own.id]),
      recentInsights: async () => (await insights.recent()).filter((a) => a.business === own.id),
    },
    week,
  );
}

/** Builds the report of `week` and delivers it through one channel (rendered only in the form the channel sends). */
export async function deliverWeeklyReport(ctx: Pick<AppContext, 'config' | 'store' | 'lifecycle' | 'redis'>, channel: AlertChannel, week: string, business = channelBusiness(ctx.config, channel.id)): Promise<void> {
  if (!channel.deliverReport) return;
  const report = await reportOf(ctx, week, business);
  const opts = reportOptions(ctx, business);
  await channel.deliverReport({ key: `report-${week}-${channel.id}`, email: () => renderWeeklyEmail(report, opts), slack: () => renderWeeklySlack(report, opts) });
}
