import { afterEach, describe, expect, it } from 'vitest';
import { reviewIdFor } from '../../../src/domain/review.js';
import { TEST_REDIS_URL } from '../../helpers/redis.js';
import { Cleanup, figures, makeItems, queueJobs, sleep, spawnRole, startScenario, until } from '../harness.js';

describe('an alert receiver that is down for a while', () => {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  async function run(opts: { downMs: number; retryDelayMs: number; extraWorkers?: Record<string, unknown> }) {
    const items = makeItems(60);
    const { prefix, receiver, config } = await startScenario(cleanup, {
      name: 'down',
      items,
      redisUrl: TEST_REDIS_URL,
      config: { workers: { retryDelayMs: opts.retryDelayMs, ...opts.extraWorkers } },
    });
    await receiver.down();
    const svc = spawnRole(cleanup, 'all', config, { REDIS_URL: TEST_REDIS_URL, PORT: '0' });
    const negatives = items.filter((i) => i.rating === 1).map((i) => `${reviewIdFor('src', i.id)}-hook`);
    // Alerts are being attempted while the receiver refuses connections.
    await until(async () => (await queueJobs(TEST_REDIS_URL, prefix, 'notify', ['delayed', 'failed'])).length > 0, 20_000, 'failing deliveries', [svc]);
    await sleep(opts.downMs);
    expect(receiver.total()).toBe(0);
    await receiver.up();
    const backAt = Date.now();
    await until(() => negatives.every((k) => receiver.byKey.has(k)), 30_000, `every alert delivered once the receiver is back (got ${receiver.byKey.size}/${negatives.length})`, [svc]);
    const deliveredMs = Date.now() - backAt;
    await sleep(1_000);
    expect([...receiver.byKey.values()].every((n) => n === 1)).toBe(true);
    expect(receiver.byKey.size).toBe(negatives.length);
    figures(`alert receiver down ${opts.downMs} ms`, { alerts: negatives.length, lost: 0, deliveredTwice: 0, allDeliveredAfterBackMs: deliveredMs });
  }

  it('delivers every alert, once, after a short outage (within the retry schedule)', async () => {
    await run({ downMs: 1_000, retryDelayMs: 200 });
  });

  it('delivers every alert, once, after an outage longer than the retry schedule', async () => {
    // Eight attempts 20 ms apart, doubling: all spent in about 2.5 s, the receiver is down for 6 s.
    await run({ downMs: 6_000, retryDelayMs: 20, extraWorkers: { redeliverFailedAlertsMs: 1_000 } });
  });
});
