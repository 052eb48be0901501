import type { ChainableCommander, Redis } from 'ioredis';
import { businessOfId } from '../domain/review.js';

/**
 * The one place Redis key names of the store are built. Every store module (reviews, lifecycle,
 * deliveries, people, sessions, counters…) takes a KeyBuilder instead of joining the prefix itself, so the
 * key layout is decided here.
 *
 * A business's reviews, indexes, counters and records live under a hash tag of its own, `{<name>:<business>}`
 * (`name` is the prefix without braces), so that on a Redis Cluster one business's scripts and transactions stay
 * in one slot while different businesses spread over the nodes. The business `default` (a single-business
 * deployment's) keeps the deployment's own prefix: its data stays where it always was. What belongs to the
 * whole deployment (people, sessions, insights, digests, the change feed, the business registry) stays under
 * the deployment's prefix too.
 */
export class KeyBuilder {
  private readonly scoped = new Map<string, KeyBuilder>();

  constructor(
    readonly prefix: string,
    /** The business these keys are of; undefined: the deployment's own (and the business `default`). */
    readonly business?: string,
    private readonly root?: KeyBuilder,
  ) {}

  /** `<prefix>:<part>:<part>…` */
  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  /** The deployment's own keys (the business registry, people, the change feed…). */
  get deployment(): KeyBuilder {
    return this.root ?? this;
  }

  /** The keys of a business (undefined or `default`: the deployment's prefix). */
  of(business: string | undefined): KeyBuilder {
    const root = this.deployment;
    if (business === undefined || business === 'default') return root;
    let scoped = root.scoped.get(business);
    if (!scoped) {
      const name = /^\{(.+)\}$/.exec(root.prefix)?.[1] ?? root.prefix;
      root.scoped.set(business, (scoped = new KeyBuilder(`{${name}:${business}}`, business, root)));
    }
    return scoped;
  }

  /** The keys of the business a source or review id names (see businessOfId). */
  forId(id: string): KeyBuilder {
    return this.of(businessOfId(id));
  }

  /** The set of businesses that have data under their own tag (kept by the review store). */
  registryKey(): string {
    return this.deployment.key('businesses');
  }
}

type Queue = (pipe: ChainableCommander) => unknown;

/**
 * Commands on several businesses' keys sent as pipelines: one pipeline on a single Redis, one per business on a
 * Redis Cluster (ioredis refuses a pipeline whose keys live on different nodes, and a business's keys share one
 * slot). Each `add` queues exactly one command; `exec` answers with their replies in the order added.
 */
export class TaggedPipeline {
  private readonly entries: { tag: string; queue: Queue }[] = [];
  private readonly trailing: Queue[] = [];

  constructor(private readonly redis: Redis) {}

  /** Queues one command on keys of `keys` (a business's builder, or the deployment's). */
  add(keys: KeyBuilder, queue: Queue): this {
    this.entries.push({ tag: keys.prefix, queue });
    return this;
  }

  /** Queues one command on `key` and keys of the same hash tag (grouped by the tag the key carries). */
  addOn(key: string, queue: Queue): this {
    this.entries.push({ tag: /\{[^}]*\}/.exec(key)?.[0] ?? '', queue });
    return this;
  }

  /**
   * Queues commands on the deployment's keys sent after every other command has run (the change feed: a reader
   * told of a change must find it written). Their replies are not returned.
   */
  after(queue: Queue): this {
    this.trailing.push(queue);
    return this;
  }

  get length(): number {
    return this.entries.length;
  }

  async exec(): Promise<[Error | null, unknown][]> {
    if (!(this.redis as { isCluster?: boolean }).isCluster) {
      if (this.entries.length === 0 && this.trailing.length === 0) return [];
      const pipe = this.redis.pipeline();
      for (const e of this.entries) e.queue(pipe);
      for (const t of this.trailing) t(pipe);
      return ((await pipe.exec()) ?? []).slice(0, this.entries.length);
    }
    const groups = new Map<string, number[]>();
    this.entries.forEach((e, i) => {
      const g = groups.get(e.tag);
      if (g) g.push(i);
      else groups.set(e.tag, [i]);
    });
    const out: [Error | null, unknown][] = new Array(this.entries.length);
    await Promise.all(
      [...groups.values()].map(async (indices) => {
        const pipe = this.redis.pipeline();
        for (const i of indices) this.entries[i]!.queue(pipe);
        const replies = (await pipe.exec()) ?? [];
        indices.forEach((i, j) => (out[i] = replies[j] ?? [new Error('no reply'), null]));
      }),
    );
    if (this.trailing.length) {
      const pipe = this.redis.pipeline();
      for (const t of this.trailing) t(pipe);
      await pipe.exec();
    }
    return out;
  }
}
