import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DEFAULT_TAXONOMY } from '../../classify/index.js';
import type { AppContext } from '../../context.js';
import { SEVERITIES } from '../../domain/verdict.js';
import { checkGuardrails } from '../../draft/index.js';
import * as actions from '../../lifecycle/actions.js';
import { lastWeeks, statsFromCounters, weekFigures } from '../../insights/window-stats.js';
import { InsightStore } from '../../store/insight-store.js';
import { compareWeek, isoWeekOf, isoWeekStart } from '../../insights/weekly-report.js';
import { reportedWeek, reportOf } from '../../insights/report-sender.js';
import { reportCharts } from '../../insights/weekly-email.js';
import { barChartSvg, renderPng } from '../../insights/charts.js';
import { reportPage } from './report.js';
import { isoWeek } from '../../api/schemas.js';
import { isRecovered, STATUSES, type HistoryEntry } from '../../lifecycle/states.js';
import { isOverdue, slaState, type SlaHours } from '../../lifecycle/sla.js';
import { createPublisher } from '../../publishers/index.js';
import { sourceStatus } from '../../sources/status.js';
import { decodeCursor, type AnalysisItem, type ReviewFilter } from '../../store/review-store.js';
import { assetRoutes, loadAssets, type Assets } from '../assets.js';
import { html } from './html.js';
import { inboxPage, type InboxFilters, type InboxRow } from './inbox.js';
import { INSIGHT_WINDOWS, insightsPage } from './insights.js';
import { layout, type Chrome, type PagePerson } from './layout.js';
import { reviewPage, type ReviewModel } from './review.js';
import { sourcesPage } from './sources.js';
import { businessOf, maySee, slaFor, sourceById } from '../../config/businesses.js';
import { insightVisible, maySeeSource, sourcesOf } from '../../api/visibility.js';
import { sourceOfReviewId } from '../../domain/review.js';
import type { Status } from '../../lifecycle/states.js';
import { ID_PATTERN, QUALIFIED_ID_PATTERN } from '../../domain/ids.js';

/** Rows on one inbox page. */
export const INBOX_PAGE_SIZE = 25;

/** What the page routes need from the workspace plugin around them. */
export interface PageDeps {
  ctx: AppContext;
  assets: Assets;
  /** The signed-in person of a request (the plugin has already sent anyone else to /login). */
  person(req: FastifyRequest): PagePerson;
  /** The CSRF token to embed in this response's forms. */
  csrfToken(req: FastifyRequest, reply: FastifyReply): string;
}

// As the API's (a review of a business among several is `<business>.<source>-<hash>`).
const reviewId = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}(\.[A-Za-z0-9_-]{1,100})?$/, 'is not a review id') });
const flag = z.enum(['1', 'true', 'on']).optional().transform((v) => v !== undefined);
const emptyToUndefined = (v: unknown): unknown => (v === '' ? undefined : v);
const inboxQuery = z.strictObject({
  status: z.preprocess(emptyToUndefined, z.enum(STATUSES).optional()),
  severity: z.preprocess(emptyToUndefined, z.enum(SEVERITIES).optional()),
  source: z.preprocess(emptyToUndefined, z.string().regex(QUALIFIED_ID_PATTERN, 'is not a source id').optional()),
  business: z.preprocess(emptyToUndefined, z.string().regex(ID_PATTERN, 'is not a business id').optional()),
  topic: z.preprocess(emptyToUndefined, z.string().regex(/^[\w-]{1,64}$/, 'is not a topic id').optional()),
  mine: flag,
  overdue: flag,
  q: z.preprocess(emptyToUndefined, z.string().trim().max(200, 'is longer than 200 characters').optional()),
  cursor: z.preprocess(emptyToUndefined, z.string().max(300).optional()),
});
const text = (max: number, what: string) => z.string().max(max, `${what} is longer than ${max} characters`);
// Browsers send a textarea's line breaks as CRLF: the text is the draft's again when only they differ.
const replyText = z.string().transform((t) => t.replace(/\r\n?/g, '\n')).pipe(text(10_000, 'the reply').trim());
const forms = {
  draft: z.object({ reply: replyText.pipe(z.string().min(1, 'the reply is empty')) }),
  approve: z.object({ reply: replyText.pipe(z.string().min(1, 'the reply is empty')).optional(), override: z.preprocess(emptyToUndefined, text(500, 'the override reason').trim().min(3, 'say in a few words why the guardrails are overridden').optional()) }),
  resolve: z.object({ note: z.preprocess(emptyToUndefined, text(1_000, 'the note').trim().optional()), followUpAfter: z.coerce.number({ error: 'the follow-up delay must be a number of seconds' }).int().min(0).max(90 * 86_400) }),
  followUp: z.object({ posted: flag }),
  assign: z.object({ assignee: z.preprocess(emptyToUndefined, text(254, 'the e-mail address').trim().optional()) }),
  check: z.object({ text: replyText }),
};

/** The first problem of a failed parse, worded for a person. */
function problemOf(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const field = issue.path.join('.');
  return issue.message.startsWith('the ') || issue.message.startsWith('say ') ? issue.message : `${field || 'input'}: ${issue.message}`;
}

/** Thrown by a page handler to answer with an error page (never a stack trace). */
class PageError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What the last action did, for the message above the page after its redirect. */
const DONE: Record<string, string> = {
  saved: 'Draft saved.',
  acknowledged: 'Acknowledged.',
  approved: 'Reply approved.',
  posted: 'Marked as posted.',
  publishing: 'Publishing the reply.',
  resolved: 'Resolved: the follow-up is scheduled.',
  followed_up: 'Follow-up recorded as posted.',
  sending: 'Sending the follow-up now.',
  assigned: 'Assigned.',
  unassigned: 'Nobody is assigned now.',
};

/** The topic ids the classifier can tag, for the inbox filter. */
function topicIds(ctx: AppContext): string[] {
  const c = ctx.config.classifier;
  return [...new Set([...(c.replaceDefaultTopics ? [] : DEFAULT_TAXONOMY.map((t) => t.id)), ...c.topics.map((t) => t.id)])].sort();
}

/** A predicate for the inbox filters the alert index does not answer by itself. */
export function inboxFilter(f: InboxFilters, person: PagePerson, sla: (sourceId: string) => SlaHours, now: Date, listing: 'alerts' | 'status-index' = 'alerts', visible?: ReadonlySet<string>): ReviewFilter | undefined {
  const checks: ReviewFilter[] = [];
  // A person limited to some businesses sees only their sources' reviews.
  if (visible) checks.push((r) => visible.has(r.review.sourceId));
  if (f.overdue) checks.push((r) => isOverdue(r, sla(r.review.sourceId), now.getTime()));
  const needle = f.q?.toLowerCase();
  // A status index holds only its status (no check: an unfiltered page reads just its 25 reviews) but
  // spans every source; the alert index is per source but holds every status.
  if (listing === 'alerts' && f.status) checks.push((r) => r.status === f.status);
  if (listing === 'status-index' && f.source) checks.push((r) => r.review.sourceId === f.source);
  if (f.severity) checks.push((r) => r.verdict?.severity === f.severity);
  if (f.topic) checks.push((r) => r.verdict?.topics.includes(f.topic!) ?? false);
  if (f.mine) checks.push((r) => r.lifecycle.assignee === person.email);
  if (needle) checks.push((r) => `${r.review.title ?? ''}\n${r.review.text}\n${r.review.author ?? ''}`.toLowerCase().includes(needle));
  return checks.length ? (r) => checks.every((c) => c(r)) : undefined;
}

/** A stored review as an inbox row. */
export function inboxRow(s: AnalysisItem, names: ReadonlyMap<string, string>, sla: (sourceId: string) => SlaHours, now: Date): InboxRow {
  const { assignee } = s.lifecycle;
  return {
    id: s.review.id,
    title: s.review.title,
    text: s.review.text,
    author: s.review.author,
    rating: s.review.rating,
    status: s.status,
    severity: s.verdict?.severity,
    sourceId: s.review.sourceId,
    topics: s.verdict?.topics ?? [],
    assignee: assignee ? (names.get(assignee) ?? assignee) : undefined,
    flaggedAt: s.alertedAt,
    overdue: isOverdue(s, sla(s.review.sourceId), now.getTime()),
    recovered: isRecovered(s.ratingHistory, s.lifecycle.repliedAt),
  };
}

/** Builds the inbox page for a person and the filters of the query string: one page of the alert index. */
export async function renderInbox(ctx: AppContext, chrome: Chrome, filters: InboxFilters, now = new Date()): Promise<string> {
  if (filters.cursor) {
    try {
      decodeCursor(filters.cursor);
    } catch {
      throw new PageError(400, 'This page link is broken (its cursor is not one the inbox made). Start again from the first page.');
    }
  }
  const sla = (sourceId: string): SlaHours => slaFor(ctx.config, sourceId);
  const { shown, sources: visible, picker } = pageScopeOf(ctx.config, chrome.person, filters.business);
  if (filters.source && visible && !visible.has(filters.source)) throw new PageError(404, `There is no source ${filters.source}.`);
  // A status past `new` has an index of its own; `new`, the dense case, is found by filtering the alerts.
  const { status } = filters;
  const listing =
    status && status !== 'new'
      ? ctx.store.listing.pageBy(await ctx.lifecycle.byStatus.keysOf(status, shown), { limit: INBOX_PAGE_SIZE, cursor: filters.cursor, filter: inboxFilter(filters, chrome.person, sla, now, 'status-index', visible) })
      : ctx.store.listing.listAlerts({ limit: INBOX_PAGE_SIZE, cursor: filters.cursor, sourceId: filters.source, businesses: shown, filter: inboxFilter(filters, chrome.person, sla, now, 'alerts', visible) });
  const counting = ctx.lifecycle.byStatus.read(shown);
  const [page, counts, people] = await Promise.all([listing, counting, ctx.people.list()]);
  const names = new Map(people.map((p) => [p.email, p.name]));
  const sources = ctx.config.sources.filter((s) => !visible || visible.has(s.id)).map((s) => s.id);
  // With several businesses each row names its own, and the filters offer the ones this person may see.
  const rows = page.items.map((item) => ({ ...inboxRow(item, names, sla, now), ...(picker.length ? { businessName: businessOf(ctx.config, item.review.sourceId).business.name } : {}) }));
  return inboxPage(chrome, { rows, counts, filters, nextCursor: page.nextCursor, sources, businesses: picker, topics: topicIds(ctx), now });
}

/**
 * What a workspace page covers for a person: the business `asked` names (one they may see: else the page of a
 * business that does not exist), else their business when they are limited to one; `shown` the businesses whose
 * data the page reads (undefined: every one), their sources, and the businesses they may pick from (none when
 * there is only one).
 */
function pageScopeOf(
  config: AppContext['config'],
  person: PagePerson,
  asked: string | undefined,
): { business: string | undefined; shown: readonly string[] | undefined; sources: ReadonlySet<string> | undefined; picker: { id: string; name: string }[] } {
  const mayPick = config.businesses.filter((b) => maySee(person.businesses, b.id));
  if (asked !== undefined && !mayPick.some((b) => b.id === asked)) throw new PageError(404, `There is no business ${asked}.`);
  const business = asked ?? (person.businesses?.length === 1 ? person.businesses[0] : undefined);
  const shown = business ? [business] : person.businesses;
  return { business, shown, sources: sourcesOf(config, shown), picker: mayPick.length > 1 ? mayPick.map((b) => ({ id: b.id, name: b.business.name })) : [] };
}


/** The review's whole history: stored, flagged, edits by the reviewer, and every lifecycle step. */
async function historyOf(ctx: AppContext, s: AnalysisItem): Promise<HistoryEntry[]> {
  const system: HistoryEntry[] = [{ at: s.createdAt, actor: 'system', action: 'stored' }];
  if (s.alertedAt) system.push({ at: s.alertedAt, actor: 'system', action: 'flagged', details: { severity: s.verdict?.severity } });
  if (s.editedAt) system.push({ at: s.editedAt, actor: 'reviewer', action: 'edited_by_reviewer', details: { ratings: s.ratingHistory.map((r) => r.rating) } });
  return [...system, ...(await ctx.lifecycle.history(s.review.id))].sort((a, b) => a.at.localeCompare(b.at));
}

/** Registers the workspace pages (inbox, review, sources, insights) and the review page's form posts. */
export function pageRoutes(app: FastifyInstance, deps: PageDeps): void {
  const { ctx } = deps;
  const chromeOf = (req: FastifyRequest, reply: FastifyReply): Chrome => ({ person: deps.person(req), csrfToken: deps.csrfToken(req, reply), assets: { css: deps.assets.css.url, js: deps.assets.js.url } });
  const actorOf = (req: FastifyRequest): actions.ActionActor => {
    const p = deps.person(req);
    return { name: p.name, role: p.role };
  };
  const send = (reply: FastifyReply, page: string, status = 200): FastifyReply => reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
  const parse = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> => {
    const r = schema.safeParse(value ?? {});
    if (!r.success) throw new PageError(400, problemOf(r.error));
    return r.data;
  };
  const load = async (id: string): Promise<AnalysisItem> => {
    const s = await ctx.store.get(id);
    if (!s) throw new PageError(404, `There is no review ${id}. It may have been removed, or the link is mistyped.`);
    return s;
  };
  // A person limited to some businesses gets for another business's review (its page or any of its form posts)
  // the page of a review that does not exist.
  app.addHook('preHandler', async (req) => {
    const id = (req.params as { id?: unknown } | undefined)?.id;
    const person = req.person;
    if (!person?.businesses || typeof id !== 'string' || !(req.routeOptions.url ?? '').startsWith('/reviews/:id')) return;
    if (!maySeeSource(ctx.config, person, sourceOfReviewId(id))) throw new PageError(404, `There is no review ${id}. It may have been removed, or the link is mistyped.`);
  });
  /** `pageScopeOf` for a page's `?business=` (empty: every business the person sees). */
  const pageScope = (req: FastifyRequest): ReturnType<typeof pageScopeOf> => {
    const asked = (req.query as { business?: unknown } | undefined)?.business;
    return pageScopeOf(ctx.config, deps.person(req), typeof asked === 'string' && asked !== '' ? asked : undefined);
  };

  // Only this scope's own refusals become pages here; anything else (a CSRF refusal, a body too large, a
  // crash) goes to the workspace plugin's handler around it, which never shows a stack either.
  app.setErrorHandler((err, req, reply) => {
    if (!(err instanceof PageError)) throw err;
    const body = html`<h1>${err.status === 404 ? 'Not found' : err.status === 403 ? 'Not allowed' : 'That did not work'}</h1><div class="error" role="alert">${err.message}</div><p><a href="/">Back to the inbox</a></p>`;
    return send(reply, layout(chromeOf(req, reply), { title: err.status === 404 ? 'Not found' : 'Error', section: 'review', body }), err.status);
  });

  app.get('/', async (req, reply) => send(reply, await renderInbox(ctx, chromeOf(req, reply), parse(inboxQuery, req.query))));

  /** The review page with the reader's rights, and what a refused or finished action left to say. */
  const renderReview = async (req: FastifyRequest, reply: FastifyReply, s: AnalysisItem, extra: Partial<ReviewModel> = {}): Promise<string> => {
    const person = deps.person(req);
    const actor = { name: person.name, role: person.role };
    const source = sourceById(ctx.config, s.review.sourceId);
    const publisher = createPublisher(source?.publisher ?? { type: 'manual' });
    const replyText = extra.replyText ?? s.draft?.reply ?? '';
    const violations = extra.violations ?? (extra.replyText !== undefined ? checkGuardrails(replyText, actions.guardrailContext(ctx, s)).violations : (s.draft?.violations ?? []));
    const done = (req.query as { done?: string }).done;
    const people = (await ctx.people.list()).map((p) => ({ email: p.email, name: p.name }));
    const assignee = s.lifecycle.assignee;
    return reviewPage(chromeOf(req, reply), {
      stored: s,
      sla: slaState(s, slaFor(ctx.config, s.review.sourceId)),
      people,
      assignee: assignee ? (people.find((p) => p.email === assignee) ?? { email: assignee, name: assignee }) : undefined,
      history: await historyOf(ctx, s),
      publisher: { type: publisher.type, automatic: publisher.automatic },
      may: { respond: actions.can(actor, 'respond'), approve: actions.can(actor, 'approve') },
      defaultFollowUpSeconds: ctx.config.lifecycle.followUpAfterSeconds,
      notice: done ? DONE[done] : undefined,
      ...extra,
      replyText,
      violations,
    });
  };

  app.get('/reviews/:id', async (req, reply) => {
    const { id } = parse(reviewId, req.params);
    return send(reply, await renderReview(req, reply, await load(id)));
  });

  // The reply's guardrails as the person types: the API's own check, with the review's own context.
  app.post('/reviews/:id/check', async (req, reply) => {
    const { id } = parse(reviewId, req.params);
    const body = forms.check.safeParse(req.body ?? {});
    if (!body.success) return reply.code(400).send({ error: 'bad_request', message: problemOf(body.error) });
    const checked = checkGuardrails(body.data.text, actions.guardrailContext(ctx, await load(id)));
    return reply.header('cache-control', 'no-store').send({ violations: checked.violations, score: checked.score });
  });

  /**
   * Runs one action for a form post: on success, back to the review page (a reload repeats nothing); on a
   * refusal, the page again with the message, the status the refusal maps to, and what the person typed.
   */
  const act = (path: string, run: (id: string, body: unknown, req: FastifyRequest) => Promise<{ result: actions.ActionResult<object>; done: string; typed?: string | undefined }>): void => {
    app.post(`/reviews/:id/${path}`, async (req, reply) => {
      const { id } = parse(reviewId, req.params);
      let outcome: Awaited<ReturnType<typeof run>>;
      try {
        outcome = await run(id, req.body, req);
      } catch (err) {
        if (!(err instanceof PageError) || err.status !== 400) throw err;
        const typed = (req.body as { reply?: unknown } | undefined)?.reply;
        return send(reply, await renderReview(req, reply, await load(id), { problem: err.message, ...(typeof typed === 'string' ? { replyText: typed } : {}) }), 400);
      }
      const { result, done, typed } = outcome;
      if (result.ok) return reply.code(303).redirect(`/reviews/${encodeURIComponent(id)}?done=${done}`);
      if (result.reason === 'not_found') throw new PageError(404, `There is no review ${id}.`);
      const status = { conflict: 409, guardrails: 422, forbidden: 403, invalid: 400 }[result.reason];
      const violations = result.reason === 'guardrails' ? result.violations : undefined;
      return send(reply, await renderReview(req, reply, await load(id), { problem: result.message, ...(typed !== undefined ? { replyText: typed } : {}), ...(violations ? { violations } : {}) }), status);
    });
  };

  act('draft', async (id, body, req) => {
    const { reply } = parse(forms.draft, body);
    return { result: await actions.editDraft(ctx, id, { reply }, actorOf(req)), done: 'saved', typed: reply };
  });
  act('approve', async (id, body, req) => {
    const form = parse(forms.approve, body);
    const actor = actorOf(req);
    // The text in the box is what the owner approves: save it first when it differs from the draft.
    const current = await load(id);
    if (form.reply !== undefined && form.reply !== current.draft?.reply) {
      const edited = await actions.editDraft(ctx, id, { reply: form.reply }, actor);
      if (!edited.ok) return { result: edited, done: 'saved', typed: form.reply };
    }
    const result = await actions.approve(ctx, id, { override: form.override ? { reason: form.override } : undefined }, actor);
    return { result, done: 'approved', typed: form.reply };
  });
  act('acknowledge', async (id, _body, req) => ({ result: await actions.acknowledge(ctx, id, {}, actorOf(req)), done: 'acknowledged' }));
  act('posted', async (id, _body, req) => ({ result: await actions.markPosted(ctx, id, {}, actorOf(req)), done: 'posted' }));
  act('publish', async (id, _body, req) => ({ result: await actions.publishReply(ctx, id, {}, actorOf(req)), done: 'publishing' }));
  act('resolve', async (id, body, req) => {
    const form = parse(forms.resolve, body);
    return { result: await actions.resolve(ctx, id, { note: form.note, followUpAfterSeconds: form.followUpAfter }, actorOf(req)), done: 'resolved' };
  });
  act('follow-up', async (id, body, req) => {
    const { posted } = parse(forms.followUp, body);
    return { result: await actions.followUp(ctx, id, { posted }, actorOf(req)), done: posted ? 'followed_up' : 'sending' };
  });

  act('assign', async (id, body, req) => {
    const { assignee } = parse(forms.assign, body);
    return { result: await actions.assign(ctx, id, { email: assignee ?? null }, actorOf(req)), done: assignee ? 'assigned' : 'unassigned' };
  });

  app.get('/sources', async (req, reply) => {
    const visible = sourcesOf(ctx.config, deps.person(req).businesses);
    const sources = ctx.config.sources.filter((s) => !visible || visible.has(s.id));
    return send(reply, sourcesPage(chromeOf(req, reply), await Promise.all(sources.map((s) => sourceStatus(ctx.store, s))), new Date()));
  });

  // The weekly report as a page, and its charts as the PNGs the e-mail carries.
  const reportQuery = z.strictObject({ week: isoWeek.optional(), business: z.string().optional() });
  app.get('/reports/weekly', async (req, reply) => {
    const { week = reportedWeek(new Date()) } = parse(reportQuery, req.query);
    const scope = pageScope(req);
    const start = isoWeekStart(week).getTime();
    const next = isoWeekOf(new Date(start + 7 * 86_400_000)).label;
    const current = isoWeekOf(new Date()).label;
    return send(reply, reportPage(chromeOf(req, reply), await reportOf(ctx, week, scope.business), { previous: isoWeekOf(new Date(start - 86_400_000)).label, next: next <= current ? next : undefined, business: scope.business, picker: scope.picker }));
  });
  app.get('/reports/weekly/:week/:chart', async (req, reply) => {
    const { week, chart } = parse(z.object({ week: isoWeek, chart: z.enum(['volume.png', 'topics.png']) }), req.params);
    // The charts need only the two weeks' counters, not the whole report (its champions read flagged reviews).
    const found = reportCharts(await compareWeek(ctx.store, week, pageScope(req).sources)).find((c) => `${c.id}.png` === chart);
    if (!found) throw new PageError(404, `The report of ${week} has no ${chart} chart: no negative reviews by topic that week.`);
    return reply.type('image/png').header('cache-control', 'private, max-age=300').send(renderPng(barChartSvg(found.chart)));
  });

  const insightsQuery = z.strictObject({ weeks: z.coerce.number().refine((w) => (INSIGHT_WINDOWS as readonly number[]).includes(w), `weeks must be one of ${INSIGHT_WINDOWS.join(', ')}`).default(12), business: z.string().optional() });
  app.get('/insights', async (req, reply) => {
    const { weeks } = parse(insightsQuery, req.query);
    // Whole ISO weeks up to the one under way, read from the week counters: any history answers at once.
    const scope = pageScope(req);
    const { shown } = scope;
    const window = await ctx.store.counters.read(lastWeeks(new Date(), weeks).map((label) => ({ label, kind: 'week' as const })), scope.sources);
    const stats = statsFromCounters(window.periods, { byDay: false });
    const recent = await new InsightStore(ctx.redis, ctx.store.keys).recent(shown ? 50 : 5);
    const alerts = recent.filter((a) => insightVisible(a, shown)).slice(0, 5);
    return send(reply, insightsPage(chromeOf(req, reply), { weeks, stats, byWeek: weekFigures(window.periods), alerts, business: scope.business, picker: scope.picker }));
  });
}


/**
 * The pages for the workspace plugin's `pages` option: the assets (public), and the pages in a scope of
 * their own so their error page wraps only their own refusals.
 */
export function workspacePages(ctx: AppContext): (app: FastifyInstance, helpers: Pick<PageDeps, 'person' | 'csrfToken'>) => Promise<void> {
  const assets = loadAssets();
  return async (app, helpers) => {
    assetRoutes(app, assets);
    await app.register(async (scope) => pageRoutes(scope, { ctx, assets, ...helpers }));
  };
}
