import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { alertPayload } from '../../src/alerts/payload.js';
import { alertLinks, renderSlack } from '../../src/alerts/render.js';
import { buildApi } from '../../src/api/server.js';
import type { AppContext } from '../../src/context.js';
import { slackSignature } from '../../src/integrations/slack/signature.js';
import { seedFlagged } from '../helpers/alerts.js';
import { testContext } from '../helpers/context.js';
import { startTestServer, waitFor, type TestServer } from '../helpers/http.js';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const PASSWORD = 'correct horse battery';

describe('Slack interactive actions', () => {
  let app: FastifyInstance | undefined;
  let slack: TestServer | undefined;
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await app?.close();
    await slack?.close();
    await close?.();
    app = slack = close = undefined;
  });

  async function setup(severity: 'high' | 'critical' = 'high'): Promise<{ ctx: AppContext; id: string; api: FastifyInstance; slack: TestServer }> {
    const t = await testContext({ slack: { signingSecretEnv: 'SLACK_SIGNING_SECRET' }, publicUrl: 'https://rm.harbor.example' }, { SLACK_SIGNING_SECRET: SECRET });
    close = t.close;
    await t.ctx.people.add({ email: 'maya@harbor.example', name: 'Maya Lopez', role: 'owner', password: PASSWORD, slackUserId: 'UOWNER1' });
    await t.ctx.people.add({ email: 'sam@harbor.example', name: 'Sam Ortiz', role: 'responder', password: PASSWORD, slackUserId: 'URESP1' });
    const id = await seedFlagged(t.ctx, { verdict: { severity }, enqueue: false });
    slack = await startTestServer((_req, res) => void res.writeHead(200).end('ok'));
    app = await buildApi(t.ctx);
    return { ctx: t.ctx, id, api: app, slack };
  }

  /** A block_actions form body as Slack sends it. */
  const body = (user: string, actionId: string, value: string, responseUrl: string): string =>
    new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions', user: { id: user, username: 'x' }, response_url: responseUrl, actions: [{ action_id: actionId, value, type: 'button' }] }) }).toString();

  /** Posts `payload` signed with `secret` at `timestamp` (seconds). */
  function post(api: FastifyInstance, payload: string, opts: { secret?: string; timestamp?: number; unsigned?: boolean } = {}) {
    const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (!opts.unsigned) Object.assign(headers, { 'x-slack-request-timestamp': ts, 'x-slack-signature': slackSignature(opts.secret ?? SECRET, ts, payload) });
    return api.inject({ method: 'POST', url: '/integrations/slack/actions', headers, payload });
  }

  it('puts Approve draft, Acknowledge and Open in inbox on alerts when a signing secret is configured', async () => {
    const { ctx, id } = await setup();
    const p = alertPayload((await ctx.store.get(id))!, 'slack', { publicUrl: ctx.config.publicUrl });
    const actions = renderSlack(p, alertLinks(p), { interactive: true }).blocks.find((b) => b.type === 'actions')!;
    expect((actions.elements as { text: { text: string }; value?: string; url?: string }[]).map((e) => [e.text.text, e.value ?? e.url])).toEqual([
      ['Approve draft', id],
      ['Acknowledge', id],
      ['Open in inbox', `https://rm.harbor.example/reviews/${id}`],
      ['Open in API', `https://rm.harbor.example/v1/reviews/${id}`],
    ]);
    expect(JSON.stringify(renderSlack(p, alertLinks(p)))).not.toContain('Approve draft');
  });

  it('the Slack channel of a service with a signing secret sends the buttons', async () => {
    const hook = await startTestServer((_req, res) => void res.writeHead(200).end('ok'));
    slack = hook;
    const t = await testContext({ slack: { signingSecretEnv: 'SLACK_SIGNING_SECRET' }, alerts: [{ type: 'slack', id: 'team', webhookUrl: `${hook.url}/services/T/B/x` }] }, { SLACK_SIGNING_SECRET: SECRET });
    close = t.close;
    const id = await seedFlagged(t.ctx, { enqueue: false });
    await t.ctx.channels.get('team')!.deliver(alertPayload((await t.ctx.store.get(id))!, 'team'));
    const sent = JSON.parse(hook.received[0]!.body) as { blocks: { type: string; elements?: { action_id?: string; value?: string }[] }[] };
    const buttons = sent.blocks.find((b) => b.type === 'actions')!.elements!;
    expect(buttons.filter((b) => b.value === id).map((b) => b.action_id)).toEqual(['approve_draft', 'acknowledge']);
  });

  it('approves as the linked owner, answering at once and updating the message through response_url', async () => {
    const { ctx, id, api, slack } = await setup();
    // Slack's side answers slowly: the click must still be acknowledged well within 3 s.
    slack.handle(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 3_500));
      res.writeHead(200).end('ok');
    });
    const started = Date.now();
    const res = await post(api, body('UOWNER1', 'approve_draft', id, `${slack.url}/actions/T1/abc`));
    expect(res.statusCode).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    const [update] = await waitFor(() => (slack.received.length ? slack.received : undefined), 10_000, 'the response_url update');
    expect(update!.url).toBe('/actions/T1/abc');
    const message = JSON.parse(update!.body) as { replace_original: boolean; blocks: unknown[] };
    expect(message.replace_original).toBe(true);
    expect(JSON.stringify(message.blocks)).toContain('Draft approved by Maya Lopez');
    const stored = await ctx.store.get(id);
    expect(stored).toMatchObject({ status: 'acknowledged', lifecycle: { approvedBy: 'Maya Lopez' } });
    expect((await ctx.lifecycle.history(id)).map((h) => `${h.action}:${h.actor}`)).toEqual(['approve:Maya Lopez']);
  });

  it('applies the role of the linked person: a responder acknowledges but cannot approve a critical review', async () => {
    const { ctx, id, api, slack } = await setup('critical');
    await post(api, body('URESP1', 'approve_draft', id, `${slack.url}/r1`));
    const [refusal] = await waitFor(() => (slack.received.length ? slack.received : undefined), 10_000, 'the refusal');
    expect(JSON.parse(refusal!.body)).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: expect.stringContaining('only an owner can approve') });
    expect((await ctx.store.get(id))?.lifecycle.approvedAt).toBeUndefined();
    await post(api, body('URESP1', 'acknowledge', id, `${slack.url}/r2`));
    await waitFor(() => slack.received.length === 2, 10_000, 'the acknowledgement');
    expect(await ctx.lifecycle.history(id)).toMatchObject([{ action: 'acknowledge', actor: 'Sam Ortiz' }]);
  });

  it('refuses a bad or missing signature and a replayed old timestamp with 401, changing nothing', async () => {
    const { ctx, id, api, slack } = await setup();
    const payload = body('UOWNER1', 'approve_draft', id, `${slack.url}/r`);
    const forged = await post(api, payload, { secret: 'not-the-signing-secret-0000000000' });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ error: 'unauthorized', message: 'bad X-Slack-Signature' });
    expect((await post(api, payload, { unsigned: true })).statusCode).toBe(401);
    const replayed = await post(api, payload, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json<{ message: string }>().message).toMatch(/stale/);
    // A body changed after signing is refused too.
    const ts = String(Math.floor(Date.now() / 1000));
    const tampered = await api.inject({ method: 'POST', url: '/integrations/slack/actions', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': slackSignature(SECRET, ts, payload) }, payload: body('UOWNER1', 'acknowledge', id, `${slack.url}/r`) });
    expect(tampered.statusCode).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(slack.received).toEqual([]);
    expect(await ctx.store.get(id)).toMatchObject({ status: 'new' });
    expect(await ctx.lifecycle.history(id)).toEqual([]);
  });

  it('tells an unknown Slack user, in a reply only they see, that nothing was done', async () => {
    const { ctx, id, api, slack } = await setup();
    expect((await post(api, body('USTRANGER', 'approve_draft', id, `${slack.url}/r`))).statusCode).toBe(200);
    const [reply] = await waitFor(() => (slack.received.length ? slack.received : undefined), 10_000, 'the ephemeral reply');
    expect(JSON.parse(reply!.body)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('not linked to a person of review-monitor, so nothing was done') });
    expect(JSON.parse(reply!.body).text).toContain('users set-slack <your e-mail> USTRANGER');
    expect(await ctx.store.get(id)).toMatchObject({ status: 'new' });
  });

  it('refuses a person limited to other businesses, whatever channel the alert reached them in', async () => {
    const { ctx, id, api, slack } = await setup();
    await ctx.people.add({ email: 'lea@lyon.example', name: 'Léa Martin', role: 'owner', password: PASSWORD, slackUserId: 'ULYON1', businesses: ['lyon'] });
    await post(api, body('ULYON1', 'approve_draft', id, `${slack.url}/r`));
    const [reply] = await waitFor(() => (slack.received.length ? slack.received : undefined), 10_000, 'the refusal');
    expect(JSON.parse(reply!.body)).toMatchObject({ response_type: 'ephemeral', text: 'Nothing was done: this review belongs to a business your account does not cover.' });
    expect(await ctx.store.get(id)).toMatchObject({ status: 'new' });
    expect((await ctx.store.get(id))?.lifecycle.approvedAt).toBeUndefined();
  });
});
