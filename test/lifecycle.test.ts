import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { checkedApi } from './helpers/api.js';
import { classify } from '../src/classify/index.js';
import type { AppContext } from '../src/context.js';
import { draftReply } from '../src/draft/index.js';
import type { Review } from '../src/domain/review.js';
import { makeReview } from './helpers/factories.js';
import { testContext } from './helpers/context.js';

const WRITER = 'writer-key-0123456789';
const READER = 'reader-key-0123456789';
const as = (key: string) => ({ authorization: `Bearer ${key}` });

describe('review lifecycle over HTTP', () => {
  let app: FastifyInstance | undefined;
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await app?.close();
    await close?.();
    app = undefined;
    close = undefined;
  });

  async function setup(): Promise<{ ctx: AppContext; review: Review; api: FastifyInstance }> {
    const t = await testContext({
      api: { keys: [{ name: 'maya', key: WRITER, scopes: ['read', 'write'] }, { name: 'dashboard', key: READER, scopes: ['read'] }] },
      sources: [{ id: 'harbor', type: 'rss', url: 'https://reviews.example.com/h.rss', schedule: '* * * * *' }],
    });
    close = t.close;
    const review = makeReview('harbor', { author: 'Ana Silva', rating: 1, title: 'Cold food', text: 'We waited 50 minutes and the soup was cold.' });
    await t.ctx.store.upsertReviews([review], { backfill: false });
    const verdict = classify({ text: review.text, title: review.title, rating: review.rating });
    const draft = draftReply(review, verdict, { business: t.ctx.config.business });
    await t.ctx.store.saveAnalyses([{ id: review.id, sourceId: 'harbor', hash: review.contentHash, verdict, draft, flag: true }]);
    app = await checkedApi(t.ctx);
    return { ctx: t.ctx, review, api: app };
  }

  it('walks new → acknowledged → replied → resolved → followed_up, recording actor and notes', async () => {
    const { ctx, review, api } = await setup();
    const post = (path: string, body: unknown = {}) => api.inject({ method: 'POST', url: `/v1/reviews/${review.id}/${path}`, headers: as(WRITER), payload: body as object });

    expect((await post('acknowledge', { note: 'calling the guest' })).json()).toMatchObject({ status: 'acknowledged' });
    const approved = await post('approve');
    expect(approved.json()).toMatchObject({ status: 'acknowledged', lifecycle: { approvedBy: 'maya' } });

    // Manual publisher (default): the reply is handed back ready to post…
    const ready = await post('reply');
    expect(ready.statusCode).toBe(202);
    expect(ready.json()).toMatchObject({ replyState: 'ready_to_post', publisher: 'manual', text: expect.stringContaining('care@harborbistro.example') });
    // …and the operator confirms it went out.
    // Recording a reply done by hand changes the review now: 200 with it (202 is for the publisher's work).
    const posted = await post('reply', { posted: true });
    expect(posted.statusCode).toBe(200);
    expect(posted.json()).toMatchObject({ status: 'replied', lifecycle: { replyState: 'posted' } });

    const resolved = await post('resolve', { note: 'We added a second cook on weekends', followUpAfter: 'PT2H' });
    expect(resolved.statusCode).toBe(200);
    const body = resolved.json<{ status: string; followUp: { text: string; dueAt: string } }>();
    expect(body.status).toBe('resolved');
    expect(body.followUp.text).toContain('second cook on weekends');
    const job = await ctx.queues.queues.publish.getJob(`publish-followup-${review.id}`);
    expect(await job?.getState()).toBe('delayed');
    expect(Date.parse(body.followUp.dueAt) - Date.now()).toBeGreaterThan(7_100_000);

    const followedUp = await post('follow-up', { posted: true });
    expect(followedUp.statusCode).toBe(200);
    expect(followedUp.json()).toMatchObject({ status: 'followed_up', lifecycle: { followUpState: 'posted' } });
    expect(await ctx.queues.queues.publish.getJob(`publish-followup-${review.id}`)).toBeUndefined();

    const history = (await api.inject({ url: `/v1/reviews/${review.id}/history`, headers: as(READER) })).json<{ items: { action: string; actor: string; from?: string; to?: string; note?: string }[] }>();
    expect(history.items.map((h) => h.action)).toEqual(['stored', 'flagged', 'acknowledge', 'approve', 'reply', 'resolve', 'follow_up']);
    expect(history.items[2]).toMatchObject({ actor: 'maya', from: 'new', to: 'acknowledged', note: 'calling the guest' });
    expect(history.items.at(-1)).toMatchObject({ actor: 'maya', from: 'resolved', to: 'followed_up' });
  });

  it('answers an illegal transition with 409 and the current state', async () => {
    const { review, api } = await setup();
    const res = await api.inject({ method: 'POST', url: `/v1/reviews/${review.id}/resolve`, headers: as(WRITER), payload: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'conflict', details: { status: 'new' } });
    const early = await api.inject({ method: 'POST', url: `/v1/reviews/${review.id}/reply`, headers: as(WRITER), payload: {} });
    expect(early.statusCode).toBe(409);
    await api.inject({ method: 'POST', url: `/v1/reviews/${review.id}/acknowledge`, headers: as(WRITER), payload: {} });
    const unapproved = await api.inject({ method: 'POST', url: `/v1/reviews/${review.id}/reply`, headers: as(WRITER), payload: { posted: true } });
    expect(unapproved.statusCode).toBe(409);
    expect(unapproved.json<{ message: string }>().message).toMatch(/approve the draft first/);
  });

  it('re-runs the guardrails on an edited draft and refuses approval without a recorded override', async () => {
    const { review, api } = await setup();
    const edited = await api.inject({
      method: 'PATCH',
      url: `/v1/reviews/${review.id}/draft`,
      headers: as(WRITER),
      payload: { reply: 'Honestly you are wrong, the soup was fine. Please remove your review and we will give you a free dessert.' },
    });
    expect(edited.statusCode).toBe(200);
    const rules = edited.json<{ draft: { violations: { rule: string }[] } }>().draft.violations.map((v) => v.rule);
    expect(rules.length).toBeGreaterThanOrEqual(3);
    const refused = await api.inject({ method: 'POST', url: `/v1/reviews/${review.id}/approve`, headers: as(WRITER), payload: {} });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: 'guardrails' });
    const forced = await api.inject({ method: 'POST', url: `/v1/reviews/${review.id}/approve`, headers: as(WRITER), payload: { override: { reason: 'owner insists' } } });
    expect(forced.json()).toMatchObject({ lifecycle: { approvalOverride: 'owner insists' } });
    const history = (await api.inject({ url: `/v1/reviews/${review.id}/history`, headers: as(WRITER) })).json<{ items: { action: string; details?: { override?: string } }[] }>();
    expect(history.items.find((h) => h.action === 'approve')?.details?.override).toBe('owner insists');
  });

  it('records one approval when the same draft is approved 20 times at once, and a new override or an edited draft again', async () => {
    const { review, api } = await setup();
    const approve = (payload: object = {}) => api.inject({ method: 'POST', url: `/v1/reviews/${review.id}/approve`, headers: as(WRITER), payload });
    const approvals = () =>
      api.inject({ url: `/v1/reviews/${review.id}/history`, headers: as(READER) }).then((r) => r.json<{ items: { action: string; details?: { override?: string } }[] }>().items.filter((h) => h.action === 'approve'));

    const answers = await Promise.all(Array.from({ length: 20 }, () => approve()));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(200));
    const approvedAt = new Set(answers.map((a) => a.json<{ lifecycle: { approvedAt: string } }>().lifecycle.approvedAt));
    expect(approvedAt.size).toBe(1);
    expect(await approvals()).toHaveLength(1);

    // An override with a reason is a new decision worth recording; repeating it is not.
    await Promise.all([approve({ override: { reason: 'owner wants it out today' } }), approve({ override: { reason: 'owner wants it out today' } })]);
    expect((await approvals()).map((h) => h.details?.override)).toEqual([undefined, 'owner wants it out today']);

    // After an edit the new text needs (and gets) its own approval.
    await api.inject({ method: 'PATCH', url: `/v1/reviews/${review.id}/draft`, headers: as(WRITER), payload: { reply: 'Ana, thank you for telling us and sorry the soup arrived cold after a long wait. Please write to care@harborbistro.example so we can make it right.' } });
    await Promise.all([approve(), approve()]);
    expect(await approvals()).toHaveLength(3);
  });

  it('lets a read-only key read but not act, and offers no way to delete a review', async () => {
    const { review, api } = await setup();
    expect((await api.inject({ url: `/v1/reviews/${review.id}`, headers: as(READER) })).statusCode).toBe(200);
    const denied = await api.inject({ method: 'POST', url: `/v1/reviews/${review.id}/acknowledge`, headers: as(READER), payload: {} });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ error: 'forbidden' });
    expect((await api.inject({ method: 'DELETE', url: `/v1/reviews/${review.id}`, headers: as(WRITER) })).statusCode).toBe(405);
  });

  it('rejects malformed bodies naming the field', async () => {
    const { review, api } = await setup();
    const res = await api.inject({ method: 'POST', url: `/v1/reviews/${review.id}/resolve`, headers: as(WRITER), payload: { followUpAfter: 'tomorrow', extra: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toMatch(/body\.followUpAfter/);
    expect(res.json<{ message: string }>().message).toMatch(/body: Unrecognized key.*extra/);
  });
});
