import { Piscina } from 'piscina';
import type { Config, SourceConfig } from '../config/schema.js';
import { threadScript } from '../thread-script.js';
import type { PageResult, ParseLimits } from './adapter.js';
import { ParseError } from './errors.js';
import { parsePage, type PageParser } from './index.js';

/** One page for a parse thread. */
export interface ParseTask {
  source: SourceConfig;
  body: string;
  page: number;
  limits: ParseLimits;
}

/** Where a worker process parses fetched pages: parse threads, or its own thread when there are none. */
export interface ParsePool {
  /** Threads parsing (0: in the calling thread). */
  readonly threads: number;
  parse: PageParser;
  /** Lets running parses finish, then stops the threads. */
  close(): Promise<void>;
}

/**
 * The parse pool for `config.workers.parseThreads` threads, each with a heap of `workers.parseHeapMb`.
 * Parsing is CPU work proportional to the page (a 3.6 MB page of 100,000 nodes takes seconds): in a
 * thread it leaves the event loop free for the API, Redis and lock renewals, and a page that needs more
 * memory than the thread has fails its poll with a clear error instead of growing the process.
 */
export function createParsePool(config: Pick<Config, 'workers'>, opts: { onError?: (err: Error) => void } = {}): ParsePool {
  const { parseThreads: threads, parseHeapMb } = config.workers;
  if (threads === 0) return { threads, parse: parsePage, close: async () => undefined };
  const pool = new Piscina<ParseTask, PageResult>({
    ...threadScript(import.meta.url, 'parse-thread'),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    resourceLimits: { maxOldGenerationSizeMb: parseHeapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.floor(parseHeapMb / 8))) },
  });
  pool.on('error', (err: Error) => opts.onError?.(err));
  return {
    threads,
    async parse(source, body, page, limits) {
      try {
        return await pool.run({ source, body, page, limits });
      } catch (err) {
        const e = err as Error & { code?: string };
        // A thread that ran out of heap is replaced by piscina; the source gets the reason.
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') throw new ParseError(`parsing ${source.type} page ${page} needed more than the parse thread's ${parseHeapMb} MB heap (workers.parseHeapMb)`);
        // Errors cross the thread boundary as plain errors: every parser error is a ParseError.
        throw new ParseError(e.message);
      }
    },
    close: () => pool.close(),
  };
}
