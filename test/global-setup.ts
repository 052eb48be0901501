import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '../src/logger.js';
import { redisAnswers, startPrivateRedis, whichRedisServer } from '../src/redis.js';
import { freePort } from './helpers/http.js';

let child: ChildProcess | undefined;

/**
 * The tests run against a real Redis: REDIS_URL, else the local default. When neither answers but
 * redis-server is installed, a private one is started for the run, as `npm start` does.
 */
export async function setup(): Promise<void> {
  // Every prefix a test makes (uniquePrefix) carries the run's id: teardown checks that none was left behind.
  process.env.RM_TEST_RUN = randomBytes(3).toString('hex');
  if (process.env.REDIS_URL || (await redisAnswers('redis://127.0.0.1:6379'))) return;
  const binary = whichRedisServer();
  if (!binary) throw new Error('The tests need Redis: none answers at redis://127.0.0.1:6379 and no redis-server is on the PATH. Install one (apt-get install -y redis-server) or set REDIS_URL.');
  const port = await freePort();
  child = await startPrivateRedis(binary, port, mkdtempSync(path.join(tmpdir(), 'rm-test-redis-')), createLogger('silent'));
  process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
}

export async function teardown(): Promise<void> {
  const leftovers = await keysLeftBehind(`test-${process.env.RM_TEST_RUN}-*`);
  child?.kill('SIGTERM');
  // A test that leaves keys behind fills the developer's Redis run after run: name the prefixes.
  if (leftovers.length) {
    // vitest reports an error thrown here but still exits 0: set the exit code so the run fails.
    process.exitCode = 1;
    throw new Error(`tests left keys in Redis under ${leftovers.length} prefix(es): ${leftovers.slice(0, 10).join(', ')}`);
  }
}

async function keysLeftBehind(pattern: string): Promise<string[]> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  try {
    const prefixes = new Set<string>();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      for (const k of keys) prefixes.add(k.split(':')[0]!);
    } while (cursor !== '0');
    return [...prefixes];
  } finally {
    redis.disconnect();
  }
}
