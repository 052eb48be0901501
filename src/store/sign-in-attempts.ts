import type { Redis } from 'ioredis';
import type { KeyBuilder } from './keys.js';

/**
 * Failed sign-ins counted per account and per address in fixed windows, in Redis so every API replica
 * shares the counts. Only failures count (a rate limit on every request would also lock out the person
 * who just typed their password right), which is why this is not @fastify/rate-limit.
 */
export class SignInAttempts {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyBuilder,
    private readonly limits: { perAccount: number; perAddress: number; windowMs: number },
  ) {}

  private keysOf(account: string, address: string): [string, string] {
    return [this.keys.key('signin-failures', 'account', account.toLowerCase()), this.keys.key('signin-failures', 'address', address)];
  }

  /** Milliseconds until the account or the address may try again, or 0 when neither is locked. */
  async lockedFor(account: string, address: string): Promise<number> {
    const [a, b] = this.keysOf(account, address);
    const res = await this.redis.multi().get(a).pttl(a).get(b).pttl(b).exec();
    const [na, ta, nb, tb] = (res ?? []).map(([, v]) => v) as [string | null, number, string | null, number];
    let wait = 0;
    if (Number(na ?? 0) >= this.limits.perAccount) wait = Math.max(wait, ta);
    if (Number(nb ?? 0) >= this.limits.perAddress) wait = Math.max(wait, tb);
    return wait;
  }

  /** Counts one failure against the account and the address. */
  async fail(account: string, address: string): Promise<void> {
    const multi = this.redis.multi();
    // NX: the window starts at the first failure and is not extended by later ones.
    for (const k of this.keysOf(account, address)) multi.incr(k).pexpire(k, this.limits.windowMs, 'NX');
    await multi.exec();
  }

  /** Forgets the account's failures after a successful sign-in. */
  async succeeded(account: string): Promise<void> {
    await this.redis.del(this.keysOf(account, '')[0]);
  }
}
