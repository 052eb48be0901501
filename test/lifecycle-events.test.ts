import { afterEach, describe, expect, it } from 'vitest';
import { acknowledge, approve, markPosted, type ActionActor } from '../src/lifecycle/actions.js';
import { applyPlatformState } from '../src/lifecycle/platform-replies.js';
import { EventHub, type ReviewEvent } from '../src/events.js';
import { signBody } from '../src/webhook-signature.js';
import { deliverAlerts } from '../workers/notify-worker.js';
import { seedFlagged } from './helpers/alerts.js';
import { testContext } from './helpers/context.js';
import { makeReview } from './helpers/factories.js';
import { startTestServer, waitFor, type TestServer } from './helpers/http.js';

const OWNER: ActionActor = { name: 'Maya Owner', role: 'owner' };
const SECRET = 'events-secret-0123456789';

describe('lifecycle events for integrators', () => {
  let hook: TestServer | undefined;
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    await hook?.close();
    close = undefined;
  });

  it('streams each step on /v1/events and sends the subscribed ones to a webhook, signed and keyed by the step', async () => {
    hook = await startTestServer((_req, res) => void res.writeHead(204).end());
    const t = await testContext({
      alerts: [{ type: 'webhook', id: 'tickets', url: `${hook.url}/events`, secret: SECRET, minSeverity: 'critical', events: ['review.acknowledged', 'review.replied', 'review.recovered'] }],
    });
    const hub = new EventHub(t.ctx.redis, t.ctx.config.redis.prefix);
    close = async () => {
      await hub.close();
      await t.close();
    };
    const { ctx } = t;
    const streamed: ReviewEvent[] = [];
    await hub.listen((e) => streamed.push(e));

    const id = await seedFlagged(ctx, { enqueue: false, review: { rating: 1 } });
    await acknowledge(ctx, id, { note: 'calling her today' }, OWNER);
    await approve(ctx, id, {}, OWNER);
    await markPosted(ctx, id, {}, OWNER);
    await waitFor(async () => streamed.length === 3, 5_000, 'three lifecycle events on the stream');
    expect(streamed.map((e) => e.type)).toEqual(['review.acknowledged', 'review.approved', 'review.replied']);
    expect(streamed[0]).toMatchObject({ reviewId: id, sourceId: 'harbor', status: 'acknowledged', actor: 'Maya Owner', note: 'calling her today' });

    // Only the subscribed types are queued for the webhook, one job each.
    const jobs = await ctx.queues.queues.notify.getJobs(['waiting', 'prioritized']);
    expect(jobs.map((j) => j.data.event?.type).sort()).toEqual(['review.acknowledged', 'review.replied']);
    for (const job of jobs) await deliverAlerts(ctx, job.data);
    expect(hook.received).toHaveLength(2);
    for (const r of hook.received) {
      const body = JSON.parse(r.body) as { type: string; id: string; reviewId: string };
      expect(r.headers['idempotency-key']).toBe(body.id);
      expect(body.id).toMatch(new RegExp(`^${id}-${body.type.replace('.', '\\.')}-\\d+$`));
      expect(r.headers['x-signature']).toBe(signBody(SECRET, r.body));
    }
    // Repeating a step that changes nothing (approving the same text again) sends nothing.
    await approve(ctx, id, {}, OWNER);
    expect(streamed).toHaveLength(3);

    // The reviewer raises the rating after the reply: review.recovered, once.
    const stored = (await ctx.store.get(id))!;
    const raised = makeReview('harbor', { platformId: stored.review.platformId, rating: 4, text: `${stored.review.text} Update: they called me and fixed it.` });
    const { updated } = await ctx.store.upsertReviews([raised], { backfill: false });
    await applyPlatformState(ctx, [raised], updated);
    await applyPlatformState(ctx, [raised], updated);
    await waitFor(async () => streamed.length === 4, 5_000, 'the recovered event');
    expect(streamed[3]).toMatchObject({ type: 'review.recovered', reviewId: id, actor: 'reviewer' });
    expect((await ctx.queues.queues.notify.getJobs(['waiting', 'prioritized'])).filter((j) => j.data.event?.type === 'review.recovered')).toHaveLength(1);
  });
});
