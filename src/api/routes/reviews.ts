import type { AppContext } from '../../context.js';
import type { Draft } from '../../domain/verdict.js';
import { checkGuardrails, draftFollowUp } from '../../draft/index.js';
import { draftContextFor } from '../../lifecycle/draft-context.js';
import { isRecovered, TRANSITIONS, type Action, type HistoryEntry } from '../../lifecycle/states.js';
import { createPublisher } from '../../publishers/index.js';
import type { QueueName } from '../../queues.js';
import type { AnalysisItem, ReviewFilter } from '../../store/review-store.js';
import type { TransitionResult } from '../../store/lifecycle-store.js';
import { HttpError, notFound } from '../errors.js';
import { presentReview } from '../present.js';
import type { ListCache } from '../list-cache.js';
import type { RouteRegistry } from '../registry.js';
import { withCursor } from './alerts.js';
import {
  acknowledgeBody,
  approveBody,
  draftBody,
  durationSeconds,
  followUpBody,
  replyBody,
  resolveBody,
  reviewIdParams,
  reviewListQuery,
} from '../schemas.js';

/** 409 for an illegal transition, carrying the current state. */
function conflict(action: Action, result: Exclude<TransitionResult, { ok: true }>, id: string): HttpError {
  if (result.reason === 'not_found') return notFound(`no review ${id}`);
  if (result.reason === 'missing') {
    return new HttpError(409, 'conflict', `cannot ${action.replace('_', '-')} review ${id}: ${result.field === 'approvedAt' ? 'approve the draft first' : `${result.field} is not set`}`, { status: result.status });
  }
  return new HttpError(409, 'conflict', `cannot ${action.replace('_', '-')} a review that is ${result.status} (allowed from: ${TRANSITIONS[action].from.join(', ')})`, { status: result.status, allowedFrom: TRANSITIONS[action].from });
}

/** 422 listing the guardrails a text breaks. */
function guardrailsBroken(what: string, violations: Draft['violations'], hint: string): HttpError {
  return new HttpError(422, 'guardrails', `the ${what} breaks ${violations.length} guardrail(s): ${violations.map((v) => v.rule).join(', ')}${hint}`, { violations });
}

/** Enqueues a publish job, re-running a failed one under the same id rather than being ignored as a twin. */
async function enqueuePublish(ctx: AppContext, id: string, kind: 'reply' | 'follow_up', delayMs = 0): Promise<void> {
  const queue = ctx.queues.queues['publish' satisfies QueueName];
  const jobId = `publish-${kind === 'reply' ? 'reply' : 'followup'}-${id}`;
  const existing = await queue.getJob(jobId);
  if (existing) {
    const state = await existing.getState();
    if (state === 'failed') return void (await existing.retry());
    if (state === 'delayed' && delayMs === 0) return void (await existing.promote());
    if (state !== 'completed') return;
    await existing.remove();
  }
  await ctx.queues.add('publish', jobId, { reviewId: id, kind }, delayMs ? { delay: delayMs } : {});
}

function matches(q: ReturnType<typeof reviewListQuery.parse>): ReviewFilter | undefined {
  const needle = q.q?.toLowerCase();
  const checks: ReviewFilter[] = [];
  if (q.status) checks.push((r) => q.status!.includes(r.status as never));
  if (q.severity) checks.push((r) => r.verdict !== undefined && q.severity!.includes(r.verdict.severity));
  if (q.topic) checks.push((r) => r.verdict?.topics.includes(q.topic!) ?? false);
  if (q.rating) checks.push((r) => r.review.rating !== undefined && q.rating!.includes(String(Math.round(r.review.rating)) as never));
  if (q.negative !== undefined) checks.push((r) => (r.verdict?.negative ?? false) === q.negative);
  if (q.recovered !== undefined) checks.push((r) => isRecovered(r.ratingHistory, r.lifecycle.repliedAt) === q.recovered);
  if (needle) checks.push((r) => `${r.review.title ?? ''}\n${r.review.text}\n${r.review.author ?? ''}`.toLowerCase().includes(needle));
  return checks.length ? (r) => checks.every((c) => c(r)) : undefined;
}

/** The reviews API: listing, one review, its history, and the lifecycle actions. */
export function reviewRoutes(api: RouteRegistry, ctx: AppContext, cache: ListCache): void {
  const load = async (id: string): Promise<AnalysisItem> => {
    const stored = await ctx.store.get(id);
    if (!stored) throw notFound(`no review ${id}`);
    return stored;
  };
  const actorName = (a: { name: string } | undefined): string => a?.name ?? 'anonymous';

  api.add({ method: 'GET', url: '/v1/reviews', tag: 'reviews', scope: 'read', summary: 'All reviews, newest published first, filtered; cursor-paged', query: reviewListQuery }, async ({ query, req, reply }) =>
    cache.serve(req, reply, async () => {
      const page = await withCursor(() =>
        ctx.store.listReviews({
          limit: query.limit,
          cursor: query.cursor,
          sourceId: query.source,
          min: query.since ? Date.parse(query.since) : undefined,
          max: query.until ? Date.parse(query.until) - 1 : undefined,
          filter: matches(query),
        }),
      );
      return { items: page.items.map(presentReview), nextCursor: page.nextCursor };
    }),
  );

  api.add({ method: 'GET', url: '/v1/reviews/:id', tag: 'reviews', scope: 'read', summary: 'One review with its verdict, draft, lifecycle and rating history', params: reviewIdParams, errors: [404] }, async ({ params }) =>
    presentReview(await load(params.id)),
  );

  api.add({ method: 'GET', url: '/v1/reviews/:id/history', tag: 'reviews', scope: 'read', summary: 'Every step of the review: stored, flagged, and each lifecycle action with time, actor and note', params: reviewIdParams, errors: [404] }, async ({ params }) => {
    const stored = await load(params.id);
    const system: HistoryEntry[] = [{ at: stored.createdAt, actor: 'system', action: 'stored', details: stored.backfill ? { baseline: true } : undefined }];
    if (stored.alertedAt) system.push({ at: stored.alertedAt, actor: 'system', action: 'flagged', details: { severity: stored.verdict?.severity } });
    if (stored.editedAt) system.push({ at: stored.editedAt, actor: 'reviewer', action: 'edited_by_reviewer', details: { ratings: stored.ratingHistory.map((r) => r.rating) } });
    const items = [...system, ...(await ctx.lifecycle.history(params.id))].sort((a, b) => a.at.localeCompare(b.at));
    return { items };
  });

  api.add({ method: 'POST', url: '/v1/reviews/:id/acknowledge', tag: 'lifecycle', scope: 'write', summary: 'The owner has seen the review: new → acknowledged', params: reviewIdParams, body: acknowledgeBody, errors: [404, 409] }, async ({ params, body, actor }) => {
    const r = await ctx.lifecycle.transition(params.id, 'acknowledge', { actor: actorName(actor), note: body.note });
    if (!r.ok) throw conflict('acknowledge', r, params.id);
    return presentReview(await load(params.id));
  });

  api.add(
    { method: 'PATCH', url: '/v1/reviews/:id/draft', tag: 'lifecycle', scope: 'write', summary: 'Edit the draft reply; guardrails run again and any approval is withdrawn', params: reviewIdParams, body: draftBody, errors: [404, 409] },
    async ({ params, body, actor }) => {
      const stored = await load(params.id);
      const dctx = draftContextFor(ctx.config, stored.review.sourceId);
      const checked = checkGuardrails(body.reply, guardrailContext(ctx, stored, dctx.maxLength));
      const draft = { reply: body.reply, violations: checked.violations, score: checked.score, editedBy: actorName(actor), editedAt: new Date().toISOString() };
      const r = await ctx.lifecycle.transition(params.id, 'edit_draft', {
        actor: actorName(actor),
        note: body.note,
        details: { violations: checked.violations.map((v) => v.rule) },
        fields: { draft: JSON.stringify(draft), approvedAt: '', approvedBy: '', approvalOverride: '', replyText: '' },
      });
      if (!r.ok) throw conflict('edit_draft', r, params.id);
      return presentReview(await load(params.id));
    },
  );

  api.add(
    {
      method: 'POST',
      url: '/v1/reviews/:id/approve',
      tag: 'lifecycle',
      scope: 'write',
      summary: 'Approve the draft for publishing; a draft with guardrail violations needs an override with a reason',
      params: reviewIdParams,
      body: approveBody,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor }) => {
      const stored = await load(params.id);
      if (!stored.draft) throw new HttpError(409, 'conflict', `review ${params.id} has no draft to approve`, { status: stored.status });
      const violations = stored.draft.violations;
      if (violations.length > 0 && !body.override) {
        throw guardrailsBroken('draft', violations, '; edit it or approve with an override');
      }
      const r = await ctx.lifecycle.transition(params.id, 'approve', {
        actor: actorName(actor),
        note: body.note,
        details: body.override ? { override: body.override.reason, violations: violations.map((v) => v.rule) } : undefined,
        fields: { approvedAt: new Date().toISOString(), approvedBy: actorName(actor), approvalOverride: body.override?.reason ?? '', replyText: stored.draft.reply },
        // Already approved with this text (and this override, if one is sent): a repeat changes nothing.
        unchangedIf: { status: 'acknowledged', approvedAt: true, replyText: stored.draft.reply, ...(body.override ? { approvalOverride: body.override.reason } : {}) },
      });
      if (!r.ok) throw conflict('approve', r, params.id);
      return presentReview(await load(params.id));
    },
  );

  api.add(
    {
      method: 'POST',
      url: '/v1/reviews/:id/reply',
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
      const stored = await load(params.id);
      if (body.posted) {
        const r = await ctx.lifecycle.transition(params.id, 'reply', { actor: actorName(actor), note: body.note ?? 'posted by hand', require: 'approvedAt', fields: { repliedAt: new Date().toISOString(), replyState: 'posted', publishError: '' } });
        if (!r.ok) throw conflict('reply', r, params.id);
        reply.code(200);
        return presentReview(await load(params.id));
      }
      if (stored.status !== 'acknowledged' || !stored.lifecycle.approvedAt) {
        throw conflict('reply', stored.status === 'acknowledged' ? { ok: false, reason: 'missing', status: stored.status, field: 'approvedAt' } : { ok: false, reason: 'illegal', status: stored.status as never }, params.id);
      }
      const source = ctx.config.sources.find((s) => s.id === stored.review.sourceId);
      const publisher = createPublisher(source?.publisher ?? { type: 'manual' });
      const text = stored.lifecycle.replyText ?? stored.draft?.reply ?? '';
      if (!publisher.automatic) {
        await ctx.lifecycle.setFields(params.id, { replyState: 'ready_to_post' });
        return { id: params.id, status: stored.status, replyState: 'ready_to_post', publisher: publisher.type, text, url: stored.review.url ?? null };
      }
      await ctx.lifecycle.setFields(params.id, { replyState: 'publishing', publishError: '' });
      await enqueuePublish(ctx, params.id, 'reply');
      return { id: params.id, status: stored.status, replyState: 'publishing', publisher: publisher.type, text };
    },
  );

  api.add(
    {
      method: 'POST',
      url: '/v1/reviews/:id/resolve',
      tag: 'lifecycle',
      scope: 'write',
      summary: 'The matter is resolved: replied → resolved, and a loop-closing follow-up is scheduled',
      description: '`followUpAfter` (seconds or an ISO-8601 duration, default from config `lifecycle.followUpAfter`) delays the follow-up; `note` says what changed and appears in it.',
      params: reviewIdParams,
      body: resolveBody,
      errors: [404, 409],
    },
    async ({ params, body, actor }) => {
      const stored = await load(params.id);
      const dctx = draftContextFor(ctx.config, stored.review.sourceId);
      const followUp = draftFollowUp(stored.review, { note: body.note, originalReply: stored.lifecycle.replyText ?? stored.draft?.reply, verdict: stored.verdict }, dctx);
      const delaySeconds = durationSeconds(body.followUpAfter ?? ctx.config.lifecycle.followUpAfterSeconds);
      const due = new Date(Date.now() + delaySeconds * 1000).toISOString();
      const r = await ctx.lifecycle.transition(params.id, 'resolve', {
        actor: actorName(actor),
        note: body.note,
        details: { followUpDueAt: due },
        fields: { resolvedAt: new Date().toISOString(), resolveNote: body.note ?? '', followUpText: followUp.combined.reply, followUpDueAt: due, followUpState: 'scheduled' },
      });
      if (!r.ok) throw conflict('resolve', r, params.id);
      await enqueuePublish(ctx, params.id, 'follow_up', delaySeconds * 1000);
      return { ...presentReview(await load(params.id)), followUp: { text: followUp.combined.reply, violations: followUp.combined.violations, dueAt: due } };
    },
  );

  api.add(
    {
      method: 'POST',
      url: '/v1/reviews/:id/follow-up',
      tag: 'lifecycle',
      scope: 'write',
      summary: 'Post the loop-closing follow-up now (or record that it was posted by hand): resolved → followed_up',
      params: reviewIdParams,
      body: followUpBody,
      status: 202,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, reply }) => {
      const stored = await load(params.id);
      if (stored.status !== 'resolved') throw conflict('follow_up', { ok: false, reason: 'illegal', status: stored.status as never }, params.id);
      if (body.text) {
        const dctx = draftContextFor(ctx.config, stored.review.sourceId);
        const checked = checkGuardrails(body.text, { ...guardrailContext(ctx, stored, dctx.maxLength), kind: 'reply' });
        if (checked.violations.length && !body.override) {
          throw guardrailsBroken('follow-up', checked.violations, '; change it or send an override');
        }
        await ctx.lifecycle.setFields(params.id, { followUpText: body.text });
        await ctx.lifecycle.record(params.id, { at: new Date().toISOString(), actor: actorName(actor), action: 'follow_up', note: 'follow-up text edited', details: body.override ? { override: body.override.reason } : undefined });
      }
      const job = await ctx.queues.queues.publish.getJob(`publish-followup-${params.id}`);
      if (body.posted) {
        const r = await ctx.lifecycle.transition(params.id, 'follow_up', { actor: actorName(actor), note: body.note ?? 'posted by hand', fields: { followedUpAt: new Date().toISOString(), followUpState: 'posted', publishError: '' } });
        if (!r.ok) throw conflict('follow_up', r, params.id);
        if (job && (await job.getState()) === 'delayed') await job.remove();
        reply.code(200);
        return presentReview(await load(params.id));
      }
      await enqueuePublish(ctx, params.id, 'follow_up');
      const source = ctx.config.sources.find((s) => s.id === stored.review.sourceId);
      const publisher = createPublisher(source?.publisher ?? { type: 'manual' });
      const current = await load(params.id);
      return { id: params.id, status: current.status, followUpState: publisher.automatic ? 'publishing' : 'ready_to_post', publisher: publisher.type, text: current.lifecycle.followUpText ?? null };
    },
  );
}

/** What the guardrails need to judge a reply to this review. */
function guardrailContext(ctx: AppContext, stored: AnalysisItem, maxLength: number | undefined) {
  const contact = ctx.config.business.contact;
  return {
    maxLength,
    kind: 'reply' as const,
    contacts: [contact],
    review: { text: stored.review.text, title: stored.review.title },
    language: stored.verdict?.language,
  };
}
