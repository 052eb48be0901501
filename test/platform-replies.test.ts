import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reviewIdFor } from '../src/domain/review.js';
import { approve, publishReply, type ActionActor } from '../src/lifecycle/actions.js';
import { analyzeBatch } from '../workers/analyze-worker.js';
import { publishReview } from '../workers/publish-worker.js';
import { deliverAlerts } from '../workers/notify-worker.js';
import { pollSource } from '../workers/poll-worker.js';
import { inlineAnalysis, testContext } from './helpers/context.js';
import { startTestServer, type TestServer } from './helpers/http.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/google-business/${name}`, import.meta.url), 'utf8');

describe('replies made on the platform, and reviews edited after a reply', () => {
  let server: TestServer;
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    await server?.close();
    vi.unstubAllEnvs();
  });

  it('moves a review the owner answered on Google to replied (actor "on the platform"), then marks it outdated when the reviewer edits it', async () => {
    vi.stubEnv('GOOGLE_CLIENT_SECRET', 'client-secret-value');
    vi.stubEnv('GOOGLE_REFRESH_TOKEN', 'refresh-token-value');
    server = await startTestServer();
    // Pages as Google serves them, newest change first; the second poll's first page holds the edited review.
    let pages = [fixture('reviews-page1.json'), fixture('reviews-page2.json')];
    server.handle((req, res) => {
      if (req.url === '/token') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'ya29.t', expires_in: 3599 }));
      const second = req.url.includes('pageToken=');
      res.writeHead(200, { 'content-type': 'application/json' }).end(pages[second ? 1 : 0]);
    });
    const hook = await startTestServer((_req, res) => void res.writeHead(204).end());
    const t = await testContext({
      alerts: [{ type: 'webhook', id: 'hook', url: `${hook.url}/alerts` }],
      credentials: { g: { type: 'google-oauth', clientId: 'c.apps.googleusercontent.com', clientSecretEnv: 'GOOGLE_CLIENT_SECRET', refreshTokenEnv: 'GOOGLE_REFRESH_TOKEN', tokenUrl: `${server.url}/token` } },
      sources: [{ id: 'harbor-google', type: 'google-business', accountId: '1234567890', locationId: '9876543210', credentials: 'g', url: server.url, allowPrivateNetwork: true, schedule: '*/10 * * * *', alertOnBackfill: true }],
    }, { GOOGLE_CLIENT_SECRET: 'client-secret-value', GOOGLE_REFRESH_TOKEN: 'refresh-token-value' });
    close = async () => {
      await t.close();
      await hook.close();
    };
    const { ctx } = t;
    const analyseQueued = async (): Promise<void> => {
      for (const job of await ctx.queues.queues.analyze.getJobs(['waiting', 'prioritized'])) {
        await analyzeBatch(ctx, job.data, inlineAnalysis(ctx.config));
        await job.remove();
      }
    };
    const deliverQueued = async (): Promise<void> => {
      for (const job of await ctx.queues.queues.notify.getJobs(['waiting', 'prioritized'])) {
        await deliverAlerts(ctx, job.data);
        await job.remove();
      }
    };
    const alerts = () => hook.received.map((r) => JSON.parse(r.body) as { reviewId: string; edited?: { at: string; reply?: string } });

    const first = await pollSource(ctx, { sourceId: 'harbor-google', reason: 'manual' } as never);
    expect(first).toMatchObject({ created: 3 });
    const answered = reviewIdFor('harbor-google', 'AbFvOqn3');
    const stored = await ctx.store.get(answered);
    expect(stored?.status).toBe('replied');
    expect(stored?.lifecycle).toMatchObject({ repliedOn: 'platform', replyState: 'posted', repliedAt: '2026-11-21T10:00:00.000Z', replyText: expect.stringContaining('sorry about the bill') });
    const history = await ctx.lifecycle.history(answered);
    expect(history.at(-1)).toMatchObject({ actor: 'on the platform', action: 'reply_on_platform', from: 'new', to: 'replied' });
    // Nobody answered the others: they stay new.
    expect((await ctx.store.get(reviewIdFor('harbor-google', 'AbFvOqn1')))?.status).toBe('new');
    // Analysed: the negative reviews nobody answered are alerted; the one answered on Google is not.
    await analyseQueued();
    await deliverQueued();
    expect(alerts().map((a) => a.reviewId)).not.toContain(answered);
    expect(alerts().map((a) => a.reviewId)).toContain(reviewIdFor('harbor-google', 'AbFvOqn1'));
    const before = alerts().length;
    // The loop still closes: a replied review can be resolved and followed up.
    expect((await ctx.lifecycle.transition(answered, 'resolve', { actor: 'maya' })).ok).toBe(true);

    // The reviewer edits the answered review: Google lists it first, with its new text and update time.
    const edited = JSON.parse(fixture('reviews-page2.json')) as { reviews: Record<string, unknown>[] };
    edited.reviews[0] = { ...edited.reviews[0], comment: 'Rude host, wrong bill, and nobody called me back as promised.', starRating: 'ONE', updateTime: '2026-12-01T08:00:00Z' };
    pages = [JSON.stringify({ reviews: edited.reviews }), fixture('reviews-page2.json')];
    await pollSource(ctx, { sourceId: 'harbor-google', reason: 'manual' } as never);
    const after = await ctx.store.get(answered);
    expect(after?.status).toBe('resolved');
    expect(after?.lifecycle.outdatedAt).toEqual(expect.any(String));
    expect(after?.review.rating).toBe(1);
    // Still negative after the edit: alerted again, once, saying the reply may no longer fit.
    await analyseQueued();
    await deliverQueued();
    const again = alerts().slice(before);
    expect(again).toEqual([expect.objectContaining({ reviewId: answered, edited: { at: after?.lifecycle.outdatedAt, reply: expect.stringContaining('sorry about the bill') } })]);
    // A poll that changes nothing does not mark it again or move anything.
    await pollSource(ctx, { sourceId: 'harbor-google', reason: 'manual' } as never);
    await analyseQueued();
    await deliverQueued();
    expect((await ctx.store.get(answered))?.lifecycle.outdatedAt).toBe(after?.lifecycle.outdatedAt);
    expect(alerts().slice(before)).toHaveLength(1);
  });

  it('round trip: token refreshed mid-poll, review ingested and alerted, draft approved, reply posted to the same review id with a fresh token', async () => {
    vi.stubEnv('GOOGLE_CLIENT_SECRET', 'client-secret-value');
    vi.stubEnv('GOOGLE_REFRESH_TOKEN', 'refresh-token-value');
    let issued = 0;
    const valid = new Set<string>();
    server = await startTestServer((req, res) => {
      const json = (status: number, body: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.url === '/token') {
        const token = `ya29.t${++issued}`;
        valid.add(token);
        return json(200, { access_token: token, expires_in: 3599 });
      }
      const token = (req.headers.authorization ?? '').replace('Bearer ', '');
      if (!valid.has(token)) return json(401, { error: { code: 401, status: 'UNAUTHENTICATED' } });
      if (req.method === 'PUT') return json(200, { comment: 'ok' });
      if (req.url.includes('pageToken=')) {
        // Google revokes the first token while the poll is paging.
        valid.delete('ya29.t1');
        if (token === 'ya29.t1') return json(401, { error: { code: 401, status: 'UNAUTHENTICATED' } });
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(fixture('reviews-page2.json'));
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(fixture('reviews-page1.json'));
    });
    const t = await testContext(
      {
        credentials: { g: { type: 'google-oauth', clientId: 'c.apps.googleusercontent.com', clientSecretEnv: 'GOOGLE_CLIENT_SECRET', refreshTokenEnv: 'GOOGLE_REFRESH_TOKEN', tokenUrl: `${server.url}/token` } },
        sources: [
          {
            id: 'harbor-google', type: 'google-business', accountId: '1234567890', locationId: '9876543210', credentials: 'g', url: server.url, allowPrivateNetwork: true, schedule: '*/10 * * * *', alertOnBackfill: true,
            publisher: { type: 'google-business', accountId: '1234567890', locationId: '9876543210', credentials: 'g', baseUrl: server.url },
          },
        ],
      },
      { GOOGLE_CLIENT_SECRET: 'client-secret-value', GOOGLE_REFRESH_TOKEN: 'refresh-token-value' },
    );
    close = t.close;
    const { ctx } = t;
    await pollSource(ctx, { sourceId: 'harbor-google', reason: 'manual' } as never);
    expect(issued).toBe(2);
    for (const job of await ctx.queues.queues.analyze.getJobs(['waiting', 'prioritized'])) await analyzeBatch(ctx, job.data, inlineAnalysis(ctx.config));
    const id = reviewIdFor('harbor-google', 'AbFvOqn1');
    const stored = await ctx.store.get(id);
    expect(stored?.verdict?.negative).toBe(true);
    // The German review gets a German draft, approved and sent by the owner.
    expect(stored?.draft?.reply).toMatch(/\b(du|dich|dir|dein\w*)\b/);
    const owner: ActionActor = { name: 'Maya Owner', role: 'owner' };
    expect(await approve(ctx, id, {}, owner)).toMatchObject({ ok: true });
    expect(await publishReply(ctx, id, {}, owner)).toMatchObject({ ok: true, outgoing: { state: 'publishing', publisher: 'google-business' } });
    const [job] = await ctx.queues.queues.publish.getJobs(['waiting', 'prioritized', 'delayed']);
    await publishReview(ctx, job!.data);
    const put = server.received.find((r) => r.method === 'PUT')!;
    expect(put.url).toBe('/v4/accounts/1234567890/locations/9876543210/reviews/AbFvOqn1/reply');
    expect(put.headers.authorization).toBe('Bearer ya29.t2');
    expect(JSON.parse(put.body).comment).toBe(stored?.draft?.reply);
    expect((await ctx.store.get(id))?.status).toBe('replied');
  });
});
