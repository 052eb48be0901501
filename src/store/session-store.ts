import { randomBytes } from 'node:crypto';
import type {} from '@fastify/session';
import type { Session } from 'fastify';
import type { Redis } from 'ioredis';
import type { KeyBuilder } from './keys.js';

type Callback = (err?: unknown) => void;

/**
 * Sessions of the workspace kept in Redis (the `store` of @fastify/session): they survive API restarts,
 * every replica sees them, and signing out deletes them, so a copied cookie stops working at once.
 */
export class RedisSessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyBuilder,
    /** Lifetime of a session with no expiry of its own. */
    private readonly ttlMs: number,
  ) {}

  private key(sid: string): string {
    return this.keys.key('session', sid);
  }

  set(sid: string, session: Session, cb: Callback): void {
    const expires = session.cookie?.expires ? new Date(session.cookie.expires).getTime() - Date.now() : this.ttlMs;
    const ttl = Math.max(1_000, Math.min(expires, this.ttlMs));
    this.redis.set(this.key(sid), JSON.stringify(session), 'PX', ttl).then(() => cb(), cb);
  }

  get(sid: string, cb: (err: unknown, session?: Session | null) => void): void {
    this.redis.get(this.key(sid)).then((raw) => cb(null, raw ? (JSON.parse(raw) as Session) : null), cb);
  }

  destroy(sid: string, cb: Callback): void {
    this.redis.del(this.key(sid)).then(() => cb(), cb);
  }
}

/**
 * The secret that signs session cookies: the configured one, else one generated on first start and kept in
 * Redis (SET NX, so concurrently starting replicas agree on one).
 */
export async function sessionSecret(redis: Redis, keys: KeyBuilder, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const key = keys.key('workspace', 'session-secret');
  await redis.set(key, randomBytes(32).toString('base64url'), 'NX');
  const secret = await redis.get(key);
  if (!secret) throw new Error('could not read the session secret back from Redis');
  return secret;
}
