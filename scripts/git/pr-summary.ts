/**
 * The pull-request summary posted by CI: records added/changed/removed,
 * validation problems in them (and in records they break), breaches that the
 * PR introduces or clears (compliance at the base vs. at the head, both
 * evaluated as of the same time), audit findings made by the PR's commits,
 * and deadlines coming up. Built as an mdast tree, rendered with
 * mdast-util-to-markdown + GFM tables.
 */
import path from 'node:path';
import type { Heading, List, ListItem, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { evaluateCompliance } from '../compliance/index.js';
import type { ComplianceResult } from '../compliance/types.js';
import { kindOfRecordPath, loadKnowledgeBase, KINDS } from '../records/index.js';
import type { KnowledgeBase } from '../records/types.js';
import type { Diagnostic } from '../shared/errors.js';
import { displayWidth } from '../sla/index.js';
import { AUDIT_KIND_LABEL, CLAUSE_STATUS_LABEL, label } from '../shared/labels.js';
import { formatCst } from '../shared/time.js';
import { auditKnowledgeBase, type AuditFinding } from './audit.js';
import { changedRecordScope } from './changed-record-scope.js';
import { git } from './git-exec.js';
import { materializeTree } from './materialize-tree.js';
import { upcomingDeadlines, type Deadline } from './upcoming-deadlines.js';
import type { SuspectReport } from '../delivery/suspect-reports.js';

/** Marker the CI workflow uses to find and update its own comment. */
export const PR_SUMMARY_MARKER = '<!-- opsbook-pr-summary -->';

export interface RecordChange {
  path: string;
  id: string;
  kind: string;
  change: 'added' | 'changed' | 'removed';
}

export interface BreachDelta {
  clause: string;
  title: string;
  record: string;
  message: string;
}

export interface PrSummaryData {
  base: string;
  asOf: string;
  period: string | null;
  records: RecordChange[];
  docs: string[];
  problems: Diagnostic[];
  newBreaches: BreachDelta[];
  resolvedBreaches: BreachDelta[];
  /** Clause status changes between base and head. */
  statusChanges: { clause: string; title: string; from: string; to: string }[];
  audit: AuditFinding[];
  auditUnavailable: string | null;
  deadlines: Deadline[];
  notes: string[];
  /** Delivered reports whose inputs changed since (scripts/delivery); `byThisPr` when a record this PR changes is one of them. */
  suspectReports?: { report: SuspectReport; byThisPr: boolean }[];
}

export interface PrSummary {
  data: PrSummaryData;
  tree: Root;
  markdown: string;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const heading = (depth: 2 | 3, value: string): Heading => ({ type: 'heading', depth, children: [text(value)] });
const para = (...children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });
/** Longest list or table in a comment; the rest is counted (GitHub comments are limited to 65 536 characters). */
export const MAX_ITEMS = 40;
const more = (n: number): PhrasingContent[] => [text(`…… 另有 ${n} 条（完整内容见 CI 日志中的 opsbook validate / compliance / audit 输出）`)];
function cap<T>(items: readonly T[]): { shown: T[]; rest: number } {
  return { shown: items.slice(0, MAX_ITEMS), rest: Math.max(0, items.length - MAX_ITEMS) };
}
const list = (all: PhrasingContent[][]): List => {
  const { shown, rest } = cap(all);
  const items = rest ? [...shown, more(rest)] : shown;
  return listOf(items);
};
const listOf = (items: PhrasingContent[][]): List => ({ type: 'list', ordered: false, spread: false, children: items.map((c): ListItem => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: c }] })) });
function table(head: string[], all: PhrasingContent[][][]): Table {
  const { shown, rest } = cap(all);
  const rows = rest ? [...shown, [more(rest), ...head.slice(1).map(() => [] as PhrasingContent[])]] : shown;
  const row = (cells: PhrasingContent[][]): TableRow => ({ type: 'tableRow', children: cells.map((c) => ({ type: 'tableCell', children: c })) });
  return { type: 'table', align: head.map(() => 'left'), children: [row(head.map((h) => [text(h)])), ...rows.map(row)] };
}

const CHANGE_LABEL: Record<RecordChange['change'], string> = { added: '新增', changed: '修改', removed: '删除' };
const DEADLINE_LABEL: Record<Deadline['kind'], string> = { 'inspection-report': '巡检报告', 'annual-report': '年度报告', 'quarterly-inspection': '季度巡检' };

function breachKeys(r: ComplianceResult | null): Map<string, BreachDelta> {
  const out = new Map<string, BreachDelta>();
  for (const c of r?.clauses ?? []) {
    if (c.status !== 'breached' && c.status !== 'at-risk') continue;
    for (const f of c.findings) out.set(`${c.id}\0${f.record}\0${f.message}`, { clause: c.id, title: c.title, record: f.record, message: f.message });
  }
  return out;
}

async function compliance(kb: KnowledgeBase, root: string, asOf: number, periodId: string | undefined, notes: string[], label: string): Promise<ComplianceResult | null> {
  if (!kb.contract) {
    notes.push(`${label}: records/contract.yaml 缺失或无效，未评估合规`);
    return null;
  }
  try {
    return await evaluateCompliance(kb, { asOf, root, periodId });
  } catch (err) {
    notes.push(`${label}: 合规评估失败（${(err as Error).message.split('\n')[0]}）`);
    return null;
  }
}

/**
 * Computes the PR summary of the work tree (in CI: the PR head) against `baseRef`.
 * @param root KB root inside the Git work tree
 * @param baseRef the PR's base branch (compared from its merge base with HEAD)
 * @param opts.asOf "now" (both sides are evaluated as of it)
 */
export async function buildPrSummary(root: string, baseRef: string, opts: { asOf: number; windowWorkingDays?: number }): Promise<PrSummary> {
  const scope = await changedRecordScope(root, baseRef);
  const notes: string[] = [];
  const nameStatus = await git(root, ['-c', 'core.quotePath=false', 'diff', '--name-status', '-z', '--no-renames', '--relative', scope.base, '--', 'records/']);
  const status = new Map<string, string>();
  const f = nameStatus.split('\0');
  for (let i = 0; i + 1 < f.length; i += 2) status.set(f[i + 1]!, f[i]!);
  const records: RecordChange[] = [];
  for (const p of scope.changed) {
    if (!p.startsWith('records/') || !p.endsWith('.yaml')) continue;
    const kind = p.startsWith('records/handover/') ? 'handover' : kindOfRecordPath(p.slice('records/'.length)) ?? 'unknown';
    const s = status.get(p);
    const change = scope.deleted.includes(p) ? 'removed' : s === undefined || s.startsWith('A') ? 'added' : 'changed';
    records.push({ path: p, id: path.posix.basename(p, '.yaml'), kind, change });
  }
  const docs = scope.changed.filter((p) => p.startsWith('docs/'));

  const head = await loadKnowledgeBase(root);
  const problems = head.diagnostics.filter((d) => scope.files.has(d.path));
  const base = await materializeTree(root, scope.base);
  let headC: ComplianceResult | null;
  let baseC: ComplianceResult | null;
  try {
    headC = await compliance(head, root, opts.asOf, undefined, notes, '本分支');
    const baseKb = await loadKnowledgeBase(base.dir);
    baseC = await compliance(baseKb, base.dir, opts.asOf, headC?.period.id, notes, '基线');
  } finally {
    base.cleanup();
  }
  const before = breachKeys(baseC);
  const after = breachKeys(headC);
  const newBreaches = [...after].filter(([k]) => !before.has(k)).map(([, v]) => v);
  const resolvedBreaches = [...before].filter(([k]) => !after.has(k)).map(([, v]) => v);
  const statusChanges = (headC?.clauses ?? []).flatMap((c) => {
    const b = baseC?.clauses.find((x) => x.id === c.id);
    return b && b.status !== c.status ? [{ clause: c.id, title: c.title, from: b.status, to: c.status }] : [];
  });

  // The PR's commits have not reached the base branch: the audit judges them as landing at as-of
  // (pending), through the base branch's first-parent history; migrated records are not news.
  const commits = new Set((await git(root, ['rev-list', `${scope.base}..HEAD`])).split('\n').filter(Boolean));
  const audit = await auditKnowledgeBase(root, { commits, mainBranch: baseRef, asOf: opts.asOf });
  const auditUnavailable = audit.available ? null : audit.message;
  const auditFindings = audit.findings.filter((x) => x.severity !== 'info' && (x.pending || commits.has(x.commit)));

  // delivered reports made suspect (inputs changed since delivery), and whether this PR's records are among their inputs
  let suspectReports: PrSummaryData['suspectReports'];
  try {
    const { findSuspectReports } = await import('../delivery/index.js');
    const found = await findSuspectReports(head, { asOf: opts.asOf });
    const changed = new Set(records.map((r) => r.path));
    suspectReports = found.suspects.map((report) => ({
      report,
      byThisPr: (found.inputs.get(`${report.kind}\0${report.id}`) ?? [head.byId.get(report.id)?.path ?? '']).some((p) => changed.has(p)),
    }));
  } catch (err) {
    notes.push(`已交付报告核对失败（${(err as Error).message.split('\n')[0]}）`);
  }

  const dl = upcomingDeadlines(head, { asOf: opts.asOf, windowWorkingDays: opts.windowWorkingDays });
  notes.push(...dl.warnings);

  const data: PrSummaryData = {
    base: scope.base, asOf: formatCst(opts.asOf), period: headC?.period.id ?? null,
    records, docs, problems, newBreaches, resolvedBreaches, statusChanges,
    audit: auditFindings, auditUnavailable, deadlines: dl.deadlines, notes, suspectReports,
  };
  const tree = summaryTree(data, baseRef);
  return { data, tree, markdown: renderSummary(tree) };
}

/** Builds the mdast of the summary (pure). */
export function summaryTree(d: PrSummaryData, baseRef: string): Root {
  const out: RootContent[] = [{ type: 'html', value: PR_SUMMARY_MARKER }, heading(2, 'opsbook 检查摘要')];
  const errors = d.problems.filter((p) => p.severity === 'error').length;
  out.push(para(
    text('对比 '), code(baseRef), text(' （'), code(d.base.slice(0, 10)), text(`），评估时间 ${d.asOf}${d.period ? `，服务期 ${d.period}` : ''}：`),
    strong(`${d.records.length} 条记录变更，${errors} 个校验错误，${d.newBreaches.length} 项新增违约，${d.resolvedBreaches.length} 项违约消除，${d.audit.length} 条审计发现`),
  ));

  out.push(heading(3, '记录变更'));
  if (d.records.length === 0) out.push(para(text('无记录变更。')));
  else {
    out.push(table(['变更', '类型', '编号', '文件'], d.records.map((r) => [
      [text(CHANGE_LABEL[r.change])], [text(r.kind === 'handover' ? '交接清单（加密）' : (KINDS as Record<string, { label: string }>)[r.kind]?.label ?? r.kind)], [code(r.id)], [code(r.path)],
    ])));
  }
  if (d.docs.length) out.push(para(text(`文档变更 ${d.docs.length} 个：`), ...d.docs.slice(0, 20).flatMap((p, i) => [...(i ? [text('、')] : []), code(p)]), text(d.docs.length > 20 ? ' …' : '')));

  out.push(heading(3, '校验问题'));
  if (d.problems.length === 0) out.push(para(text('✅ 变更涉及的记录全部通过校验。')));
  else out.push(list(d.problems.map((p) => [code(`${p.path}:${p.line}:${p.column}`), text(` ${p.severity === 'warning' ? '⚠️ ' : '❌ '}${p.message}（${p.rule}）`)])));

  out.push(heading(3, '合规变化'));
  if (d.newBreaches.length === 0 && d.resolvedBreaches.length === 0 && d.statusChanges.length === 0) out.push(para(text('本次变更未引起违约或条款状态变化。')));
  if (d.statusChanges.length) out.push(table(['条款', '内容', '基线', '本分支'], d.statusChanges.map((s) => [[code(s.clause)], [text(s.title)], [text(label(CLAUSE_STATUS_LABEL, s.from))], [text(label(CLAUSE_STATUS_LABEL, s.to))]])));
  if (d.newBreaches.length) {
    out.push(para(strong('新增违约 / 临期')));
    out.push(list(d.newBreaches.map((b) => [code(b.clause), text(' '), code(b.record), text(` ${b.message}`)])));
  }
  if (d.resolvedBreaches.length) {
    out.push(para(strong('已消除')));
    out.push(list(d.resolvedBreaches.map((b) => [code(b.clause), text(' '), code(b.record), text(` ${b.message}`)])));
  }

  if (d.suspectReports?.length) {
    const mine = d.suspectReports.filter((x) => x.byThisPr);
    out.push(heading(3, '须重新交付的报告'));
    out.push(para(text(`已交付院方的报告中 ${d.suspectReports.length} 份的依据记录在交付后有修改（疑似过期），其中 ${mine.length} 份由本次变更引起；opsbook build 会重新生成，重新交付后用 opsbook deliver 登记。`)));
    out.push(list([...mine, ...d.suspectReports.filter((x) => !x.byThisPr)].map((x) => [text(`${x.byThisPr ? '🆕 ' : ''}${x.report.message}`)])));
  }

  out.push(heading(3, '数据可信度（审计）'));
  if (d.auditUnavailable) out.push(para(text(`⚠️ 无法审计：${d.auditUnavailable}`)));
  else if (d.audit.length === 0) out.push(para(text('本次提交未改动已提交的 SLA 时间，也没有补录超期的记录。')));
  else out.push(list(d.audit.map((a) => [text(`${label(AUDIT_KIND_LABEL, a.kind)} `), code(a.record), text(` ${a.message}`)])));

  out.push(heading(3, '临近期限'));
  if (d.deadlines.length === 0) out.push(para(text('未来 10 个工作日内没有到期的报告或巡检。')));
  else {
    out.push(table(['到期日', '剩余工作日', '类型', '事项'], d.deadlines.map((x) => [
      [text(x.overdue ? `${x.due}（已逾期）` : x.due)], [text(String(x.workingDaysLeft))], [text(DEADLINE_LABEL[x.kind])], [text(x.title)],
    ])));
  }
  if (d.notes.length) {
    out.push(heading(3, '说明'));
    out.push(list(d.notes.map((n) => [text(n)])));
  }
  return { type: 'root', children: out };
}

/** Renders the summary tree as GitHub-flavoured Markdown. */
export function renderSummary(tree: Root): string {
  return toMarkdown(tree, { extensions: [gfmToMarkdown({ stringLength: displayWidth })], bullet: '-', rule: '-' });
}
