/** Per-host politeness settings. */
export interface HostLimits {
  /** Requests in flight to one host at a time. */
  concurrency: number;
  /** Least time between the starts of two requests to one host. */
  minIntervalMs: number;
}

/** A host asked us (Retry-After) not to come back before `until`. */
export class HostHeldError extends Error {
  constructor(
    readonly host: string,
    readonly until: number,
    now = Date.now(),
  ) {
    super(`${host} asked not to be contacted before ${new Date(until).toISOString()} (Retry-After); not asked again until then`);
    this.name = 'HostHeldError';
    this.retryAfterMs = Math.max(0, until - now);
  }
  readonly retryAfterMs: number;
}

interface HostState {
  active: number;
  nextStart: number;
  heldUntil: number;
  waiting: (() => void)[];
}

/**
 * Per-host concurrency and rate limit, plus Retry-After holds. It is per process: replicas each keep
 * their own, so a deployment with N workers may reach a host N times as often (the source back-off
 * kept in Redis is what all replicas share).
 */
export class HostLimiter {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly limits: HostLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Runs `fn` when the host has a free slot and its minimum interval has passed; fails at once while the host is held. */
  async run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    const s = this.state(host);
    this.throwIfHeld(host, s);
    while (s.active >= this.limits.concurrency) await new Promise<void>((resolve) => s.waiting.push(resolve));
    s.active += 1;
    try {
      // Reserve the start slot before waiting so concurrent callers queue behind each other.
      const now = this.clock();
      const start = Math.max(now, s.nextStart);
      s.nextStart = start + this.limits.minIntervalMs;
      if (start > now) await sleep(start - now);
      this.throwIfHeld(host, s);
      return await fn();
    } finally {
      s.active -= 1;
      s.waiting.shift()?.();
    }
  }

  /** Holds the host until `until` (epoch ms): the host said when it wants to be asked again. */
  hold(host: string, until: number): void {
    const s = this.state(host);
    s.heldUntil = Math.max(s.heldUntil, until);
  }

  /** Epoch ms until which the host is held, or undefined. */
  heldUntil(host: string): number | undefined {
    const until = this.hosts.get(host)?.heldUntil ?? 0;
    return until > this.clock() ? until : undefined;
  }

  private throwIfHeld(host: string, s: HostState): void {
    const now = this.clock();
    if (s.heldUntil > now) throw new HostHeldError(host, s.heldUntil, now);
  }

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      s = { active: 0, nextStart: 0, heldUntil: 0, waiting: [] };
      this.hosts.set(host, s);
    }
    return s;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
