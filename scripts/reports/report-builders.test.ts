import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase, type KnowledgeBase } from '../records/index.js';
import { computeSla } from '../sla/index.js';
import { UserError } from '../shared/errors.js';
import { parseInstant } from '../shared/time.js';
import { evaluateCompliance } from '../compliance/index.js';
import type { AnnualAnalyses } from './analyses.js';
import { periodTickets, resolvePeriodWindow } from './annual-statistics.js';
import { deriveSuggestions } from './annual-suggestions.js';
import { buildReport, closeIds, dueReports } from './catalog.js';
import { fixedProvenance, inputDigest } from './provenance.js';
import type { ReportContext } from './report-types.js';
import { reportToMarkdown } from './to-markdown.js';

const ROOT = path.join(import.meta.dirname, 'fixtures', 'ok-kb');
const AS_OF = parseInstant('2026-11-26T12:00:00+08:00');
let kb: KnowledgeBase;
let ctx: ReportContext;
let analyses: AnnualAnalyses;

beforeAll(async () => {
  kb = await loadKnowledgeBase(ROOT);
  expect(kb.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const bytes = new Map(kb.records.map((r) => [r.path, fs.readFileSync(path.join(ROOT, r.path))]));
  ctx = { kb, asOf: AS_OF, provenance: fixedProvenance(null, bytes) };
  const compliance = await evaluateCompliance(kb, { periodId: 'Y1', asOf: AS_OF, root: ROOT });
  analyses = {
    sla: computeSla(kb, { periodId: 'Y1', asOf: AS_OF }),
    compliance: { ...compliance, clauses: [
      { id: 'S-5', title: '定时巡检', section: '（二）3（5）', status: 'breached', evidence: ['INS-2026-01'], findings: [{ record: 'HT-TEST-0001', message: '第 1 季度无现场巡检' }], summary: '现场巡检 1 次' },
      { id: 'M-1', title: '保障软件正常运行', section: '（二）1', status: 'met', evidence: [], findings: [], summary: '本期无软件缺陷' },
    ] },
    audit: [{ record: 'T-20260103-01', kind: 'late-entry', field: 'reported_at', commit: 'abcdef1234567', date: '2026-02-01T10:00:00+08:00', days: 29, message: 'late',
      author: '工程师甲', authorEmail: 'eng-a@example.invalid', committer: '工程师甲', committerEmail: 'eng-a@example.invalid', authorDate: '2026-02-01T10:00:00+08:00', committerDate: '2026-02-01T10:00:00+08:00',
      landedIn: 'abcdef1234567', landedAt: '2026-02-01T10:00:00+08:00', pending: false, inMerge: false, severity: 'medium', new: '2026-01-03T02:10:00+08:00', path: 'records/tickets/2026/T-20260103-01.yaml' }],
  };
});

const md = (kind: Parameters<typeof buildReport>[1], id?: string) => reportToMarkdown(buildReport(ctx, kind, id, analyses).tree);

describe('per-record reports', () => {
  it('产品维护报告 has problem, cause, solution, recommendations, header and sign-off', () => {
    const r = buildReport(ctx, 'maintenance', 'T-20260103-01', undefined);
    const text = reportToMarkdown(r.tree);
    for (const s of ['# 产品维护报告', '## 一、问题描述', '## 二、原因', '## 三、解决办法', '## 四、建议', '数据库服务器磁盘空间耗尽', '清理过期日志并扩容数据盘',
      '合同编号', 'HT-TEST-0001', '示例市第二人民医院', '编制日期', '2026年11月26日', '统计截至', '2026-11-26 12:00（北京时间）', '非 Git 目录', '## 签收', '| 签字 |', '| 盖章 |', '年　　月　　日', '2026-01-03 02:10']) {
      expect(text).toContain(s);
    }
    // Provenance comes last, after the sign-off.
    expect(text.indexOf('## 报告生成信息')).toBeGreaterThan(text.indexOf('## 签收'));
    expect(text.indexOf('生成自提交')).toBeGreaterThan(text.indexOf('## 四、建议'));
    expect(r.inputs.sort()).toEqual(['records/contract.yaml', 'records/people/P-eng-a.yaml', 'records/tickets/2026/T-20260103-01.yaml']);
    expect(text).toContain(`sha256:${inputDigest(ctx.provenance, r.inputs)}`);
  });

  it('the input digest changes when an input record changes', () => {
    const r = buildReport(ctx, 'maintenance', 'T-20260103-01', undefined);
    const bytes = new Map(ctx.provenance.bytes);
    bytes.set('records/tickets/2026/T-20260103-01.yaml', Buffer.from('changed'));
    expect(inputDigest(fixedProvenance(null, bytes), r.inputs)).not.toBe(inputDigest(ctx.provenance, r.inputs));
  });

  it('书面答复 is a dated letter to the hospital with the vendor\'s seal line', () => {
    const r = buildReport(ctx, 'written-reply', 'T-20260501-01', undefined);
    const text = reportToMarkdown(r.tree);
    expect(text).toContain('# 书面答复');
    expect(text).toContain('该型号设备硬件不支持输出该参数');
    expect(text).toMatch(/致示例市第二人民医院.*：/);
    expect(text).toContain('（盖章）');
    expect(text).toContain('2026年5月8日');
    expect(r.meta.date).toBe('2026年5月8日');
  });

  it('marks a report 草稿 when a record lacks required content, naming record and field, and never prints it as final', () => {
    const t = kb.tickets.find((x) => x.id === 'T-20260103-01')!;
    const stripped = { ...t, cause: undefined, recommendations: '  ' };
    const kb2 = { ...kb, tickets: kb.tickets.map((x) => (x.id === t.id ? stripped : x)) } as KnowledgeBase;
    const r = buildReport({ ...ctx, kb: kb2, provenance: fixedProvenance('c0ffee', ctx.provenance.bytes) }, 'maintenance', t.id, undefined);
    expect(r.draft.map((d) => `${d.record} ${d.field}`)).toEqual(['T-20260103-01 cause', 'T-20260103-01 recommendations']);
    expect(r.draft[0]!.path).toBe('records/tickets/2026/T-20260103-01.yaml');
    const text = reportToMarkdown(r.tree);
    expect(text).toContain('**草稿**');
    expect(text).toContain('【待补充：记录中未填写原因】');
    expect(text).not.toContain('（记录中未填写）');
    // Complete, committed records make a final report.
    expect(buildReport({ ...ctx, provenance: fixedProvenance('c0ffee', ctx.provenance.bytes) }, 'maintenance', t.id, undefined).draft).toEqual([]);
  });

  it('marks reports whose inputs are outside Git or uncommitted as drafts', () => {
    expect(buildReport(ctx, 'maintenance', 'T-20260103-01', undefined).draft.map((d) => d.message)).toEqual([expect.stringContaining('不是 Git 仓库')]);
    const dirty = fixedProvenance('c0ffee', ctx.provenance.bytes, new Set(['records/tickets/2026/T-20260103-01.yaml']));
    const r = buildReport({ ...ctx, provenance: dirty }, 'maintenance', 'T-20260103-01', undefined);
    expect(r.draft).toEqual([expect.objectContaining({ path: 'records/tickets/2026/T-20260103-01.yaml', message: expect.stringContaining('未提交') })]);
    expect(reportToMarkdown(r.tree)).toContain('（输入记录含未提交修改）');
    // A dirty file that is not an input leaves the report final.
    const other = fixedProvenance('c0ffee', ctx.provenance.bytes, new Set(['records/tickets/2026/T-20260410-01.yaml']));
    expect(buildReport({ ...ctx, provenance: other }, 'maintenance', 'T-20260103-01', undefined).draft).toEqual([]);
  });

  it('巡检报告 has scope, results, hazards and recommendations with counts', () => {
    const text = md('inspection', 'INS-2026-01');
    for (const s of ['# 巡检报告', '## 二、巡检范围', '## 三、巡检结果', '## 四、隐患及处理', '## 五、巡检结论', '## 六、巡检建议', '共检查 2 项，正常 1 项，发现问题 1 项',
      '已排除 1 项，未排除 1 项', '信息科科长（2026-02-25）', '- 应用服务器', '系统运行正常，发现隐患 2 项，已排除 1 项。']) expect(text).toContain(s);
  });

  it('数据库巡检报告 has 运行状态评估 and is built for database inspections only; a missing assessment makes it a draft', () => {
    const r = buildReport(ctx, 'database-inspection', 'DBI-2026-01', undefined);
    const text = reportToMarkdown(r.tree);
    for (const s of ['# 数据库巡检报告', '## 五、运行状态评估', '## 六、巡检结论', '## 七、巡检建议', '【待补充：记录中未填写运行状态评估】']) expect(text).toContain(s);
    expect(r.draft.find((d) => d.field === 'assessment')).toMatchObject({ record: 'DBI-2026-01', path: 'records/inspections/2026/DBI-2026-01.yaml' });
    const kb2 = { ...kb, inspections: kb.inspections.map((x) => (x.id === 'DBI-2026-01' ? { ...x, assessment: { rating: 'fair' as const, summary: '容量充足，索引碎片率偏高。' } } : x)) } as KnowledgeBase;
    const full = buildReport({ ...ctx, kb: kb2 }, 'database-inspection', 'DBI-2026-01', undefined);
    expect(reportToMarkdown(full.tree)).toContain('**评估等级：一般**。容量充足，索引碎片率偏高。');
    expect(full.draft.find((d) => d.field === 'assessment')).toBeUndefined();
    expect(() => md('inspection', 'DBI-2026-01')).toThrow(/database-inspection/);
  });

  it('an unknown id is a UserError listing close ids', () => {
    let err: unknown;
    try { md('maintenance', 'T-20260103-1'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/^Unexpected maintenance id `T-20260103-1`, expected one of: T-20260103-01/);
    expect(closeIds('INS-2026-1', ['DBI-2026-01', 'INS-2026-01'])[0]).toBe('INS-2026-01');
  });

  it('lists the reports due as of a date', () => {
    expect(dueReports(kb, AS_OF).map((d) => `${d.kind}:${d.id}`)).toEqual([
      'annual:Y1', 'inspection:INS-2026-01', 'database-inspection:DBI-2026-01',
      'maintenance:T-20260103-01', 'maintenance:T-20260210-01', 'maintenance:T-20260305-01', 'written-reply:T-20260501-01',
    ]);
    expect(dueReports(kb, parseInstant('2026-02-01T00:00:00+08:00')).map((d) => `${d.kind}:${d.id}`)).toEqual(['annual:Y1', 'maintenance:T-20260103-01']);
  });
});

describe('年度运维总结报告', () => {
  it('has every section in the contract\'s words', () => {
    const text = md('annual', 'Y1');
    for (const s of ['# 年度运维总结报告', '## 一、概述', '## 二、服务请求统计', '## 三、平均响应/解决时间', '## 四、SLA 达成情况', '## 五、重大故障处理记录',
      '## 六、巡检情况', '## 七、变更、发布与培训', '## 八、接口与数据库运维', '## 九、合规矩阵', '## 十、数据可信度', '## 十一、系统优化建议', '## 签收', '## 报告生成信息']) {
      expect(text).toContain(s);
    }
  });

  it('shows a breached response clock to the second, never rounded down to its limit', () => {
    const row = analyses.sla.tickets[0]!;
    const late = { ...row, severity: '1' as const, responseMinutes: 5 + 2 / 60, response: 'breached' as const };
    const sla = { ...analyses.sla, tickets: [late, ...analyses.sla.tickets.slice(1).filter((t) => t.id !== row.id)] };
    const text = reportToMarkdown(buildReport(ctx, 'annual', 'Y1', { ...analyses, sla }).tree);
    expect(text).toContain(`${row.id}（响应 5 分钟 2 秒）`);
    expect(text).not.toContain(`${row.id}（响应 5 分钟）`);
  });

  it('is a draft before its period ends, with a cover for the renderers', () => {
    const r = buildReport(ctx, 'annual', 'Y1', analyses);
    expect(r.front).toBe('cover');
    expect(r.draft.map((d) => d.message)).toContain('服务期 Y1 尚未结束（2026-11-30 结束），统计截至 2026-11-26 12:00');
    expect(r.meta).toMatchObject({ title: '年度运维总结报告', number: 'HT-TEST-0001-Y1', contractId: 'HT-TEST-0001', date: '2026年11月26日' });
  });

  it('counts outcomes once, so the parts add up to the total', () => {
    const text = md('annual', 'Y1');
    const m = /本期受理服务请求 (\d+) 件（([^）]*)）/.exec(text)!;
    const parts = [...m[2]!.matchAll(/(\S+?) (\d+) 件/g)].map((x) => Number(x[2]));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(Number(m[1]));
    expect(m[2]).toContain('无法解决 1 件');
  });

  it('counts tickets by severity, channel and after-hours, and computes times', () => {
    const text = md('annual', 'Y1');
    expect(text).toContain('本期共受理服务请求 7 件，其中非工作时间');
    expect(text).toContain('受理 4 件，占 57.1%');
    expect(text).toMatch(/\| 1级\s+\|\s+1 \|\s+14\.3% \|/);
    expect(text).toMatch(/\| C级\s+\|\s+3 \|\s+42\.9% \|/);
    expect(text).toMatch(/\| 电话\s+\|\s+5 \|\s+71\.4% \|\s+3 \|/);
    // 1级: one ticket, responded in 3 minutes, closed in 5 h 30 min; the counts behind each mean are printed beside it
    expect(text).toMatch(/\| 1级\s+\|\s+1 \|\s+1 \|\s+3 分钟 \|\s+3 分钟 \|\s+1 \|\s+5 小时 30 分钟 \|/);
    expect(text).toMatch(/\| 2026-03 \|\s+0 \|\s+2 \|\s+2 \|\s+1 \|/);
  });

  it('judges SLA from the SLA domain and lists major incidents with a timeline', () => {
    const text = md('annual', 'Y1');
    expect(text).toMatch(/\| A级\s+\|\s+1 \|\s+0 \|\s+1 \|/);
    expect(text).toContain('T-20260210-01（响应 20 分钟）');
    expect(text).toContain('#### T-20260103-01　手术排班界面无法打开');
    expect(text).toMatch(/\| 2026-01-03 06:30 \| 到场\s+\|/);
    expect(text).toMatch(/\| 2026-01-03 02:25 \| 通知高级经理 \|/);
  });

  it('reports inspection timeliness with PRC working days', () => {
    const text = md('annual', 'Y1');
    expect(text).toMatch(/\| INS-2026-01 .*\| 2026-03-17 \| 2026-03-10 \| 按时\s+\|/);
    expect(text).toMatch(/\| DBI-2026-01 .*\| 2026-05-07 \| 2026-05-20 \| 逾期\s+\|/);
  });

  it('derives suggestions that name their evidence, and lists recommendation records', () => {
    const text = md('annual', 'Y1');
    expect(text).toContain('原因“数据库服务器磁盘空间耗尽”在本期导致 2 次故障');
    expect(text).not.toContain('“手术排班”模块'); // 2 faults: below the module threshold of 3
    const w = resolvePeriodWindow(kb, 'Y1', AS_OF);
    const derived = deriveSuggestions(kb, w, periodTickets(kb, w), [], { moduleThreshold: 2 });
    expect(derived.find((d) => d.title === '功能模块反复出现故障')).toMatchObject({ evidence: ['T-20260103-01', 'T-20260210-01'] });
    expect(derived.find((d) => d.title === '功能模块反复出现故障')!.text).toContain('“手术排班”模块本期发生故障或缺陷 2 次');
    expect(text).toContain('急诊重症监护室本期提出咨询类请求 2 次');
    expect(text).toContain('（依据：T-20260307-01、T-20260410-01）');
    expect(text).not.toContain('手术室本期提出');
    expect(text).toContain('| REC-2026-01 |');
  });

  it('shows the compliance matrix and the audit findings it is given', () => {
    const text = md('annual', 'Y1');
    expect(text).toMatch(/\| S-5\s+\| （二）3（5） 定时巡检\s+\| 违约\s+\| 现场巡检 1 次/);
    expect(text).toContain('HT-TEST-0001：第 1 季度无现场巡检');
    expect(text).toMatch(/\| 补录\s+\|\s+1 \| 记录进入主分支时，已晚于其事件超过补录阈值/);
    expect(text).toContain('- T-20260103-01（补录）：late');
  });

  it('leaves the data-credibility section out without an audit, and says why when Git history is missing', () => {
    const { audit: _, ...withoutAudit } = analyses;
    expect(reportToMarkdown(buildReport(ctx, 'annual', 'Y1', withoutAudit).tree)).not.toContain('数据可信度');
    const text = reportToMarkdown(buildReport(ctx, 'annual', 'Y1', { ...withoutAudit, auditUnavailable: '无法读取 Git 历史' }).tree);
    expect(text).toContain('## 十、数据可信度');
    expect(text).toContain('无法读取 Git 历史');
  });

  it('draws three deterministic SVG charts with CJK labels', () => {
    const r = buildReport(ctx, 'annual', 'Y1', analyses);
    expect(r.charts.map((c) => c.name)).toEqual(['annual-Y1-severity', 'annual-Y1-monthly', 'annual-Y1-response']);
    expect(r.charts[1]!.svg).toContain('每月服务请求量');
    expect(r.charts[1]!.svg).toContain('12月');
    // The year is printed under the first month and under every January.
    expect(r.charts[1]!.svg).toContain('>2025年<');
    expect(r.charts[1]!.svg).toContain('>2026年<');
    expect(reportToMarkdown(r.tree)).toContain('![每月服务请求量](annual-Y1-monthly.svg)');
  });

  it('stays bounded at scale: top incidents with timelines, the full list in an appendix, past 300 rows in a CSV file', () => {
    const t = kb.tickets.find((x) => x.id === 'T-20260103-01')!;
    const copies = Array.from({ length: 350 }, (_, i) => ({ ...t, id: `T-20260104-${String(i + 1).padStart(3, '0')}` }));
    const kb2 = { ...kb, tickets: [...kb.tickets, ...copies] } as KnowledgeBase;
    const ctx2 = { ...ctx, kb: kb2 };
    const r = buildReport(ctx2, 'annual', 'Y1', { ...analyses, sla: computeSla(kb2, { periodId: 'Y1', asOf: AS_OF }) });
    const text = reportToMarkdown(r.tree);
    expect(text.match(/^#### T-/gm)).toHaveLength(10);
    expect(text).toMatch(/全部重大故障一览见附录一/);
    expect(text).toContain('## 附录一　重大故障一览');
    expect(r.attachments.map((a) => a.name)).toEqual(['annual-Y1-major-incidents.csv', 'annual-Y1-suggestion-evidence.csv']);
    const csv = r.attachments[0]!.content;
    expect(csv.startsWith('\uFEFF工单,系统,级别')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 352);
    // a suggestion names a few of its records and counts the rest; the CSV holds every one
    expect(text).toContain(`（依据：${['T-20260103-01', ...Array.from({ length: 9 }, (_, i) => `T-20260104-00${i + 1}`)].join('、')} 等 352 项，全部依据见附录二）`);
    expect(text).toContain('## 附录二　系统优化建议的依据');
    const evidence = r.attachments[1]!.content.trim().split('\r\n');
    expect(r.attachments[1]!.content.startsWith('\uFEFF建议,类别,依据记录\r\n')).toBe(true);
    expect(evidence.filter((l) => l.endsWith(',T-20260104-350'))).toHaveLength(2); // the recurring cause and the module
    expect(text.length).toBeLessThan(200_000);
  });

  it('stays bounded as incidents grow: draft reasons grouped by kind, no list or line that grows with the tickets', () => {
    const t = kb.tickets.find((x) => x.id === 'T-20260103-01')!;
    const build = (count: number) => {
      const copies = Array.from({ length: count }, (_, i) => ({ ...t, id: `T-20260104-${String(i + 1).padStart(4, '0')}`, cause: undefined, solution: undefined }));
      const kb2 = { ...kb, tickets: [...kb.tickets, ...copies] } as KnowledgeBase;
      return buildReport({ ...ctx, kb: kb2, provenance: fixedProvenance('c0ffee', ctx.provenance.bytes) }, 'annual', 'Y1', { ...analyses, sla: computeSla(kb2, { periodId: 'Y1', asOf: AS_OF }) });
    };
    const small = build(400);
    const big = build(1200);
    const [a, b] = [reportToMarkdown(small.tree), reportToMarkdown(big.tree)];
    // every reason is kept for --final and the CSV file; the note groups them
    expect(big.draft.filter((d) => d.field === 'cause')).toHaveLength(1200);
    const note = b.slice(b.indexOf('> **草稿**'), b.indexOf('\n\n|'));
    expect(note).toContain('重大故障已关闭，但原因（cause）未填写；年度运维总结报告须含重大故障处理记录（合同（三））（共 1200 项：T-20260104-0001、T-20260104-0002、T-20260104-0003、T-20260104-0004、T-20260104-0005 等）');
    expect(note).toContain('annual-Y1-draft-reasons.csv');
    expect(note.split('\n').filter((l) => l.startsWith('> -')).length).toBeLessThanOrEqual(5);
    const reasons = big.attachments.find((x) => x.name === 'annual-Y1-draft-reasons.csv')!.content.trim().split('\r\n');
    expect(reasons).toHaveLength(1 + big.draft.length);
    expect(reasons[0]).toBe('记录,文件,字段,原因'); // after the BOM
    // three times the incidents, (almost) the same report: only counts and the CSV files grow
    expect(Math.abs(b.length - a.length)).toBeLessThan(1_000);
    expect(Math.max(...b.split('\n').map((l) => l.length))).toBeLessThan(2_000);
  });

  it('gives byte-identical Markdown for the same input and as-of', () => {
    const a = md('annual', 'Y1');
    const b = reportToMarkdown(buildReport(ctx, 'annual', 'Y1', analyses).tree);
    expect(b).toBe(a);
    expect(buildReport(ctx, 'annual', 'Y1', analyses).charts).toEqual(buildReport(ctx, 'annual', 'Y1', analyses).charts);
  });
});
