import type { Redis } from 'ioredis';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Config } from './config/schema.js';
import { SEVERITIES } from './domain/verdict.js';
import type { Queues } from './queues.js';
import { TaggedPipeline, type KeyBuilder } from './store/keys.js';

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

/**
 * The label every deployment-wide series carries. Each API replica reads the same totals from Redis, so
 * `sum()` over replicas would count them once per replica: these series say so, and are aggregated with
 * `max without (instance)` (the README shows it). Per-process series (`process_*`, `nodejs_*`, request, poll
 * and queue-wait histograms) have no such label and are summed as usual.
 */
export const DEPLOYMENT_LABEL = { scope: 'deployment' } as const;

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** Redis-backed deployment counters, and this process's own metrics (process, HTTP, polls, queue waits). */
export class Metrics {
  /** This process's metrics: every role serves them (the API on /metrics, workers and schedulers on HEALTH_PORT). */
  readonly process = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly pollDuration: Histogram<'source' | 'outcome'>;
  private readonly queueWait: Histogram<'queue'>;

  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyBuilder,
    /** The businesses with data: the analysis save counts `flagged` in each business's own hash (one slot with its review). */
    private readonly businessKeys: () => Promise<KeyBuilder[]> = async () => [keys],
  ) {
    // The default metrics are named process_* and nodejs_* already: the prefix adds only the service's name.
    collectDefaultMetrics({ register: this.process, prefix: 'review_monitor_' });
    this.httpDuration = new Histogram({ name: 'review_monitor_http_request_duration_seconds', help: 'API requests by method, route and status', labelNames: ['method', 'route', 'status'], buckets: SECONDS_BUCKETS, registers: [this.process] });
    this.pollDuration = new Histogram({ name: 'review_monitor_poll_duration_seconds', help: 'Polls of a source, fetch to stored, by outcome (ok, not_modified, failed)', labelNames: ['source', 'outcome'], buckets: SECONDS_BUCKETS, registers: [this.process] });
    this.queueWait = new Histogram({ name: 'review_monitor_queue_wait_seconds', help: 'Time a job waited in its queue before a worker of this process took it (first attempts)', labelNames: ['queue'], buckets: SECONDS_BUCKETS, registers: [this.process] });
  }

  private key(name: CounterName): string {
    return this.keys.key('metrics', name);
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
    const hashes = name === 'flagged' ? await Promise.all((await this.businessKeys()).map((k) => this.redis.hgetall(k.key('metrics', name)))) : [await this.redis.hgetall(this.key(name))];
    const sums = new Map<string, number>();
    for (const h of hashes) for (const [field, v] of Object.entries(h)) sums.set(field, (sums.get(field) ?? 0) + Number(v));
    return [...sums].map(([field, value]) => ({ labels: field.split('|'), value }));
  }

  /** An API request answered (route is the route pattern, never the raw path: bounded label values). */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  /** A poll of a source finished. */
  observePoll(source: string, outcome: 'ok' | 'not_modified' | 'failed', seconds: number): void {
    this.pollDuration.observe({ source, outcome }, seconds);
  }

  /** A job's first attempt started this long after it became ready. */
  observeQueueWait(queue: string, seconds: number): void {
    if (seconds >= 0) this.queueWait.observe({ queue }, seconds);
  }

  /**
   * The API's registry: this process's metrics plus the deployment's, read from Redis at scrape time: the
   * counters (every configured source and channel present from start-up, at zero until something happens),
   * queue depths and each source's last successful poll.
   */
  registry(queues: Queues, config: Pick<Config, 'sources' | 'alerts'>): { contentType: string; metrics(): Promise<string> } {
    const deployment = new Registry();
    deployment.setDefaultLabels(DEPLOYMENT_LABEL);
    const self = this;
    const zeros = zeroLabelSets(config);
    for (const [name, def] of Object.entries(COUNTERS) as [CounterName, (typeof COUNTERS)[CounterName]][]) {
      new Counter({
        name: `review_monitor_${name}_total`,
        help: `${def.help} (deployment total, from Redis)`,
        labelNames: [...def.labels],
        registers: [deployment],
        async collect() {
          this.reset();
          const values = new Map<string, number>((zeros[name] ?? []).map((labels) => [labels.join('|'), 0]));
          for (const { labels, value } of await self.values(name)) values.set(labels.join('|'), value);
          for (const [field, value] of values) {
            const labels = field.split('|');
            this.inc(Object.fromEntries(def.labels.map((l, i) => [l, labels[i] ?? ''])), value);
          }
        },
      });
    }
    new Gauge({
      name: 'review_monitor_queue_jobs',
      help: 'Jobs in each queue by state',
      labelNames: ['queue', 'state'],
      registers: [deployment],
      async collect() {
        this.reset();
        for (const [queue, counts] of Object.entries(await queues.counts())) {
          for (const [state, n] of Object.entries(counts)) this.set({ queue, state }, n);
        }
      },
    });
    new Gauge({
      name: 'review_monitor_source_last_success_timestamp_seconds',
      help: 'When each source was last polled successfully (0: never)',
      labelNames: ['source'],
      registers: [deployment],
      async collect() {
        this.reset();
        const tp = new TaggedPipeline(self.redis);
        for (const s of config.sources) {
          const keys = self.keys.forId(s.id);
          tp.add(keys, (pipe) => pipe.hget(keys.key('source', s.id), 'lastSuccessAt'));
        }
        const replies = await tp.exec();
        config.sources.forEach((s, i) => {
          const at = replies[i]?.[1];
          this.set({ source: s.id }, typeof at === 'string' ? Date.parse(at) / 1000 : 0);
        });
      },
    });
    // Concatenated rather than merged: a merged registry drops the deployment registry's default label.
    return {
      contentType: this.process.contentType,
      metrics: async () => `${await this.process.metrics()}${await deployment.metrics()}`,
    };
  }
}

/** The label sets each counter shows at zero before anything happened: every configured source and channel. */
function zeroLabelSets(config: Pick<Config, 'sources' | 'alerts'>): Partial<Record<CounterName, string[][]>> {
  const sources = config.sources.map((s) => s.id);
  const channels = config.alerts.map((a) => a.id);
  return {
    ingested: sources.map((s) => [s]),
    poll_errors: sources.map((s) => [s]),
    flagged: sources.flatMap((s) => SEVERITIES.map((sev) => [s, sev])),
    alerts_sent: channels.map((c) => [c]),
    alerts_failed: channels.map((c) => [c]),
    published: config.sources.filter((s) => s.publisher.type !== 'manual').flatMap((s) => [[s.publisher.type, 'reply'], [s.publisher.type, 'follow_up']]),
  };
}
