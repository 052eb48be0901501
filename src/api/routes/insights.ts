import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { EventHub, type AlertEvent, type ReviewEvent } from '../../events.js';
import { toJson } from '../json.js';
import { daysBetween, periodsFor } from '../../store/counters.js';
import { statsFromCounters } from '../../insights/window-stats.js';
import type { RouteRegistry } from '../registry.js';
import { insightListSchema, statsSchema, textSchema, weeklyReportSchema } from '../responses.js';
import { InsightStore } from '../../store/insight-store.js';
import { isoWeekOf } from '../../insights/weekly-report.js';
import { reportOf } from '../../insights/report-sender.js';
import { businessQuery, isoDateTime, isoWeek, sourceId } from '../schemas.js';
import { businessesOf, insightVisible, listScope, maySeeSource } from '../visibility.js';
import { HttpError } from '../errors.js';

const statsQuery = z.strictObject({
  since: isoDateTime.optional().describe('published at or after (default: 30 days ago)'),
  until: isoDateTime.optional().describe('published before (default: now)'),
  source: sourceId.optional(),
  business: businessQuery,
});

const insightsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(50).default(20).describe('how many (at most 50)'), business: businessQuery });

const weeklyQuery = z.strictObject({
  week: isoWeek.optional().describe('ISO week, e.g. 2026-W48 (default: the last complete one)'),
  business: businessQuery,
});

// Windows up to a quarter are also shown day by day; longer ones by ISO week (read from the week counters).
const BY_DAY_MAX = 92;

/** `GET /v1/stats` and the `GET /v1/events` stream. */
export function insightRoutes(api: RouteRegistry, ctx: AppContext, hub: EventHub): void {
  api.add(
    {
      method: 'GET',
      url: '/v1/stats',
      operationId: 'getStats',
      response: statsSchema,
      tag: 'insights',
      scope: 'read',
      summary: 'Counts by day, week, source, topic and severity; average rating per source over time; response times (median, p90); recovery rate',
      description:
        'Read from counters kept as reviews are analysed, so any window over any history answers at once. The window is whole UTC days (`since` and `until` are widened to them and returned). Reviews, negatives, topics, severities and ratings count the reviews published in the window; replies, follow-ups, recoveries and response times count the steps taken in it (response times from a histogram: within 12%). Windows up to 92 days are also given day by day; ratings over time are per day then, else per ISO week.',
      query: statsQuery,
      errors: [404],
    },
    async ({ query, actor }) => {
      const scope = listScope(ctx.config, actor, query);
      const until = query.until ? Date.parse(query.until) : Date.now();
      const since = query.since ? Date.parse(query.since) : until - 30 * 86_400_000;
      const days = daysBetween(new Date(since).toISOString().slice(0, 10), new Date(Math.max(since, until - 1)).toISOString().slice(0, 10));
      const byDay = days.length <= BY_DAY_MAX;
      const window = await ctx.store.counters.read(periodsFor(days, byDay), scope.sourceId ?? scope.sources);
      const stats = statsFromCounters(window.periods, { byDay });
      return { since: `${days[0]}T00:00:00.000Z`, until: new Date(Date.parse(`${days.at(-1)}T00:00:00Z`) + 86_400_000).toISOString(), truncated: false, ...stats };
    },
  );

  api.add(
    {
      method: 'GET',
      url: '/v1/insights',
      operationId: 'listInsights',
      response: insightListSchema,
      tag: 'insights',
      scope: 'read',
      summary: 'The latest spikes and rating drops, newest first (the last 50 are kept)',
      description: 'What the insight checks announced (see `insights:` in the configuration), each once: the same objects `/v1/events` streams and subscribed webhooks receive, for a client that was not listening.',
      query: insightsQuery,
      errors: [404],
    },
    async ({ query, actor }) => {
      const businesses = businessesOf(ctx.config, actor, query.business);
      const recent = await new InsightStore(ctx.redis, ctx.store.keys).recent(businesses ? 50 : query.limit);
      return { items: recent.filter((a) => insightVisible(a, businesses)).slice(0, query.limit) };
    },
  );

  api.add(
    {
      method: 'GET',
      url: '/v1/reports/weekly',
      operationId: 'getWeeklyReport',
      response: weeklyReportSchema,
      tag: 'insights',
      scope: 'read',
      summary: 'One ISO week beside the week before: volume, negatives, average rating and its trend, topics and what changed, replies within the SLA, open reviews by status, follow-ups, recoveries, champions',
      description: 'Of the whole deployment, or of one business with `business=` (a key limited to one business gets its own by default).',
      query: weeklyQuery,
      errors: [400, 404],
    },
    async ({ query, actor }) => {
      // Default: the last complete week.
      const week = query.week ?? isoWeekOf(new Date(Date.now() - 7 * 86_400_000)).label;
      const businesses = businessesOf(ctx.config, actor, query.business);
      if (businesses && businesses.length > 1) throw new HttpError(400, 'bad_request', `query.business: this key sees ${businesses.length} businesses; name one (${businesses.join(', ')})`, [{ path: 'query.business', message: 'name one business' }]);
      return reportOf(ctx, week, businesses?.[0]);
    },
  );

  api.add(
    {
      method: 'GET',
      url: '/v1/events',
      operationId: 'streamEvents',
      response: textSchema,
      tag: 'insights',
      scope: 'read',
      summary: 'Server-sent events: one `alert` event per newly flagged review, each step of a review’s recovery, and spikes and rating drops',
      description:
        'An `alert` event’s id is its flag time in ms; reconnecting with Last-Event-ID replays the alerts flagged since (up to 100). Lifecycle steps come as events named by their type (`review.acknowledged`, `review.approved`, `review.replied`, `review.resolved`, `review.followed_up`, `review.recovered`), with data `{type, id, reviewId, sourceId, status, actor, at, note?}`: a ticketing system can mirror the lifecycle from them. Insight alerts come once each as `spike` and `rating_drop` events, with data `{type, id, at, summary, examples, spike | ratingDrop}`.',
      produces: 'text/event-stream',
    },
    async ({ req, reply, actor }) => {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      // A key limited to businesses hears only of theirs: reviews by their source, insights by their business.
      const limited = actor?.businesses;
      const heard = (e: ReviewEvent): boolean => !limited || ('sourceId' in e && typeof e.sourceId === 'string' ? maySeeSource(ctx.config, actor, e.sourceId) : insightVisible(e as { business?: string }, limited));
      const send = (e: ReviewEvent): void =>
        void (heard(e) && res.write(e.type === 'alert' ? `id: ${Date.parse(e.flaggedAt)}\nevent: alert\ndata: ${toJson(e)}\n\n` : `event: ${e.type}\ndata: ${toJson(e)}\n\n`));
      res.write(': connected\n\n');
      const stop = await hub.listen(send);
      const lastId = Number(req.headers['last-event-id']);
      if (Number.isFinite(lastId) && lastId > 0) {
        for (const m of await ctx.store.listing.flaggedAfter(lastId, 100, limited)) send({ type: 'alert', reviewId: m.review.id, sourceId: m.review.sourceId, severity: m.verdict?.severity ?? 'low', flaggedAt: m.alertedAt ?? new Date().toISOString() });
      }
      // A comment every 15 s keeps proxies from closing an idle stream.
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      const untrack = hub.track(() => res.end());
      req.raw.on('close', () => {
        clearInterval(heartbeat);
        stop();
        untrack();
      });
    },
  );
}
