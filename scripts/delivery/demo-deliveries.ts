/**
 * Regenerates the demo knowledge base's delivery register (records/deliveries/):
 * removes the register's records, then `opsbook deliver --backfill` as of
 * 2026-11-30 — every report the demo records show as handed over
 * (inspection reports, the written reply with its date), and the 产品维护报告
 * of faults resolved by 2026-11-20, signed by 信息科 郑文博. What stays due:
 * Y1's annual report, DBI-2026-02's report, the written reply still owed.
 * Run after any change to demo records that reports rest on (their digests
 * change): `npm run demo:deliveries`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = path.join(ROOT, 'records', 'deliveries');
if (fs.existsSync(dir)) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) fs.rmSync(path.join(dir, e.name), { recursive: true, force: true });
  }
}
await main(['node', 'opsbook', '--root', ROOT, '--as-of', '2026-11-30', 'deliver', '--backfill', '--until', '2026-11-20', '--by', 'P-zhengwenbo']);
