import { afterEach, describe, expect, it } from 'vitest';
import { reviewIdFor } from '../../../src/domain/review.js';
import { TEST_REDIS_URL } from '../../helpers/redis.js';
import { Cleanup, consistencyProblems, figures, makeItems, queueJobs, snapshot, spawnRole, startScenario, until } from '../harness.js';

describe('SIGTERM during load', () => {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  it('finishes in-flight jobs, leaves nothing half-written and exits 0 within the deadline', async () => {
    const items = makeItems(600);
    const deadlineMs = 8_000;
    const { prefix, redis, receiver, config } = await startScenario(cleanup, {
      name: 'term',
      items,
      redisUrl: TEST_REDIS_URL,
      // Each delivery takes 300 ms: the worker has deliveries in flight when it is told to stop.
      receiverDelayMs: 300,
      config: { shutdownMs: deadlineMs, workers: { analyzeBatchSize: 20 } },
    });
    const svc = spawnRole(cleanup, 'all', config, { REDIS_URL: TEST_REDIS_URL, PORT: '0', LOG_LEVEL: 'info' });

    await until(() => receiver.total() >= 10, 30_000, 'alerts under way', [svc]);
    const inFlight = (await queueJobs(TEST_REDIS_URL, prefix, 'notify', ['active'])).length + (await queueJobs(TEST_REDIS_URL, prefix, 'analyze', ['active'])).length;
    const started = Date.now();
    svc.child.kill('SIGTERM');
    const code = await svc.exited;
    const took = Date.now() - started;
    expect({ code, output: code === 0 ? '' : svc.output().slice(-3_000) }).toEqual({ code: 0, output: '' });
    expect(took).toBeLessThan(deadlineMs);
    // In-flight deliveries (300 ms each) finish, but no further one of a notify job starts: a job holds a
    // batch's alerts, and sending them all would hold the stop up for seconds (2.2 s here before).
    expect(took).toBeLessThan(1_500);
    expect(svc.output()).toMatch(/"msg":"stopped"/);

    // Nothing half-written, no job left active (every in-flight job finished or went back to the queue).
    const s = await snapshot(redis, prefix);
    expect(consistencyProblems(s)).toEqual([]);
    expect(await queueJobs(TEST_REDIS_URL, prefix, 'notify', ['active'])).toEqual([]);
    expect(await queueJobs(TEST_REDIS_URL, prefix, 'analyze', ['active'])).toEqual([]);
    // Every delivery the receiver answered was recorded as delivered: none will be sent again.
    const deliveredAtStop = new Set([...s.delivered].filter(([, d]) => d.hook).map(([id]) => `${id}-hook`));
    for (const key of receiver.byKey.keys()) expect(deliveredAtStop.has(key)).toBe(true);

    // A restarted service picks up the rest: nothing was lost.
    receiver.delayMs = 0;
    const again = spawnRole(cleanup, 'all', config, { REDIS_URL: TEST_REDIS_URL, PORT: '0' });
    const negatives = items.filter((i) => i.rating === 1).map((i) => `${reviewIdFor('src', i.id)}-hook`);
    await until(async () => {
      const now = await snapshot(redis, prefix);
      return now.reviews.size === items.length && now.pending.length === 0 && negatives.every((k) => receiver.byKey.has(k));
    }, 60_000, 'the restarted service to finish the work', [again]);
    expect([...receiver.byKey.values()].every((n) => n === 1)).toBe(true);
    figures('SIGTERM under load', {
      stopMs: took,
      deadlineMs,
      exitCode: code ?? -1,
      jobsInFlight: inFlight,
      storedAtStop: s.reviews.size,
      pendingAtStop: s.pending.length,
      halfWritten: 0,
      lost: 0,
    });
  });

  it('exits by the deadline when in-flight work cannot finish, still leaving nothing half-written', async () => {
    const deadlineMs = 2_000;
    const { prefix, redis, receiver, config } = await startScenario(cleanup, {
      name: 'term2',
      items: makeItems(60),
      redisUrl: TEST_REDIS_URL,
      // The receiver takes every delivery and never answers (until the webhook's own 5 s timeout).
      receiverDelayMs: 60_000,
      config: { shutdownMs: deadlineMs },
    });
    const svc = spawnRole(cleanup, 'all', config, { REDIS_URL: TEST_REDIS_URL, PORT: '0', LOG_LEVEL: 'info' });
    await until(() => receiver.total() >= 5, 30_000, 'deliveries hanging', [svc]);
    const started = Date.now();
    svc.child.kill('SIGTERM');
    const code = await svc.exited;
    const took = Date.now() - started;
    expect(code).toBe(1);
    expect(took).toBeGreaterThanOrEqual(deadlineMs - 100);
    expect(took).toBeLessThan(deadlineMs + 1_500);
    expect(svc.output()).toMatch(/shutdown deadline passed/);
    expect(consistencyProblems(await snapshot(redis, prefix))).toEqual([]);
    figures('SIGTERM with work that cannot finish', { stopMs: took, deadlineMs, exitCode: code ?? -1 });
  });
});
