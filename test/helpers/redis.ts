import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis the tests use: REDIS_URL, else the local default. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A prefix no other test uses, so component tests can share one Redis. */
export function uniquePrefix(label = 't'): string {
  return `test-${RUN}${label}-${randomBytes(4).toString('hex')}`;
}

/** This test run's id (set by the global setup), so its teardown can find every key the run left behind. */
const RUN = process.env.RM_TEST_RUN ? `${process.env.RM_TEST_RUN}-` : '';

/** A connection for a test, and a cleanup that deletes every key under `prefix` and disconnects. */
export function testRedis(prefix: string): { redis: Redis; cleanup(): Promise<void> } {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  return {
    redis,
    async cleanup() {
      await deleteKeys(redis, prefix);
      redis.disconnect();
    },
  };
}

/** Deletes every key that starts with `prefix:`, and the keys of its businesses (`{<prefix>:<business>}:…`, src/store/keys.ts). */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  const name = /^\{(.+)\}$/.exec(prefix)?.[1] ?? prefix;
  for (const pattern of [`${prefix}:*`, `{${name}:*`]) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  }
}

/** Deletes every key under `prefix` through a connection of its own: for cleanups that run after the services stopped. */
export async function deletePrefix(prefix: string): Promise<void> {
  if (!prefix) return;
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  try {
    await deleteKeys(redis, prefix);
  } finally {
    redis.disconnect();
  }
}
