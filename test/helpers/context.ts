import { Writable } from 'node:stream';
import { createContext, type Service } from '../../src/app.js';
import { createAnalysisPool, type AnalysisPool } from '../../src/analysis/pool.js';
import type { Config, ConfigInput } from '../../src/config/schema.js';
import type { AppContext } from '../../src/context.js';
import { createLogger } from '../../src/logger.js';
import type { QueueName } from '../../src/queues.js';
import { makeConfig } from './factories.js';
import { waitFor } from './http.js';
import { deletePrefix, TEST_REDIS_URL, uniquePrefix } from './redis.js';

/** Log lines a test can inspect. */
export function captureLogs(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      cb();
    },
  });
  return { lines, stream };
}

/** A full AppContext on the real Redis under a fresh prefix; `close` deletes the prefix's keys. */
export async function testContext(over: Partial<ConfigInput> = {}, env: Record<string, string> = {}): Promise<{ ctx: AppContext; logs: Record<string, unknown>[]; close(): Promise<void> }> {
  const prefix = uniquePrefix();
  const config = makeConfig({ ...over, redis: { url: TEST_REDIS_URL, prefix, autostart: false } }, env);
  const logs = captureLogs();
  const { ctx, close } = await createContext(config, createLogger('debug', logs.stream));
  return {
    ctx,
    logs: logs.lines,
    async close() {
      // Closed first: a queue writes its meta key once its connection is ready, which may come after a quick
      // test's last step; deleted after, on a connection of its own, nothing is left behind.
      await close();
      await deletePrefix(prefix);
    },
  };
}

/**
 * What a test that starts services and local servers must stop afterwards: `track` them as they start,
 * set `prefix`, and call `teardown` in afterEach (keys deleted, services stopped newest first, servers closed).
 */
export function serviceHarness(): {
  services: Service[];
  closers: (() => Promise<unknown>)[];
  prefix: string;
  teardown(): Promise<void>;
} {
  const h = {
    services: [] as Service[],
    closers: [] as (() => Promise<unknown>)[],
    prefix: '',
    async teardown() {
      // Services first: a worker still delivering would write keys again after they were deleted.
      const started = h.services.length > 0;
      for (const s of h.services.splice(0).reverse()) await s.stop();
      for (const c of h.closers.splice(0)) await c();
      if (started) await deletePrefix(h.prefix);
    },
  };
  return h;
}

/** Analysis in the test's own thread (analysisThreads 0), for tests that call analyzeBatch directly. */
export function inlineAnalysis(config: Config): AnalysisPool {
  return createAnalysisPool({ ...config, workers: { ...config.workers, analysisThreads: 0 } });
}

/**
 * Resolves once no job of these queues is waiting, active or delayed: from then on nothing more will be
 * delivered, so a test can check that nothing more arrived without sleeping and hoping.
 */
export async function queuesIdle(ctx: AppContext, names: readonly QueueName[] = ['analyze', 'notify', 'digest', 'publish'], timeoutMs = 10_000): Promise<void> {
  await waitFor(
    async () => {
      const counts = await Promise.all(names.map((n) => ctx.queues.queues[n].getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children')));
      return counts.every((c) => Object.values(c).every((v) => v === 0));
    },
    timeoutMs,
    `queues ${names.join(', ')} to be idle`,
  );
}
