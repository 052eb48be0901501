import { afterEach, describe, expect, it } from 'vitest';
import { reviewIdFor } from '../../../src/domain/review.js';
import { alive, analysedIds, Cleanup, figures, consistencyProblems, freePort, makeItems, sleep, snapshot, spawnRole, startRestartableRedis, startScenario, until } from '../harness.js';

describe('Redis restarted while the service polls and alerts', () => {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  it('reconnects by itself, carries on, and loses nothing acknowledged', async () => {
    const redisServer = await startRestartableRedis(cleanup);
    let items = makeItems(600);
    const { prefix, redis, feed, receiver, config } = await startScenario(cleanup, {
      name: 'rr',
      items,
      redisUrl: redisServer.url,
      receiverDelayMs: 20,
      config: { workers: { analyzeBatchSize: 20 } },
    });
    const port = await freePort();
    const svc = spawnRole(cleanup, 'all', config, { REDIS_URL: redisServer.url, PORT: String(port), API_KEYS: 'faults-key-0123456789' });
    const ready = async (): Promise<boolean> => (await fetch(`http://127.0.0.1:${port}/ready`).catch(() => undefined))?.ok ?? false;

    // Mid-flow: some alerts out, some still to go.
    await until(() => receiver.total() >= 30, 30_000, 'alerts under way', [svc]);
    // What the service has acknowledged before the restart: stored reviews and delivered alerts.
    const before = await snapshot(redis, prefix);
    const deliveredBefore = new Set([...before.delivered].filter(([, d]) => d.hook).map(([id]) => id));
    await redisServer.stop();
    // New reviews appear while Redis is down.
    items = [...items, ...makeItems(90, 600)];
    feed.set(items);
    // While Redis is away the API answers at once (503, a clear message) instead of holding requests open.
    await sleep(500);
    for (const p of ['/v1/alerts', '/v1/sources/src', '/metrics']) {
      const started = Date.now();
      const res = await fetch(`http://127.0.0.1:${port}${p}`, { headers: { authorization: 'Bearer faults-key-0123456789' }, signal: AbortSignal.timeout(5_000) }).catch((err: Error) => err);
      expect({ p, answered: !(res instanceof Error) }).toEqual({ p, answered: true });
      const r = res as Response;
      expect({ p, status: r.status, body: await r.json() }).toMatchObject({ p, status: 503, body: { error: 'unavailable', message: expect.stringMatching(/Redis/) } });
      expect(Date.now() - started).toBeLessThan(2_000);
    }
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    await sleep(1_000);
    expect(alive(svc)).toBe(true);
    await redisServer.start();
    const restartedAt = Date.now();

    await until(ready, 20_000, 'the service to be ready again', [svc]);
    const readyMs = Date.now() - restartedAt;
    // More new reviews after the restart: polling goes on.
    items = [...items, ...makeItems(30, 690)];
    feed.set(items);
    const negatives = items.filter((i) => i.rating === 1).map((i) => reviewIdFor('src', i.id));
    await until(async () => {
      const s = await snapshot(redis, prefix);
      return s.reviews.size === items.length && s.pending.length === 0 && negatives.every((id) => receiver.byKey.has(`${id}-hook`));
    }, 60_000, 'every review stored and analysed, every negative one delivered after the restart', [svc]);
    const caughtUpMs = Date.now() - restartedAt;
    await sleep(1_500);

    const after = await snapshot(redis, prefix);
    expect(alive(svc)).toBe(true);
    // The outage is in the log as JSON lines, one per event, each connection's errors held back to a line per
    // 10 s: no raw multi-line error blocks from a connection without a listener, no line per reconnect attempt.
    const lines = svc.output().split('\n').filter((l) => l.trim() !== '');
    expect(lines.filter((l) => !l.startsWith('{'))).toEqual([]);
    const outageLines = lines.map((l) => JSON.parse(l) as { msg: string; pid?: number; hostname?: string; queue?: string; err?: string }).filter((l) => /connection error|worker error/.test(l.msg));
    expect(outageLines.length).toBeGreaterThan(0);
    // Redis was away about 2 s: each kind of error of each connection is written once, not once per attempt.
    const kinds = outageLines.map((l) => `${l.msg}|${l.queue ?? ''}|${(l.err ?? '').replace(/job \S+/g, 'job')}`);
    expect(kinds.filter((k, i) => kinds.indexOf(k) !== i)).toEqual([]);
    expect(outageLines.every((l) => l.pid === svc.child.pid && typeof l.hostname === 'string')).toBe(true);
    expect(consistencyProblems(after)).toEqual([]);
    for (const id of before.reviews.keys()) expect(after.reviews.has(id)).toBe(true);
    expect(analysedIds(after)).toHaveLength(items.length);
    expect(after.alerts.sort()).toEqual([...negatives].sort());
    // An alert delivered before the restart is not delivered again after it.
    for (const id of deliveredBefore) expect(receiver.byKey.get(`${id}-hook`)).toBe(1);
    const repeats = [...receiver.byKey.values()].filter((n) => n > 1).length;
    expect([...receiver.byKey.values()].every((n) => n <= 2)).toBe(true);
    figures('Redis restarted mid-flow', {
      reviews: items.length,
      alerts: negatives.length,
      storedBeforeRestart: before.reviews.size,
      deliveredBeforeRestart: deliveredBefore.size,
      lost: 0,
      keysDeliveredTwice: repeats,
      redisDownMs: 2_000,
      readyAfterRestartMs: readyMs,
      caughtUpAfterRestartMs: caughtUpMs,
    });
  });
});
