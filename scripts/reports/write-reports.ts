/**
 * Writes reports to disk: one report in one format, or every due report
 * (`report all`) with an index. Returns what it wrote; never prints.
 */
import path from 'node:path';
import type { RootContent } from 'mdast';
import type { KnowledgeBase } from '../records/index.js';
import { loadAnalyses } from './analyses.js';
import { resolvePeriodWindow } from './annual-statistics.js';
import { buildReport, dueReports } from './catalog.js';
import { showInstant } from '../shared/display.js';
import { heading, p, root, table } from './mdast.js';
import { closePdf, htmlToPdf } from './pdf.js';
import { collectProvenance } from './provenance.js';
import { renderDocx, renderHtml, renderMarkdown } from './render.js';
import type { BuiltReport, ReportContext, ReportKind } from './report-types.js';
import { reportToMarkdown } from './to-markdown.js';
import { runPandoc } from './pandoc.js';
import { writeFileAtomic } from '../shared/atomic-file.js';

export type ReportFormat = 'md' | 'docx' | 'pdf';

/** Context for a KB: provenance read once. */
export function reportContext(kb: KnowledgeBase, asOf: number): ReportContext {
  return { kb, asOf, provenance: collectProvenance(kb) };
}

/** Builds one report, computing the analyses an annual report needs. */
export async function buildOne(ctx: ReportContext, kind: ReportKind, id: string | undefined, periodId?: string): Promise<BuiltReport> {
  if (kind === 'annual') {
    const w = resolvePeriodWindow(ctx.kb, id ?? periodId, ctx.asOf);
    const analyses = await loadAnalyses(ctx.kb, { periodId: w.period.id, asOf: ctx.asOf, root: ctx.kb.root });
    return buildReport(ctx, 'annual', w.period.id, analyses);
  }
  return buildReport(ctx, kind, id, undefined);
}

/**
 * Writes a report in one format. Markdown gets its charts as SVG files
 * beside it.
 * @param file output path (its extension is not checked)
 * @returns the paths written
 */
export async function writeReport(report: BuiltReport, format: ReportFormat, file: string, asOf: number): Promise<string[]> {
  if (format === 'md') {
    const written = [file];
    await writeFileAtomic(file, renderMarkdown(report));
    for (const c of report.charts) {
      const f = path.join(path.dirname(file), `${c.name}.svg`);
      await writeFileAtomic(f, c.svg);
      written.push(f);
    }
    return written;
  }
  if (format === 'docx') {
    await writeFileAtomic(file, await renderDocx(report, asOf));
    return [file];
  }
  await writeFileAtomic(file, await htmlToPdf(await renderHtml(report), asOf));
  return [file];
}

/** One entry of `report all`'s index. */
export interface WrittenReport {
  kind: ReportKind;
  id: string;
  title: string;
  files: string[];
  warnings: string[];
}

/**
 * Writes every report due as of the context's as-of into `outDir`: Markdown
 * and DOCX for each, PDF for annual reports unless `skipPdf`, then
 * index.md and index.html.
 * @param onProgress called after each report
 * @param only which due reports to render (default: every due report; scripts/delivery picks those not yet
 *   delivered or suspect); an entry may carry its report already built (analyses computed once)
 */
export async function writeAllReports(ctx: ReportContext, outDir: string, opts: { skipPdf?: boolean; onProgress?: (done: number, total: number, label: string) => void; only?: readonly { kind: ReportKind; id: string; report?: BuiltReport }[] } = {}): Promise<{ reports: WrittenReport[]; index: string[] }> {
  const due: readonly { kind: ReportKind; id: string; report?: BuiltReport }[] = opts.only ?? dueReports(ctx.kb, ctx.asOf);
  const reports: WrittenReport[] = [];
  try {
    for (const [i, d] of due.entries()) {
      const report = d.report ?? await buildOne(ctx, d.kind, d.id);
      const base = path.join(outDir, report.fileBase);
      const files = [
        ...(await writeReport(report, 'md', `${base}.md`, ctx.asOf)),
        ...(await writeReport(report, 'docx', `${base}.docx`, ctx.asOf)),
      ];
      if (d.kind === 'annual' && !opts.skipPdf) files.push(...(await writeReport(report, 'pdf', `${base}.pdf`, ctx.asOf)));
      reports.push({ kind: d.kind, id: d.id, title: report.title, files, warnings: report.warnings });
      opts.onProgress?.(i + 1, due.length, `${report.title} ${d.id}`);
    }
  } finally {
    await closePdf();
  }
  const tree = indexTree(ctx, reports, outDir);
  const md = reportToMarkdown(tree);
  const indexMd = path.join(outDir, 'index.md');
  await writeFileAtomic(indexMd, md);
  const html = await runPandoc({ from: 'markdown', to: 'html5', standalone: true, metadata: { lang: 'zh-CN', pagetitle: '运维报告目录' } }, md);
  const indexHtml = path.join(outDir, 'index.html');
  await writeFileAtomic(indexHtml, html.stdout);
  return { reports, index: [indexMd, indexHtml] };
}

function indexTree(ctx: ReportContext, reports: WrittenReport[], outDir: string) {
  const c = ctx.kb.contract;
  const link = (f: string) => ({ type: 'link' as const, url: path.relative(outDir, f).split(path.sep).join('/'), children: [{ type: 'text' as const, value: path.extname(f).slice(1).toUpperCase() }] });
  const body: RootContent[] = [
    heading(1, '运维报告目录'),
    p(`合同 ${c?.id ?? '—'}（${c?.customer ?? '—'} / ${c?.vendor ?? '—'}），统计截至 ${showInstant(ctx.asOf)}（北京时间），共 ${reports.length} 份报告。`),
    table(['报告', '编号', '文件'], reports.map((r) => {
      const files = r.files.filter((f) => /\.(md|docx|pdf)$/.test(f));
      const cells = files.flatMap((f, i) => (i ? [{ type: 'text' as const, value: ' · ' }, link(f)] : [link(f)]));
      return [r.title, r.id, cells];
    })),
  ];
  return root(body);
}
