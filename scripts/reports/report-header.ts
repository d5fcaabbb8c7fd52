/**
 * What every report shares: its front matter (title block), sign-off,
 * provenance (printed at the end) and draft reasons from provenance, and
 * the Markdown arrangement of the parts.
 */
import type { Root, RootContent } from 'mdast';
import type { KnowledgeBase } from '../records/index.js';
import { label, SYSTEM_LABEL, SYSTEM_SHORT_LABEL } from '../shared/labels.js';
import { showInstant } from '../shared/display.js';
import { cstDateOf, parseInstant } from '../shared/time.js';
import { fieldTable, heading, list, p, root, strong, table } from './mdast.js';
import { inputDigest, type Provenance } from './provenance.js';
import type { BuiltReport, Chart, DraftReason, ReportAttachment, ReportContext, ReportKind, ReportMeta, ReportParts } from './report-types.js';

/** Full name of a system code as the contract record names it, else the shared label (`aims` → 手术麻醉临床信息系统). */
export function systemName(kb: KnowledgeBase, sys: string): string {
  const s = kb.contract?.systems[sys as 'aims' | 'icis'];
  return s ? s.name : label(SYSTEM_LABEL, sys);
}

/** Short system name for narrow table columns (手术麻醉, 重症监护); the full name for systems without one. */
export function systemShortName(kb: KnowledgeBase, sys: string): string {
  return Object.hasOwn(SYSTEM_SHORT_LABEL, sys) ? label(SYSTEM_SHORT_LABEL, sys) : systemName(kb, sys);
}

/** Name of a person id, or the id when unknown. */
export function personName(kb: KnowledgeBase, id: string | undefined): string {
  if (!id) return '—';
  const person = kb.people.find((x) => x.id === id);
  return person ? person.name : id;
}

/** Path of a record id (for input digests), or undefined. */
export function recordPath(kb: KnowledgeBase, id: string | undefined): string | undefined {
  return id ? kb.byId.get(id)?.path : undefined;
}

/** Path of the contract record (a one-element list, or empty). */
export function contractPaths(kb: KnowledgeBase): string[] {
  return kb.records.filter((r) => r.kind === 'contract').map((r) => r.path);
}

/** Paths of records by id, skipping unknown ids. */
export function recordPaths(kb: KnowledgeBase, ids: Iterable<string | undefined>): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const pth = recordPath(kb, id);
    if (pth) out.push(pth);
  }
  return out;
}

export interface HeaderInfo {
  title: string;
  /** Report number shown as 报告编号 (e.g. the ticket id). */
  number: string;
  systems: string[];
  /** 报告期间 text. */
  period: string;
  asOf: number;
  inputs: string[];
}

/** `2026年11月30日` (Arabic numerals, no padding) of an instant's China Standard Time day. */
export function chineseDate(ms: number): string {
  const d = cstDateOf(ms);
  return `${d.year}年${d.month}月${d.day}日`;
}

/** `2026年5月8日` of a record date or time; undefined when absent. */
export function chineseDateOf(value: string | undefined): string | undefined {
  return value ? chineseDate(parseInstant(value)) : undefined;
}

/** The front matter of a report: title, parties, period, 编制日期 (the as-of day). */
export function reportMeta(kb: KnowledgeBase, info: HeaderInfo): ReportMeta {
  const c = kb.contract;
  const systems = info.systems.map((s) => systemName(kb, s)).join('、') || '—';
  return {
    title: info.title, number: info.number, contractId: c?.id ?? '—', customer: c?.customer ?? '—', vendor: c?.vendor ?? '—',
    systems, period: info.period, date: chineseDate(info.asOf), subject: `${systems}运维服务 ${info.title} ${info.number}`,
  };
}

/** The title-block rows (label, value), the same on the cover and in the other kinds' title block. */
export function titleBlockRows(meta: ReportMeta): [string, string][] {
  return [
    ['报告编号', meta.number],
    ['合同编号', meta.contractId],
    ['院方', meta.customer],
    ['供应商', meta.vendor],
    ['系统', meta.systems],
    ['报告期间', meta.period],
    ['编制日期', meta.date],
  ];
}

/** 报告生成信息 (printed at the end): as-of, commit (marked when inputs are uncommitted) and the input digest. */
export function provenanceRows(prov: Provenance, inputs: string[], asOf: number): [string, string][] {
  const dirty = inputs.some((x) => prov.dirtyPaths?.has(x)) || (prov.dirtyPaths === undefined && prov.dirty);
  const commit = prov.commit === null ? '非 Git 目录' : `${prov.commit}${dirty ? '（输入记录含未提交修改）' : ''}`;
  return [
    ['统计截至', `${showInstant(asOf)}（北京时间）`],
    ['生成自提交', commit],
    ['输入记录摘要', `sha256:${inputDigest(prov, inputs)}（${new Set(inputs).size} 个记录文件）`],
  ];
}

/** Draft reasons every report shares: inputs outside Git, or input files with uncommitted changes. */
export function provenanceDraftReasons(prov: Provenance, inputs: string[]): DraftReason[] {
  if (prov.commit === null) return [{ message: '知识库不是 Git 仓库，输入记录未提交，报告无法追溯到提交' }];
  const dirty = [...new Set(inputs)].filter((x) => prov.dirtyPaths?.has(x)).sort();
  if (prov.dirtyPaths === undefined && prov.dirty) return [{ message: 'records/ 含未提交的修改' }];
  return dirty.map((x) => ({ path: x, message: '输入记录有未提交的修改（先提交，再出具正式报告）' }));
}

/** Text shown in a draft where a record lacks content: `【待补充：原因】`. */
export function pending(what: string): string {
  return `【待补充：${what}】`;
}

/** The sign-off rows of the Markdown arrangement (DOCX draws its own block from `meta`). */
export function signOffTable(meta: ReportMeta): RootContent {
  return table(['项目', '院方', '供应商'], [
    ['单位', meta.customer, meta.vendor],
    ['签字', '', ''],
    ['盖章', '', ''],
    ['日期', '　　年　　月　　日', '　　年　　月　　日'],
  ]);
}

/** The Markdown arrangement of a report: title, draft note, title block, body, sign-off, appendices, provenance. */
export function markdownTree(meta: ReportMeta, draft: DraftReason[], parts: ReportParts, fileBase?: string): Root {
  const note: RootContent[] = draft.length ? [{
    type: 'blockquote',
    children: [p(strong('草稿'), '：本报告尚不能作为正式文本交付，原因如下。'), list(draftSummary(draft, fileBase))],
  }] : [];
  return root([
    heading(1, meta.title),
    ...note,
    fieldTable(titleBlockRows(meta)),
    ...parts.body,
    ...parts.closing,
    heading(2, '签收'),
    p('本报告经双方确认后生效。'),
    signOffTable(meta),
    ...parts.appendix,
    heading(2, '报告生成信息'),
    fieldTable(parts.provenance),
  ]);
}

/** Draft reasons a report lists one by one; past this many they are grouped by kind (the full list goes to a CSV file). */
export const DRAFT_INLINE_MAX = 12;
/** Record ids named per group of draft reasons. */
const DRAFT_IDS_SHOWN = 5;

/** The file beside a report holding its draft reasons in full when there are more than DRAFT_INLINE_MAX. */
export function draftReasonsFile(fileBase: string): string {
  return `${fileBase}-draft-reasons.csv`;
}

/**
 * The draft note's lines: every reason when there are few; past DRAFT_INLINE_MAX one line per
 * kind of reason (same field and message) with its count and the first record ids, and a line
 * naming the CSV file that lists every reason (`--final` also prints each one). Bounded by the
 * number of kinds of reason, not by the number of records.
 * @param fileBase the report's file base (names the CSV file), when it has one
 */
export function draftSummary(reasons: readonly DraftReason[], fileBase?: string): string[] {
  if (reasons.length <= DRAFT_INLINE_MAX) return reasons.map(draftText);
  const groups = new Map<string, DraftReason[]>();
  for (const r of reasons) {
    const key = `${r.field ?? ''}\u0000${r.message}`;
    const g = groups.get(key);
    if (g) g.push(r); else groups.set(key, [r]);
  }
  const lines = [...groups.values()].map((g) => {
    if (g.length === 1) return draftText(g[0]!);
    const ids = [...new Set(g.map((r) => r.record ?? r.path).filter((x): x is string => !!x))];
    const named = ids.length ? `：${ids.slice(0, DRAFT_IDS_SHOWN).join('、')}${ids.length > DRAFT_IDS_SHOWN ? ' 等' : ''}` : '';
    return `${g[0]!.message}（共 ${g.length} 项${named}）`;
  });
  if (fileBase) lines.push(`以上 ${reasons.length} 项原因逐条（记录、文件、字段）列于随报告提交的文件 ${draftReasonsFile(fileBase)}（CSV，UTF-8，可用 Excel 打开）。`);
  return lines;
}

/** The CSV attachment listing every draft reason, when the note groups them (see draftSummary). */
export function draftReasonsAttachment(reasons: readonly DraftReason[], fileBase: string): ReportAttachment[] {
  if (reasons.length <= DRAFT_INLINE_MAX) return [];
  return [{ name: draftReasonsFile(fileBase), content: toCsv(['记录', '文件', '字段', '原因'], reasons.map((r) => [r.record ?? '', r.path ?? '', r.field ?? '', r.message])) }];
}

/** RFC 4180 CSV with a UTF-8 BOM and CRLF line ends (Excel opens it with the Chinese intact). */
export function toCsv(header: string[], rows: string[][]): string {
  const cell = (x: string) => (/[",\r\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x);
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** One draft reason as text: `T-1（records/…yaml）cause：原因未填写`. */
export function draftText(r: DraftReason): string {
  const where = [r.record, r.path && !r.record ? r.path : undefined].filter(Boolean).join('');
  return `${where ? `${where}${r.field ? ` ${r.field}` : ''}：` : ''}${r.message}`;
}

/**
 * Puts a report together: draft reasons (the builder's plus the
 * provenance ones), provenance rows and the Markdown tree.
 */
export function assembleReport(ctx: ReportContext, r: {
  kind: ReportKind; id: string; fileBase: string; meta: ReportMeta; front: 'cover' | 'title-block';
  body: RootContent[]; closing?: RootContent[]; appendix?: RootContent[]; inputs: string[];
  charts?: Chart[]; warnings?: string[]; draft?: DraftReason[]; attachments?: ReportAttachment[];
}): BuiltReport {
  const draft = [...(r.draft ?? []), ...provenanceDraftReasons(ctx.provenance, r.inputs)];
  const parts: ReportParts = { body: r.body, closing: r.closing ?? [], appendix: r.appendix ?? [], provenance: provenanceRows(ctx.provenance, r.inputs, ctx.asOf) };
  return {
    kind: r.kind, id: r.id, title: r.meta.title, fileBase: r.fileBase, tree: markdownTree(r.meta, draft, parts, r.fileBase), charts: r.charts ?? [],
    inputs: r.inputs, warnings: r.warnings ?? [], meta: r.meta, front: r.front, draft, attachments: [...(r.attachments ?? []), ...draftReasonsAttachment(draft, r.fileBase)], parts,
  };
}
