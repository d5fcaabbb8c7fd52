/**
 * The delivery register end to end, through the real CLI in a real Git
 * repository: deliver reports, change one input record of one of them, and
 * see that report become suspect in `compliance --json` and in the PR
 * summary, re-rendered by `report all`, while the delivered and unchanged
 * reports are not rendered again (files written, not timings).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRepo, type TestRepo } from '../git/test-repo.js';
import { REPO_ROOT, runCliAsync } from '../testing/run-cli.js';

const FIXTURE = path.join(REPO_ROOT, 'scripts/reports/fixtures/ok-kb');
const AS_OF = '2026-11-26T12:00:00+08:00';
const EDITED = 'records/tickets/2026/T-20260210-01.yaml';
const HOSPITAL = 'id: P-it-a\nname: 测试信息科乙\norganisation: hospital\nrole: it\n';

function fixtureFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(FIXTURE, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(FIXTURE);
  return out;
}

let repo: TestRepo;
const cli = (...args: string[]) => runCliAsync([...args, '--root', repo.dir, '--as-of', AS_OF], repo.dir);

beforeAll(async () => {
  repo = createTestRepo();
  repo.commit({ ...fixtureFiles(), 'records/people/P-it-a.yaml': HOSPITAL }, { date: '2026-06-10T10:00:00+08:00' });
  // two maintenance reports and an inspection report handed over, registered with the CLI
  for (const args of [
    ['deliver', 'maintenance', 'T-20260210-01', '--by', 'P-it-a', '--at', '2026-02-12', '--format', 'docx'],
    ['deliver', 'maintenance', 'T-20260103-01', '--by', 'P-it-a', '--at', '2026-01-05'],
    ['deliver', 'inspection', 'INS-2026-01', '--by', 'P-it-a'],
  ]) {
    const r = await cli(...args);
    expect(r.code, r.stderr).toBe(0);
  }
  repo.commit({}, { date: '2026-06-11T10:00:00+08:00', message: 'register deliveries' });
  // on a branch, one input of the first report changes after its delivery
  repo.git(['checkout', '-q', '-b', 'fix-solution']);
  repo.commit({ [EDITED]: repo.read(EDITED).replace('solution: 清理磁盘空间。', 'solution: 清理磁盘空间，并将日志迁移到独立磁盘。') }, { date: '2026-06-12T10:00:00+08:00' });
}, 120_000);
afterAll(() => repo?.cleanup());

describe('delivery register', () => {
  it('writes valid records: the digest the report prints, the inspection’s own hand-over date', async () => {
    const rec = repo.read('records/deliveries/2026/DLV-maintenance-T-20260210-01.yaml');
    expect(rec).toMatch(/^kind: maintenance$/m);
    expect(rec).toMatch(/^delivered_at: 2026-02-12$/m);
    expect(rec).toMatch(/^acknowledged_by: P-it-a$/m);
    // the inspection records report.delivered_at 2026-03-10: the register takes that date, not "now"
    expect(repo.read('records/deliveries/2026/DLV-inspection-INS-2026-01.yaml')).toMatch(/^delivered_at: 2026-03-10$/m);
    const md = await cli('report', 'maintenance', 'T-20260103-01', '--out', path.join(repo.dir, 'one.md'));
    expect(md.code, md.stderr).toBe(0);
    const printed = /sha256:[0-9a-f]{64}/.exec(fs.readFileSync(path.join(repo.dir, 'one.md'), 'utf8'))![0];
    expect(repo.read('records/deliveries/2026/DLV-maintenance-T-20260103-01.yaml')).toContain(`input_digest: ${printed}`);
  }, 120_000); // a whole CLI run (tsx): 25–30 s on the shared 2-core machine under load

  it('lists the changed report as suspect in compliance --json, and only that one', async () => {
    const r = await cli('compliance', '--json');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { suspectReports: { kind: string; id: string; reason: string; delivery: string; deliveredDigest: string; currentDigest: string }[] };
    expect(doc.suspectReports.map((s) => [s.kind, s.id, s.reason, s.delivery])).toEqual([['maintenance', 'T-20260210-01', 'inputs-changed', 'DLV-maintenance-T-20260210-01']]);
    expect(doc.suspectReports[0]!.currentDigest).not.toBe(doc.suspectReports[0]!.deliveredDigest);
  }, 120_000); // a whole CLI run (tsx): 25–30 s on the shared 2-core machine under load

  it('says in the PR summary that this change makes a delivered report suspect', async () => {
    const r = await cli('pr-summary', 'main');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('### 须重新交付的报告');
    expect(r.stdout).toMatch(/🆕 产品维护报告 T-20260210-01 已于 2026-02-12 交付（DLV-maintenance-T-20260210-01）/);
    expect(r.stdout).not.toMatch(/T-20260103-01 已于/);
  }, 120_000); // a whole CLI run (tsx): 25–30 s on the shared 2-core machine under load

  it('report all renders the due and the suspect reports, not the delivered and unchanged ones', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-deliver-out-'));
    try {
      const r = await cli('report', 'all', '--skip-pdf', '--out', out);
      expect(r.code, r.stderr).toBe(0);
      const written = fs.readdirSync(out).filter((f) => f.endsWith('.md') && f !== 'index.md').sort();
      expect(written).toContain('maintenance-T-20260210-01.md'); // suspect: re-rendered for re-delivery
      expect(written).toContain('maintenance-T-20260305-01.md'); // due, never delivered
      expect(written).toContain('annual-Y1.md');
      expect(written).not.toContain('maintenance-T-20260103-01.md'); // delivered, unchanged
      expect(written).not.toContain('inspection-INS-2026-01.md');
      expect(r.stderr).toMatch(/2 report\(s\) delivered and unchanged, not rendered/);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 120_000); // renders DOCX with pandoc
});
