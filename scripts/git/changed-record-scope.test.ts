import { afterEach, describe, expect, it } from 'vitest';
import { changedRecordScope } from './changed-record-scope.js';
import { runCliAsync as runCli } from '../testing/run-cli.js';
import { CONTRACT_YAML, PERSON_YAML, createTestRepo, ticketYaml, type TestRepo } from './test-repo.js';


const RELEASE = (tickets: string[]) => `id: REL-aims-5.2.1
system: aims
version: 5.2.1
released_at: 2026-03-20
changes_operation: false
maintenance_notes: 修复打印问题。
contents:
${tickets.map((t) => `  - { type: fix, text: 修复麻醉记录单打印空白, ticket: ${t} }`).join('\n')}
`;

const T = (n: string) => `records/tickets/2026/T-202603${n}.yaml`;
let repo: TestRepo | undefined;
afterEach(() => repo?.cleanup());

function seed(): TestRepo {
  const r = createTestRepo();
  r.commit({
    'records/contract.yaml': CONTRACT_YAML,
    'records/people/P-engineer-a.yaml': PERSON_YAML,
    'records/people/P-engineer-b.yaml': PERSON_YAML.replaceAll('engineer-a', 'engineer-b').replace('甲', '乙'),
    [T('14-01')]: ticketYaml('T-20260314-01', '2026-03-14T10:00:00+08:00'),
    [T('15-01')]: ticketYaml('T-20260315-01', '2026-03-15T10:00:00+08:00').replace('P-engineer-a', 'P-engineer-b'),
    [T('16-01')]: ticketYaml('T-20260316-01', '2026-03-16T10:00:00+08:00').replace('P-engineer-a', 'P-engineer-b'),
    'records/releases/REL-aims-5.2.1.yaml': RELEASE(['T-20260314-01', 'T-20260315-01']),
  }, { date: '2026-03-20T10:00:00+08:00' });
  r.git(['checkout', '-q', '-b', 'feature']);
  return r;
}

const cli = (args: string[], cwd: string) => runCli(args, cwd);

describe('changedRecordScope', () => {
  it('scopes an edited ticket to itself and the contract: an edit that keeps the id cannot break its referrers', async () => {
    repo = seed();
    repo.commit({ [T('14-01')]: ticketYaml('T-20260314-01', '2026-03-14T10:00:00+08:00', 'responded_at: 2026-03-14T10:20:00+08:00\n') }, { date: '2026-03-21T10:00:00+08:00' });
    const scope = await changedRecordScope(repo.dir, 'main');
    expect(scope.changed).toEqual([T('14-01')]);
    expect([...scope.files].sort()).toEqual(['records/contract.yaml', T('14-01')]);
    expect(scope.files.has(T('16-01'))).toBe(false);
  });

  it('a deleted record brings its referrers; untracked files count as changed', async () => {
    repo = seed();
    repo.write({ [T('14-01')]: null, [T('17-01')]: ticketYaml('T-20260317-01', '2026-03-17T10:00:00+08:00') });
    const scope = await changedRecordScope(repo.dir, 'main');
    expect(scope.changed).toEqual([T('14-01'), T('17-01')]);
    expect(scope.deleted).toEqual([T('14-01')]);
    expect(scope.files.has('records/releases/REL-aims-5.2.1.yaml')).toBe(true);
    expect(scope.files.has(T('17-01'))).toBe(true);
    expect(scope.files.has(T('14-01'))).toBe(false);
  });

  it('an id edited inside a file brings the referrers of the old id', async () => {
    repo = seed();
    repo.write({ [T('14-01')]: ticketYaml('T-20260314-09', '2026-03-14T10:00:00+08:00') });
    const scope = await changedRecordScope(repo.dir, 'main');
    expect(scope.files.has('records/releases/REL-aims-5.2.1.yaml')).toBe(true);
  });

  it('rejects an unknown ref with a clear message', async () => {
    repo = seed();
    await expect(changedRecordScope(repo.dir, 'no-such-branch')).rejects.toThrow(/Unexpected Git ref `no-such-branch`/);
  });
});

describe('opsbook validate --changed (real CLI)', () => {
  it('passes on a valid change, fails on a dangling reference in a referrer, exits 2 on a bad ref', async () => {
    repo = seed();
    repo.commit({ [T('16-01')]: ticketYaml('T-20260316-01', '2026-03-16T10:00:00+08:00', 'responded_at: 2026-03-16T10:20:00+08:00\n').replace('P-engineer-a', 'P-engineer-b') }, { date: '2026-03-21T10:00:00+08:00' });
    let r = await cli(['validate', '--changed', 'main', '--no-scan', '--root', repo.dir], repo.dir);
    expect(r.stderr).toMatch(/changed since main: 1 file\(s\)/);
    expect(r.code).toBe(0);
    // deleting a ticket the release lists: the release (unchanged) is now invalid
    repo.commit({ [T('14-01')]: null }, { date: '2026-03-22T10:00:00+08:00' });
    r = await cli(['validate', '--changed', 'main', '--no-scan', '--root', repo.dir], repo.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/records\/releases\/REL-aims-5\.2\.1\.yaml:\d+:\d+ {2}Unexpected reference `T-20260314-01`/);
    r = await cli(['validate', '--changed', 'nope', '--no-scan', '--root', repo.dir], repo.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Unexpected Git ref `nope`/);
  });
});
