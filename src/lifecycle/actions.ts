import type { AppContext } from '../context.js';
import type { Draft } from '../domain/verdict.js';
import type { PersonRole } from '../domain/person.js';
import { checkGuardrails, draftFollowUp } from '../draft/index.js';
import { createPublisher } from '../publishers/index.js';
import type { QueueName } from '../queues.js';
import type { AnalysisItem } from '../store/review-store.js';
import type { TransitionResult } from '../store/lifecycle-store.js';
import { businessIdOf, ownerView, sourceById } from '../config/businesses.js';
import { sourceOfReviewId } from '../domain/review.js';
import { draftContextFor } from './draft-context.js';
import { TRANSITIONS, type Action } from './states.js';

/**
 * The lifecycle actions a person (workspace, Slack) or an API key applies to a review: one function per
 * action, the only place their rules live. The HTTP layer, the pages and the Slack endpoint call these and
 * map a refusal to their own answer.
 */

/** What the actions need from the application context. */
export type ActionDeps = Pick<AppContext, 'config' | 'store' | 'lifecycle' | 'queues' | 'people'>;

/** Who acts: a person (with a role) or an API key (no role: keys have every right their scopes give). */
export interface ActionActor {
  name: string;
  role?: PersonRole | undefined;
}

/** Why an action was not applied; the HTTP layer maps `reason` to 404, 409, 422 or 403. */
export type Refusal =
  | { ok: false; reason: 'not_found'; message: string }
  | { ok: false; reason: 'conflict'; message: string; details: Record<string, unknown> }
  | { ok: false; reason: 'guardrails'; message: string; violations: Draft['violations'] }
  | { ok: false; reason: 'forbidden'; message: string }
  | { ok: false; reason: 'invalid'; message: string };

/** An applied action: the review as stored afterwards, plus what the action adds. */
export type Done<T = object> = { ok: true; review: AnalysisItem } & T;
export type ActionResult<T = object> = Done<T> | Refusal;

/** What each role may do; a missing role (an API key) may do everything. */
export type Permission = 'read' | 'respond' | 'approve' | 'manage_people';
const GRANTS: Record<PersonRole, ReadonlySet<Permission>> = {
  viewer: new Set(['read']),
  responder: new Set(['read', 'respond']),
  owner: new Set(['read', 'respond', 'approve', 'manage_people']),
};

/** Whether `actor` holds `permission`. */
export function can(actor: ActionActor, permission: Permission): boolean {
  return actor.role === undefined || GRANTS[actor.role].has(permission);
}

const WHAT: Record<Permission, string> = {
  read: 'read reviews',
  respond: 'act on reviews',
  approve: 'approve replies or override guardrails',
  manage_people: 'manage people',
};

function forbidden(actor: ActionActor, permission: Permission): Refusal {
  return { ok: false, reason: 'forbidden', message: `${actor.name} (${actor.role}) may not ${WHAT[permission]}; ask an owner` };
}

const notFound = (id: string): Refusal => ({ ok: false, reason: 'not_found', message: `no review ${id}` });

/** The refusal for an illegal transition, carrying the current state. */
function conflict(action: Action, result: Exclude<TransitionResult, { ok: true }>, id: string): Refusal {
  if (result.reason === 'not_found') return notFound(id);
  const verb = action.replace('_', '-');
  if (result.reason === 'missing') {
    return { ok: false, reason: 'conflict', message: `cannot ${verb} review ${id}: ${result.field === 'approvedAt' ? 'approve the draft first' : `${result.field} is not set`}`, details: { status: result.status } };
  }
  return { ok: false, reason: 'conflict', message: `cannot ${verb} a review that is ${result.status} (allowed from: ${TRANSITIONS[action].from.join(', ')})`, details: { status: result.status, allowedFrom: TRANSITIONS[action].from } };
}

/** The refusal listing the guardrails a text breaks. */
function guardrailsBroken(what: string, violations: Draft['violations'], hint: string): Refusal {
  return { ok: false, reason: 'guardrails', message: `the ${what} breaks ${violations.length} guardrail(s): ${violations.map((v) => v.rule).join(', ')}${hint}`, violations };
}

/** What the guardrails need to judge a reply to this review. */
export function guardrailContext(deps: Pick<ActionDeps, 'config'>, stored: AnalysisItem) {
  const dctx = draftContextFor(deps.config, stored.review.sourceId);
  return {
    maxLength: dctx.maxLength,
    kind: 'reply' as const,
    contacts: [ownerView(deps.config, stored.review.sourceId).business.contact],
    review: { text: stored.review.text, title: stored.review.title },
    language: stored.verdict?.language,
  };
}

/** The publish queue holding a review's jobs: its business's shard. */
const publishQueueOf = (deps: Pick<ActionDeps, 'config' | 'queues'>, id: string) => deps.queues.ofBusiness('publish' satisfies QueueName, businessIdOf(deps.config, sourceOfReviewId(id)));

/** Enqueues a publish job, re-running a failed one under the same id rather than being ignored as a twin. */
async function enqueuePublish(deps: ActionDeps, id: string, kind: 'reply' | 'follow_up', delayMs = 0): Promise<void> {
  const queue = publishQueueOf(deps, id);
  const jobId = `publish-${kind === 'reply' ? 'reply' : 'followup'}-${id}`;
  const existing = await queue.getJob(jobId);
  if (existing) {
    const state = await existing.getState();
    if (state === 'failed') return void (await existing.retry());
    if (state === 'delayed' && delayMs === 0) return void (await existing.promote());
    if (state !== 'completed') return;
    await existing.remove();
  }
  await deps.queues.add('publish', jobId, { reviewId: id, kind }, delayMs ? { delay: delayMs } : {});
}

const publisherOf = (deps: ActionDeps, stored: AnalysisItem) => createPublisher(sourceById(deps.config, stored.review.sourceId)?.publisher ?? { type: 'manual' });

/** The review after a successful step (it exists: the step just changed it). */
async function done<T extends object>(deps: ActionDeps, id: string, extra?: T): Promise<ActionResult<T>> {
  const review = await deps.store.get(id);
  return review ? ({ ok: true, review, ...(extra ?? ({} as T)) } as Done<T>) : notFound(id);
}

/** The owner has seen the review: new → acknowledged. */
export async function acknowledge(deps: ActionDeps, id: string, input: { note?: string | undefined }, actor: ActionActor): Promise<ActionResult> {
  if (!can(actor, 'respond')) return forbidden(actor, 'respond');
  const r = await deps.lifecycle.transition(id, 'acknowledge', { actor: actor.name, note: input.note });
  return r.ok ? done(deps, id) : conflict('acknowledge', r, id);
}

/** Replaces the draft reply: guardrails run again and any approval is withdrawn. */
export async function editDraft(deps: ActionDeps, id: string, input: { reply: string; note?: string | undefined }, actor: ActionActor): Promise<ActionResult> {
  if (!can(actor, 'respond')) return forbidden(actor, 'respond');
  const stored = await deps.store.get(id);
  if (!stored) return notFound(id);
  const checked = checkGuardrails(input.reply, guardrailContext(deps, stored));
  const draft = { reply: input.reply, violations: checked.violations, score: checked.score, editedBy: actor.name, editedAt: new Date().toISOString() };
  const r = await deps.lifecycle.transition(id, 'edit_draft', {
    actor: actor.name,
    note: input.note,
    details: { violations: checked.violations.map((v) => v.rule) },
    fields: { draft: JSON.stringify(draft), approvedAt: '', approvedBy: '', approvalOverride: '', replyText: '' },
  });
  return r.ok ? done(deps, id) : conflict('edit_draft', r, id);
}

/**
 * Approves the draft for publishing. Only owners (and API keys) approve; a draft breaking guardrails needs
 * an override with a reason; a critical review is approved by an owner only.
 */
export async function approve(
  deps: ActionDeps,
  id: string,
  input: { override?: { reason: string } | undefined; note?: string | undefined },
  actor: ActionActor,
): Promise<ActionResult> {
  const stored = await deps.store.get(id);
  if (!stored) return notFound(id);
  if (stored.verdict?.severity === 'critical' && actor.role !== undefined && actor.role !== 'owner') {
    return { ok: false, reason: 'forbidden', message: `review ${id} is critical: only an owner can approve its reply` };
  }
  if (!can(actor, 'approve')) return forbidden(actor, 'approve');
  if (!stored.draft) return { ok: false, reason: 'conflict', message: `review ${id} has no draft to approve`, details: { status: stored.status } };
  const violations = stored.draft.violations;
  if (violations.length > 0 && !input.override) return guardrailsBroken('draft', violations, '; edit it or approve with an override');
  const r = await deps.lifecycle.transition(id, 'approve', {
    actor: actor.name,
    note: input.note,
    details: input.override ? { override: input.override.reason, violations: violations.map((v) => v.rule) } : undefined,
    fields: { approvedAt: new Date().toISOString(), approvedBy: actor.name, approvalOverride: input.override?.reason ?? '', replyText: stored.draft.reply },
    // Already approved with this text (and this override, if one is sent): a repeat changes nothing.
    unchangedIf: { status: 'acknowledged', approvedAt: true, replyText: stored.draft.reply, ...(input.override ? { approvalOverride: input.override.reason } : {}) },
  });
  return r.ok ? done(deps, id) : conflict('approve', r, id);
}

/** Records that the approved reply was posted by hand: acknowledged → replied. */
export async function markPosted(deps: ActionDeps, id: string, input: { note?: string | undefined }, actor: ActionActor): Promise<ActionResult> {
  if (!can(actor, 'respond')) return forbidden(actor, 'respond');
  const r = await deps.lifecycle.transition(id, 'reply', { actor: actor.name, note: input.note ?? 'posted by hand', require: 'approvedAt', fields: { repliedAt: new Date().toISOString(), replyState: 'posted', publishError: '' } });
  return r.ok ? done(deps, id) : conflict('reply', r, id);
}

/** How a reply or follow-up goes out: handed back to post by hand, or being posted by the publisher. */
export interface Outgoing {
  state: 'ready_to_post' | 'publishing';
  publisher: string;
  text: string;
}

/**
 * Sends the approved reply: an automatic publisher posts it in the background; with the manual one it is
 * marked ready to post and handed back (post it, then `markPosted`).
 */
export async function publishReply(deps: ActionDeps, id: string, _input: object, actor: ActionActor): Promise<ActionResult<{ outgoing: Outgoing }>> {
  if (!can(actor, 'respond')) return forbidden(actor, 'respond');
  const stored = await deps.store.get(id);
  if (!stored) return notFound(id);
  if (stored.status !== 'acknowledged' || !stored.lifecycle.approvedAt) {
    return conflict('reply', stored.status === 'acknowledged' ? { ok: false, reason: 'missing', status: stored.status, field: 'approvedAt' } : { ok: false, reason: 'illegal', status: stored.status as never }, id);
  }
  const publisher = publisherOf(deps, stored);
  const text = stored.lifecycle.replyText ?? stored.draft?.reply ?? '';
  if (!publisher.automatic) {
    await deps.lifecycle.setFields(id, { replyState: 'ready_to_post' });
    return done(deps, id, { outgoing: { state: 'ready_to_post' as const, publisher: publisher.type, text } });
  }
  await deps.lifecycle.setFields(id, { replyState: 'publishing', publishError: '' });
  await enqueuePublish(deps, id, 'reply');
  return done(deps, id, { outgoing: { state: 'publishing' as const, publisher: publisher.type, text } });
}

/** The matter is resolved: replied → resolved, and the loop-closing follow-up is drafted and scheduled. */
export async function resolve(
  deps: ActionDeps,
  id: string,
  input: { note?: string | undefined; followUpAfterSeconds: number },
  actor: ActionActor,
): Promise<ActionResult<{ followUp: { text: string; violations: Draft['violations']; dueAt: string } }>> {
  if (!can(actor, 'respond')) return forbidden(actor, 'respond');
  const stored = await deps.store.get(id);
  if (!stored) return notFound(id);
  const dctx = draftContextFor(deps.config, stored.review.sourceId);
  const followUp = draftFollowUp(stored.review, { note: input.note, originalReply: stored.lifecycle.replyText ?? stored.draft?.reply, verdict: stored.verdict }, dctx);
  const due = new Date(Date.now() + input.followUpAfterSeconds * 1000).toISOString();
  const r = await deps.lifecycle.transition(id, 'resolve', {
    actor: actor.name,
    note: input.note,
    details: { followUpDueAt: due },
    fields: { resolvedAt: new Date().toISOString(), resolveNote: input.note ?? '', followUpText: followUp.combined.reply, followUpDueAt: due, followUpState: 'scheduled' },
  });
  if (!r.ok) return conflict('resolve', r, id);
  await enqueuePublish(deps, id, 'follow_up', input.followUpAfterSeconds * 1000);
  return done(deps, id, { followUp: { text: followUp.combined.reply, violations: followUp.combined.violations, dueAt: due } });
}

/**
 * Sends the loop-closing follow-up now, or records that it was posted by hand (`posted`): resolved →
 * followed_up. A replacement `text` is checked by the guardrails; overriding them is an owner's call.
 */
export async function followUp(
  deps: ActionDeps,
  id: string,
  input: { posted: boolean; text?: string | undefined; override?: { reason: string } | undefined; note?: string | undefined },
  actor: ActionActor,
): Promise<ActionResult<{ outgoing?: Outgoing }>> {
  if (!can(actor, 'respond')) return forbidden(actor, 'respond');
  const stored = await deps.store.get(id);
  if (!stored) return notFound(id);
  if (stored.status !== 'resolved') return conflict('follow_up', { ok: false, reason: 'illegal', status: stored.status as never }, id);
  if (input.text) {
    const checked = checkGuardrails(input.text, guardrailContext(deps, stored));
    if (checked.violations.length && !input.override) return guardrailsBroken('follow-up', checked.violations, '; change it or send an override');
    if (checked.violations.length && !can(actor, 'approve')) return forbidden(actor, 'approve');
    await deps.lifecycle.setFields(id, { followUpText: input.text });
    await deps.lifecycle.record(id, { at: new Date().toISOString(), actor: actor.name, action: 'follow_up', note: 'follow-up text edited', details: input.override ? { override: input.override.reason } : undefined });
  }
  const job = await publishQueueOf(deps, id).getJob(`publish-followup-${id}`);
  if (input.posted) {
    const r = await deps.lifecycle.transition(id, 'follow_up', { actor: actor.name, note: input.note ?? 'posted by hand', fields: { followedUpAt: new Date().toISOString(), followUpState: 'posted', publishError: '' } });
    if (!r.ok) return conflict('follow_up', r, id);
    if (job && (await job.getState()) === 'delayed') await job.remove();
    return done(deps, id, {});
  }
  await enqueuePublish(deps, id, 'follow_up');
  const publisher = publisherOf(deps, stored);
  const current = await deps.store.get(id);
  if (!current) return notFound(id);
  return { ok: true, review: current, outgoing: { state: publisher.automatic ? 'publishing' : 'ready_to_post', publisher: publisher.type, text: current.lifecycle.followUpText ?? '' } };
}

/** Assigns the review to a person of the workspace (by e-mail), or to nobody (`null`). */
export async function assign(deps: ActionDeps, id: string, input: { email: string | null; note?: string | undefined }, actor: ActionActor): Promise<ActionResult> {
  if (!can(actor, 'respond')) return forbidden(actor, 'respond');
  const person = input.email === null ? undefined : await deps.people.get(input.email);
  if (input.email !== null && !person) return { ok: false, reason: 'invalid', message: `no person with e-mail ${input.email.toLowerCase()} (add one: review-monitor users add)` };
  if (!person) {
    // Unassigning a review nobody has: nothing to record.
    const stored = await deps.store.get(id);
    if (!stored) return notFound(id);
    if (!stored.lifecycle.assignee) return { ok: true, review: stored };
  }
  const r = await deps.lifecycle.transition(id, 'assign', {
    actor: actor.name,
    note: input.note,
    details: { assignee: person?.email ?? null, ...(person ? { name: person.name } : {}) },
    fields: { assignee: person?.email ?? '' },
    unchangedIf: person ? { assignee: person.email } : undefined,
  });
  return r.ok ? done(deps, id) : conflict('assign', r, id);
}
