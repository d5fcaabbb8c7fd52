/**
 * End to end: `opsbook workdays add` through the real CLI (tsx), in a US
 * time zone, against fixture knowledge bases.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCliAsync, type CliResult } from '../testing/run-cli.js';
import { afterAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

/** The real CLI in a US time zone (shared harness: scripts/testing/run-cli.ts). */
function opsbook(...args: string[]): Promise<CliResult> {
  return runCliAsync(args, repo, { TZ: 'America/Los_Angeles' });
}
const kb = (name: string) => path.join(here, 'fixtures', name);
const tmpRoots: string[] = [];
afterAll(() => tmpRoots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

describe('opsbook workdays add', { timeout: 60_000 }, () => {
  it('prints the 10th working day after an inspection, across National Day', async () => {
    expect(await opsbook('--root', repo, 'workdays', 'add', '2026-09-28', '10')).toEqual({ code: 0, stdout: '2026-10-16\n', stderr: '' });
  });

  it('uses the calendar records under --root', async () => {
    expect(await opsbook('--root', kb('ok-kb-2027'), 'workdays', 'add', '2026-12-31', '1')).toEqual({ code: 0, stdout: '2027-01-07\n', stderr: '' });
  });

  it('warns on stderr for a year without data, and still prints the date', async () => {
    const r = await opsbook('--root', kb('no-such-kb'), 'workdays', 'add', '2026-12-31', '1');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('2027-01-01\n');
    expect(r.stderr).toBe('warning: No PRC holiday calendar for 2027: add records/calendar/2027.yaml (see records/calendar/README.md); Monday–Friday counted as working days meanwhile\n');
  });

  it.each([
    [['2026-13-01', '1'], /^Unexpected date `2026-13-01`: no such day/],
    [['2026/09/28', '1'], /^Unexpected date `2026\/09\/28`, expected YYYY-MM-DD/],
    [['2026-09-28', 'ten'], /^Unexpected N `ten`, expected a whole number/],
    [['2026-09-28', '1.5'], /^Unexpected N `1.5`/],
    [['2026-09-28', '99999'], /^Unexpected N `99999`/],
    [['2026-09-28', '-1'], /^Unexpected N `-1`/],
  ])('exits 2 with one line for %j', async (args, message) => {
    const r = await opsbook('--root', kb('no-such-kb'), 'workdays', 'add', ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 2 with path:line:col for a calendar file the schema rejects', async () => {
    const r = await opsbook('--root', kb('not-ok-kb-bad-date'), 'workdays', 'add', '2026-09-28', '1');
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'records/calendar/2027.yaml:7:9  Unexpected impossible date or time `2027-02-30`, expected a real calendar date and time for `holidays[0].to` (结束日期)  schema\n',
    });
  });

  it('exits 2 with path:line:col for an inconsistent calendar file', async () => {
    const r = await opsbook('--root', kb('not-ok-kb-workday-on-weekday'), 'workdays', 'add', '2026-09-28', '1');
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'records/calendar/2027.yaml:8:5  Unexpected workday `2027-01-06` on a weekday, expected a Saturday or Sunday made a working day (调休上班)  calendar-consistency\n',
    });
  });

  it('ignores problems outside records/calendar/', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-workdays-'));
    tmpRoots.push(root);
    fs.cpSync(kb('ok-kb-2027'), root, { recursive: true });
    fs.mkdirSync(path.join(root, 'records/incidents'));
    fs.writeFileSync(path.join(root, 'records/incidents/I-1.yaml'), 'id: [\n');
    fs.writeFileSync(path.join(root, 'records/contract.yaml'), 'id: HT-BROKEN\n');
    expect(await opsbook('--root', root, 'workdays', 'add', '2026-12-31', '1')).toEqual({ code: 0, stdout: '2027-01-07\n', stderr: '' });
  });
});
