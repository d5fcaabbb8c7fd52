import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseInstant } from '../shared/time.js';
import { runCliAsync as runCli } from '../testing/run-cli.js';
import { auditKnowledgeBase, compactFindings, migratedAmong, summarizeAudit, type AuditFinding, type AuditResult } from './audit.js';
import { buildAuditRepo, buildSigningRepo, canSignWithSsh, type AuditCases, type SigningCases } from './fixtures/build-audit-repo.js';
import { recordProvenance } from './provenance.js';
import { ALICE, BOB, CHIEF, CONTRACT_YAML, MALLORY, PERSON_YAML, createTestRepo, ticketYaml, type TestRepo } from './test-repo.js';

const T1 = 'records/tickets/2026/T-20260314-01.yaml';
const base = { 'records/contract.yaml': CONTRACT_YAML, 'records/people/P-engineer-a.yaml': PERSON_YAML };
const AS_OF = parseInstant('2026-06-01T12:00:00+08:00');
let repo: TestRepo | undefined;
afterEach(() => repo?.cleanup());

type Available = Extract<AuditResult, { available: true }>;
const of = (res: AuditResult, record: string) => res.findings.filter((f) => f.record === record);
const kinds = (fs_: AuditFinding[]) => fs_.map((f) => `${f.kind}:${f.field}`);

describe('audit: edits and late entries along the main line', () => {
  it('reports a retroactive edit of responded_at with its author and committer, and no other finding', async () => {
    repo = createTestRepo();
    repo.commit({ ...base, [T1]: ticketYaml('T-20260314-01', '2026-03-14T10:13:00+08:00', 'responded_at: 2026-03-14T10:50:00+08:00\n') }, { date: '2026-03-14T18:00:00+08:00' });
    // title-only edit: history, not a finding
    repo.commit({ [T1]: ticketYaml('T-20260314-01', '2026-03-14T10:13:00+08:00', 'responded_at: 2026-03-14T10:50:00+08:00\n').replace('打印空白', '打印预览空白') }, { date: '2026-03-15T09:00:00+08:00' });
    // Bob moves the response earlier two weeks later
    const bad = repo.commit({ [T1]: ticketYaml('T-20260314-01', '2026-03-14T10:13:00+08:00', 'responded_at: 2026-03-14T10:20:00+08:00\n').replace('打印空白', '打印预览空白') }, { date: '2026-03-29T11:00:00+08:00', author: BOB, message: 'fix response time' });
    const res = await auditKnowledgeBase(repo.dir, { asOf: AS_OF });
    expect(res.available).toBe(true);
    expect(res.findings).toHaveLength(1);
    const f = res.findings[0]!;
    expect(f).toMatchObject({
      record: 'T-20260314-01', kind: 'retroactive-edit', field: 'responded_at', commit: bad, author: BOB.name, committer: BOB.name,
      old: '2026-03-14T10:50:00+08:00', new: '2026-03-14T10:20:00+08:00', landedIn: bad, landedAt: '2026-03-29T11:00:00+08:00', pending: false, severity: 'high',
    });
    expect(f.message).toBe('响应时间（responded_at）由 2026-03-14 10:50 改为 2026-03-14 10:20，于 2026-03-29 11:00 进入主分支，距该记录首次进入主分支 14 天 17 小时；提交 '
      + `${bad.slice(0, 10)}（作者与提交者署名均为 Bob Example <bob@example.invalid>）`);
  });

  it('flags a record that reached main 74 days after the event as a late entry (exact days), not a timely one', async () => {
    repo = createTestRepo();
    repo.commit({ ...base, [T1]: ticketYaml('T-20260314-01', '2026-03-14T10:13:00+08:00') }, { date: '2026-03-15T09:00:00+08:00' });
    const late = repo.commit({ 'records/tickets/2026/T-20260101-01.yaml': ticketYaml('T-20260101-01', '2026-01-01T08:00:00+08:00') }, { date: '2026-03-16T08:30:00+08:00', author: BOB });
    const res = await auditKnowledgeBase(repo.dir, { asOf: AS_OF });
    expect(res.findings.map((f) => [f.record, f.kind, f.field, f.commit, f.author, f.days])).toEqual([
      ['T-20260101-01', 'late-entry', 'reported_at', late, BOB.name, 74 + 0.5 / 24],
    ]);
  });

  it('honours contract.sla.late_entry_days and the exact boundary', async () => {
    repo = createTestRepo();
    repo.commit({ ...base, [T1]: ticketYaml('T-20260314-01', '2026-03-14T10:00:00+08:00') }, { date: '2026-03-21T10:00:00+08:00' });
    expect((await auditKnowledgeBase(repo.dir, { asOf: AS_OF })).findings).toEqual([]); // exactly 7 days: not late
    expect((await auditKnowledgeBase(repo.dir, { lateEntryDays: 3, asOf: AS_OF })).findings.map((f) => f.kind)).toEqual(['late-entry']);
    repo.commit({ 'records/contract.yaml': CONTRACT_YAML.replace('late_entry_days: 7', 'late_entry_days: 2') }, { date: '2026-03-22T10:00:00+08:00' });
    const res = await auditKnowledgeBase(repo.dir, { asOf: AS_OF });
    expect(res.lateEntryDays).toBe(2);
    expect(res.findings.map((f) => f.kind)).toEqual(['late-entry']);
  });

  it('filling in a blank on time (respond, resolve, notify appended) is no finding; removing or rewriting is', async () => {
    repo = createTestRepo();
    repo.commit({ ...base, [T1]: ticketYaml('T-20260314-01', '2026-03-14T10:00:00+08:00') }, { date: '2026-03-14T10:05:00+08:00' });
    const t2 = ticketYaml('T-20260314-01', '2026-03-14T10:00:00+08:00', 'responded_at: 2026-03-14T10:30:00+08:00\nnotified:\n  - { to: senior_manager, at: 2026-03-14T10:40:00+08:00 }\n');
    repo.commit({ [T1]: t2 }, { date: '2026-03-14T11:00:00+08:00' });
    const t3 = (t2 + 'resolved_at: 2026-03-14T15:00:00+08:00\noutcome: resolved\n').replace('notified:\n', 'notified:\n  - { to: product_team, at: 2026-03-14T10:35:00+08:00 }\n');
    repo.commit({ [T1]: t3 }, { date: '2026-03-14T16:00:00+08:00' });
    // re-formatting a time to the same instant is no change
    repo.commit({ [T1]: t3.replace('responded_at: 2026-03-14T10:30:00+08:00', 'responded_at: 2026-03-14T02:30:00Z') }, { date: '2026-03-15T09:00:00+08:00' });
    expect((await auditKnowledgeBase(repo.dir, { asOf: AS_OF })).findings).toEqual([]);
    repo.commit({ [T1]: t3.replace('severity: B', 'severity: C') }, { date: '2026-03-16T09:00:00+08:00' });
    repo.commit({ [T1]: t3.replace('severity: B', 'severity: C').replace(/  - \{ to: product_team.*\n/, '') }, { date: '2026-03-17T09:00:00+08:00' });
    const res = await auditKnowledgeBase(repo.dir, { asOf: AS_OF });
    expect(kinds(res.findings)).toEqual(['retroactive-edit:severity', 'retroactive-edit:notified']);
    const prov = await recordProvenance(repo.dir, { asOf: AS_OF });
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
    const prov = await recordProvenance(repo.dir, { asOf: AS_OF });
    expect(prov.available).toBe(true);
    const rec = prov.records.find((r) => r.id === 'T-20260314-01')!;
    expect(rec.path).toBe(T1);
    expect(rec.first.commit).toBe(first);
    expect(rec.first.author).toBe(ALICE.name);
    const res = await auditKnowledgeBase(repo.dir, { asOf: AS_OF });
    expect(res.findings.map((f) => [f.kind, f.field, f.author])).toEqual([['retroactive-edit', 'responded_at', BOB.name]]);
  });

  it('works when the KB is a sub-folder of the repository', async () => {
    repo = createTestRepo();
    repo.commit({ 'kb/records/contract.yaml': CONTRACT_YAML, 'kb/records/tickets/2026/T-20260101-01.yaml': ticketYaml('T-20260101-01', '2026-01-01T08:00:00+08:00') }, { date: '2026-03-01T08:00:00+08:00' });
    const res = await auditKnowledgeBase(path.join(repo.dir, 'kb'), { asOf: AS_OF });
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

describe('audit: the cases of issue #13, in a repository built by fixtures/build-audit-repo.ts', () => {
  let built: AuditCases;
  let res: Available;
  beforeAll(async () => {
    built = buildAuditRepo();
    const r = await auditKnowledgeBase(built.repo.dir, { asOf: AS_OF });
    if (!r.available) throw new Error(r.message);
    res = r;
  });
  afterAll(() => built.repo.cleanup());

  it('a late entry committed with a backdated GIT_AUTHOR_DATE is late by when it reached main', () => {
    const c = built.cases.backdatedAuthor;
    const [f, ...rest] = of(res, c.record);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ kind: 'late-entry', field: 'reported_at', commit: c.commit, authorDate: c.authorDate, committerDate: c.landedAt, landedAt: c.landedAt });
    // reported 2026-01-02 09:00, on main 2026-03-12 09:00: 69 days, whatever the author date says
    expect(f!.days).toBe(69);
    expect(f!.message).toContain('提交的作者日期为 2026-01-02 09:30，比进入主分支早 68 天 23 小时 30 分钟，不作为登记时间');
  });

  it('an SLA time changed inside a merge commit is found and attributed to the merge itself', () => {
    const c = built.cases.editInMerge;
    expect(of(res, c.record).map((f) => [f.kind, f.field, f.commit, f.inMerge, f.old, f.new])).toEqual([
      ['retroactive-edit', 'responded_at', c.merge, true, '2026-03-03T10:50:00+08:00', '2026-03-03T10:20:00+08:00'],
    ]);
    expect(of(res, c.record)[0]!.message).toContain('该改动由合并提交本身做出，不来自任何被合并的提交');
    // a value filled in by the merge itself (merge-edit), late as well (补填)
    const s = built.cases.setInMerge;
    expect(kinds(of(res, s.record))).toEqual(['merge-edit:resolved_at', 'merge-edit:outcome', 'late-fill:resolved_at']);
    expect(of(res, s.record).every((f) => f.commit === s.merge && f.landedIn === s.merge)).toBe(true);
    // an edit made on the branch: attributed to the branch commit, landed by the merge
    const v = built.cases.editViaMerge;
    expect(of(res, v.record).map((f) => [f.kind, f.field, f.commit, f.landedIn, f.inMerge])).toEqual([['retroactive-edit', 'responded_at', v.commit, v.merge, false]]);
  });

  it('responded_at left blank and filled in 39 days after the time it states is 补填', () => {
    const c = built.cases.lateFill;
    const [f, ...rest] = of(res, c.record);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ kind: 'late-fill', field: 'responded_at', commit: c.commit, new: '2026-03-12T09:20:00+08:00', severity: 'medium' });
    expect(f!.days).toBeCloseTo(39 + 6 / 24 + 40 / 1440, 10);
    expect(f!.message).toMatch(/^响应时间（responded_at）2026-03-12 09:20 在记录进入主分支后才补填，于 2026-04-20 16:00 进入主分支，晚于该时间 39 天 6 小时 40 分钟，超过补填阈值 7 天（sla\.late_entry_days）/);
  });

  it('create and edit squash-merged into one commit: late by the squash commit, whose author date is shown, not used', () => {
    const c = built.cases.squashed;
    const [f, ...rest] = of(res, c.record);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ kind: 'late-entry', commit: c.commit, author: BOB.name, committer: ALICE.name, authorDate: '2026-03-06T08:55:00+08:00', landedAt: '2026-04-21T11:00:00+08:00' });
    expect(f!.message).toContain('作者署名 Bob Example <bob@example.invalid>，提交者署名 Alice Example <alice@example.invalid>，二者不同');
  });

  it('a forged --author: the finding shows the claimed author and the committer, and does not present the author as fact', () => {
    const c = built.cases.forgedAuthor;
    const [f, ...rest] = of(res, c.record);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ kind: 'retroactive-edit', field: 'resolved_at', commit: c.commit, author: CHIEF.name, authorEmail: CHIEF.email, committer: MALLORY.name, committerEmail: MALLORY.email });
    expect(f!.message).toContain('作者署名 Chief Engineer <chief@example.invalid>，提交者署名 Mallory Example <mallory@example.invalid>，二者不同');
    expect(f!.message).not.toMatch(/由 Chief Engineer|by Chief/);
    expect(res.summary.identityDiffers).toBe(2); // the forged edit and the squash
  });

  it('a main-line commit dated before its parent is clamped (and reported), so a backdated committer date does not make an entry timely', () => {
    const c = built.cases.regression;
    expect(kinds(of(res, c.record))).toEqual(['commit-date-regression:', 'late-entry:reported_at']);
    const late = of(res, c.record).find((f) => f.kind === 'late-entry')!;
    expect(late.committerDate).toBe('2026-03-09T09:00:00+08:00');
    expect(late.landedAt).toBe('2026-05-10T09:00:00+08:00'); // the previous main commit's time
    expect(late.days).toBe(63);
  });

  it('the baseline: imported records are counted as 迁移导入 (never 补录), their later edits are audited as usual', () => {
    expect(res.baseline).toMatchObject({ commit: built.baseline, records: 2, landedAt: '2026-03-01T10:00:00+08:00' });
    expect(kinds(of(res, built.cases.migrated.record))).toEqual(['baseline-import:reported_at']);
    const m = of(res, built.cases.migrated.record)[0]!;
    expect(m).toMatchObject({ severity: 'info', baseline: built.baseline });
    expect(m.message).toContain('登记时间无法由 Git 历史核实，未逐条判为补录，也不视为已核实');
    const e = built.cases.migratedEdited;
    expect(of(res, e.record).map((f) => [f.kind, f.field, f.commit])).toEqual([['baseline-import', 'reported_at', built.baseline], ['retroactive-edit', 'resolved_at', e.commit]]);
  });

  it('JSON: migrated records grouped by the commit that brought them, one row each, nothing of their findings lost', () => {
    const { findings, migrated } = compactFindings(res.findings);
    expect(findings).toEqual(res.findings.filter((f) => f.kind !== 'baseline-import'));
    const imported = res.findings.filter((f) => f.kind === 'baseline-import');
    expect(migrated).toMatchObject({ kind: 'baseline-import', label: '迁移导入', severity: 'info', baseline: built.baseline, count: 2 });
    expect(migrated!.landings).toHaveLength(1);
    const g = migrated!.landings[0]!;
    expect(g.records.map((r) => r.record)).toEqual(imported.map((f) => f.record));
    for (const f of imported) {
      const row = g.records.find((r) => r.record === f.record)!;
      // every key of the finding comes back from its group and row
      const { records: _rows, message: _m, ...landing } = g;
      const { edits: _e, ...rest } = row;
      expect({ ...landing, ...rest, kind: migrated!.kind, severity: migrated!.severity, date: g.landedAt, baseline: migrated!.baseline, message: f.message, ...(row.edits ? { edits: row.edits } : {}) }).toEqual(f);
      // the finding's message is the group's with the record's own details inserted before who made it
      const who = g.message.slice(g.message.lastIndexOf('；'));
      expect(f.message.startsWith(g.message.slice(0, -who.length))).toBe(true);
      expect(f.message.endsWith(who)).toBe(true);
    }
  });

  it('summarizeAudit: counts by kind (Chinese labels), the migrated records in one line, the most serious first', () => {
    const s = summarizeAudit(res.findings, { limit: 3 });
    expect(s.byKind.map((k) => [k.label, k.count])).toEqual([['事后修改', 4], ['合并时改动', 2], ['提交时间倒退', 1], ['补填', 2], ['补录', 3], ['迁移导入', 2]]);
    expect(s.total).toBe(12);
    expect(s.baseline).toEqual({ records: 2, commit: built.baseline });
    // the same from the compact form (what the pipeline keeps), for all records and for one
    const { migrated } = compactFindings(res.findings);
    expect(migratedAmong(migrated, new Set(res.findings.map((f) => f.record)))).toEqual(s.baseline);
    expect(migratedAmong(migrated, new Set([built.cases.migrated.record]))).toEqual(summarizeAudit(of(res, built.cases.migrated.record)).baseline);
    expect(migratedAmong(migrated, new Set(['T-19990101-01']))).toBeNull();
    expect(s.serious.map((f) => f.kind)).toEqual(['retroactive-edit', 'retroactive-edit', 'retroactive-edit']);
  });

  it('without the baseline every imported record is judged (nothing is trusted silently)', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-nobaseline-'));
    try {
      built.repo.git(['clone', '-q', built.repo.dir, copy]);
      fs.writeFileSync(path.join(copy, 'opsbook.yaml'), 'audit:\n  main_branch: main\n  baseline: 0123456789abcdef0123456789abcdef01234567\n');
      const r = await auditKnowledgeBase(copy, { asOf: AS_OF });
      expect(r.notes).toEqual([expect.stringMatching(/^audit\.baseline `0123456789abcdef0123456789abcdef01234567` is not a commit of this repository; ignored/)]);
      expect(kinds(r.findings.filter((f) => f.record === built.cases.migrated.record))).toEqual(['late-entry:reported_at']);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!canSignWithSsh())('audit.require_signed with real SSH signatures (ssh-keygen, gpg.format ssh, allowed signers)', () => {
  let built: SigningCases;
  let res: AuditResult;
  beforeAll(async () => {
    built = buildSigningRepo();
    res = await auditKnowledgeBase(built.repo.dir, { asOf: AS_OF });
  });
  afterAll(() => built.repo.cleanup());

  it('agrees with git verify-commit', () => {
    const verify = (c: string) => {
      try {
        execFileSync('git', ['-c', `gpg.ssh.allowedSignersFile=${path.join(built.repo.dir, 'keys/allowed_signers')}`, 'verify-commit', c], { cwd: built.repo.dir, stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    };
    expect([built.good.commit, built.unsigned.commit, built.unknownKey.commit, built.wrongSigner.commit].map(verify)).toEqual([true, false, false, true]);
  });

  it('a good signature gives no finding and is named in other findings; unsigned, unknown-key and wrong-signer changes are each a finding', () => {
    const sig = res.findings.filter((f) => f.kind === 'unsigned-change' || f.kind === 'bad-signature');
    expect(sig.map((f) => [f.record, f.kind, f.commit])).toEqual([
      [built.unknownKey.record, 'bad-signature', built.unknownKey.commit],
      [built.unsigned.record, 'unsigned-change', built.unsigned.commit],
      [built.wrongSigner.record, 'bad-signature', built.wrongSigner.commit],
    ]);
    expect(sig.some((f) => f.commit === built.good.commit)).toBe(false);
    expect(sig[0]!.message).toContain('签名无效：签名密钥未被信任');
    expect(sig[1]!.message).toMatch(/^报告时间（reported_at）、严重级别（severity）、类别（category）的首次登记所在提交未签名（audit\.require_signed/);
    expect(sig[2]!.message).toContain('签名者 alice@example.invalid 与署名作者邮箱 chief@example.invalid 不符');
    expect(sig[2]!.signature).toMatchObject({ status: 'G', signer: ALICE.email });
  });

  it('is off unless opsbook.yaml asks for it', async () => {
    built.repo.commit({ 'opsbook.yaml': 'audit:\n  main_branch: main\n' }, { date: '2026-03-04T09:00:00+08:00' });
    const r = await auditKnowledgeBase(built.repo.dir, { asOf: AS_OF });
    expect(r.available && r.requireSigned).toBe(false);
    expect(r.findings.filter((f) => f.kind === 'unsigned-change' || f.kind === 'bad-signature')).toEqual([]);
  });
});

describe('audit: which history is the main line (local, CI checkouts, PR branches)', () => {
  it('a PR branch: its commits have not reached main; they are judged as landing at as-of', async () => {
    repo = createTestRepo();
    repo.commit({ ...base, [T1]: ticketYaml('T-20260314-01', '2026-03-14T10:00:00+08:00') }, { date: '2026-03-14T11:00:00+08:00' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    // authored and committed on time on the branch, but not merged for weeks
    const c = repo.commit({ 'records/tickets/2026/T-20260315-01.yaml': ticketYaml('T-20260315-01', '2026-03-15T10:00:00+08:00') }, { date: '2026-03-15T10:30:00+08:00', author: BOB });
    const res = await auditKnowledgeBase(repo.dir, { asOf: parseInstant('2026-04-01T09:00:00+08:00') });
    expect(res.available && res.mainLine).toMatchObject({ mainRef: 'refs/heads/main', pending: true });
    expect(res.findings.map((f) => [f.record, f.kind, f.commit, f.pending, f.landedAt])).toEqual([['T-20260315-01', 'late-entry', c, true, '2026-04-01T09:00:00+08:00']]);
    expect(res.findings[0]!.message).toContain('尚未进入主分支（按评估时间 2026-04-01 09:00 计）');
    // judged today it is timely
    expect((await auditKnowledgeBase(repo.dir, { asOf: parseInstant('2026-03-16T09:00:00+08:00') })).findings).toEqual([]);
  });

  it('CI: a detached merge preview with only origin/main, and main_branch from opsbook.yaml', async () => {
    repo = createTestRepo();
    repo.commit({ ...base, 'opsbook.yaml': 'audit:\n  main_branch: trunk\n', [T1]: ticketYaml('T-20260314-01', '2026-03-14T10:00:00+08:00') }, { date: '2026-03-14T11:00:00+08:00' });
    repo.git(['branch', '-q', '-m', 'main', 'trunk']);
    repo.git(['checkout', '-q', '-b', 'pr']);
    repo.commit({ [T1]: ticketYaml('T-20260314-01', '2026-03-14T10:00:00+08:00', 'responded_at: 2026-03-14T10:05:00+08:00\n') }, { date: '2026-03-14T12:00:00+08:00', author: BOB });
    const ci = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-ci-'));
    try {
      // like actions/checkout of refs/pull/N/merge: a clone, remote-tracking branches only, HEAD detached at a merge of the PR into trunk
      repo.git(['clone', '-q', '--no-checkout', repo.dir, ci]);
      const g = (args: string[]) => execFileSync('git', args, { cwd: ci, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'GitHub', GIT_AUTHOR_EMAIL: 'noreply@github.invalid', GIT_COMMITTER_NAME: 'GitHub', GIT_COMMITTER_EMAIL: 'noreply@github.invalid', GIT_COMMITTER_DATE: '2026-03-14T13:00:00+08:00', GIT_AUTHOR_DATE: '2026-03-14T13:00:00+08:00' } });
      g(['checkout', '-q', '--detach', 'origin/trunk']);
      g(['merge', '-q', '--no-ff', '-m', 'Merge pr into trunk', 'origin/pr']);
      for (const b of g(['for-each-ref', '--format=%(refname:short)', 'refs/heads']).split('\n').filter(Boolean)) g(['branch', '-q', '-D', b]);
      const res = await auditKnowledgeBase(ci, { asOf: parseInstant('2026-03-14T13:05:00+08:00') });
      expect(res.available && res.mainLine).toMatchObject({ mainBranch: 'trunk', mainRef: 'refs/remotes/origin/trunk', pending: true });
      expect(res.notes).toEqual([]);
      expect(res.findings).toEqual([]); // the response was filled in on time; nothing else changed
    } finally {
      fs.rmSync(ci, { recursive: true, force: true });
    }
  });

  it('a main branch that does not exist: HEAD is the main line, with a note', async () => {
    repo = createTestRepo();
    repo.commit({ ...base, 'opsbook.yaml': 'audit:\n  main_branch: release\n', [T1]: ticketYaml('T-20260314-01', '2026-03-14T10:00:00+08:00') }, { date: '2026-03-14T11:00:00+08:00' });
    const res = await auditKnowledgeBase(repo.dir, { asOf: AS_OF });
    expect(res.notes).toEqual([expect.stringMatching(/^main branch `release` not found/)]);
    expect(res.available && res.mainLine.mainRef).toBe(null);
  });
});

describe('opsbook audit (real CLI)', () => {
  it('exits 0 without findings, 1 with findings (--json: SPEC shape plus who and when, a summary)', async () => {
    repo = createTestRepo();
    repo.commit({ ...base, 'records/tickets/2026/T-20260214-01.yaml': ticketYaml('T-20260214-01', '2026-02-14T10:13:00+08:00') }, { date: '2026-02-14T18:00:00+08:00' });
    let r = await runCli(['audit', '--root', repo.dir], repo.dir);
    expect(r.code).toBe(0);
    const late = repo.commit({ 'records/tickets/2026/T-20260101-01.yaml': ticketYaml('T-20260101-01', '2026-01-01T08:00:00+08:00') },
      { date: '2026-02-25T08:30:00+08:00', authorDate: '2026-01-01T09:00:00+08:00', author: CHIEF, committer: BOB });
    r = await runCli(['audit', '--json', '--root', repo.dir], repo.dir);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { findings: Record<string, unknown>[]; summary: { byKind: Record<string, number>; total: number }; mainRef: string };
    expect(Object.keys(doc).slice(0, 2)).toEqual(['findings', 'summary']);
    expect(doc.summary).toMatchObject({ total: 1, byKind: { 'late-entry': 1 } });
    expect(doc.mainRef).toBe('refs/heads/main');
    expect(doc.findings[0]).toMatchObject({
      record: 'T-20260101-01', kind: 'late-entry', field: 'reported_at', commit: late, author: CHIEF.name,
      committer: BOB.name, authorEmail: CHIEF.email, committerEmail: BOB.email, authorDate: '2026-01-01T09:00:00+08:00', committerDate: '2026-02-25T08:30:00+08:00', landedAt: '2026-02-25T08:30:00+08:00',
    });
    expect(Object.keys(doc.findings[0]!).slice(0, 6)).toEqual(['record', 'kind', 'field', 'commit', 'author', 'message']);
  }, 120_000);

  it('prints one line per finding (path, Chinese label, message) and a summary on stderr', async () => {
    repo = createTestRepo();
    repo.commit({ ...base, 'records/tickets/2026/T-20260214-01.yaml': ticketYaml('T-20260214-01', '2026-02-14T10:13:00+08:00') }, { date: '2026-02-14T18:00:00+08:00' });
    repo.commit({ 'records/tickets/2026/T-20260101-01.yaml': ticketYaml('T-20260101-01', '2026-01-01T08:00:00+08:00') },
      { date: '2026-02-25T08:30:00+08:00', authorDate: '2026-01-01T09:00:00+08:00', author: CHIEF, committer: BOB });
    const r = await runCli(['audit', '--root', repo.dir], repo.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^records\/tickets\/2026\/T-20260101-01\.yaml {2}补录（late-entry） {2}报告时间（reported_at）为 2026-01-01 08:00 的记录于 2026-02-25 08:30 进入主分支/);
    expect(r.stderr).toMatch(/✖ 1 late-entry in 4 record\(s\), judged along main line refs\/heads\/main/);
  }, 60_000);

  it('exits 2 outside Git', async () => {
    let r;
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-nogit-'));
    try {
      fs.mkdirSync(path.join(plain, 'records'));
      r = await runCli(['audit', '--root', plain], plain);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^audit: .*not inside a Git work tree/);
    } finally {
      fs.rmSync(plain, { recursive: true, force: true });
    }
  }, 60_000);

  it('migrated records alone are counted in one line and exit 0', async () => {
    repo = createTestRepo();
    const imported = repo.commit({ ...base, 'records/tickets/2025/T-20251201-01.yaml': ticketYaml('T-20251201-01', '2025-12-01T08:00:00+08:00') }, { date: '2026-03-01T08:00:00+08:00' });
    repo.commit({ 'opsbook.yaml': `audit:\n  baseline: ${imported.slice(0, 12)}\n` }, { date: '2026-03-01T09:00:00+08:00' });
    const r = await runCli(['audit', '--root', repo.dir], repo.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`迁移导入（baseline-import）  1 条记录在审计基线 ${imported.slice(0, 10)}（opsbook.yaml audit.baseline，2026-03-01 08:00 进入主分支）或之前迁移导入：登记时间无法由 Git 历史核实，未逐条判为补录（明细见 --json）\n`);
    const j = await runCli(['audit', '--json', '--root', repo.dir], repo.dir);
    expect(j.code).toBe(0);
    const doc = JSON.parse(j.stdout) as { findings: unknown[]; summary: { byKind: Record<string, number> }; migrated: Record<string, unknown> };
    expect(doc.findings).toEqual([]);
    expect(doc.summary.byKind).toEqual({ 'baseline-import': 1 });
    expect(doc.migrated).toEqual({
      kind: 'baseline-import', label: '迁移导入', severity: 'info', baseline: imported, count: 1,
      landings: [{
        commit: imported, author: ALICE.name, committer: ALICE.name, authorEmail: ALICE.email, committerEmail: ALICE.email,
        authorDate: '2026-03-01T08:00:00+08:00', committerDate: '2026-03-01T08:00:00+08:00', landedIn: imported, landedAt: '2026-03-01T08:00:00+08:00', pending: false, inMerge: false,
        message: `迁移导入：于 2026-03-01 08:00 进入主分支，在审计基线 ${imported.slice(0, 10)}（audit.baseline）或之前；登记时间无法由 Git 历史核实，未逐条判为补录，也不视为已核实；提交 ${imported.slice(0, 10)}（作者与提交者署名均为 ${ALICE.name} <${ALICE.email}>）`,
        records: [{ record: 'T-20251201-01', path: 'records/tickets/2025/T-20251201-01.yaml', field: 'reported_at', days: 90 }],
      }],
    });
  }, 60_000);
});

describe("the demo knowledge base (this repository's own history)", () => {
  it('audit.baseline names the bulk import: its records are 迁移导入 in one count, the later edits stay findings', async () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const res = await auditKnowledgeBase(root);
    if (!res.available) return; // a shallow or exported copy: the audit says why elsewhere
    expect(res.baseline).toMatchObject({ commit: '4648ee727c98cc5bd6833137e6b954675613ba3d' });
    expect(res.baseline!.records).toBeGreaterThanOrEqual(119);
    expect(res.summary.baseline?.records).toBe(res.baseline!.records);
    const migrated = new Set(res.findings.filter((f) => f.kind === 'baseline-import').map((f) => f.record));
    expect(res.findings.filter((f) => f.kind === 'late-entry' && migrated.has(f.record))).toEqual([]);
    // 7653fe0 changed five resolution times 18 s after the import: not part of it
    expect(res.findings.filter((f) => f.kind === 'retroactive-edit' && f.commit.startsWith('7653fe0')).map((f) => f.record)).toEqual([
      'T-20251218-01', 'T-20260226-01', 'T-20260330-01', 'T-20260506-01', 'T-20260623-01',
    ]);
  }, 60_000);
});
