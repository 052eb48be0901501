import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The process-level fault tests (crashes, restarts, replicas) take minutes: `npm run test:faults`.
    exclude: ['test/faults/process/**', 'node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    // Component tests share one real Redis (isolated by key prefix) and spawn servers: keep files parallel
    // but bounded to the machine's cores.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
