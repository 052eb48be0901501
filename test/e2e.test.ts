import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { reviewIdFor } from '../src/domain/review.js';
import { startCli } from './helpers/cli.js';
import { NEGATIVE_ITEMS, POSITIVE_ITEMS, rssFeed, type FeedItem } from './helpers/factories.js';
import { freePort, startTestServer, waitFor } from './helpers/http.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from './helpers/redis.js';

const KEY = 'e2e-key-0123456789';

describe('end to end: the service on a local feed', () => {
  const prefix = uniquePrefix('e2e');
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('alerts each new negative review once, never the positive ones, and stops cleanly on SIGTERM', async () => {
    const baselineNegative: FeedItem = { id: 'old-1', title: 'Meh', text: 'Slow and cold. Not great.', rating: 2 };
    let items: FeedItem[] = [baselineNegative, POSITIVE_ITEMS[0]!];
    const feed = await startTestServer((_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed(items)));
    const hook = await startTestServer((_req, res) => void res.writeHead(204).end());
    cleanups.push(() => feed.close(), () => hook.close());

    const port = await freePort();
    const dir = mkdtempSync(path.join(tmpdir(), 'rm-e2e-'));
    const configFile = path.join(dir, 'config.yaml');
    writeFileSync(
      configFile,
      `business:
  name: Harbor Bistro
  contact:
    email: care@harborbistro.example
  signature: Maya, Guest Relations
sources:
  - id: harbor
    type: rss
    url: ${feed.url}/harbor.rss
    allowPrivateNetwork: true
    schedule: "* * * * * *"
    alertOnBackfill: false
alerts:
  - type: log
  - type: webhook
    url: ${hook.url}/reviews
redis:
  prefix: ${prefix}
api:
  host: 127.0.0.1
`,
    );
    const svc = startCli(['all', '--config', configFile], { REDIS_URL: TEST_REDIS_URL, PORT: String(port), API_KEYS: KEY, LOG_LEVEL: 'info' });
    cleanups.push(async () => {
      if (svc.child.exitCode === null) svc.child.kill('SIGKILL');
      const redis = new Redis(TEST_REDIS_URL);
      await deleteKeys(redis, prefix);
      redis.disconnect();
    });
    const base = `http://127.0.0.1:${port}`;
    const get = async <T>(p: string): Promise<T> => (await fetch(`${base}${p}`, { headers: { authorization: `Bearer ${KEY}` } })).json() as Promise<T>;

    await waitFor(async () => (await fetch(`${base}/ready`).catch(() => undefined))?.ok, 15_000, `the service to be ready\n${svc.output()}`);
    await waitFor(async () => (await get<{ baselineAt?: string }>('/v1/sources/harbor')).baselineAt, 10_000, 'the baseline poll');
    expect((await get<{ items: unknown[] }>('/v1/alerts')).items).toEqual([]);

    const newPositive: FeedItem = { id: 'new-pos', title: 'Back on form', text: 'Friendly staff and excellent chowder, we loved it.', rating: 5 };
    items = [...NEGATIVE_ITEMS, newPositive, ...items];
    const alerts = await waitFor(async () => {
      const page = await get<{ items: { id: string; platformId: string; verdict: { negative: boolean }; draft: { reply: string } }[] }>('/v1/alerts');
      return page.items.length >= 2 ? page.items : undefined;
    }, 15_000, 'two alerts').catch(async (err: Error) => {
      throw new Error(`${err.message}\nsource: ${JSON.stringify(await get('/v1/sources/harbor'))}\nfeed requests: ${feed.received.length}\n${svc.output()}`);
    });
    // Several more polls of the same feed: still exactly two alerts, two deliveries.
    const pollsBefore = feed.received.length;
    await waitFor(() => feed.received.length >= pollsBefore + 3, 10_000, 'three more polls');
    const after = await get<{ items: { platformId: string }[] }>('/v1/alerts');
    expect(after.items.map((a) => a.platformId).sort()).toEqual(['n1', 'n2']);
    expect(alerts.every((a) => a.verdict.negative && a.draft.reply.includes('care@harborbistro.example'))).toBe(true);
    expect(hook.received).toHaveLength(2);
    expect(new Set(hook.received.map((r) => r.headers['idempotency-key'])).size).toBe(2);

    const all = await get<{ items: { id: string }[] }>('/v1/alerts?limit=100');
    expect(all.items).toHaveLength(2);
    const positive = await get<{ title: string; verdict: { negative: boolean }; draft: unknown }>(`/v1/reviews/${reviewIdFor('harbor', 'new-pos')}`);
    expect(positive).toMatchObject({ title: 'Back on form', verdict: { negative: false }, draft: null });

    svc.child.kill('SIGTERM');
    expect(await svc.exited).toBe(0);
    expect(svc.output()).toMatch(/"msg":"stopped"/);
  }, 60_000);
});
