/**
 * Entry of an analysis thread (a piscina worker). It loads the classifier and the drafting code
 * only, never the Redis client or the queues: classifying and drafting run here at the speed they
 * have on their own, on a core of their own, while the worker's event loop keeps talking to Redis.
 */
import { workerData } from 'node:worker_threads';
import { createAnalyzer, type AnalysisConfig, type StoredAnalysis } from './analyze.js';
import type { AnalysisTask } from './pool.js';

const analyze = createAnalyzer((workerData as { config: AnalysisConfig }).config);

export default function run(task: AnalysisTask): StoredAnalysis[] {
  return analyze.stored(task.reviews, { draft: task.draft });
}
