import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context.js';
import { acknowledge, approve, editDraft, followUp, markPosted, resolve, type ActionActor } from '../src/lifecycle/actions.js';
import { seedFlagged } from './helpers/alerts.js';
import { testContext } from './helpers/context.js';

const OWNER: ActionActor = { name: 'Maya Owner', role: 'owner' };
const RESPONDER: ActionActor = { name: 'Rui Responder', role: 'responder' };
const VIEWER: ActionActor = { name: 'Vera Viewer', role: 'viewer' };
const KEY: ActionActor = { name: 'ci-key' };

describe('lifecycle actions and role rules', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function setup(severity: 'high' | 'critical' = 'high'): Promise<{ ctx: AppContext; id: string }> {
    const t = await testContext();
    close = t.close;
    const id = await seedFlagged(t.ctx, { verdict: { severity }, enqueue: false });
    return { ctx: t.ctx, id };
  }

  it('a viewer reads only: every action is refused and nothing changes', async () => {
    const { ctx, id } = await setup();
    for (const attempt of [
      () => acknowledge(ctx, id, {}, VIEWER),
      () => editDraft(ctx, id, { reply: 'Thank you, we are sorry. Please write to care@harborbistro.example.' }, VIEWER),
      () => approve(ctx, id, {}, VIEWER),
      () => markPosted(ctx, id, {}, VIEWER),
      () => resolve(ctx, id, { followUpAfterSeconds: 60 }, VIEWER),
      () => followUp(ctx, id, { posted: true }, VIEWER),
    ]) {
      const r = await attempt();
      expect(r).toMatchObject({ ok: false, reason: 'forbidden' });
    }
    expect((await ctx.store.get(id))?.status).toBe('new');
    expect(await ctx.lifecycle.history(id)).toEqual([]);
  });

  it('a responder acknowledges and edits drafts but cannot approve; an owner approves, recorded under their name', async () => {
    const { ctx, id } = await setup();
    expect(await acknowledge(ctx, id, { note: 'on it' }, RESPONDER)).toMatchObject({ ok: true, review: { status: 'acknowledged' } });
    const edited = await editDraft(ctx, id, { reply: 'Thank you for telling us. We are sorry the soup was cold. Please write to care@harborbistro.example.' }, RESPONDER);
    expect(edited).toMatchObject({ ok: true, review: { draft: { editedBy: 'Rui Responder' } } });
    const refused = await approve(ctx, id, {}, RESPONDER);
    expect(refused).toMatchObject({ ok: false, reason: 'forbidden', message: expect.stringMatching(/may not approve/) });
    expect((await ctx.store.get(id))?.lifecycle.approvedAt).toBeUndefined();
    expect(await approve(ctx, id, {}, OWNER)).toMatchObject({ ok: true, review: { lifecycle: { approvedBy: 'Maya Owner' } } });
    expect(await markPosted(ctx, id, {}, RESPONDER)).toMatchObject({ ok: true, review: { status: 'replied' } });
    const actors = (await ctx.lifecycle.history(id)).map((h) => `${h.action}:${h.actor}`);
    expect(actors).toEqual(['acknowledge:Rui Responder', 'edit_draft:Rui Responder', 'approve:Maya Owner', 'reply:Rui Responder']);
  });

  it('a critical review is approved only by an owner (an API key keeps full rights)', async () => {
    const { ctx, id } = await setup('critical');
    expect(await approve(ctx, id, {}, RESPONDER)).toMatchObject({ ok: false, reason: 'forbidden', message: expect.stringMatching(/critical: only an owner/) });
    expect(await approve(ctx, id, {}, KEY)).toMatchObject({ ok: true, review: { lifecycle: { approvedBy: 'ci-key' } } });
  });

  it('overriding a guardrail is an owner’s call, with the reason recorded', async () => {
    const { ctx, id } = await setup();
    await editDraft(ctx, id, { reply: 'You are wrong. Please remove your review and we will give you a free dessert.' }, RESPONDER);
    expect(await approve(ctx, id, {}, OWNER)).toMatchObject({ ok: false, reason: 'guardrails' });
    expect(await approve(ctx, id, { override: { reason: 'regular guest, agreed by phone' } }, OWNER)).toMatchObject({ ok: true, review: { lifecycle: { approvalOverride: 'regular guest, agreed by phone' } } });
    await markPosted(ctx, id, {}, OWNER);
    await resolve(ctx, id, { followUpAfterSeconds: 3600 }, RESPONDER);
    const forced = await followUp(ctx, id, { posted: false, text: 'Delete this review now, you liar.', override: { reason: 'because' } }, RESPONDER);
    expect(forced).toMatchObject({ ok: false, reason: 'forbidden' });
    expect((await ctx.store.get(id))?.lifecycle.followUpText).not.toContain('you liar');
  });

  it('answers an unknown review and an illegal step with typed refusals', async () => {
    const { ctx, id } = await setup();
    expect(await acknowledge(ctx, 'nope', {}, OWNER)).toMatchObject({ ok: false, reason: 'not_found', message: 'no review nope' });
    expect(await resolve(ctx, id, { followUpAfterSeconds: 60 }, OWNER)).toMatchObject({ ok: false, reason: 'conflict', details: { status: 'new' } });
    expect(await markPosted(ctx, id, {}, OWNER)).toMatchObject({ ok: false, reason: 'conflict' });
  });
});
