import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClassifierBench } from '../bench-classifier.js';
import type { PipelineBench } from './pipeline.js';

/** scripts/.build/, where npm run build:bench writes the benchmark bundles. */
const BUILD = join(dirname(fileURLToPath(import.meta.url)), '..', '.build');

/**
 * A benchmark in a process of its own, on its esbuild bundle (npm run build:bench): the code as the
 * service runs it (dist/ is a bundle too), not as tsx transforms it (tsx names every closure it
 * creates, which cost the classifier about a tenth), and nothing else loaded beside it.
 */
function runBundled<T>(bundle: string, quick: boolean): Promise<T> {
  const file = join(BUILD, bundle);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build:bench first`);
  return new Promise((resolve, reject) => {
    // The child inherits the environment: REDIS_URL (the private Redis) and NODE_OPTIONS.
    execFile(process.execPath, [file, '--json', ...(quick ? ['--quick'] : [])], { maxBuffer: 1024 * 1024 }, (err, stdout) => {
      if (err) return reject(err);
      resolve(JSON.parse(stdout) as T);
    });
  });
}

/** The classifier benchmark (one core): as in an analysis thread, no Redis client loaded beside it. */
export const benchClassifierBundled = ({ quick = false } = {}): Promise<ClassifierBench> => runBundled('bench-classifier.mjs', quick);

/** The pipeline benchmark: the worker's code as dist/main.js runs it, the analysis thread dist/'s own. */
export const benchPipelineBundled = ({ quick = false } = {}): Promise<PipelineBench> => runBundled('bench-pipeline.mjs', quick);
