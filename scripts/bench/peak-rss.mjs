// Loaded with `node --import` by the pipeline benchmark: on exit, writes the process's peak RSS
// (all its threads, worker threads included) in KiB to the file named by OPSBOOK_BENCH_RSS.
import fs from 'node:fs';

const out = process.env.OPSBOOK_BENCH_RSS;
if (out) process.on('exit', () => fs.writeFileSync(out, String(process.resourceUsage().maxRSS)));
