/**
 * The annual report's 数据可信度 section (auditSection/auditText): the audit
 * as a summary — migrated records in one line, counts by kind, the most
 * serious findings in full, the rest in an appendix table.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateCompliance } from '../compliance/index.js';
import type { AuditFinding, AuditKind, MigratedRecords } from '../git/index.js';
import { AUDIT_SEVERITY, compactFindings } from '../git/index.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../records/index.js';
import { parseInstant } from '../shared/time.js';
import { computeSla } from '../sla/index.js';
import type { AnnualAnalyses } from './analyses.js';
import { buildReport } from './catalog.js';
import { fixedProvenance } from './provenance.js';
import { reportToMarkdown } from './to-markdown.js';

const ROOT = path.join(import.meta.dirname, 'fixtures', 'ok-kb');
const AS_OF = parseInstant('2026-11-26T12:00:00+08:00');
let kb: KnowledgeBase;
let base: AnnualAnalyses;

function finding(record: string, kind: AuditKind, over: Partial<AuditFinding> = {}): AuditFinding {
  return {
    record, kind, field: 'responded_at', commit: '0123456789abcdef', author: '工程师甲', message: `${record} 的${kind}说明`,
    committer: '工程师甲', authorEmail: 'a@example.invalid', committerEmail: 'a@example.invalid', authorDate: '2026-03-01T10:00:00+08:00', committerDate: '2026-03-01T10:00:00+08:00',
    landedIn: '0123456789abcdef', landedAt: '2026-03-01T10:00:00+08:00', pending: false, inMerge: false, severity: AUDIT_SEVERITY[kind],
    path: `records/tickets/2026/${record}.yaml`, date: '2026-03-01T10:00:00+08:00', ...over,
  };
}

beforeAll(async () => {
  kb = await loadKnowledgeBase(ROOT);
  base = {
    sla: computeSla(kb, { periodId: 'Y1', asOf: AS_OF }),
    compliance: await evaluateCompliance(kb, { periodId: 'Y1', asOf: AS_OF, root: ROOT, evidence: { guard: [] } }),
  };
});

const section = (audit: AuditFinding[], migrated?: MigratedRecords | null) => {
  const text = reportToMarkdown(buildReport({ kb, asOf: AS_OF, provenance: fixedProvenance(null, new Map()) }, 'annual', 'Y1', { ...base, audit, ...(migrated !== undefined ? { migrated } : {}) }).tree);
  return text.slice(text.indexOf('## 十、数据可信度'), text.indexOf('## 十一'));
};

describe('annual report: the audit as a summary', () => {
  it('migrated records in one line; counts by kind; the five most serious in full; the rest in the appendix table', () => {
    const audit = [
      finding('T-20260103-01', 'baseline-import', { field: 'reported_at', baseline: 'fedcba9876543210' }),
      finding('T-20260210-01', 'baseline-import', { field: 'reported_at', baseline: 'fedcba9876543210' }),
      finding('T-20260305-01', 'late-entry', { field: 'reported_at', days: 12.5, new: '2026-03-05T09:00:00+08:00', authorDate: '2026-03-05T09:30:00+08:00', landedAt: '2026-03-18T21:00:00+08:00' }),
      finding('T-20260307-01', 'late-fill', { days: 9 }),
      finding('T-20260410-01', 'retroactive-edit', { field: 'resolved_at', old: '2026-04-11T10:00:00+08:00', new: '2026-04-10T18:00:00+08:00', author: '主任工程师', authorEmail: 'chief@example.invalid' }),
      finding('T-20260501-01', 'merge-edit', { field: 'resolved_at', new: '2026-05-01T12:00:00+08:00', inMerge: true }),
      finding('T-20260601-01', 'unsigned-change', { field: 'reported_at, severity' }),
      finding('T-20260601-01', 'late-entry', { field: 'reported_at', days: 8, new: '2026-06-01T08:00:00+08:00' }),
      finding('T-20260601-01', 'late-fill', { days: 30 }),
      finding('T-20990101-01', 'retroactive-edit'), // not a record of this period
    ];
    const text = section(audit);
    expect(text).toContain('**迁移导入**：本期 2 条记录在启用 opsbook 时批量导入（审计基线提交 fedcba9876 或之前进入主分支），登记时间无法由 Git 历史核实，未逐条判为补录，也不视为已核实');
    expect(text).toContain('共发现 7 项，其中 1 项的作者署名与提交者署名不同。按类别：');
    expect(text).toMatch(/\| 事后修改\s+\|\s+1 \|[^\n]*\n\| 合并时改动\s+\|\s+1 \|[^\n]*\n\| 补填\s+\|\s+2 \|[^\n]*\n\| 补录\s+\|\s+2 \|[^\n]*\n\| 未签名\s+\|\s+1 \|/);
    expect(text).not.toMatch(/\| 迁移导入 /); // counted in its own line, not a finding row
    const serious = text.slice(text.indexOf('### 最需关注的问题'), text.indexOf('### 附表'));
    expect(serious.match(/^- /gm)).toHaveLength(5);
    expect(serious).toMatch(/^- T-20260410-01（事后修改）：T-20260410-01 的retroactive-edit说明\n- T-20260501-01（合并时改动）[^\n]*\n- T-20260601-01（补填）[^\n]*\n- T-20260307-01（补填）[^\n]*\n- T-20260305-01（补录）/m);
    const appendix = text.slice(text.indexOf('### 附表：审计发现明细'));
    expect(appendix.match(/^\| T-/gm)).toHaveLength(7);
    expect(appendix).toContain('0123456789：作者署名 主任工程师，提交者署名 工程师甲 |');
    expect(appendix).toContain('解决时间（resolved_at）：2026-04-11 10:00 → 2026-04-10 18:00');
    expect(appendix).toContain('报告时间（reported_at） 2026-03-05 09:00，晚 12 天 12 小时；作者日期 2026-03-05 09:30，不作为依据');
    expect(appendix).toContain('解决时间（resolved_at） 由合并提交本身填入 2026-05-01 12:00');
    expect(text).not.toContain('T-20990101-01');
  });

  it('nothing after the baseline: the migrated line and a sentence, no tables', () => {
    const text = section([finding('T-20260103-01', 'baseline-import', { baseline: 'fedcba9876543210' })]);
    expect(text).toContain('本期 1 条记录在启用 opsbook 时批量导入');
    expect(text).toContain('导入之后未发现补录、补填或事后修改 SLA 相关字段的情况。');
    expect(text).not.toContain('| ');
  });

  it('reads the same from the compact form the pipeline keeps (judged findings plus the migrated records grouped)', () => {
    const audit = [
      finding('T-20260103-01', 'baseline-import', { field: 'reported_at', baseline: 'fedcba9876543210' }),
      finding('T-20260210-01', 'baseline-import', { field: 'reported_at', baseline: 'fedcba9876543210', commit: '1111111111aaaaaa', landedIn: '1111111111aaaaaa' }),
      finding('T-20990101-01', 'baseline-import', { field: 'reported_at', baseline: 'fedcba9876543210' }), // not of this period
      finding('T-20260307-01', 'late-fill', { days: 9 }),
    ];
    const compact = compactFindings(audit);
    expect(compact.findings).toHaveLength(1);
    expect(section(compact.findings, compact.migrated)).toBe(section(audit));
    expect(section(compact.findings, compact.migrated)).toContain('本期 2 条记录在启用 opsbook 时批量导入（审计基线提交 fedcba9876');
    // without migrated records in the period: no migrated line
    expect(section([], compactFindings([audit[2]!]).migrated)).not.toContain('迁移导入');
  });
});
