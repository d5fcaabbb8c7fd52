/**
 * Renders a built report: Markdown (mdast → GFM), DOCX (pandoc-wasm with the
 * committed reference.docx, charts as PNG) and HTML (pandoc-wasm, charts as
 * inline SVG) for the PDF printer. Output bytes are deterministic for the
 * same report: DOCX timestamps are set to the report's as-of time.
 */
import fs from 'node:fs';
import type { Image, Root } from 'mdast';
import { formatCst } from '../shared/time.js';
import { columnWidths, fitDocxTables, naturalWidths } from './fit-docx-tables.js';
import { runPandoc } from './pandoc.js';
import { svgToPng } from './rasterize.js';
import { REFERENCE_DOCX, normaliseCoreXml } from './build-reference-docx.js';
import type { BuiltReport } from './report-types.js';
import { displayWidth, reportToMarkdown } from './to-markdown.js';
import { readZip, writeZip } from './zip.js';

/** Markdown of a report (charts referenced as `<name>.svg` beside it). */
export function renderMarkdown(report: BuiltReport): string {
  return reportToMarkdown(report.tree);
}

function mapImages(tree: Root, fn: (url: string) => string): Root {
  const copy = structuredClone(tree);
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'image') (node as Image).url = fn((node as Image).url);
    for (const c of node.children ?? []) walk(c as { type: string; children?: unknown[] });
  };
  walk(copy);
  return copy;
}

/**
 * pandoc's Markdown reader without implicit figures (a chart already carries
 * its title; a caption would repeat it).
 */
const PANDOC_FROM = 'markdown-implicit_figures';
/**
 * Wide enough that no pipe-table line exceeds it: pandoc then leaves column
 * widths to the renderer (Word/browser auto-fit) instead of deriving them
 * from the dash counts of our padded tables, which squeezes short columns.
 */
const PANDOC_COLUMNS = 10_000;

/** PNG rasterisation scale; pandoc is told the matching DPI so charts keep their size. */
const PNG_SCALE = 2;

/**
 * Renders a report to DOCX.
 * @param asOf epoch ms written as the document's created/modified time
 */
export async function renderDocx(report: BuiltReport, asOf: number): Promise<Buffer> {
  const files: Record<string, Uint8Array | string> = { 'reference.docx': fs.readFileSync(REFERENCE_DOCX) };
  for (const c of report.charts) files[`${c.name}.png`] = await svgToPng(c.svg, PNG_SCALE);
  // The H1 becomes pandoc's title block (the reference doc's centred Title style).
  const tree = mapImages(report.tree, (u) => u.replace(/\.svg$/, '.png'));
  const first = tree.children[0];
  if (first?.type === 'heading' && first.depth === 1) tree.children.shift();
  const md = reportToMarkdown(tree);
  const res = await runPandoc({
    from: PANDOC_FROM, to: 'docx', 'output-file': 'report.docx', 'reference-doc': 'reference.docx',
    dpi: 96 * PNG_SCALE, columns: PANDOC_COLUMNS, metadata: { lang: 'zh-CN', title: report.title },
  }, md, files);
  return normaliseDocx(res.output!, asOf);
}

/** Rewrites a DOCX: fitted table columns, fixed zip times, core.xml dates set to `asOf` (seconds, UTC). */
export function normaliseDocx(docx: Buffer, asOf: number): Buffer {
  const iso = `${new Date(Math.floor(asOf / 1000) * 1000).toISOString().slice(0, 19)}Z`;
  const entries = readZip(docx).map((e) => (e.name === 'word/document.xml' ? { name: e.name, data: Buffer.from(fitDocxTables(e.data.toString('utf8')), 'utf8') } : e));
  return writeZip(normaliseCoreXml(entries, iso));
}

/**
 * Gives every HTML table the same column widths as the DOCX (see
 * fit-docx-tables.ts) as a colgroup with a fixed layout: browsers' automatic
 * layout squeezes long text next to many short columns.
 */
export function fitHtmlTables(html: string): string {
  const strip = (x: string) => x.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();
  return html.replace(/<table>([\s\S]*?)<\/table>/g, (_m, inner: string) => {
    const rows = [...inner.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...(r[1] ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => strip(c[1] ?? '')));
    const cols = Math.max(0, ...rows.map((r) => r.length));
    if (cols === 0) return `<table>${inner}</table>`;
    const widths = columnWidths(naturalWidths(rows), 10_000);
    const colgroup = `<colgroup>${widths.map((w) => `<col style="width: ${(w / 100).toFixed(2)}%">`).join('')}</colgroup>`;
    return `<table class="fitted">${colgroup}${inner.replace(/<colgroup>[\s\S]*?<\/colgroup>/, '')}</table>`;
  });
}

/** Print stylesheet of the HTML/PDF rendering. */
export const REPORT_CSS = `
@page { size: A4; margin: 22mm 20mm 20mm 20mm; }
html { font-family: 'Noto Serif CJK SC', 'SimSun', serif; font-size: 11pt; line-height: 1.6; color: #111; }
body { margin: 0 auto; max-width: 170mm; }
h1 { font-family: 'Noto Sans CJK SC', 'SimHei', sans-serif; font-size: 20pt; text-align: center; margin: 0 0 12pt; }
h2 { font-family: 'Noto Sans CJK SC', 'SimHei', sans-serif; font-size: 14pt; margin: 16pt 0 6pt; page-break-after: avoid; }
h3, h4 { font-family: 'Noto Sans CJK SC', 'SimHei', sans-serif; font-size: 12pt; margin: 12pt 0 4pt; page-break-after: avoid; }
p { margin: 4pt 0; text-align: justify; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; font-size: 9.5pt; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 0.6pt solid #333; padding: 2pt 4pt; vertical-align: top; }
table.fitted { table-layout: fixed; }
td, th { overflow-wrap: anywhere; }
th { text-align: left; background: #e8eef4; font-family: 'Noto Sans CJK SC', 'SimHei', sans-serif; font-weight: bold; }
img { display: block; margin: 6pt auto; max-width: 100%; }
ul, ol { margin: 4pt 0 4pt 18pt; padding: 0; }
`;

/**
 * Renders a report to a self-contained HTML page (charts inlined as SVG data
 * URIs) via pandoc-wasm.
 */
export async function renderHtml(report: BuiltReport): Promise<string> {
  const byName = new Map(report.charts.map((c) => [`${c.name}.svg`, c]));
  const tree = mapImages(report.tree, (u) => {
    const c = byName.get(u);
    return c ? `data:image/svg+xml;base64,${Buffer.from(c.svg, 'utf8').toString('base64')}` : u;
  });
  const res = await runPandoc({ from: PANDOC_FROM, to: 'html5', columns: PANDOC_COLUMNS, metadata: { lang: 'zh-CN' } }, reportToMarkdown(tree));
  const body = fitHtmlTables(res.stdout);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>${esc(report.title)} ${esc(report.id)}</title>\n<style>${REPORT_CSS}</style>\n</head>\n<body>\n${body}</body>\n</html>\n`;
}

/** `D:YYYYMMDDHHmmSS+08'00'` of an instant (PDF date, CST). */
export function pdfDate(ms: number): string {
  const s = formatCst(Math.floor(ms / 1000) * 1000);
  return `D:${s.slice(0, 4)}${s.slice(5, 7)}${s.slice(8, 10)}${s.slice(11, 13)}${s.slice(14, 16)}${s.slice(17, 19)}+08'00'`;
}
