import { Piscina } from 'piscina';
import type { Config } from '../config/schema.js';
import { threadScript } from '../thread-script.js';
import { createAnalyzer, type AnalysisConfig, type StoredAnalysis, type StoredReviewInput } from './analyze.js';

/** One batch for an analysis thread: reviews as stored, analyses back as stored. */
export interface AnalysisTask {
  reviews: StoredReviewInput[];
  /** Draft a template reply for the negative ones (off when a model provider drafts instead). */
  draft: boolean;
}

/** Where a worker process classifies and drafts: analysis threads, or its own thread when there are none. */
export interface AnalysisPool {
  /** Threads analysing (0: in the calling thread). */
  readonly threads: number;
  /** The analyses of `reviews`, in their order. */
  analyze(reviews: StoredReviewInput[], opts: { draft: boolean }): Promise<StoredAnalysis[]>;
  /** Lets running batches finish, then stops the threads. */
  close(): Promise<void>;
}

export interface AnalysisPoolOptions {
  onError?: (err: Error) => void;
  /**
   * The thread's script, when not the one beside this module: the pipeline benchmark runs from source but
   * measures the thread the service ships (dist/analysis-thread.js, built by `npm run build`).
   */
  threadScript?: URL | undefined;
}

/**
 * The analysis pool for `config.workers.analysisThreads` threads. Classifying and drafting are pure CPU
 * work: in threads of their own they use another core and leave the event loop free for Redis, lock
 * renewals and health checks. Batches go to the threads whole; results come back in order.
 */
export function createAnalysisPool(config: Pick<Config, 'workers'> & AnalysisConfig, opts: AnalysisPoolOptions = {}): AnalysisPool {
  const threads = config.workers.analysisThreads;
  const analysisConfig: AnalysisConfig = { classifier: config.classifier, business: config.business, drafting: config.drafting, sources: config.sources, businesses: config.businesses };
  if (threads === 0) {
    const analyze = createAnalyzer(analysisConfig);
    return { threads, analyze: async (reviews, opts) => analyze.stored(reviews, opts), close: async () => undefined };
  }
  const pool = new Piscina<AnalysisTask, StoredAnalysis[]>({
    // A given script is built JavaScript: it runs without the tsx loader a benchmark run from source
    // would pass on (tsx transforms every module it loads, the bundle too, and the code it makes is slower).
    ...(opts.threadScript ? { filename: opts.threadScript.href, execArgv: [] } : threadScript(import.meta.url, 'analysis-thread', { importCondition: true })),
    workerData: { config: analysisConfig },
    minThreads: threads,
    maxThreads: threads,
    // Kept running: a new thread would compile the classifier and load the model again.
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  // A thread that fails outside a batch (it could not start, say) is reported here instead of taking
  // the process down; batches it was given fail, and their jobs are retried.
  pool.on('error', (err: Error) => opts.onError?.(err));
  return {
    threads,
    analyze: (reviews, o) => (reviews.length === 0 ? Promise.resolve([]) : pool.run({ reviews, draft: o.draft })),
    close: () => pool.close(),
  };
}
