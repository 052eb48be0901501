import { Worker } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { startService } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { requestPoll } from '../../src/scheduler.js';
import { captureLogs } from '../helpers/context.js';
import { makeConfig, NEGATIVE_ITEMS, POSITIVE_ITEMS, rssFeed } from '../helpers/factories.js';
import { startTestServer, waitFor } from '../helpers/http.js';
import { TEST_REDIS_URL, uniquePrefix } from '../helpers/redis.js';
import { Cleanup, redisFor } from './harness.js';

describe('an analysis batch that failed for good', () => {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  it('is run again by a later poll instead of leaving its reviews unanalysed for ever', async () => {
    const prefix = uniquePrefix('stuck');
    redisFor(cleanup, TEST_REDIS_URL, prefix);
    const feed = await startTestServer((_req, res) => void res.writeHead(200, { etag: '"v1"' }).end(rssFeed([...NEGATIVE_ITEMS, ...POSITIVE_ITEMS])));
    cleanup.add(() => feed.close());
    const config = makeConfig({
      redis: { url: TEST_REDIS_URL, prefix, autostart: false },
      sources: [{ id: 'feed', type: 'rss', url: `${feed.url}/feed.rss`, allowPrivateNetwork: true, schedule: '0 0 1 1 *', alertOnBackfill: true }],
      // Pending reviews are taken up again by the next poll at once (default: after two minutes).
      workers: { retryDelayMs: 10, analysisStaleMs: 0 },
    });
    const logger = createLogger('silent', captureLogs().stream);
    // The first poll stores the reviews, but every analysis attempt fails (a transient fault outlasting the
    // retries: Redis trouble, a job stalled twice by a dying worker...).
    const ingest = await startService(config, logger, 'worker', { pollOnStart: false });
    cleanup.add(() => ingest.stop());
    await ingest.workers!.workers.find((w) => w.name === 'analyze')!.close();
    const failing = new Worker('analyze', async () => Promise.reject(new Error('transient fault')), { connection: { url: TEST_REDIS_URL, maxRetriesPerRequest: null }, prefix });
    cleanup.add(() => failing.close());
    await requestPoll(ingest.ctx, 'feed', 'manual', new Date(Date.now() - 5_000));
    await waitFor(async () => (await ingest.ctx.queues.queues.analyze.getFailed()).length > 0, 10_000, 'the analysis batch to fail for good');
    await failing.close();
    expect(await ingest.ctx.store.pendingAnalysis('feed')).toHaveLength(4);
    await ingest.stop();

    // The fault is gone: a healthy worker and the next poll (the feed is unchanged: 304 or the same items).
    const healthy = await startService(config, logger, 'worker', { pollOnStart: false });
    cleanup.add(() => healthy.stop());
    await requestPoll(healthy.ctx, 'feed', 'manual');
    // The new service's first analysis starts its analysis thread, which loads every language's model
    // (about 3 s under tsx on a quiet machine): on a loaded CI machine that alone can pass 10 s.
    await waitFor(async () => (await healthy.ctx.store.pendingAnalysis('feed')).length === 0, 40_000, 'the pending reviews to be analysed');
    const alerts = await healthy.ctx.store.listing.listAlerts({ limit: 10 });
    expect(alerts.items.map((a) => a.review.platformId).sort()).toEqual(['n1', 'n2']);
  }, 90_000);
});
