import { afterEach, describe, expect, it } from 'vitest';
import { reviewIdFor } from '../../../src/domain/review.js';
import { TEST_REDIS_URL } from '../../helpers/redis.js';
import { analysedIds, Cleanup, consistencyProblems, figures, makeItems, queueJobs, sleep, snapshot, spawnRole, startScenario, until } from '../harness.js';

describe('three workers and two schedulers on one Redis', () => {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  it('never stores a review, delivers an alert or polls a tick twice', async () => {
    let items = makeItems(300);
    const { prefix, redis, feed, receiver, config } = await startScenario(cleanup, {
      name: 'rep',
      items,
      redisUrl: TEST_REDIS_URL,
      receiverDelayMs: 5,
      config: { workers: { analyzeBatchSize: 10 } },
    });
    const env = { REDIS_URL: TEST_REDIS_URL };
    const procs = [
      spawnRole(cleanup, 'scheduler', config, env),
      spawnRole(cleanup, 'scheduler', config, env),
      spawnRole(cleanup, 'worker', config, env),
      spawnRole(cleanup, 'worker', config, env),
      spawnRole(cleanup, 'worker', config, env),
    ];
    await until(() => receiver.total() >= 10, 30_000, 'first alerts', procs);
    // New reviews arrive over several ticks while all replicas run.
    for (let round = 0; round < 4; round++) {
      items = [...items, ...makeItems(30, 300 + round * 30)];
      feed.set(items);
      await sleep(1_000);
    }
    const negatives = items.filter((i) => i.rating === 1).map((i) => reviewIdFor('src', i.id));
    let progress = '';
    await until(async () => {
      const s = await snapshot(redis, prefix);
      progress = `stored ${s.reviews.size}/${items.length}, pending ${s.pending.length}, analysed ${analysedIds(s).length}, flagged ${s.alerts.length}/${negatives.length}, delivered ${negatives.filter((id) => receiver.byKey.has(`${id}-hook`)).length}`;
      const failed = await queueJobs(TEST_REDIS_URL, prefix, 'notify', ['failed']);
      if (failed.length) progress += `; failed alert jobs ${failed.length}: ${failed[0]!.failedReason}`;
      return s.reviews.size === items.length && s.pending.length === 0 && negatives.every((id) => receiver.byKey.has(`${id}-hook`));
    }, 30_000, () => `everything stored, analysed and delivered (${progress})`, procs);
    await sleep(2_000);

    const s = await snapshot(redis, prefix);
    expect(consistencyProblems(s)).toEqual([]);
    expect(s.reviews.size).toBe(items.length);
    expect(Number(await redis.hget(`${prefix}:metrics:ingested`, 'src'))).toBe(items.length);
    expect(s.alerts.sort()).toEqual([...negatives].sort());
    expect([...receiver.byKey.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(receiver.byKey.size).toBe(negatives.length);

    // One poll job per schedule tick however many schedulers, and one fetch per poll job.
    const polls = await queueJobs(TEST_REDIS_URL, prefix, 'poll', ['completed', 'failed', 'active', 'waiting', 'delayed']);
    const scheduled = polls.filter((j) => (j.data as { reason: string }).reason === 'schedule');
    const ticks = scheduled.map((j) => (j.data as { tick: string }).tick);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(scheduled.length).toBeGreaterThanOrEqual(5);
    // Every scheduler tick was enqueued (none lost between the two schedulers): ticks are consecutive seconds.
    const seconds = ticks.map((t) => Date.parse(t) / 1000).sort((a, b) => a - b);
    expect(seconds.at(-1)! - seconds[0]! + 1).toBe(seconds.length);
    expect(polls.every((j) => j.attemptsMade <= 1)).toBe(true);
    expect(feed.requests.length).toBeLessThanOrEqual(polls.length);
    figures('3 workers + 2 schedulers', {
      reviews: items.length,
      alerts: negatives.length,
      reviewsStoredTwice: 0,
      alertsDeliveredTwice: 0,
      scheduledPolls: scheduled.length,
      ticks: new Set(ticks).size,
      fetches: feed.requests.length,
    });
  });
});
