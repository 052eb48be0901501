import { buildCredentials } from './credentials/index.js';
import { createContext } from './app.js';
import { createAnalyzer } from './analysis/analyze.js';
import type { Config, SourceConfig } from './config/schema.js';
import { normaliseReview } from './domain/review.js';
import type { Logger } from './logger.js';
import { createRedis, redisAnswers } from './redis.js';
import { requestPoll } from './scheduler.js';
import { fetchReviews, pollWarning } from './sources/index.js';
import { ReviewStore } from './store/review-store.js';

/** `poll-once`: enqueue a poll of each source now, or (dry run) show what a poll would store and alert. */
export async function pollOnce(config: Config, logger: Logger, opts: { sourceId?: string | undefined; dryRun: boolean; out: NodeJS.WritableStream }): Promise<number> {
  const sources = config.sources.filter((s) => (opts.sourceId ? s.id === opts.sourceId : s.enabled));
  if (opts.sourceId && sources.length === 0) {
    logger.error({ source: opts.sourceId, known: config.sources.map((s) => s.id) }, 'no such source in the configuration');
    return 1;
  }
  if (!opts.dryRun) {
    const { ctx, close } = await createContext(config, logger);
    try {
      for (const s of sources) logger.info({ source: s.id, jobId: await requestPoll(ctx, s.id, 'manual') }, 'poll enqueued');
    } finally {
      await close();
    }
    return 0;
  }
  return dryRun(config, logger, sources, opts.out);
}

async function dryRun(config: Config, logger: Logger, sources: SourceConfig[], out: NodeJS.WritableStream): Promise<number> {
  // Read-only look at the store, when one answers, to tell new reviews from known ones; nothing is written.
  const redis = (await redisAnswers(config.redis.url)) ? createRedis(config.redis.url, { name: 'review-monitor-dry-run' }) : undefined;
  const store = redis ? new ReviewStore(redis, config.redis.prefix) : undefined;
  if (!store) logger.warn({}, 'Redis does not answer: every review is shown as new');
  let failures = 0;
  const analyze = createAnalyzer(config);
  const credentials = buildCredentials(config.credentials);
  try {
    for (const source of sources) {
      try {
        const fetched = await fetchReviews(source, { fetch: config.fetch, maxItemsPerPage: config.fetch.maxItemsPerPage, credentials });
        if (fetched.notModified) continue;
        const raws = fetched.reviews;
        const state = store ? await store.sources.getSourceState(source.id) : undefined;
        const baseline = !state?.baselineAt;
        let alerts = 0;
        for (const raw of raws) {
          const review = normaliseReview(raw, source.id);
          const existing = store ? await store.get(review.id) : undefined;
          const status = !existing ? 'new' : existing.hash === review.contentHash ? 'unchanged' : 'edited';
          const { verdict, draft } = analyze(review, { draft: true });
          const wouldAlert = verdict.negative && status !== 'unchanged' && !existing?.alertedAt && (!baseline || source.alertOnBackfill);
          if (wouldAlert) alerts += 1;
          out.write(
            `${JSON.stringify({ source: source.id, id: review.id, status, baseline, wouldAlert, rating: review.rating ?? null, title: review.title ?? null, verdict, draft: draft?.reply ?? null })}\n`,
          );
        }
        const warning = pollWarning(fetched);
        logger[warning ? 'warn' : 'info']({ source: source.id, reviews: raws.length, wouldAlert: alerts, baseline, warning }, 'dry run: read the source; nothing was written');
      } catch (err) {
        failures += 1;
        out.write(`${JSON.stringify({ source: source.id, error: (err as Error).message })}\n`);
      }
    }
  } finally {
    redis?.disconnect();
  }
  return failures > 0 ? 1 : 0;
}
