import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCliAsync as runCli } from '../testing/run-cli.js';
import { ALICE, CONTRACT_YAML, PERSON_YAML, createTestRepo, ticketYaml, type TestRepo } from '../git/test-repo.js';

let repo: TestRepo | undefined;
afterEach(() => repo?.cleanup());

const NEW_TICKET = ['--set', 'system=icis', '--set', 'title=护理记录单保存失败', '--set', 'severity=1', '--set', 'category=fault', '--set', 'channel=phone', '--set', 'engineers=P-engineer-a'];

function kb(): TestRepo {
  const r = createTestRepo({
    'records/contract.yaml': CONTRACT_YAML,
    'records/people/P-engineer-a.yaml': PERSON_YAML,
    'records/tickets/2026/T-20260314-01.yaml': ticketYaml('T-20260314-01', '2026-03-14T10:13:00+08:00'),
  });
  r.commit({}, { date: '2026-03-14T12:00:00+08:00', author: ALICE });
  return r;
}

describe('opsbook new (flags)', () => {
  it('creates a valid ticket with the next free id from the CST date of reported_at, and never overwrites', async () => {
    repo = kb();
    // 2026-03-13T18:30Z is 2026-03-14 02:30 in China: same CST day as the existing ticket → -02
    let r = await runCli(['new', 'ticket', '--root', repo.dir, ...NEW_TICKET, '--set', 'reported_at=2026-03-14T02:30:00+08:00'], repo.dir);
    expect(r.stderr).toContain('created');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('records/tickets/2026/T-20260314-02.yaml');
    const data = parse(repo.read('records/tickets/2026/T-20260314-02.yaml'));
    expect(data).toMatchObject({ id: 'T-20260314-02', severity: '1', engineers: ['P-engineer-a'], reported_at: '2026-03-14T02:30:00+08:00' });
    // validate the whole KB with the real validator
    r = await runCli(['validate', '--no-scan', '--root', repo.dir], repo.dir);
    expect(r.code).toBe(0);
    // an explicit id whose file exists is refused, the file is untouched
    const before = repo.read('records/tickets/2026/T-20260314-01.yaml');
    r = await runCli(['new', 'ticket', '--root', repo.dir, ...NEW_TICKET, '--set', 'reported_at=2026-03-14T11:00:00+08:00', '--set', 'id=T-20260314-01'], repo.dir);
    expect(r.code).toBe(2); // the exclusive create (link) refuses the existing file
    expect(r.stderr).toMatch(/T-20260314-01\.yaml: already exists; refusing to overwrite/);
    expect(repo.read('records/tickets/2026/T-20260314-01.yaml')).toBe(before);
  });

  it('defaults reported_at to --as-of in +08:00; --dry-run writes nothing; missing fields exit 2; invalid values exit 1', async () => {
    repo = kb();
    let r = await runCli(['new', 'ticket', '--root', repo.dir, '--as-of', '2026-04-01T01:02:03Z', ...NEW_TICKET, '--dry-run'], repo.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('id: T-20260401-01\n');
    expect(r.stdout).toContain('reported_at: 2026-04-01T09:02:03+08:00\n');
    expect(fs.existsSync(path.join(repo.dir, 'records/tickets/2026/T-20260401-01.yaml'))).toBe(false);
    r = await runCli(['new', 'ticket', '--root', repo.dir, '--set', 'system=aims'], repo.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Unexpected missing `title`, `severity`, `category`, `channel` for a new ticket, expected --set title=… \(标题\)/);
    r = await runCli(['new', 'ticket', '--root', repo.dir, ...NEW_TICKET, '--set', 'severity=D'], repo.dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/records\/tickets\/\d{4}\/T-\d{8}-01\.yaml:\d+:\d+ {2}Unexpected/);
    r = await runCli(['new', 'ticket', '--root', repo.dir, ...NEW_TICKET, '--set', 'colour=red'], repo.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Unexpected field `colour` for a ticket/);
  });

  it('creates an inspection in its year folder with INS-YYYY-NN', async () => {
    repo = kb();
    const r = await runCli(['new', 'inspection', '--root', repo.dir, '--set', 'type=onsite', '--set', 'systems=aims,icis', '--set', 'started_at=2026-06-02T09:00:00+08:00', '--set', 'finished_at=2026-06-02T17:00:00+08:00', '--set', 'permission.granted_by=信息科', '--set', 'permission.date=2026-05-30'], repo.dir);
    expect(r.stderr).toContain('created');
    expect(r.stdout.trim()).toBe('records/inspections/2026/INS-2026-01.yaml');
    expect(parse(repo.read('records/inspections/2026/INS-2026-01.yaml'))).toMatchObject({ systems: ['aims', 'icis'], permission: { granted_by: '信息科', date: '2026-05-30' } });
  });
});

describe('opsbook ticket (real CLI)', () => {
  it('respond appends responded_at keeping the rest byte for byte; refuses overwrite without --force; refuses bad order', async () => {
    repo = kb();
    const rel = 'records/tickets/2026/T-20260314-01.yaml';
    const before = repo.read(rel);
    let r = await runCli(['ticket', 'respond', 'T-20260314-01', '--at', '2026-03-14T10:20:00+08:00', '--root', repo.dir], repo.dir);
    expect(r.code).toBe(0);
    const after = repo.read(rel);
    expect(after.replace('responded_at: 2026-03-14T10:20:00+08:00\n', '')).toBe(before);
    r = await runCli(['ticket', 'respond', 'T-20260314-01', '--at', '2026-03-14T10:18:00+08:00', '--root', repo.dir], repo.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/responded_at is already .*--force/);
    r = await runCli(['ticket', 'respond', 'T-20260314-01', '--at', '2026-03-14T10:18:00+08:00', '--force', '--root', repo.dir], repo.dir);
    expect(r.code).toBe(0);
    expect(repo.read(rel)).toBe(after.replace('10:20:00', '10:18:00'));
    r = await runCli(['ticket', 'resolve', 'T-20260314-01', '--at', '2026-03-14T09:00:00+08:00', '--root', repo.dir], repo.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/before reported_at/);
    r = await runCli(['ticket', 'respond', 'T-29990101-01', '--root', repo.dir], repo.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Unexpected ticket id `T-29990101-01`/);
  });
});
