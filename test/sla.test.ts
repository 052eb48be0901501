import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildApi } from '../src/api/server.js';
import type { ConfigInput } from '../src/config/schema.js';
import type { AppContext } from '../src/context.js';
import type { Severity } from '../src/domain/verdict.js';
import { reminderJobId, sweepOverdue } from '../src/lifecycle/reminders.js';
import { deliverAlerts } from '../workers/notify-worker.js';
import { decodeHeader, DRAFT, makeVerdict, parseMail, startSmtpServer } from './helpers/alerts.js';
import { testContext } from './helpers/context.js';
import { makeReview } from './helpers/factories.js';

const KEY = 'reader-key-0123456789';
const HOUR = 3_600_000;

describe('response times (SLA) and overdue reminders', () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of closers.splice(0).reverse()) await c();
  });

  async function setup(over: Partial<ConfigInput> = {}): Promise<AppContext> {
    const t = await testContext({ api: { keys: [{ name: 'dash', key: KEY, scopes: ['read', 'write'] }] }, ...over });
    closers.push(t.close);
    return t.ctx;
  }

  /** A review flagged `hoursAgo` hours ago with the given severity. */
  async function flagged(ctx: AppContext, severity: Severity, hoursAgo: number): Promise<string> {
    const review = makeReview('harbor', { rating: 1, text: 'We waited 50 minutes and the soup was cold.' });
    await ctx.store.upsertReviews([review], { backfill: false });
    await ctx.store.saveAnalyses([{ id: review.id, sourceId: 'harbor', hash: review.contentHash, verdict: makeVerdict({ severity }), draft: DRAFT, flag: true }], new Date(Date.now() - hoursAgo * HOUR));
    return review.id;
  }

  it('shows when the reply is due and whether it is overdue, per severity (critical 1 h, high 4 h, …), and filters on it', async () => {
    const ctx = await setup();
    const late = await flagged(ctx, 'high', 5);
    const inTime = await flagged(ctx, 'medium', 5);
    const critical = await flagged(ctx, 'critical', 1.5);
    const api = await buildApi(ctx);
    closers.push(() => api.close());
    const get = (id: string) => api.inject({ url: `/v1/reviews/${id}`, headers: { authorization: `Bearer ${KEY}` } }).then((r) => r.json<{ sla: { dueAt: string; overdue: boolean } }>().sla);
    expect(await get(late)).toMatchObject({ overdue: true });
    expect(await get(inTime)).toMatchObject({ overdue: false });
    expect(await get(critical)).toMatchObject({ overdue: true });
    const stored = await ctx.store.get(late);
    expect(Date.parse((await get(late)).dueAt) - Date.parse(stored!.alertedAt!)).toBe(4 * HOUR);
    const list = await api.inject({ url: '/v1/reviews?overdue=true', headers: { authorization: `Bearer ${KEY}` } });
    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id).sort()).toEqual([late, critical].sort());
    // A reply ends it.
    await ctx.lifecycle.setFields(late, { repliedAt: new Date().toISOString() });
    expect(await get(late)).toMatchObject({ overdue: false });
  });

  it('lists a review as overdue once its time has passed, even with no write to invalidate cached pages', async () => {
    const ctx = await setup();
    const id = await flagged(ctx, 'high', 4 - 20 / 3600);
    const api = await buildApi(ctx);
    closers.push(() => api.close());
    const overdue = () => api.inject({ url: '/v1/reviews?overdue=true', headers: { authorization: `Bearer ${KEY}` } }).then((r) => r.json<{ items: { id: string }[] }>().items.map((i) => i.id));
    expect(await overdue()).toEqual([]);
    expect(await overdue()).toEqual([]);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 60_000);
      expect(await overdue()).toEqual([id]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends ONE reminder per overdue review across concurrent sweeps and later ones (replicas, restarts), not for replied or in-time reviews', async () => {
    const ctx = await setup({ alerts: [{ type: 'log', id: 'log', minSeverity: 'low' }] });
    const late = await flagged(ctx, 'high', 5);
    const replied = await flagged(ctx, 'high', 5);
    await ctx.lifecycle.setFields(replied, { repliedAt: new Date().toISOString() });
    await flagged(ctx, 'low', 10);
    const [a, b] = await Promise.all([sweepOverdue(ctx), sweepOverdue(ctx)]);
    expect([...a, ...b].sort()).toContain(late);
    expect(await sweepOverdue(ctx)).toEqual([]);
    const jobs = await ctx.queues.queues.notify.getJobs(['waiting', 'delayed', 'active', 'completed']);
    expect(jobs.map((j) => j.id)).toEqual([reminderJobId('log', late)]);
  });

  it('delivers the reminder at once through the channels, addressed also to the escalation contact for a critical review', async () => {
    const smtp = await startSmtpServer();
    closers.push(smtp.close);
    const ctx = await setup({
      publicUrl: 'https://rm.harbor.example',
      alerts: [{ type: 'email', id: 'mail', smtp: { host: '127.0.0.1', port: smtp.port, secure: false }, from: 'alerts@harbor.example', to: ['owner@harbor.example'], minSeverity: 'high', digest: { windowSeconds: 3600 } }],
      drafting: { escalation: { name: 'Dana Duty', email: 'duty@harbor.example' } },
    });
    const id = await flagged(ctx, 'critical', 2);
    await sweepOverdue(ctx);
    const job = await ctx.queues.queues.notify.getJob(reminderJobId('mail', id));
    expect(await deliverAlerts(ctx, job!.data)).toMatchObject({ delivered: 1 });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(['owner@harbor.example', 'duty@harbor.example']);
    const { headers, parts } = parseMail(smtp.mails[0]!.raw);
    expect(decodeHeader(headers.get('subject') ?? '')).toMatch(/^\[review-monitor\] OVERDUE CRITICAL Negative/);
    expect(headers.get('message-id')).toBe(`<${id}-mail-reminder@review-monitor>`);
    expect(parts[0]!.body).toMatch(/^Overdue: no reply yet \(due .*\); escalated to Dana Duty, duty@harbor\.example/);
    expect(parts[0]!.body).toContain(`Open in inbox: https://rm.harbor.example/reviews/${id}`);
    // Replied meanwhile: a retried job sends nothing.
    await ctx.lifecycle.setFields(id, { repliedAt: new Date().toISOString() });
    expect(await deliverAlerts(ctx, job!.data)).toMatchObject({ skipped: 1 });
    expect(smtp.mails).toHaveLength(1);
  });
});
