import type { ChildProcess } from 'node:child_process';
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
  if (process.env.REDIS_URL || (await redisAnswers('redis://127.0.0.1:6379'))) return;
  const binary = whichRedisServer();
  if (!binary) throw new Error('The tests need Redis: none answers at redis://127.0.0.1:6379 and no redis-server is on the PATH. Install one (apt-get install -y redis-server) or set REDIS_URL.');
  const port = await freePort();
  child = await startPrivateRedis(binary, port, mkdtempSync(path.join(tmpdir(), 'rm-test-redis-')), createLogger('silent'));
  process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
}

export async function teardown(): Promise<void> {
  child?.kill('SIGTERM');
}
