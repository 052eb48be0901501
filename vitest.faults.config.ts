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
  },
});
