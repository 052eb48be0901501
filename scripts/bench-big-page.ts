/**
 * A poll of a hostile-sized page in the `all` role (API and poll worker in one process): a 3.6 MB HTML
 * page with 100,000 review nodes, under the 5 MB body cap. Prints the process's RSS before and at its
 * peak during the poll, and how long /health took to answer meanwhile (sampled every 20 ms).
 *
 *   npx tsx scripts/bench-big-page.ts            # 100,000 nodes
 *   npx tsx scripts/bench-big-page.ts --quick    # 20,000 nodes
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startService } from '../src/app.js';
import { requestPoll } from '../src/scheduler.js';
import { reviewListPage } from '../test/helpers/factories.js';
import { benchConfig, deletePrefix, silentLogger } from './bench/setup.js';

const quick = process.argv.includes('--quick');
const NODES = quick ? 20_000 : 100_000;

async function main(): Promise<void> {
  const page = reviewListPage(NODES);
  const feed = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/reviews`;
  const config = benchConfig({
    sources: [{ id: 'big', type: 'html', url, allowPrivateNetwork: true, schedule: '0 0 1 1 *', selectors: { item: 'li.r', text: 'p' } }],
    alerts: [{ type: 'log' }],
    api: { port: 0, host: '127.0.0.1', keys: ['bench-key-0123456789'] },
  });
  const service = await startService(config, silentLogger(), 'all', { pollOnStart: false });
  try {
    global.gc?.();
    await new Promise((r) => setTimeout(r, 500));
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const latencies: number[] = [];
    const started = Date.now();
    await requestPoll(service.ctx, 'big', 'manual');
    const done = async (): Promise<boolean> => {
      const s = await service.ctx.store.sources.getSourceState('big');
      return s.lastSuccessAt !== undefined || s.lastErrorAt !== undefined;
    };
    while (!(await done())) {
      const t0 = performance.now();
      await fetch(`${service.address}/health`).then((r) => r.arrayBuffer());
      latencies.push(performance.now() - t0);
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      await new Promise((r) => setTimeout(r, 20));
    }
    const pollMs = Date.now() - started;
    const state = await service.ctx.store.sources.getSourceState('big');
    latencies.sort((a, b) => a - b);
    const mb = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;
    console.log(
      JSON.stringify(
        {
          page: { bytes: page.length, nodes: NODES },
          pollMs,
          source: { reviewsSeen: state.reviewsSeen, lastError: state.lastError, lastWarning: state.lastWarning },
          rss: { before: mb(rssBefore), peak: mb(rssPeak), growth: mb(rssPeak - rssBefore) },
          health: { samples: latencies.length, maxMs: Math.round(latencies.at(-1) ?? 0), p50Ms: Math.round(latencies[Math.floor(latencies.length / 2)] ?? 0) },
        },
        null,
        2,
      ),
    );
  } finally {
    await deletePrefix(service.ctx, config.redis.prefix);
    await service.stop();
    feed.closeAllConnections();
    feed.close();
  }
}

await main();
