import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../testing/run-cli.js';

const FIXTURE = path.join(import.meta.dirname, '..', 'reports', 'fixtures', 'ok-kb');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-report-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('opsbook report --final', () => {
  it('refuses a draft, lists what is missing by record and field, and writes nothing', async () => {
    // A committed copy of the fixture, then one record loses its cause and is left uncommitted.
    const kb = path.join(tmp, 'kb');
    fs.cpSync(FIXTURE, kb, { recursive: true });
    const git = (...a: string[]) => execFileSync('git', ['-C', kb, ...a], { stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' } });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'kb', '--no-gpg-sign');
    const asOf = ['--as-of', '2026-11-26T12:00:00+08:00', '--root', kb];
    const out = path.join(tmp, 'm.md');
    const ok = await runCliAsync(['report', 'maintenance', 'T-20260103-01', '--final', '--out', out, ...asOf], kb);
    expect(ok.code, ok.stderr).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).not.toContain('草稿');

    const file = path.join(kb, 'records/tickets/2026/T-20260103-01.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^cause:.*\n/m, ''));
    const out2 = path.join(tmp, 'm2.md');
    const refused = await runCliAsync(['report', 'maintenance', 'T-20260103-01', '--final', '--out', out2, ...asOf], kb);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('records/tickets/2026/T-20260103-01.yaml:1:1  产品维护报告 T-20260103-01: cause: 原因（cause）未填写');
    expect(refused.stderr).toMatch(/records\/tickets\/2026\/T-20260103-01\.yaml:1:1 .*输入记录有未提交的修改/);
    expect(fs.existsSync(out2)).toBe(false);

    // Without --final the draft is written, marked, with the placeholder.
    const drafted = await runCliAsync(['report', 'maintenance', 'T-20260103-01', '--out', out2, ...asOf], kb);
    expect(drafted.code).toBe(0);
    expect(drafted.stderr).toContain('marked 草稿');
    expect(fs.readFileSync(out2, 'utf8')).toContain('【待补充：记录中未填写原因】');
  }, 120_000);
});
