import type { Redis } from 'ioredis';
import type { Config } from './config/schema.js';
import type { Logger } from './logger.js';
import type { Queues } from './queues.js';
import type { ReviewStore } from './store/review-store.js';
import type { LifecycleStore } from './store/lifecycle-store.js';
import type { PeopleStore } from './store/people-store.js';
import type { AlertChannel } from './alerts/channels.js';
import type { Metrics } from './metrics.js';
import type { Credentials } from './credentials/index.js';

/** Everything a role needs, built once in `createContext` and passed down. */
export interface AppContext {
  config: Config;
  logger: Logger;
  /** Shared connection for the store and the queue producers. */
  redis: Redis;
  redisUrl: string;
  /** The Redis Cluster's seed nodes when the service runs on one (`redis.cluster`). */
  redisCluster?: readonly string[] | undefined;
  store: ReviewStore;
  lifecycle: LifecycleStore;
  /** The people who sign in to the workspace. */
  people: PeopleStore;
  queues: Queues;
  channels: Map<string, AlertChannel>;
  metrics: Metrics;
  /** Platform accounts' tokens, one cache per process shared by every source and publisher of an account. */
  credentials: Credentials;
}
