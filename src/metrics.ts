import type { Redis } from 'ioredis';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { Queues } from './queues.js';

/** The counters every role increments. They live in Redis so any API replica reports the whole deployment. */
export const COUNTERS = {
  ingested: { help: 'Reviews stored for the first time', labels: ['source'] },
  flagged: { help: 'Reviews flagged as negative and alerted', labels: ['source', 'severity'] },
  alerts_sent: { help: 'Alert deliveries that succeeded', labels: ['channel'] },
  alerts_failed: { help: 'Alert delivery attempts that failed', labels: ['channel'] },
  poll_errors: { help: 'Polls that failed', labels: ['source'] },
  published: { help: 'Replies and follow-ups posted by a publisher', labels: ['publisher', 'kind'] },
} as const satisfies Record<string, { help: string; labels: readonly string[] }>;
export type CounterName = keyof typeof COUNTERS;

/** Redis-backed counters and their Prometheus exposition. */
export class Metrics {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(name: CounterName): string {
    return `${this.prefix}:metrics:${name}`;
  }

  /** Adds `n` to a counter; label values are joined into one hash field. */
  async inc(name: CounterName, labels: string[], n = 1): Promise<void> {
    if (n === 0) return;
    await this.redis.hincrby(this.key(name), labels.join('|'), n);
  }

  /** Adds to several label sets of one counter in a single round trip. */
  async incMany(name: CounterName, entries: [string[], number][]): Promise<void> {
    if (entries.length === 0) return;
    const pipe = this.redis.pipeline();
    for (const [labels, n] of entries) pipe.hincrby(this.key(name), labels.join('|'), n);
    await pipe.exec();
  }

  /** Current values of a counter by label values. */
  async values(name: CounterName): Promise<{ labels: string[]; value: number }[]> {
    const h = await this.redis.hgetall(this.key(name));
    return Object.entries(h).map(([field, v]) => ({ labels: field.split('|'), value: Number(v) }));
  }

  /** A Prometheus registry whose metrics read Redis (and queue depths) at scrape time. */
  registry(queues: Queues): Registry {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'review_monitor_process_' });
    for (const [name, def] of Object.entries(COUNTERS) as [CounterName, (typeof COUNTERS)[CounterName]][]) {
      const self = this;
      new Counter({
        name: `review_monitor_${name}_total`,
        help: def.help,
        labelNames: [...def.labels],
        registers: [registry],
        async collect() {
          this.reset();
          for (const { labels, value } of await self.values(name)) {
            this.inc(Object.fromEntries(def.labels.map((l, i) => [l, labels[i] ?? ''])), value);
          }
        },
      });
    }
    new Gauge({
      name: 'review_monitor_queue_jobs',
      help: 'Jobs in each queue by state',
      labelNames: ['queue', 'state'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const [queue, counts] of Object.entries(await queues.counts())) {
          for (const [state, n] of Object.entries(counts)) this.set({ queue, state }, n);
        }
      },
    });
    return registry;
  }
}
