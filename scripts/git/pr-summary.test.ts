import { afterEach, describe, expect, it } from 'vitest';
import { parseInstant } from '../shared/time.js';
import { buildPrSummary, PR_SUMMARY_MARKER, renderSummary, summaryTree, type PrSummaryData } from './pr-summary.js';
import { runCliAsync as runCli } from '../testing/run-cli.js';
import { BOB, CONTRACT_YAML, PERSON_YAML, createTestRepo, ticketYaml, type TestRepo } from './test-repo.js';

let repo: TestRepo | undefined;
afterEach(() => repo?.cleanup());

const LATE = 'records/tickets/2026/T-20260316-01.yaml';
const NEW = 'records/tickets/2026/T-20260318-01.yaml';
const INSPECTION = `id: INS-2026-01
type: onsite
systems: [aims]
started_at: 2026-03-17T09:00:00+08:00
finished_at: 2026-03-17T17:00:00+08:00
`;

function seed(): TestRepo {
  const r = createTestRepo();
  r.commit({
    'records/contract.yaml': CONTRACT_YAML,
    'records/people/P-engineer-a.yaml': PERSON_YAML,
    // severity B, responded after 3 h: an L-1 breach on main
    [LATE]: ticketYaml('T-20260316-01', '2026-03-16T09:00:00+08:00', 'responded_at: 2026-03-16T12:00:00+08:00\n'),
  }, { date: '2026-03-16T13:00:00+08:00' });
  r.git(['checkout', '-q', '-b', 'feature']);
  // Bob "fixes" the response time (clears the breach, but it is a retroactive edit)
  r.commit({ [LATE]: ticketYaml('T-20260316-01', '2026-03-16T09:00:00+08:00', 'responded_at: 2026-03-16T09:30:00+08:00\n') }, { date: '2026-03-19T10:00:00+08:00', author: BOB });
  // a new ticket answered after 2 h (level B: 1 h) and an inspection whose report is due soon
  r.commit({
    [NEW]: ticketYaml('T-20260318-01', '2026-03-18T09:00:00+08:00', 'responded_at: 2026-03-18T11:00:00+08:00\n'),
    'records/inspections/2026/INS-2026-01.yaml': INSPECTION,
  }, { date: '2026-03-19T11:00:00+08:00' });
  return r;
}

describe('buildPrSummary', () => {
  it('lists changes, new and resolved breaches, the audit finding and the report deadline', async () => {
    repo = seed();
    const s = await buildPrSummary(repo.dir, 'main', { asOf: parseInstant('2026-03-20T12:00:00+08:00') });
    const d = s.data;
    expect(d.records.map((r) => `${r.change}:${r.id}`)).toEqual(['added:INS-2026-01', 'changed:T-20260316-01', 'added:T-20260318-01']);
    expect(d.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(d.newBreaches.some((b) => b.clause === 'L-1' && b.record === 'T-20260318-01')).toBe(true);
    expect(d.resolvedBreaches.some((b) => b.clause === 'L-1' && b.record === 'T-20260316-01')).toBe(true);
    expect(d.newBreaches.some((b) => b.record === 'T-20260316-01')).toBe(false);
    expect(d.audit.map((a) => [a.kind, a.record, a.field, a.author])).toEqual([['retroactive-edit', 'T-20260316-01', 'responded_at', BOB.name]]);
    // finished 2026-03-17 (Tue) + 10 working days = 2026-03-31
    expect(d.deadlines.find((x) => x.kind === 'inspection-report')).toMatchObject({ subject: 'INS-2026-01', due: '2026-03-31', overdue: false });
    // Y1 quarter 2 (2026-03-01 … 2026-05-31) has its on-site inspection: no quarterly deadline
    expect(d.deadlines.some((x) => x.kind === 'quarterly-inspection')).toBe(false);
    expect(s.markdown.startsWith(PR_SUMMARY_MARKER)).toBe(true);
    expect(s.markdown).toContain('| 变更');
    expect(s.markdown).toMatch(/事后修改 `T-20260316-01` 响应时间（responded_at）由 2026-03-16 12:00 改为 2026-03-16 09:30，尚未进入主分支（按评估时间 2026-03-20 12:00 计）/);
    expect(d.audit[0]!.message).toContain('作者与提交者署名均为 Bob Example <bob@example.invalid>');
  });

  it('the CLI writes the summary to --out and exits 0; a bad base exits 2', async () => {
    repo = seed();
    let r = await runCli(['pr-summary', 'main', '--out', 'summary.md', '--as-of', '2026-03-20T12:00:00+08:00', '--root', repo.dir], repo.dir);
    expect(r.code).toBe(0);
    expect(repo.read('summary.md')).toContain('## opsbook 检查摘要');
    r = await runCli(['pr-summary', 'nope', '--root', repo.dir], repo.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Unexpected Git ref `nope`/);
  });
});

describe('summaryTree wording', () => {
  it('names clause statuses and audit kinds by their shared Chinese labels', () => {
    const d: PrSummaryData = {
      base: 'main', asOf: '2026-03-20T12:00:00+08:00', period: 'Y1', records: [], docs: [], problems: [], newBreaches: [], resolvedBreaches: [],
      statusChanges: [{ clause: 'L-1', title: '服务请求级别', from: 'met', to: 'breached' }, { clause: 'S-5', title: '定时巡检', from: 'pending', to: 'at-risk' }],
      audit: [{ record: 'T-1', kind: 'late-entry', message: 'first committed 9 days after the event' } as PrSummaryData['audit'][number]],
      auditUnavailable: null, deadlines: [], notes: [],
    };
    const md = renderSummary(summaryTree(d, 'main'));
    expect(md).toMatch(/\| `L-1` \| 服务请求级别 \| 达标\s*\| 违约\s*\|/);
    expect(md).toMatch(/\| `S-5` \| 定时巡检\s*\| 未到期\s*\| 临期\s*\|/);
    expect(md).toContain('补录 `T-1` first committed 9 days after the event');
  });
});
