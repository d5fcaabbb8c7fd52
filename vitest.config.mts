import { defineConfig } from 'vitest/config';

// The whole suite runs in a US time zone unless TZ is set: results must not
// depend on the machine's zone (.ci/run also runs the time-sensitive domains
// under Asia/Shanghai).
const TZ = process.env.TZ ?? 'America/Los_Angeles';

export default defineConfig({
  test: {
    include: ['scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/fixtures/**', 'build/**'],
    env: { TZ },
    testTimeout: 30_000,
    hookTimeout: 240_000,
    // 2-core machines: keep heavy suites (browser, pandoc) from starving each other
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: 'build/test-results.json' }]],
  },
});
