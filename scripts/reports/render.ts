/**
 * Renders a built report: Markdown (mdast → GFM), DOCX (pandoc-wasm with the
 * committed reference.docx, charts as PNG) and HTML (pandoc-wasm, charts as
 * inline SVG) for the PDF printer. Output bytes are deterministic for the
 * same report: DOCX timestamps are set to the report's as-of time.
 */
import fs from 'node:fs';
import type { Image, Root, RootContent } from 'mdast';
import {
  centreImages, closingXml, coverXml, esc, fillToc, finalSection, firstFooterXml, firstHeaderXml, fitTables, footerXml, headerXml,
  LANDSCAPE_TEXT_WIDTH, PART_IDS, signOffXml, TEXT_WIDTH, titleBlockXml, tocXml,
} from './docx-layout.js';
import { fieldTable, heading, p, root, strong } from './mdast.js';
import { runPandoc } from './pandoc.js';
import { svgToPng } from './rasterize.js';
import { REFERENCE_DOCX, normaliseCoreXml } from './build-reference-docx.js';
import { draftSummary } from './report-header.js';
import type { BuiltReport, DraftReason } from './report-types.js';
import { HYPHENATED_TOKEN, planTable } from './table-layout.js';
import { reportToMarkdown } from './to-markdown.js';
import { readZip, writeZip, type ZipEntry } from './zip.js';

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

/** A raw OpenXML block for pandoc (passed through into document.xml). */
function openxml(value: string): RootContent {
  return { type: 'code', lang: '{=openxml}', meta: null, value };
}

/**
 * The Markdown pandoc turns into the DOCX: front matter (cover and table of
 * contents, or the title block), the 草稿 note, the body, closing lines, the
 * sign-off block, appendices and 报告生成信息, charts as PNG. Headings start at
 * depth 2 and become Heading 1 (`shift-heading-level-by: -1`).
 */
export function docxMarkdown(report: BuiltReport): string {
  const { meta, parts } = report;
  const draft = report.draft.length > 0;
  const front = report.front === 'cover' ? [openxml(coverXml(meta, draft)), openxml(tocXml())] : [openxml(titleBlockXml(meta, draft))];
  const note: RootContent[] = draft ? [{ type: 'blockquote', children: [p(strong('草稿'), '：本报告尚不能作为正式文本交付，原因如下：', draftLines(report.draft, report.fileBase))] }] : [];
  const intro = report.kind === 'written-reply' ? '院方收到本书面答复后签收。' : '本报告经双方确认后生效。';
  const closing = parts.closing.length ? [openxml(closingXml(parts.closing.map(plainText)))] : [];
  const tree = root([
    ...front, ...note, ...parts.body, ...closing, openxml(signOffXml(meta, intro)), ...parts.appendix,
    heading(2, '报告生成信息'), fieldTable(parts.provenance),
  ]);
  return reportToMarkdown(mapImages(tree, (u) => u.replace(/\.svg$/, '.png')), { align: false });
}

/** The text of a node (closing lines are plain paragraphs). */
function plainText(node: RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as RootContent[]).map(plainText).join('') : '';
}

/** The draft note's reasons in one paragraph (numbered; grouped by kind past a dozen, see draftSummary). */
function draftLines(reasons: DraftReason[], fileBase: string): string {
  return draftSummary(reasons, fileBase).map((l, i) => `${i + 1}. ${l}`).join('；');
}

/** pandoc options of the DOCX conversion. */
export function docxPandocOptions(): Record<string, unknown> {
  return {
    from: PANDOC_FROM, to: 'docx', 'output-file': 'report.docx', 'reference-doc': 'reference.docx',
    dpi: 96 * PNG_SCALE, columns: PANDOC_COLUMNS, 'shift-heading-level-by': -1, metadata: { lang: 'zh-CN' },
  };
}

/** The reference document's bytes, read once. */
let referenceDocx: Buffer | undefined;
function reference(): Buffer {
  referenceDocx ??= fs.readFileSync(REFERENCE_DOCX);
  return referenceDocx;
}

/** pandoc's input files for a report: the reference document and the charts as PNG. */
export async function docxPandocFiles(report: BuiltReport): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = { 'reference.docx': reference() };
  for (const c of report.charts) files[`${c.name}.png`] = await svgToPng(c.svg, PNG_SCALE);
  return files;
}

/** The two DOCX of a report: the Word deliverable, and the source LibreOffice prints the PDF from (same bytes but a live table of contents). */
export interface DocxPair {
  word: Buffer;
  pdfSource: Buffer;
}

/** A pandoc conversion (in-process or on a worker thread). */
export type PandocRunner = typeof runPandoc;

/**
 * Renders a report to DOCX (the Word file and the PDF source).
 * @param asOf epoch ms written as the document's created/modified time
 * @param convert pandoc runner (default: this thread's pandoc-wasm)
 */
export async function renderDocxPair(report: BuiltReport, asOf: number, convert: PandocRunner = runPandoc): Promise<DocxPair> {
  const res = await convert(docxPandocOptions(), docxMarkdown(report), await docxPandocFiles(report));
  return finishDocx(report, res.output!, asOf);
}

/** Renders a report to the DOCX a Word user receives. */
export async function renderDocx(report: BuiltReport, asOf: number): Promise<Buffer> {
  return (await renderDocxPair(report, asOf)).word;
}

/**
 * Lays out pandoc's DOCX (docx-layout.ts): tables fitted to their content,
 * table of contents, header/footer/watermark parts, section properties,
 * compatibility mode 15 (Word 2013+, no 兼容模式), core properties; zip times
 * and dates fixed to `asOf` so the same input gives the same bytes.
 */
export function finishDocx(report: BuiltReport, docx: Buffer, asOf: number): DocxPair {
  const cover = report.front === 'cover';
  const draft = report.draft.length > 0;
  const entries = readZip(docx);
  const text = (name: string) => entries.find((e) => e.name === name)?.data.toString('utf8') ?? '';
  let doc = fitTables(text('word/document.xml'), cover);
  doc = centreImages(doc);
  const arrange = (d: string) => finalSection(d, cover);
  const wordDoc = arrange(fillToc(doc, true));
  const pdfDoc = arrange(fillToc(doc, false));
  const parts: ZipEntry[] = [
    { name: 'word/header-ob.xml', data: Buffer.from(headerXml(report.meta, draft)) },
    { name: 'word/header-ob-first.xml', data: Buffer.from(firstHeaderXml(draft)) },
    { name: 'word/footer-ob.xml', data: Buffer.from(footerXml()) },
    { name: 'word/footer-ob-first.xml', data: Buffer.from(firstFooterXml()) },
  ];
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const rels = text('word/_rels/document.xml.rels').replace('</Relationships>', `<Relationship Id="${PART_IDS.header}" Type="${REL}/header" Target="header-ob.xml" />`
    + `<Relationship Id="${PART_IDS.firstHeader}" Type="${REL}/header" Target="header-ob-first.xml" />`
    + `<Relationship Id="${PART_IDS.footer}" Type="${REL}/footer" Target="footer-ob.xml" />`
    + `<Relationship Id="${PART_IDS.firstFooter}" Type="${REL}/footer" Target="footer-ob-first.xml" /></Relationships>`);
  const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  const types = text('[Content_Types].xml').replace('</Types>', ['header-ob', 'header-ob-first'].map((n) => `<Override PartName="/word/${n}.xml" ContentType="${WML}.header+xml" />`).join('')
    + ['footer-ob', 'footer-ob-first'].map((n) => `<Override PartName="/word/${n}.xml" ContentType="${WML}.footer+xml" />`).join('') + '</Types>');
  const settings = text('word/settings.xml').replace(/<w:compat>[\s\S]*?<\/w:compat>/, '').replace('<w:rsids>',
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15" /></w:compat><w:rsids>');
  const iso = `${new Date(Math.floor(asOf / 1000) * 1000).toISOString().slice(0, 19)}Z`;
  const replaced = new Map<string, string>([
    ['word/_rels/document.xml.rels', rels], ['[Content_Types].xml', types], ['word/settings.xml', settings], ['docProps/core.xml', coreXml(report, iso)],
  ]);
  const base = entries.filter((e) => !parts.some((x) => x.name === e.name)).map((e) => (replaced.has(e.name) ? { name: e.name, data: Buffer.from(replaced.get(e.name)!, 'utf8') } : e));
  const build = (d: string) => writeZip([...base.map((e) => (e.name === 'word/document.xml' ? { name: e.name, data: Buffer.from(d, 'utf8') } : e)), ...parts]);
  const word = build(wordDoc);
  return { word, pdfSource: cover ? build(pdfDoc) : word };
}

/** docProps/core.xml: title, subject, author (the vendor), keywords, dates = as-of. */
function coreXml(report: BuiltReport, iso: string): string {
  const m = report.meta;
  const x = (s: string) => esc(s);
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    + `<dc:title>${x(`${m.title} ${m.number}`)}</dc:title><dc:subject>${x(m.subject)}</dc:subject><dc:creator>${x(m.vendor)}</dc:creator>`
    + `<cp:keywords>${x(`${m.contractId} ${report.kind} ${report.id}`)}</cp:keywords><dc:description>${x(report.draft.length ? '草稿' : '')}</dc:description>`
    + `<cp:lastModifiedBy>${x(m.vendor)}</cp:lastModifiedBy><dc:language>zh-CN</dc:language>`
    + `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`;
}

/** Rewrites a DOCX's zip times and `docProps/core.xml` dates to `asOf` (seconds, UTC). */
export function normaliseDocx(docx: Buffer, asOf: number): Buffer {
  const iso = `${new Date(Math.floor(asOf / 1000) * 1000).toISOString().slice(0, 19)}Z`;
  return writeZip(normaliseCoreXml(readZip(docx), iso));
}

/**
 * Gives every HTML table the column widths of the DOCX rule (table-layout.ts)
 * as a colgroup with a fixed layout, keeps ids and dates on one line, and
 * puts a table too wide for portrait on a landscape page when printed.
 */
export function fitHtmlTables(html: string): string {
  const strip = (x: string) => x.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();
  return html.replace(/<table>([\s\S]*?)<\/table>/g, (_m, inner: string) => {
    const rows = [...inner.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...(r[1] ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => strip(c[1] ?? '')));
    const cols = Math.max(0, ...rows.map((r) => r.length));
    if (cols === 0) return `<table>${inner}</table>`;
    const plan = planTable(rows, TEXT_WIDTH, LANDSCAPE_TEXT_WIDTH);
    const total = plan.widths.reduce((a, b) => a + b, 0);
    const colgroup = `<colgroup>${plan.widths.map((w) => `<col style="width: ${((w / total) * 100).toFixed(2)}%">`).join('')}</colgroup>`;
    const body = inner.replace(/<colgroup>[\s\S]*?<\/colgroup>/, '').replace(/>([^<]+)</g, (m, t: string) => (HYPHEN_TOKEN_TEST.test(t) ? `>${t.replace(HYPHENATED_TOKEN, '<span class="nb">$&</span>')}<` : m));
    return `<table class="fitted${plan.landscape ? ' wide' : ''}">${colgroup}${body}</table>`;
  });
}

const HYPHEN_TOKEN_TEST = /[A-Za-z0-9]-[A-Za-z0-9]/;

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
.nb { white-space: nowrap; }
@page wide { size: A4 landscape; }
table.wide { page: wide; }
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
