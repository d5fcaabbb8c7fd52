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
import { docxToPdf, type PdfJob } from './pdf.js';
import { PandocPool, pandocPoolSize, pandocWorkers } from './pandoc-pool.js';
import { collectProvenance } from './provenance.js';
import { renderDocxPair, renderHtml, renderMarkdown } from './render.js';
import type { BuiltReport, DraftReason, ReportContext, ReportKind } from './report-types.js';
import { reportToMarkdown } from './to-markdown.js';
import { writeFileAtomic } from '../shared/atomic-file.js';

export type ReportFormat = 'md' | 'docx' | 'pdf' | 'html';

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

/** Writes the Markdown of a report with its charts (SVG) and attachments (CSV) beside it. */
async function writeMarkdown(report: BuiltReport, file: string): Promise<string[]> {
  const written = [file];
  await writeFileAtomic(file, renderMarkdown(report));
  for (const c of report.charts) {
    const f = path.join(path.dirname(file), `${c.name}.svg`);
    await writeFileAtomic(f, c.svg);
    written.push(f);
  }
  for (const a of report.attachments) {
    const f = path.join(path.dirname(file), a.name);
    await writeFileAtomic(f, a.content);
    written.push(f);
  }
  return written;
}

/**
 * Writes a report in one format. Markdown gets its charts as SVG files and
 * its long lists as CSV beside it; DOCX and PDF get the CSV files too.
 * @param file output path (its extension is not checked)
 * @returns the paths written
 */
export async function writeReport(report: BuiltReport, format: ReportFormat, file: string, asOf: number): Promise<string[]> {
  if (format === 'md') return writeMarkdown(report, file);
  const extra: string[] = [];
  for (const a of report.attachments) {
    const f = path.join(path.dirname(file), a.name);
    await writeFileAtomic(f, a.content);
    extra.push(f);
  }
  if (format === 'html') {
    await writeFileAtomic(file, await renderHtml(report));
    return [file, ...extra];
  }
  const pair = await renderDocxPair(report, asOf);
  if (format === 'docx') {
    await writeFileAtomic(file, pair.word);
    return [file, ...extra];
  }
  const pdf = await docxToPdf([{ docx: pair.pdfSource, name: report.fileBase }], asOf);
  await writeFileAtomic(file, pdf.get(report.fileBase)!);
  return [file, ...extra];
}

/** One entry of `report all`'s index. */
export interface WrittenReport {
  kind: ReportKind;
  id: string;
  title: string;
  files: string[];
  warnings: string[];
  /** Why the report is a draft (empty when final). */
  draft: DraftReason[];
}

/** Options of `writeAllReports`. */
export interface WriteAllOptions {
  /** Markdown and DOCX only. */
  skipPdf?: boolean;
  /** Called as work progresses (phase label, done, total). */
  onProgress?: (done: number, total: number, label: string) => void;
  /** Leave out drafts (they are returned in `refused`, with their reasons). */
  final?: boolean;
  /**
   * Which due reports to render (default: every due report; scripts/delivery picks those not yet
   * delivered or suspect); an entry may carry its report already built (analyses computed once).
   */
  only?: readonly { kind: ReportKind; id: string; report?: BuiltReport }[];
  /** Builds a report not given built (default buildOne, which computes an annual report's analyses). */
  build?: (kind: ReportKind, id: string) => Promise<BuiltReport>;
}

/**
 * Writes every report due as of the context's as-of into `outDir`:
 * Markdown, DOCX and PDF of every kind (PDF unless `skipPdf`), then
 * index.md and index.html. Building and converting overlap: the pandoc
 * workers start loading first, each report is converted as soon as it is
 * built (annual reports, the biggest, first), and LibreOffice then prints
 * all PDFs in one run per core.
 */
export async function writeAllReports(ctx: ReportContext, outDir: string, opts: WriteAllOptions = {}): Promise<{ reports: WrittenReport[]; index: string[]; refused: WrittenReport[] }> {
  const listed: readonly { kind: ReportKind; id: string; report?: BuiltReport }[] = opts.only ?? dueReports(ctx.kb, ctx.asOf);
  const due = [...listed.filter((d) => d.kind === 'annual'), ...listed.filter((d) => d.kind !== 'annual')];
  const perReport = opts.skipPdf ? 1 : 2;
  let total = due.length * perReport;
  let done = 0;
  const tick = (label: string) => opts.onProgress?.(++done, total, label);

  const issue: BuiltReport[] = [];
  const refused: BuiltReport[] = [];
  const files = new Map<BuiltReport, string[]>();
  const entry = (r: BuiltReport): WrittenReport => ({ kind: r.kind, id: r.id, title: r.title, files: files.get(r) ?? [], warnings: r.warnings, draft: r.draft });
  const indexMd = path.join(outDir, 'index.md');
  const indexHtml = path.join(outDir, 'index.html');
  // as many pandoc workers as the cores and the memory budget allow (pandocPoolSize), started before the
  // first report is built: they load pandoc (2–4 s) meanwhile, and each report is converted once built, so
  // one worker converts while this thread builds the next report (a 100k-ticket KB has room for one)
  const pool = new PandocPool(pandocPoolSize(due.length), { threads: due.length > 1 });
  try {
    const sources: PdfJob[] = [];
    const converting: Promise<void>[] = [];
    let failed: { error: unknown } | undefined;
    for (const d of due) {
      if (failed) break;
      const r = d.report ?? await (opts.build ?? ((kind: ReportKind, id: string) => buildOne(ctx, kind, id)))(d.kind, d.id);
      if (opts.final && r.draft.length > 0) {
        refused.push(r);
        total -= perReport;
        continue;
      }
      issue.push(r);
      files.set(r, await writeMarkdown(r, path.join(outDir, `${r.fileBase}.md`)));
      // not awaited: pandoc converts this report while the loop builds the next; handled at once (a rejection
      // left for the Promise.all below would be unhandled meanwhile)
      converting.push(renderDocxPair(r, ctx.asOf, pool.run).then(async (pair) => {
        const f = path.join(outDir, `${r.fileBase}.docx`);
        await writeFileAtomic(f, pair.word);
        files.get(r)!.push(f);
        if (!opts.skipPdf) sources.push({ docx: pair.pdfSource, name: r.fileBase });
        tick(`DOCX ${r.title} ${r.id}`);
      }).catch((error: unknown) => {
        failed ??= { error };
      }));
    }
    await Promise.all(converting);
    if (failed) throw failed.error;
    if (!opts.skipPdf && sources.length) {
      const byName = new Map(issue.map((r) => [r.fileBase, r]));
      const pdfs = await docxToPdf(sources, ctx.asOf, { concurrency: pandocWorkers(sources.length), onDone: (name) => tick(`PDF ${byName.get(name)?.title ?? name}`) });
      for (const r of issue) {
        const f = path.join(outDir, `${r.fileBase}.pdf`);
        await writeFileAtomic(f, pdfs.get(r.fileBase)!);
        files.get(r)!.push(f);
      }
    }
    // the index page on a loaded instance too (pandoc-wasm's cold start on this thread cost 2–4 s)
    const reports = issue.map(entry);
    const md = reportToMarkdown(indexTree(ctx, reports, outDir));
    await writeFileAtomic(indexMd, md);
    const html = await pool.run({ from: 'markdown', to: 'html5', standalone: true, metadata: { lang: 'zh-CN', pagetitle: '运维报告目录' } }, md);
    await writeFileAtomic(indexHtml, html.stdout);
    return { reports, index: [indexMd, indexHtml], refused: refused.map(entry) };
  } finally {
    await pool.close();
  }
}

function indexTree(ctx: ReportContext, reports: WrittenReport[], outDir: string) {
  const c = ctx.kb.contract;
  const link = (f: string) => ({ type: 'link' as const, url: path.relative(outDir, f).split(path.sep).join('/'), children: [{ type: 'text' as const, value: path.extname(f).slice(1).toUpperCase() }] });
  const body: RootContent[] = [
    heading(1, '运维报告目录'),
    p(`合同 ${c?.id ?? '—'}（${c?.customer ?? '—'} / ${c?.vendor ?? '—'}），统计截至 ${showInstant(ctx.asOf)}（北京时间），共 ${reports.length} 份报告。`),
    table(['报告', '编号', '状态', '文件'], reports.map((r) => {
      const files = r.files.filter((f) => /\.(md|docx|pdf)$/.test(f));
      const cells = files.flatMap((f, i) => (i ? [{ type: 'text' as const, value: ' · ' }, link(f)] : [link(f)]));
      return [r.title, r.id, r.draft.length ? `草稿（${r.draft.length} 项待完善）` : '正式', cells];
    })),
  ];
  return root(body);
}
