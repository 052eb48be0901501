import { afterEach, describe, expect, it } from 'vitest';
import { resendDelivery } from '../src/alerts/resend.js';
import { startService, type Service } from '../src/app.js';
import type { ConfigInput } from '../src/config/schema.js';
import { createLogger } from '../src/logger.js';
import { seedFlagged } from './helpers/alerts.js';
import { makeConfig } from './helpers/factories.js';
import { captureLogs, queuesIdle, serviceHarness } from './helpers/context.js';
import { startTestServer, waitFor, type TestServer } from './helpers/http.js';
import { TEST_REDIS_URL, uniquePrefix } from './helpers/redis.js';

interface HookBody {
  type: 'alert' | 'digest';
  idempotencyKey: string;
  reviewId?: string;
  alerts?: { reviewId: string }[];
}

describe('digest mode', () => {
  const h = serviceHarness();
  afterEach(() => h.teardown());

  async function boot(alerts: ConfigInput['alerts']): Promise<Service> {
    const config = makeConfig({ redis: { url: TEST_REDIS_URL, prefix: h.prefix, autostart: false }, alerts, workers: { retryDelayMs: 10, notifyConcurrency: 4 } });
    const service = await startService(config, createLogger('silent', captureLogs().stream), 'worker', { pollOnStart: false });
    h.services.push(service);
    return service;
  }

  const bodies = (s: TestServer): HookBody[] => s.received.map((r) => JSON.parse(r.body) as HookBody);

  it('sends one message per window with every gathered review, once, with two workers; critical goes out at once', async () => {
    h.prefix = uniquePrefix('dig');
    const hook = await startTestServer((_req, res) => void res.writeHead(200).end());
    h.closers.push(() => hook.close());
    const alerts: ConfigInput['alerts'] = [{ type: 'webhook', id: 'owner', url: `${hook.url}/in`, digest: { windowSeconds: 2 } }];
    const a = await boot(alerts);
    await boot(alerts);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push(await seedFlagged(a.ctx, { verdict: { severity: i % 2 ? 'medium' : 'high' } }));
    const critical = await seedFlagged(a.ctx, { verdict: { severity: 'critical' } });

    // The critical review does not wait for the window.
    const first = await waitFor(() => bodies(hook)[0], 1_500, 'the critical alert');
    expect(first).toMatchObject({ type: 'alert', reviewId: critical });
    await waitFor(async () => (await a.ctx.store.deliveries.get(ids[0]!, 'owner'))?.status === 'pending', 2_000, 'a pending digest record');
    expect((await a.ctx.store.deliveries.get(ids[0]!, 'owner'))?.digestAt).toMatch(/^\d{4}-/);

    const digest = await waitFor(() => bodies(hook).find((b) => b.type === 'digest'), 6_000, 'the digest');
    // Nothing else arrives afterwards: no second digest, no single alerts for the gathered reviews (once no
    // alert or digest job is left in the queues, none can).
    await queuesIdle(a.ctx);
    expect(hook.received).toHaveLength(2);
    expect(digest.alerts!.map((x) => x.reviewId).sort()).toEqual([...ids].sort());
    expect(digest.idempotencyKey).toMatch(/^digest-owner-\d+$/);
    for (const id of [...ids, critical]) {
      expect(await a.ctx.store.deliveries.deliveredAt(id, 'owner')).toBeDefined();
      expect(await a.ctx.store.deliveries.get(id, 'owner')).toMatchObject({ status: 'delivered', attempts: 1 });
    }
    const jobs = await a.ctx.queues.queues.digest.getJobs(['completed', 'failed', 'delayed', 'waiting', 'active']);
    expect(jobs.map((j) => j.id)).toEqual([digest.idempotencyKey]);

    // A review flagged after the window closed opens a new window and a new digest.
    const late = await seedFlagged(a.ctx, { verdict: { severity: 'low' } });
    const second = await waitFor(() => bodies(hook).filter((b) => b.type === 'digest')[1], 6_000, 'a second digest');
    expect(second.alerts!.map((x) => x.reviewId)).toEqual([late]);
    expect(second.idempotencyKey).not.toBe(digest.idempotencyKey);
  });

  it('marks every review of a digest that keeps failing as failed; a re-send delivers at once', async () => {
    h.prefix = uniquePrefix('digf');
    let healthy = false;
    const hook = await startTestServer((_req, res) => void res.writeHead(healthy ? 200 : 502).end());
    h.closers.push(() => hook.close());
    const service = await boot([{ type: 'webhook', id: 'owner', url: `${hook.url}/in`, digest: { windowSeconds: 1 } }]);
    const ids = [await seedFlagged(service.ctx), await seedFlagged(service.ctx)];
    await waitFor(async () => (await service.ctx.store.deliveries.listFailed({ limit: 10 })).items.length === 2, 20_000, 'two failed deliveries');
    expect(hook.received).toHaveLength(8);
    for (const id of ids) expect(await service.ctx.store.deliveries.get(id, 'owner')).toMatchObject({ status: 'failed', attempts: 8, lastError: 'webhook owner: HTTP 502' });

    healthy = true;
    expect(await resendDelivery(service.ctx, ids[0]!, 'owner')).toEqual({ jobId: `notify-${ids[0]}-owner-r1` });
    await waitFor(async () => (await service.ctx.store.deliveries.get(ids[0]!, 'owner'))?.status === 'delivered', 1_500, 'the re-sent alert, without waiting for a window');
    expect(bodies(hook).at(-1)).toMatchObject({ type: 'alert', reviewId: ids[0] });
    expect(await service.ctx.store.deliveries.get(ids[1]!, 'owner')).toMatchObject({ status: 'failed' });
  });
});
