import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../context.js';
import { reviewCsv } from '../csv.js';
import { acknowledge, approve, assign, editDraft, followUp, markPosted, publishReply, resolve, type ActionActor } from '../../lifecycle/actions.js';
import { isOverdue, SLA_FRESH_MS, type SlaHours } from '../../lifecycle/sla.js';
import { isRecovered, type HistoryEntry } from '../../lifecycle/states.js';
import type { AnalysisItem, ReviewFilter } from '../../store/review-store.js';
import type { Actor } from '../auth.js';
import { applied, notFound } from '../errors.js';
import { presentReview } from '../present.js';
import { both, listScope } from '../visibility.js';
import { slaFor } from '../../config/businesses.js';
import type { ListCache } from '../list-cache.js';
import type { RouteRegistry } from '../registry.js';
import { followUpOutcomeSchema, historySchema, replyOutcomeSchema, resolvedSchema, reviewPageSchema, reviewSchema, textSchema } from '../responses.js';
import { withCursor } from './alerts.js';
import {
  acknowledgeBody,
  assignBody,
  approveBody,
  draftBody,
  durationSeconds,
  followUpBody,
  replyBody,
  resolveBody,
  reviewIdParams,
  reviewCsvQuery,
  reviewListQuery,
} from '../schemas.js';

/** Reviews read from the store per step of a CSV export. */
const CSV_PAGE = 500;

/** The actor an API key's action is recorded under (keys have every right their scopes give). */
const actorOf = (a: Actor | undefined): ActionActor => ({ name: a?.name ?? 'anonymous' });

function matches(q: ReturnType<typeof reviewListQuery.parse>, sla: (sourceId: string) => SlaHours): ReviewFilter | undefined {
  const needle = q.q?.toLowerCase();
  const checks: ReviewFilter[] = [];
  if (q.status) checks.push((r) => q.status!.includes(r.status as never));
  if (q.severity) checks.push((r) => r.verdict !== undefined && q.severity!.includes(r.verdict.severity));
  if (q.topic) checks.push((r) => r.verdict?.topics.includes(q.topic!) ?? false);
  if (q.rating) checks.push((r) => r.review.rating !== undefined && q.rating!.includes(String(Math.round(r.review.rating)) as never));
  if (q.negative !== undefined) checks.push((r) => (r.verdict?.negative ?? false) === q.negative);
  if (q.recovered !== undefined) checks.push((r) => isRecovered(r.ratingHistory, r.lifecycle.repliedAt) === q.recovered);
  if (q.overdue !== undefined) {
    const now = Date.now();
    checks.push((r) => isOverdue(r, sla(r.review.sourceId), now) === q.overdue);
  }
  if (q.assignee) checks.push((r) => (r.lifecycle.assignee ?? 'none') === q.assignee!.toLowerCase());
  if (needle) checks.push((r) => `${r.review.title ?? ''}\n${r.review.text}\n${r.review.author ?? ''}`.toLowerCase().includes(needle));
  return checks.length ? (r) => checks.every((c) => c(r)) : undefined;
}

/** The reviews API: listing, one review, its history, and the lifecycle actions. */
export function reviewRoutes(api: RouteRegistry, ctx: AppContext, cache: ListCache): void {
  const sla = (sourceId: string): SlaHours => slaFor(ctx.config, sourceId);
  const present = (s: AnalysisItem): Record<string, unknown> => presentReview(s, sla(s.review.sourceId));
  const load = async (id: string): Promise<AnalysisItem> => {
    const stored = await ctx.store.get(id);
    if (!stored) throw notFound(`no review ${id}`);
    return stored;
  };

  /** Streams every review the query matches as CSV, page by page (bounded memory at any size). */
  const exportCsv = (query: ReturnType<typeof reviewListQuery.parse>, bom: boolean, reply: FastifyReply, actor: Actor | undefined): Readable => {
    const scope = listScope(ctx.config, actor, query);
    const filter = both(scope.filter, matches(query, sla));
    const rows = reviewCsv(
      (cursor) =>
        withCursor(() =>
          ctx.store.listing.listReviews({
            limit: CSV_PAGE,
            cursor,
            sourceId: scope.sourceId,
            businesses: scope.businesses,
            min: query.since ? Date.parse(query.since) : undefined,
            max: query.until ? Date.parse(query.until) - 1 : undefined,
            filter,
          }),
        ),
      { bom },
    );
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="reviews-${new Date().toISOString().slice(0, 10)}.csv"`).header('cache-control', 'no-store');
    return Readable.from(rows);
  };

  api.add(
    {
      method: 'GET',
      url: '/v1/reviews.csv',
      operationId: 'exportReviewsCsv',
      response: textSchema,
      produces: 'text/csv',
      tag: 'reviews',
      scope: 'read',
      summary: 'Every review the filters match, as CSV (RFC 4180, UTF-8), streamed',
      description: 'The same filters as listReviews (limit and cursor are ignored: every match is exported). `bom=true` starts the file with a UTF-8 byte order mark for Excel. Text cells that start like a formula get a leading apostrophe. `GET /v1/reviews` with `Accept: text/csv` answers the same.',
      query: reviewCsvQuery,
      errors: [404],
    },
    async ({ query, reply, actor }) => exportCsv(query, query.bom === true, reply, actor),
  );

  api.add({ method: 'GET', url: '/v1/reviews', operationId: 'listReviews', response: reviewPageSchema, alsoProduces: { 'text/csv': textSchema }, tag: 'reviews', scope: 'read', summary: 'All reviews, newest published first, filtered; cursor-paged (or all of them as CSV with Accept: text/csv)', query: reviewListQuery, errors: [404] }, async ({ query, req, reply, actor }) =>
    // A spreadsheet or BI tool asking for CSV gets the export (the whole match, not one page).
    /\btext\/csv\b/.test(req.headers.accept ?? '') && !/application\/json/.test(req.headers.accept ?? '') ? exportCsv(query, false, reply, actor) : cache.serve(req, reply, async () => {
      const scope = listScope(ctx.config, actor, query);
      const page = await withCursor(() =>
        ctx.store.listing.listReviews({
          limit: query.limit,
          cursor: query.cursor,
          sourceId: scope.sourceId,
          businesses: scope.businesses,
          min: query.since ? Date.parse(query.since) : undefined,
          max: query.until ? Date.parse(query.until) - 1 : undefined,
          filter: both(scope.filter, matches(query, sla)),
        }),
      );
      return { items: page.items.map((s) => present(s)), nextCursor: page.nextCursor };
    }, SLA_FRESH_MS),
  );

  api.add({ method: 'GET', url: '/v1/reviews/:id', operationId: 'getReview', response: reviewSchema, tag: 'reviews', scope: 'read', summary: 'One review with its verdict, draft, lifecycle and rating history', params: reviewIdParams, errors: [404] }, async ({ params }) =>
    present(await load(params.id)),
  );

  api.add({ method: 'GET', url: '/v1/reviews/:id/history', operationId: 'getReviewHistory', response: historySchema, tag: 'reviews', scope: 'read', summary: 'Every step of the review: stored, flagged, and each lifecycle action with time, actor and note', params: reviewIdParams, errors: [404] }, async ({ params }) => {
    const stored = await load(params.id);
    const system: HistoryEntry[] = [{ at: stored.createdAt, actor: 'system', action: 'stored', details: stored.backfill ? { baseline: true } : undefined }];
    if (stored.alertedAt) system.push({ at: stored.alertedAt, actor: 'system', action: 'flagged', details: { severity: stored.verdict?.severity } });
    if (stored.editedAt) system.push({ at: stored.editedAt, actor: 'reviewer', action: 'edited_by_reviewer', details: { ratings: stored.ratingHistory.map((r) => r.rating) } });
    const items = [...system, ...(await ctx.lifecycle.history(params.id))].sort((a, b) => a.at.localeCompare(b.at));
    return { items };
  });

  api.add({ method: 'POST', url: '/v1/reviews/:id/acknowledge', operationId: 'acknowledgeReview', response: reviewSchema, tag: 'lifecycle', scope: 'write', summary: 'The owner has seen the review: new → acknowledged', params: reviewIdParams, body: acknowledgeBody, errors: [404, 409] }, async ({ params, body, actor }) =>
    present(applied(await acknowledge(ctx, params.id, body, actorOf(actor))).review),
  );

  api.add(
    { method: 'POST', url: '/v1/reviews/:id/assign', operationId: 'assignReview', response: reviewSchema, tag: 'lifecycle', scope: 'write', summary: 'Assign the review to a person of the workspace (by e-mail), or to nobody (`email: null`)', params: reviewIdParams, body: assignBody, errors: [404, 422] },
    async ({ params, body, actor }) => present(applied(await assign(ctx, params.id, body, actorOf(actor))).review),
  );

  api.add(
    { method: 'PATCH', url: '/v1/reviews/:id/draft', operationId: 'editDraft', response: reviewSchema, tag: 'lifecycle', scope: 'write', summary: 'Edit the draft reply; guardrails run again and any approval is withdrawn', params: reviewIdParams, body: draftBody, errors: [404, 409] },
    async ({ params, body, actor }) => present(applied(await editDraft(ctx, params.id, body, actorOf(actor))).review),
  );

  api.add(
    {
      method: 'POST',
      url: '/v1/reviews/:id/approve',
      operationId: 'approveDraft',
      response: reviewSchema,
      tag: 'lifecycle',
      scope: 'write',
      summary: 'Approve the draft for publishing; a draft with guardrail violations needs an override with a reason',
      params: reviewIdParams,
      body: approveBody,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor }) => present(applied(await approve(ctx, params.id, body, actorOf(actor))).review),
  );

  api.add(
    {
      method: 'POST',
      url: '/v1/reviews/:id/reply',
      operationId: 'replyToReview',
      response: replyOutcomeSchema,
      otherResponses: { 200: reviewSchema },
      tag: 'lifecycle',
      scope: 'write',
      summary: 'Publish the approved reply through the source’s publisher, or record that it was posted by hand (`posted: true`)',
      description: 'With the manual publisher (the default) the reply is marked ready to post and returned; post it, then call again with `posted: true`. Automatic publishers post it in the background (202).',
      params: reviewIdParams,
      body: replyBody,
      status: 202,
      errors: [404, 409],
    },
    async ({ params, body, actor, reply }) => {
      if (body.posted) {
        const r = applied(await markPosted(ctx, params.id, body, actorOf(actor)));
        reply.code(200);
        return present(r.review);
      }
      const { review, outgoing } = applied(await publishReply(ctx, params.id, {}, actorOf(actor)));
      return {
        id: params.id,
        status: review.status,
        replyState: outgoing.state,
        publisher: outgoing.publisher,
        text: outgoing.text,
        ...(outgoing.state === 'ready_to_post' ? { url: review.review.url ?? null } : {}),
      };
    },
  );

  api.add(
    {
      method: 'POST',
      url: '/v1/reviews/:id/resolve',
      operationId: 'resolveReview',
      response: resolvedSchema,
      tag: 'lifecycle',
      scope: 'write',
      summary: 'The matter is resolved: replied → resolved, and a loop-closing follow-up is scheduled',
      description: '`followUpAfter` (seconds or an ISO-8601 duration, default from config `lifecycle.followUpAfterSeconds`) delays the follow-up; `note` says what changed and appears in it.',
      params: reviewIdParams,
      body: resolveBody,
      errors: [404, 409],
    },
    async ({ params, body, actor }) => {
      const followUpAfterSeconds = durationSeconds(body.followUpAfter ?? ctx.config.lifecycle.followUpAfterSeconds);
      const r = applied(await resolve(ctx, params.id, { note: body.note, followUpAfterSeconds }, actorOf(actor)));
      return { ...present(r.review), followUp: r.followUp };
    },
  );

  api.add(
    {
      method: 'POST',
      url: '/v1/reviews/:id/follow-up',
      operationId: 'followUpReview',
      response: followUpOutcomeSchema,
      otherResponses: { 200: reviewSchema },
      tag: 'lifecycle',
      scope: 'write',
      summary: 'Post the loop-closing follow-up now (or record that it was posted by hand): resolved → followed_up',
      params: reviewIdParams,
      body: followUpBody,
      status: 202,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, reply }) => {
      const r = applied(await followUp(ctx, params.id, body, actorOf(actor)));
      if (!r.outgoing) {
        reply.code(200);
        return present(r.review);
      }
      return { id: params.id, status: r.review.status, followUpState: r.outgoing.state, publisher: r.outgoing.publisher, text: r.review.lifecycle.followUpText ?? null };
    },
  );
}
