import { joinUrl } from '../alerts/payload.js';
import { excerpt, topicLabel } from '../alerts/render.js';
import { accepts, type RoutingRule } from '../alerts/routing.js';
import type { AppContext } from '../context.js';
import { publishEvents } from '../events.js';
import { jobId } from '../queues.js';
import { daysBetween, periodsFor } from '../store/counters.js';
import { InsightStore } from '../store/insight-store.js';
import type { AnalysisItem, ReviewFilter } from '../store/review-store.js';
import { addCounts, dayOf, emptyCounts, type SourceCounts } from './counters.js';
import { checkRating, findSpikes, sinceHistoryBegan, type Spike } from './detect.js';
import { ratingDropSummary, spikeSummary, type InsightAlert, type InsightExample } from './insight-alert.js';
import { isoWeekOf, isoWeekStart } from './iso-week.js';

// The periodic check for spikes and rating drops: reads the counters, tests them (detect.ts), and sends each
// alert once through the insight channels and `/v1/events`. Every scheduler replica may run it: an alert's
// notify jobs have ids derived from the alert, and a Redis marker (spikes) or the swap of the reference level
// (drops) decides which replica announces it, so it is sent once across replicas and restarts.

type Deps = Pick<AppContext, 'config' | 'redis' | 'store' | 'queues' | 'channels' | 'logger'>;

const DAY = 86_400_000;
const EXAMPLES = 3;

/** The current period and the baseline periods before it, newest first, with the current one's bounds. */
export function periodsAt(now: Date, period: 'week' | 'day', baseline: number): { current: { label: string; since: number; until: number }; baseline: string[] } {
  if (period === 'week') {
    const label = isoWeekOf(now).label;
    const since = isoWeekStart(label).getTime();
    return { current: { label, since, until: since + 7 * DAY }, baseline: Array.from({ length: baseline }, (_, i) => isoWeekOf(new Date(since - (i + 1) * 7 * DAY)).label) };
  }
  const since = Date.parse(`${dayOf(now.toISOString())}T00:00:00Z`);
  return { current: { label: dayOf(now.toISOString()), since, until: since + DAY }, baseline: Array.from({ length: baseline }, (_, i) => dayOf(new Date(since - (i + 1) * DAY).toISOString())) };
}

/** Whether a channel's routing takes an insight about these sources and topics: as a high-severity review of one of them would. */
const takes = (rule: RoutingRule, sources: readonly string[], topics: readonly string[]): boolean => sources.some((sourceId) => accepts(rule, { severity: 'high', sourceId, topics }));

/**
 * The channels an insight goes to: `insights.channels` when set, else every channel (but webhooks) whose routing
 * takes it; and every webhook subscribed to its type (`events: [spike]`). Webhooks are left out by default
 * because their receivers parse what they were built for: they ask for insights by subscribing.
 */
export function insightChannels(ctx: Pick<Deps, 'config' | 'channels'>, type: InsightAlert['type'], sources: readonly string[], topics: readonly string[]): string[] {
  const chosen = ctx.config.insights.channels;
  const out: string[] = [];
  for (const c of ctx.channels.values()) {
    const listed = chosen ? chosen.includes(c.id) : c.type !== 'webhook' && takes(c.rule, sources, topics);
    if (listed || c.events.includes(type)) out.push(c.id);
  }
  return out;
}

function exampleOf(r: AnalysisItem, publicUrl: string | undefined): InsightExample {
  const path = `/reviews/${encodeURIComponent(r.review.id)}`;
  return {
    reviewId: r.review.id,
    sourceId: r.review.sourceId,
    rating: r.review.rating,
    author: r.review.author,
    publishedAt: r.review.publishedAt,
    excerpt: excerpt(r.review.title ? `${r.review.title}: ${r.review.text}` : r.review.text, 240),
    url: r.review.url,
    page: publicUrl ? joinUrl(publicUrl, path) : path,
  };
}

async function examples(ctx: Deps, opts: { sourceId?: string | undefined; businesses?: readonly string[] | undefined; since: number; until: number; filter: ReviewFilter }): Promise<InsightExample[]> {
  // A business's spike reads its own index: across a thousand businesses a filtered scan could stop (at its cap)
  // before reaching this one's reviews.
  const page = await ctx.store.listing.listReviews({ limit: EXAMPLES, sourceId: opts.sourceId, businesses: opts.businesses, min: opts.since, max: opts.until - 1, filter: opts.filter });
  return page.items.map((r) => exampleOf(r, ctx.config.publicUrl));
}

/** Enqueues the alert for each of its channels (ids from the alert: a repeat is a no-op). */
async function enqueue(ctx: Deps, alert: InsightAlert, channels: readonly string[]): Promise<void> {
  const reviewIds = alert.examples.map((e) => e.reviewId);
  await Promise.all(channels.map((channelId) => ctx.queues.add('notify', jobId('insight', channelId, alert.id), { channelId, reviewIds, insight: alert })));
}

/** One business's part of a deployment serving several (its sources and name), or undefined for a single business. */
interface Tenant {
  id: string;
  name: string;
  sources: ReadonlySet<string>;
}

/** Each business of a deployment serving several, judged on its own; one undefined tenant for a single business. */
function tenantsOf(config: Deps['config']): (Tenant | undefined)[] {
  if (config.businesses.length <= 1) return [undefined];
  return config.businesses.map((b) => ({ id: b.id, name: b.business.name, sources: new Set(b.sourceIds) }));
}

/**
 * A period's counters split by tenant, in one pass over its sources (a deployment of 1,000 businesses would
 * otherwise go over every source once per business): a single business's are the counters themselves; a source
 * of no configured business is in no tenant's.
 */
function byTenant<T>(counts: ReadonlyMap<string, T>, tenants: readonly (Tenant | undefined)[]): Map<Tenant | undefined, ReadonlyMap<string, T>> {
  if (tenants.length === 1 && tenants[0] === undefined) return new Map([[undefined, counts]]);
  const out = new Map<Tenant | undefined, Map<string, T>>(tenants.map((t) => [t, new Map()]));
  const owner = new Map(tenants.flatMap((t) => (t ? [...t.sources].map((id) => [id, t] as const) : [])));
  for (const [sourceId, c] of counts) {
    const t = owner.get(sourceId);
    if (t) out.get(t)!.set(sourceId, c);
  }
  return out;
}

/** "Harbor Bistro: " before a summary when the deployment serves several businesses (a service channel gets every one's). */
const named = (tenant: Tenant | undefined, summary: string): string => (tenant ? `${tenant.name}: ${summary}` : summary);

async function sendSpike(ctx: Deps, insights: InsightStore, spike: Spike, current: { label: string; since: number; until: number }, counts: ReadonlyMap<string, SourceCounts>, now: Date, tenant: Tenant | undefined): Promise<InsightAlert | undefined> {
  const s = ctx.config.insights.spikes;
  // A topic is a business's own when there are several (a source id already names its business).
  const subject = tenant && spike.kind === 'topic' ? `${tenant.id}.${spike.subject}` : spike.subject;
  const id = `spike-${current.label}-${spike.kind}-${subject}`;
  if (await insights.wasSent(id)) return undefined;
  const sources = spike.kind === 'source' ? [spike.subject] : [...counts].filter(([, c]) => (c.topics[spike.subject] ?? 0) > 0).map(([sourceId]) => sourceId);
  const topics = spike.kind === 'topic' ? [spike.subject] : [];
  const negative: ReviewFilter = spike.kind === 'topic' ? (r) => r.verdict?.negative === true && r.verdict.topics.includes(spike.subject) : (r) => r.verdict?.negative === true;
  const filter: ReviewFilter = tenant ? (r) => tenant.sources.has(r.review.sourceId) && negative(r) : negative;
  const alert: InsightAlert = {
    type: 'spike',
    id,
    at: now.toISOString(),
    summary: named(tenant, spikeSummary(spike, s.period, topicLabel)),
    examples: await examples(ctx, { sourceId: spike.kind === 'source' ? spike.subject : undefined, businesses: tenant ? [tenant.id] : undefined, since: current.since, until: current.until, filter }),
    ...(tenant ? { business: tenant.id } : {}),
    spike: { ...spike, period: current.label, since: new Date(current.since).toISOString(), until: new Date(current.until).toISOString(), sources },
  };
  await enqueue(ctx, alert, insightChannels(ctx, 'spike', sources, topics));
  // The marker outlives every period whose baseline could still hold this one.
  const first = await insights.markSent(id, now, ((current.until - current.since) / 1000) * (s.baseline + 2));
  if (!first) return undefined;
  await insights.remember(alert);
  await publishEvents(ctx.redis, ctx.config.redis.prefix, [alert]);
  return alert;
}

/** Spikes of the period under way; resolves to the alerts this call announced. */
async function checkSpikes(ctx: Deps, insights: InsightStore, now: Date): Promise<InsightAlert[]> {
  const s = ctx.config.insights.spikes;
  const { current, baseline } = periodsAt(now, s.period, s.baseline);
  const kind = s.period;
  const read = await ctx.store.counters.read([current.label, ...baseline].map((label) => ({ label, kind })));
  const sent: InsightAlert[] = [];
  const configured = new Set(ctx.config.sources.map((c) => c.id));
  // Each business against its own history: one's busy week is not another's spike.
  const tenants = tenantsOf(ctx.config);
  const split = read.periods.map((p) => byTenant(p.bySource, tenants));
  for (const tenant of tenants) {
    const [now_, ...older] = split.map((m) => m.get(tenant)!);
    const before = sinceHistoryBegan(older);
    // A business too new for a baseline of at least half the periods has nothing yet to rise against.
    if (!now_ || before.length < Math.ceil(s.baseline / 2)) continue;
    for (const spike of findSpikes(now_, before, s)) {
      if (spike.kind === 'source' && !configured.has(spike.subject)) continue;
      const alert = await sendSpike(ctx, insights, spike, current, now_, now, tenant);
      if (alert) sent.push(alert);
    }
  }
  return sent;
}

/** Each source's rolling window against its reference level; resolves to the drops this call announced. */
async function checkRatings(ctx: Deps, insights: InsightStore, now: Date): Promise<InsightAlert[]> {
  const s = ctx.config.insights.ratingDrop;
  const today = dayOf(now.toISOString());
  const since = Date.parse(`${today}T00:00:00Z`) - (s.windowDays - 1) * DAY;
  const read = await ctx.store.counters.read(periodsFor(daysBetween(dayOf(new Date(since).toISOString()), today), false));
  const bySource = new Map<string, SourceCounts>();
  for (const p of read.periods) {
    for (const [sourceId, c] of p.bySource) {
      let sum = bySource.get(sourceId);
      if (!sum) bySource.set(sourceId, (sum = emptyCounts()));
      addCounts(sum, c);
    }
  }
  const refs = await insights.ratingReferences();
  const sent: InsightAlert[] = [];
  const configured = new Map(ctx.config.sources.map((s) => [s.id, s.business]));
  const tenants = new Map(tenantsOf(ctx.config).flatMap((t) => (t ? [[t.id, t] as const] : [])));
  for (const [sourceId, counts] of bySource) {
    // A source taken out of the configuration keeps its history but is not judged any more.
    if (!configured.has(sourceId)) continue;
    const tenant = tenants.get(configured.get(sourceId)!);
    const ref = refs.get(sourceId);
    const check = checkRating(counts.ratings, ref, s, now.toISOString());
    if (check.kind === 'none') continue;
    if (check.kind !== 'dropped') {
      await insights.swapRatingReference(sourceId, ref, check.reference);
      continue;
    }
    const id = `rating_drop-${sourceId}-${Date.parse(ref!.since)}`;
    if (await insights.wasSent(id)) continue;
    const low = await examples(ctx, { sourceId, since, until: now.getTime() + 1, filter: (r) => r.review.rating !== undefined && r.review.rating <= 2 });
    const alert: InsightAlert = {
      type: 'rating_drop',
      id,
      at: now.toISOString(),
      summary: named(tenant, ratingDropSummary(sourceId, check, s.windowDays)),
      examples: low,
      ...(tenant ? { business: tenant.id } : {}),
      ratingDrop: { sourceId, from: check.from, to: check.reference.level, average: check.average, ratings: check.count, windowDays: s.windowDays, pValue: check.pValue },
    };
    await enqueue(ctx, alert, insightChannels(ctx, 'rating_drop', [sourceId], []));
    // The replica that moves the reference announces the drop; the other's jobs were the same jobs.
    if (!(await insights.swapRatingReference(sourceId, ref, check.reference))) continue;
    await insights.markSent(id, now, s.windowDays * 2 * 86_400);
    await insights.remember(alert);
    await publishEvents(ctx.redis, ctx.config.redis.prefix, [alert]);
    sent.push(alert);
  }
  return sent;
}

/** One check of both kinds (each as configured); resolves to the alerts this call announced. */
export async function checkInsights(ctx: Deps, now = new Date()): Promise<InsightAlert[]> {
  const insights = new InsightStore(ctx.redis, ctx.store.keys);
  const sent = [
    ...(ctx.config.insights.spikes.enabled ? await checkSpikes(ctx, insights, now) : []),
    ...(ctx.config.insights.ratingDrop.enabled ? await checkRatings(ctx, insights, now) : []),
  ];
  const log = ctx.logger.child({ module: 'insights' });
  for (const a of sent) log.info({ insight: a.id }, a.summary);
  return sent;
}
