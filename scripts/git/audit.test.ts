import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auditKnowledgeBase } from './audit.js';
import { recordProvenance } from './provenance.js';
import { ALICE, BOB, CONTRACT_YAML, PERSON_YAML, createTestRepo, ticketYaml, type TestRepo } from './test-repo.js';

const T1 = 'records/tickets/2026/T-20260314-01.yaml';
const base = { 'records/contract.yaml': CONTRACT_YAML, 'records/people/P-engineer-a.yaml': PERSON_YAML };
let repo: TestRepo | undefined;
afterEach(() => repo?.cleanup());

describe('audit', () => {
  it('reports a retroactive edit of responded_at with its author, and no other finding', async () => {
    repo = createTestRepo();
    repo.commit({ ...base, [T1]: ticketYaml('T-20260314-01', '2026-03-14T10:13:00+08:00', 'responded_at: 2026-03-14T10:50:00+08:00\n') }, { date: '2026-03-14T18:00:00+08:00' });
    // title-only edit: history, not a finding
    repo.commit({ [T1]: ticketYaml('T-20260314-01', '2026-03-14T10:13:00+08:00', 'responded_at: 2026-03-14T10:50:00+08:00\n').replace('打印空白', '打印预览空白') }, { date: '2026-03-15T09:00:00+08:00' });
    // Bob moves the response earlier two weeks later
    const bad = repo.commit({ [T1]: ticketYaml('T-20260314-01', '2026-03-14T10:13:00+08:00', 'responded_at: 2026-03-14T10:20:00+08:00\n').replace('打印空白', '打印预览空白') }, { date: '2026-03-29T11:00:00+08:00', author: BOB, message: 'fix response time' });
    const res = await auditKnowledgeBase(repo.dir);
    expect(res.available).toBe(true);
    expect(res.findings).toHaveLength(1);
    const f = res.findings[0]!;
    expect(f).toMatchObject({ record: 'T-20260314-01', kind: 'retroactive-edit', field: 'responded_at', commit: bad, author: BOB.name, old: '2026-03-14T10:50:00+08:00', new: '2026-03-14T10:20:00+08:00' });
    expect(f.message).toContain('响应时间');
    expect(f.message).toContain('14 day(s) after');
  });

  it('flags a record first committed 55 days after the event as a late entry, not a timely one', async () => {
    repo = createTestRepo();
    repo.commit({ ...base, [T1]: ticketYaml('T-20260314-01', '2026-03-14T10:13:00+08:00') }, { date: '2026-03-15T09:00:00+08:00' });
    const late = repo.commit({ 'records/tickets/2026/T-20260101-01.yaml': ticketYaml('T-20260101-01', '2026-01-01T08:00:00+08:00') }, { date: '2026-02-25T08:30:00+08:00', author: BOB });
    const res = await auditKnowledgeBase(repo.dir);
    expect(res.findings.map((f) => [f.record, f.kind, f.field, f.commit, f.author, f.days])).toEqual([
      ['T-20260101-01', 'late-entry', 'reported_at', late, BOB.name, 55],
    ]);
  });

  it('honours contract.sla.late_entry_days and the exact boundary', async () => {
    repo = createTestRepo();
    repo.commit({ ...base, [T1]: ticketYaml('T-20260314-01', '2026-03-14T10:00:00+08:00') }, { date: '2026-03-21T10:00:00+08:00' });
    expect((await auditKnowledgeBase(repo.dir)).findings).toEqual([]); // exactly 7 days: not late
    expect((await auditKnowledgeBase(repo.dir, { lateEntryDays: 3 })).findings.map((f) => f.kind)).toEqual(['late-entry']);
    repo.commit({ 'records/contract.yaml': CONTRACT_YAML.replace('late_entry_days: 7', 'late_entry_days: 2') }, { date: '2026-03-22T10:00:00+08:00' });
    const res = await auditKnowledgeBase(repo.dir);
    expect(res.lateEntryDays).toBe(2);
    expect(res.findings.map((f) => f.kind)).toEqual(['late-entry']);
  });

  it('filling in a blank (respond, resolve, notify appended) is not retroactive; removing or rewriting is', async () => {
    repo = createTestRepo();
    repo.commit({ ...base, [T1]: ticketYaml('T-20260314-01', '2026-03-14T10:00:00+08:00') }, { date: '2026-03-14T10:05:00+08:00' });
    const t2 = ticketYaml('T-20260314-01', '2026-03-14T10:00:00+08:00', 'responded_at: 2026-03-14T10:30:00+08:00\nnotified:\n  - { to: senior_manager, at: 2026-03-14T10:40:00+08:00 }\n');
    repo.commit({ [T1]: t2 }, { date: '2026-03-14T11:00:00+08:00' });
    const t3 = (t2 + 'resolved_at: 2026-03-14T15:00:00+08:00\noutcome: resolved\n').replace('notified:\n', 'notified:\n  - { to: product_team, at: 2026-03-14T10:35:00+08:00 }\n');
    repo.commit({ [T1]: t3 }, { date: '2026-03-14T16:00:00+08:00' });
    // re-formatting a time to the same instant is no change
    repo.commit({ [T1]: t3.replace('responded_at: 2026-03-14T10:30:00+08:00', 'responded_at: 2026-03-14T02:30:00Z') }, { date: '2026-03-15T09:00:00+08:00' });
    expect((await auditKnowledgeBase(repo.dir)).findings).toEqual([]);
    repo.commit({ [T1]: t3.replace('severity: B', 'severity: C') }, { date: '2026-03-16T09:00:00+08:00' });
    repo.commit({ [T1]: t3.replace('severity: B', 'severity: C').replace(/  - \{ to: product_team.*\n/, '') }, { date: '2026-03-17T09:00:00+08:00' });
    const res = await auditKnowledgeBase(repo.dir);
    expect(res.findings.map((f) => `${f.kind}:${f.field}`)).toEqual(['retroactive-edit:severity', 'retroactive-edit:notified']);
    const prov = await recordProvenance(repo.dir);
    expect(prov.records.find((r) => r.id === 'T-20260314-01')!.changes.map((c) => `${c.field}:${c.change}`)).toEqual([
      'responded_at:set', 'notified:set', 'resolved_at:set', 'outcome:set', 'notified:append', 'severity:edit', 'notified:edit',
    ]);
  });

  it('follows a record across a rename to another year folder and across delete + re-add', async () => {
    repo = createTestRepo();
    const first = repo.commit({ ...base, 'records/tickets/2025/T-20260314-01.yaml': ticketYaml('T-20260314-01', '2026-03-14T10:00:00+08:00', 'responded_at: 2026-03-14T10:30:00+08:00\n') }, { date: '2026-03-14T11:00:00+08:00' });
    repo.git(['mv', 'records/tickets/2025', 'records/tickets/2026']);
    repo.commit({}, { date: '2026-03-15T11:00:00+08:00', message: 'move to the right year' });
    repo.commit({ [T1]: null }, { date: '2026-03-16T11:00:00+08:00' });
    repo.commit({ [T1]: ticketYaml('T-20260314-01', '2026-03-14T10:00:00+08:00', 'responded_at: 2026-03-14T10:05:00+08:00\n') }, { date: '2026-03-17T11:00:00+08:00', author: BOB });
    const prov = await recordProvenance(repo.dir);
    expect(prov.available).toBe(true);
    const rec = prov.records.find((r) => r.id === 'T-20260314-01')!;
    expect(rec.path).toBe(T1);
    expect(rec.first.commit).toBe(first);
    expect(rec.first.author).toBe(ALICE.name);
    const res = await auditKnowledgeBase(repo.dir);
    expect(res.findings.map((f) => [f.kind, f.field, f.author])).toEqual([['retroactive-edit', 'responded_at', BOB.name]]);
  });

  it('works when the KB is a sub-folder of the repository', async () => {
    repo = createTestRepo();
    repo.commit({ 'kb/records/contract.yaml': CONTRACT_YAML, 'kb/records/tickets/2026/T-20260101-01.yaml': ticketYaml('T-20260101-01', '2026-01-01T08:00:00+08:00') }, { date: '2026-03-01T08:00:00+08:00' });
    const res = await auditKnowledgeBase(path.join(repo.dir, 'kb'));
    expect(res.findings.map((f) => [f.record, f.path])).toEqual([['T-20260101-01', 'records/tickets/2026/T-20260101-01.yaml']]);
  });

  it('answers "unavailable" outside Git and in a shallow clone', async () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-nogit-'));
    try {
      fs.mkdirSync(path.join(plain, 'records'));
      const res = await auditKnowledgeBase(plain);
      expect(res).toMatchObject({ available: false, reason: 'not-a-repository', findings: [] });
    } finally {
      fs.rmSync(plain, { recursive: true, force: true });
    }
    repo = createTestRepo();
    repo.commit({ ...base, [T1]: ticketYaml('T-20260314-01', '2026-03-14T10:00:00+08:00') }, { date: '2026-03-14T11:00:00+08:00' });
    repo.commit({ [T1]: ticketYaml('T-20260314-01', '2026-03-14T10:00:00+08:00', 'responded_at: 2026-03-14T10:05:00+08:00\n') }, { date: '2026-03-15T11:00:00+08:00' });
    const shallowDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-shallow-'));
    try {
      repo.git(['clone', '-q', '--depth', '1', `file://${repo.dir}`, shallowDir]);
      const res = await auditKnowledgeBase(shallowDir);
      expect(res).toMatchObject({ available: false, reason: 'shallow' });
      if (!res.available) expect(res.message).toMatch(/fetch --unshallow/);
    } finally {
      fs.rmSync(shallowDir, { recursive: true, force: true });
    }
  });
});

describe('opsbook audit (real CLI)', () => {
  it('exits 0 without findings, 1 with findings (--json shape), 2 outside Git', async () => {
    const { runCli } = await import('../testing/run-cli.js').then((m) => ({ runCli: m.runCliAsync }));
    repo = createTestRepo();
    repo.commit({ ...base, [T1]: ticketYaml('T-20260314-01', '2026-03-14T10:13:00+08:00') }, { date: '2026-03-14T18:00:00+08:00' });
    let r = await runCli(['audit', '--root', repo.dir], repo.dir);
    expect(r.code).toBe(0);
    repo.commit({ 'records/tickets/2026/T-20260101-01.yaml': ticketYaml('T-20260101-01', '2026-01-01T08:00:00+08:00') }, { date: '2026-02-25T08:30:00+08:00', author: BOB });
    r = await runCli(['audit', '--json', '--root', repo.dir], repo.dir);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { findings: Record<string, unknown>[] };
    expect(Object.keys(doc)).toEqual(['findings']);
    expect(doc.findings[0]).toMatchObject({ record: 'T-20260101-01', kind: 'late-entry', field: 'reported_at', author: BOB.name });
    expect(Object.keys(doc.findings[0]!).slice(0, 6)).toEqual(['record', 'kind', 'field', 'commit', 'author', 'message']);
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-nogit-'));
    try {
      fs.mkdirSync(path.join(plain, 'records'));
      r = await runCli(['audit', '--root', plain], plain);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^audit: .*not inside a Git work tree/);
    } finally {
      fs.rmSync(plain, { recursive: true, force: true });
    }
  });
});
