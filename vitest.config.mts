import { defineConfig } from 'vitest/config';

// The whole suite runs in a US time zone unless TZ is set: results must not
// depend on the machine's zone (.ci/run also runs the time-sensitive domains
// under Asia/Shanghai).
const TZ = process.env.TZ ?? 'America/Los_Angeles';
const E2E = 'scripts/package/package-e2e.test.ts';

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', '**/fixtures/**', 'build/**'],
    env: { TZ },
    testTimeout: 30_000,
    hookTimeout: 240_000,
    // 2-core machines: keep heavy suites (browser, pandoc) from starving each other
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: 'build/test-results.json' }]],
    // The end-to-end package test (npm pack, npm install of the whole site stack, a Docusaurus build)
    // runs alone after every other file, so its processes never slow the CLI tests' time limits.
    projects: [
      { extends: true, test: { name: 'suite', include: ['scripts/**/*.test.ts'], exclude: [E2E], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'package-e2e', include: [E2E], sequence: { groupOrder: 1 } } },
    ],
  },
});
