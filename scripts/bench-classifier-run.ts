import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClassifierBench } from './bench-classifier.js';

const BUNDLE = join(dirname(fileURLToPath(import.meta.url)), '.build', 'bench-classifier.mjs');

/**
 * The classifier benchmark in a process of its own, on the esbuild bundle (npm run build:bench): the
 * code as the service runs it, and nothing else loaded beside it, as in an analysis thread (loading
 * the Redis client into the same process measurably slows the classifier).
 */
export function benchClassifierBundled({ quick = false } = {}): Promise<ClassifierBench> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build:bench first`);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BUNDLE, '--json', ...(quick ? ['--quick'] : [])], { maxBuffer: 1024 * 1024 }, (err, stdout) => {
      if (err) return reject(err);
      resolve(JSON.parse(stdout) as ClassifierBench);
    });
  });
}
