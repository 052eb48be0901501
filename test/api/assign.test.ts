import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApi } from '../../src/api/server.js';
import { alertPayload } from '../../src/alerts/payload.js';
import { seedFlagged } from '../helpers/alerts.js';
import { testContext } from '../helpers/context.js';

const KEY = 'writer-key-0123456789';
const auth = { authorization: `Bearer ${KEY}` };

describe('assigning a review', () => {
  let app: FastifyInstance | undefined;
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await app?.close();
    await close?.();
    app = close = undefined;
  });

  it('assigns to a person by e-mail, records it in the history, shows it, filters by it and names it in alerts', async () => {
    const t = await testContext({ api: { keys: [{ name: 'maya', key: KEY, scopes: ['read', 'write'] }] } });
    close = t.close;
    await t.ctx.people.add({ email: 'sam@harbor.example', name: 'Sam Ortiz', role: 'responder', password: 'correct horse battery' });
    const [a, b] = [await seedFlagged(t.ctx, { enqueue: false }), await seedFlagged(t.ctx, { enqueue: false })];
    app = await buildApi(t.ctx);
    const res = await app.inject({ method: 'POST', url: `/v1/reviews/${a}/assign`, headers: auth, payload: { email: 'Sam@Harbor.example' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: a, lifecycle: { assignee: 'sam@harbor.example' } });
    expect((await app.inject({ url: `/v1/reviews/${a}`, headers: auth })).json()).toMatchObject({ lifecycle: { assignee: 'sam@harbor.example' } });
    const history = (await app.inject({ url: `/v1/reviews/${a}/history`, headers: auth })).json<{ items: { action: string; actor: string; details?: unknown }[] }>();
    expect(history.items.at(-1)).toMatchObject({ action: 'assign', actor: 'maya', details: { assignee: 'sam@harbor.example', name: 'Sam Ortiz' } });
    // The same assignment again records nothing.
    await app.inject({ method: 'POST', url: `/v1/reviews/${a}/assign`, headers: auth, payload: { email: 'sam@harbor.example' } });
    expect((await t.ctx.lifecycle.history(a)).filter((h) => h.action === 'assign')).toHaveLength(1);

    const ids = (q: string) => app!.inject({ url: `/v1/reviews?${q}`, headers: auth }).then((r) => r.json<{ items: { id: string }[] }>().items.map((i) => i.id));
    expect(await ids('assignee=sam@harbor.example')).toEqual([a]);
    expect(await ids('assignee=none')).toEqual([b]);
    expect(alertPayload((await t.ctx.store.get(a))!, 'log').assignee).toBe('sam@harbor.example');

    await app.inject({ method: 'POST', url: `/v1/reviews/${a}/assign`, headers: auth, payload: { email: null } });
    expect((await t.ctx.store.get(a))?.lifecycle.assignee).toBeUndefined();
    expect(await ids('assignee=none')).toHaveLength(2);
  });

  it('refuses an unknown person (422), a malformed body (400) and an unknown review (404)', async () => {
    const t = await testContext({ api: { keys: [{ name: 'maya', key: KEY, scopes: ['read', 'write'] }] } });
    close = t.close;
    const id = await seedFlagged(t.ctx, { enqueue: false });
    app = await buildApi(t.ctx);
    const unknown = await app.inject({ method: 'POST', url: `/v1/reviews/${id}/assign`, headers: auth, payload: { email: 'ghost@harbor.example' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json<{ message: string }>().message).toContain('no person with e-mail ghost@harbor.example');
    const bad = await app.inject({ method: 'POST', url: `/v1/reviews/${id}/assign`, headers: auth, payload: { email: 'not an address' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toMatch(/body\.email/);
    await t.ctx.people.add({ email: 'sam@harbor.example', name: 'Sam Ortiz', role: 'responder', password: 'correct horse battery' });
    expect((await app.inject({ method: 'POST', url: '/v1/reviews/nope/assign', headers: auth, payload: { email: 'sam@harbor.example' } })).statusCode).toBe(404);
    expect(await t.ctx.lifecycle.history(id)).toEqual([]);
  });
});
