import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startService } from '../../src/app.js';
import { benchConfig, deletePrefix, pct, silentLogger, until } from './setup.js';

/** Time from a review appearing at a source to its alert arriving at a webhook, with a 1-second poll schedule. */
export interface FreshnessBench {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  samples: number;
  pollIntervalMs: number;
}

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const item = (id: string): string =>
  `<item><title>Cold food and a long wait</title><guid isPermaLink="false">${id}</guid><description>We waited an hour and the soup was cold. Terrible service, never again.</description><pubDate>${new Date().toUTCString()}</pubDate><review:rating>1</review:rating></item>`;

/** Adds one negative review to a local feed at a time and times its alert's arrival. */
export async function benchFreshness({ quick = false } = {}): Promise<FreshnessBench> {
  const samples = quick ? 6 : 30;
  const items: string[] = [];
  const appeared = new Map<string, number>();
  const arrived = new Map<string, number>();
  const feed = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(`<?xml version="1.0"?><rss version="2.0" xmlns:review="http://purl.org/stuff/rev#"><channel><title>t</title>${items.join('')}</channel></rss>`);
  });
  const hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const platformId = (JSON.parse(body) as { review?: { platformId?: string } }).review?.platformId;
      if (platformId && !arrived.has(platformId)) arrived.set(platformId, performance.now());
      res.writeHead(204).end();
    });
  });
  const feedUrl = await listen(feed);
  const hookUrl = await listen(hook);
  const config = benchConfig({
    sources: [{ id: 'fresh', type: 'rss', url: `${feedUrl}/feed.rss`, allowPrivateNetwork: true, schedule: '* * * * * *', alertOnBackfill: false }],
    alerts: [{ type: 'webhook', url: `${hookUrl}/alerts` }],
    fetch: { perHostIntervalMs: 0 },
    api: { port: 0, host: '127.0.0.1' },
  });
  const service = await startService(config, silentLogger(), 'all');
  try {
    // The baseline (an empty feed) first, so what follows is news.
    await until(async () => (await service.ctx.store.sources.getSourceState('fresh')).baselineAt !== undefined, 15_000, 'the baseline poll', 50);
    for (let i = 0; i < samples; i++) {
      const id = `fresh-${i}`;
      items.unshift(item(id));
      appeared.set(id, performance.now());
      await until(async () => arrived.has(id), 10_000, `the alert of ${id}`, 5);
      // Land the next one at a different point of the poll cycle.
      await new Promise((r) => setTimeout(r, 150 + ((i * 337) % 700)));
    }
    const latencies = [...appeared].map(([id, t]) => arrived.get(id)! - t);
    return { p50Ms: Math.round(pct(latencies, 50)), p99Ms: Math.round(pct(latencies, 99)), maxMs: Math.round(Math.max(...latencies)), samples, pollIntervalMs: 1000 };
  } finally {
    await deletePrefix(service.ctx, config.redis.prefix);
    await service.stop();
    feed.close();
    hook.close();
  }
}
