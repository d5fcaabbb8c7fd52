// Preloaded into every timed process by scripts/bench/run.ts (NODE_OPTIONS=--require):
// writes the whole process's CPU time (all threads) and peak RSS when it exits.
'use strict';
const { isMainThread } = require('node:worker_threads');
const out = process.env.OPSBOOK_BENCH_RUSAGE;
if (isMainThread && out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    require('node:fs').writeFileSync(out, JSON.stringify({ userUs: u.userCPUTime, sysUs: u.systemCPUTime, maxRssKb: u.maxRSS }));
  });
}
