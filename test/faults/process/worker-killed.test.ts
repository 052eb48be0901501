import { afterEach, describe, expect, it } from 'vitest';
import { reviewIdFor } from '../../../src/domain/review.js';
import { TEST_REDIS_URL } from '../../helpers/redis.js';
import { analysedIds, Cleanup, figures, queueJobs, consistencyProblems, makeItems, negativeIds, snapshot, spawnRole, startScenario, until } from '../harness.js';

describe('a worker killed with SIGKILL in the middle of a batch', () => {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  it('leaves every review stored, classified and alerted once (a repeat delivery only with the same key)', async () => {
    const items = makeItems(2_000);
    const { prefix, redis, receiver, config } = await startScenario(cleanup, {
      name: 'kill',
      items,
      redisUrl: TEST_REDIS_URL,
      // A slow receiver keeps alert jobs in flight when the worker dies.
      receiverDelayMs: 30,
      config: {
        schedule: '*/2 * * * * *',
        // A poll killed while enqueueing leaves stored reviews without a job: the next poll takes them up once
        // they are analysisStaleMs old (default two minutes).
        workers: { analyzeBatchSize: 25, analyzeConcurrency: 2, notifyConcurrency: 8, analysisStaleMs: 3_000 },
      },
    });
    const env = { REDIS_URL: TEST_REDIS_URL };
    const scheduler = spawnRole(cleanup, 'scheduler', config, env);
    const first = spawnRole(cleanup, 'worker', config, env);

    // Kill once analysis and delivery are both under way and neither is done.
    await until(async () => {
      const analysed = (await redis.zcard(`${prefix}:pending:src`)) > 0 && (await redis.zcard(`${prefix}:alerts`)) > 0;
      return analysed && receiver.total() >= 20;
    }, 30_000, 'analysis and alerts under way', [scheduler, first]);
    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = { pending: await redis.zcard(`${prefix}:pending:src`), delivered: receiver.total() };
    expect(atKill.pending).toBeGreaterThan(0);

    const restartedAt = Date.now();
    const second = spawnRole(cleanup, 'worker', config, env);
    const negatives = items.filter((i) => i.rating === 1).map((i) => reviewIdFor('src', i.id));
    let progress = '';
    await until(async () => {
      const s = await snapshot(redis, prefix);
      progress = `stored ${s.reviews.size}/${items.length}, pending ${s.pending.length}, analysed ${analysedIds(s).length}, flagged ${s.alerts.length}/${negatives.length}, delivered ${negatives.filter((id) => receiver.byKey.has(`${id}-hook`)).length}`;
      const jobs = await queueJobs(TEST_REDIS_URL, prefix, 'analyze', ['waiting', 'active', 'delayed', 'failed', 'completed']);
      const states = new Map<string, number>();
      for (const j of jobs) { const st = j.failedReason ? 'failed' : j.finishedOn ? 'completed' : j.processedOn ? 'active' : 'waiting'; states.set(st, (states.get(st) ?? 0) + 1); }
      progress += `; analyze jobs ${JSON.stringify(Object.fromEntries(states))} ${jobs.find((j) => j.failedReason)?.failedReason ?? ''}`;
      return s.reviews.size === items.length && s.pending.length === 0 && negatives.every((id) => receiver.byKey.has(`${id}-hook`));
    }, 60_000, () => `every review analysed and every negative one delivered (${progress})`, [scheduler, second]);
    const recoveredMs = Date.now() - restartedAt;
    // Let stalled jobs and retries settle, then check nothing arrives twice beyond the allowance.
    await new Promise((r) => setTimeout(r, 3_000));

    const s = await snapshot(redis, prefix);
    expect(consistencyProblems(s)).toEqual([]);
    expect(s.reviews.size).toBe(items.length);
    expect(analysedIds(s)).toHaveLength(items.length);
    expect(negativeIds(s).sort()).toEqual([...negatives].sort());
    expect(s.alerts.sort()).toEqual([...negatives].sort());
    // Flagged once each: the flag counter (incremented only when a review is flagged for the first time) matches.
    const flagged = Object.values(await redis.hgetall(`${prefix}:metrics:flagged`)).reduce((a, v) => a + Number(v), 0);
    expect(flagged).toBe(negatives.length);
    // Delivered: every alert, each at most twice (a delivery cut off by the kill is repeated with the same key).
    expect([...receiver.byKey.keys()].sort()).toEqual(negatives.map((id) => `${id}-hook`).sort());
    const repeats = [...receiver.byKey.entries()].filter(([, n]) => n > 1);
    expect(repeats.filter(([, n]) => n > 2)).toEqual([]);
    expect(repeats.length).toBeLessThanOrEqual(8); // at most the in-flight deliveries (notifyConcurrency)
    expect([...s.delivered.values()].filter((d) => d.hook).length).toBe(negatives.length);
    const analyzeJobs = (await queueJobs(TEST_REDIS_URL, prefix, 'analyze', ['completed', 'failed', 'waiting', 'active', 'delayed'])).length;
    figures('worker SIGKILL mid-batch', {
      analyzeJobs,
      analyzeJobsNeeded: Math.ceil(items.length / 25),
      reviews: items.length,
      alerts: negatives.length,
      pendingAtKill: atKill.pending,
      deliveredAtKill: atKill.delivered,
      lost: 0,
      keysDeliveredTwice: repeats.length,
      recoveredMs,
      lockDurationMs: 2_000,
      analysisStaleMs: 3_000,
    });
  });
});
