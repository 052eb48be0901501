import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { KeyBuilder } from './keys.js';

/** What `markChanged` queues its two commands on: a pipeline or a MULTI. */
export type Pipe = { incr(key: string): unknown; publish(channel: string, message: string): unknown };

/**
 * The change feed of what the API shows: a version counter and a pub/sub message per change, so every API
 * process drops its cached list pages (keys `version`, `changes`).
 */
export class ChangeFeed {
  constructor(
    private readonly r: Redis,
    private readonly keys: KeyBuilder,
  ) {}

  private key(...parts: string[]): string {
    return this.keys.key(...parts);
  }

  /**
   * Tells every API process that what it shows of reviews changed (cached list pages are stale): a
   * counter for the record and a message on `changesChannel()`. Queued on `pipe` after the writes.
   */
  markChanged(pipe: Pipe): void {
    pipe.incr(this.key('version'));
    pipe.publish(this.changesChannel(), this.origin);
  }

  /**
   * Sent with this store's change messages. Its own writes already invalidated through
   * `changedHere`; their echo arriving later would throw away a page cached since.
   */
  readonly origin = randomUUID();

  /** Listeners told at once of changes made through this process (other processes' arrive by pub/sub). */
  readonly localChangeListeners = new Set<() => void>();

  /** Tells this process's listeners that a write queued with `markChanged` has been executed. */
  changedHere(): void {
    for (const l of this.localChangeListeners) l();
  }

  /** The pub/sub channel `markChanged` announces changes on. */
  changesChannel(): string {
    return this.key('changes');
  }

  /** Marks the shown data as changed, for writers outside this class. */
  async bumpVersion(): Promise<void> {
    const pipe = this.r.pipeline();
    this.markChanged(pipe);
    await pipe.exec();
    this.changedHere();
  }
}
