import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSynthKb } from '../synth/index.js';
import { runCli } from '../testing/run-cli.js';
import { PARALLEL_MIN_FILES, freeWorkers, workerCount } from './check-files-parallel.js';

describe('parallel record checks', () => {
  it('uses no workers for small knowledge bases or when told not to', () => {
    expect(workerCount(10, {})).toBe(0);
    expect(workerCount(PARALLEL_MIN_FILES * 10, { OPSBOOK_WORKERS: '0' })).toBe(0);
    expect(workerCount(5, { OPSBOOK_WORKERS: '3' })).toBe(3);
  });

  it('sizes the workers to the free cores', () => {
    expect(freeWorkers(2, 0.1)).toBe(2);
    expect(freeWorkers(2, 1.2)).toBe(0);
    expect(freeWorkers(8, 3)).toBe(4);
    expect(freeWorkers(8, 5.6)).toBe(2);
  });

  it('gives exactly the sequential answer, problems included (real worker threads through the CLI)', { timeout: 120_000 }, async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-par-'));
    await writeSynthKb(root, { tickets: 400, seed: 'parallel' });
    // plant problems in both halves of the file list
    fs.writeFileSync(path.join(root, 'records/people/P-eng-1.yaml'), 'id: P-eng-1\nname: 甲\norganisation: nowhere\nrole: engineer\n');
    const last = fs.readdirSync(path.join(root, 'records/tickets/2026')).sort().pop()!;
    fs.appendFileSync(path.join(root, 'records/tickets/2026', last), 'engineerz: []\n');
    const args = ['validate', '--root', root, '--json', '--no-scan'];
    // no record cache: the second run would take its records from the first one's
    const seq = runCli(args, { env: { OPSBOOK_WORKERS: '0', OPSBOOK_CACHE: '0' } });
    const par = runCli(args, { env: { OPSBOOK_WORKERS: '2', OPSBOOK_CACHE: '0' } });
    expect(seq.code).toBe(1);
    expect(par.code).toBe(1);
    expect(par.stdout).toBe(seq.stdout);
    const doc = JSON.parse(par.stdout) as { errors: number; diagnostics: { path: string; line: number; column: number }[] };
    expect(doc.errors).toBeGreaterThanOrEqual(2);
    // positions come from the main thread's lazy locator and are real
    expect(doc.diagnostics.every((d) => d.line >= 1)).toBe(true);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
