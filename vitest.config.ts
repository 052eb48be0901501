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
    // Bounds for a stuck test, not targets: a test that takes 11–18 s on a busy developer's machine needs room on a
    // slower CI one (waitFor's limits are tripled for the same reason: test/helpers/http.ts).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
