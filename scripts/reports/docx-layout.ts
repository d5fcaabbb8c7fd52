/**
 * The Word layout of a report, as OpenXML: the cover (annual report) or
 * title block (other kinds), the table of contents, the running header and
 * footer, the 草稿 watermark, the sign-off block, page geometry and section
 * breaks, and the pass over pandoc's document.xml that fits tables (see
 * table-layout.ts) and fills the table of contents. Ids keep their plain
 * hyphens: a cell is as wide as its longest id or date, and in running text
 * LibreOffice follows UAX #14 (no break between a hyphen and a digit), while
 * `w:noBreakHyphen` makes it break inside the digits instead (measured: 8 of
 * 252 ids of the demo annual report).
 *
 * Page: A4, GB/T 9704-like margins (天头 37 mm, 订口 28 mm, text block
 * 156 × 225 mm); landscape pages for tables too wide for portrait.
 */
import type { ReportMeta } from './report-types.js';
import { planTable } from './table-layout.js';

/** Page geometry in twips (1 mm = 56.7 twips). */
export const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474, header: 851, footer: 1134 } as const;
/** Text width of a portrait page (156 mm). */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** Text width of a landscape page (225 mm: the portrait text height). */
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - PAGE.top - PAGE.bottom;

export const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
  + 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w10="urn:schemas-microsoft-com:office:word"';

/** Relationship ids of the header and footer parts added to every report. */
export const PART_IDS = { header: 'rIdObHeader', firstHeader: 'rIdObHeaderFirst', footer: 'rIdObFooter', firstFooter: 'rIdObFooterFirst' } as const;

/** XML-escapes text. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const HEI = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="SimHei" w:cs="Arial" />';
const SONG = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun" w:cs="Times New Roman" />';

/** A run of text; `rPr` is inner run-property XML. */
function run(text: string, rPr = ''): string {
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

const size = (pt: number) => `<w:sz w:val="${Math.round(pt * 2)}" /><w:szCs w:val="${Math.round(pt * 2)}" />`;

/** A paragraph with inner pPr XML and runs. */
function para(pPr: string, ...runs: string[]): string {
  return `<w:p><w:pPr>${pPr}</w:pPr>${runs.join('')}</w:p>`;
}

const center = '<w:jc w:val="center" />';
const noIndent = '<w:ind w:firstLine="0" w:firstLineChars="0" />';
const spacing = (before: number, after = 0) => `<w:spacing w:before="${before}" w:after="${after}" w:line="240" w:lineRule="auto" />`;
const pageBreak = '<w:r><w:br w:type="page" /></w:r>';

/** Borders of a cell: `bottom` only (a line to sign on), all, or none. */
function borders(kind: 'none' | 'bottom' | 'all'): string {
  const side = (name: string, on: boolean) => `<w:${name} w:val="${on ? 'single' : 'nil'}" w:sz="${on ? 4 : 0}" w:space="0" w:color="000000" />`;
  return `<w:tcBorders>${['top', 'left', 'bottom', 'right'].map((s) => side(s, kind === 'all' || (kind === 'bottom' && s === 'bottom'))).join('')}</w:tcBorders>`;
}

interface Cell {
  text: string;
  width: number;
  rPr?: string;
  jc?: 'left' | 'center' | 'right' | 'distribute';
  border?: 'none' | 'bottom' | 'all';
  span?: number;
  shade?: boolean;
  /** Paragraphs keep with the next (a block that must stay on one page). */
  keep?: boolean;
}

/** A table of our own (not pandoc's): fixed layout, the given widths. */
function ownTable(rows: { cells: Cell[]; height?: number }[], opts: { center?: boolean; keep?: boolean } = {}): string {
  const grid: number[] = [];
  for (const c of rows[0]?.cells ?? []) {
    if (c.span && c.span > 1) throw new Error('ownTable: the first row fixes the grid and must not span');
    grid.push(c.width);
  }
  const total = grid.reduce((a, b) => a + b, 0);
  const tblPr = `<w:tblPr><w:tblStyle w:val="OpsbookBlock" /><w:tblW w:w="${total}" w:type="dxa" />${opts.center ? '<w:jc w:val="center" />' : ''}`
    + '<w:tblLayout w:type="fixed" /><w:tblCellMar><w:left w:w="100" w:type="dxa" /><w:right w:w="100" w:type="dxa" /></w:tblCellMar><w:tblLook w:val="0000" /></w:tblPr>';
  const body = rows.map((r, ri) => {
    const trPr = `<w:trPr><w:cantSplit />${r.height ? `<w:trHeight w:val="${r.height}" w:hRule="atLeast" />` : ''}</w:trPr>`;
    const keep = opts.keep && ri < rows.length - 1 ? '<w:keepNext />' : '';
    const cells = r.cells.map((c) => {
      const tcPr = `<w:tcPr><w:tcW w:w="${c.width}" w:type="dxa" />${c.span && c.span > 1 ? `<w:gridSpan w:val="${c.span}" />` : ''}${borders(c.border ?? 'all')}`
        + `${c.shade ? '<w:shd w:val="clear" w:color="auto" w:fill="E8EEF4" />' : ''}<w:vAlign w:val="center" /></w:tcPr>`;
      const lines = c.text.split('\n');
      return `<w:tc>${tcPr}${lines.map((line) => para(`<w:pStyle w:val="Compact" />${keep}${noIndent}<w:jc w:val="${c.jc ?? 'left'}" />`, line ? run(line, c.rPr ?? '') : '')).join('')}</w:tc>`;
    }).join('');
    return `<w:tr>${trPr}${cells}</w:tr>`;
  }).join('');
  return `<w:tbl>${tblPr}<w:tblGrid>${grid.map((w) => `<w:gridCol w:w="${w}" />`).join('')}</w:tblGrid>${body}</w:tbl>`;
}

/**
 * The cover of the annual report: project, title, report facts, the 编制 /
 * 审核 / 批准 signatures, vendor and date; then a page break.
 */
export function coverXml(meta: ReportMeta, draft: boolean): string {
  const label = (s: string) => ({ text: s, width: 1700, jc: 'distribute' as const, border: 'none' as const, rPr: `${HEI}${size(14)}` });
  const value = (s: string) => ({ text: s, width: 4400, border: 'bottom' as const, jc: 'center' as const, rPr: `${SONG}${size(14)}` });
  const facts = ownTable([
    ['报告编号', meta.number], ['合同编号', meta.contractId], ['院方', meta.customer], ['供应商', meta.vendor], ['报告期间', meta.period],
  ].map(([l, v]) => ({ cells: [label(l!), value(v!)], height: 520 })), { center: true });
  const sign = (l: string) => ({
    cells: [
      { text: l, width: 1100, jc: 'distribute' as const, border: 'none' as const, rPr: `${HEI}${size(12)}` },
      { text: '', width: 2200, border: 'bottom' as const },
      { text: '日期', width: 900, jc: 'right' as const, border: 'none' as const, rPr: `${HEI}${size(12)}` },
      { text: '', width: 1900, border: 'bottom' as const },
    ],
    height: 560,
  });
  const roles = ownTable([sign('编制'), sign('审核'), sign('批准')], { center: true });
  return [
    para(`${center}${noIndent}${spacing(400, 200)}`, run(`${meta.systems}运维服务`, `${HEI}${size(16)}`)),
    para(`${center}${noIndent}${spacing(240, 240)}`, run(meta.title, `${HEI}<w:b /><w:bCs />${size(26)}`)),
    draft ? para(`${center}${noIndent}${spacing(0, 240)}`, run('（草稿）', `${HEI}<w:color w:val="C00000" />${size(16)}`)) : '',
    para(`${center}${noIndent}${spacing(500, 0)}`),
    facts,
    para(`${center}${noIndent}${spacing(500, 0)}`),
    roles,
    para(`${center}${noIndent}${spacing(800, 120)}`, run(meta.vendor, `${HEI}${size(16)}`)),
    para(`${center}${noIndent}${spacing(0, 0)}`, run(meta.date, `${SONG}${size(15)}`), pageBreak),
  ].join('');
}

/** Marker paragraph replaced by the table of contents once headings are known. */
export const TOC_MARKER = 'OPSBOOKTABLEOFCONTENTS';

/** The table of contents page: heading, entries (filled later), page break. */
export function tocXml(): string {
  return para(`<w:pStyle w:val="TOCHeading" />${center}${noIndent}`, run('目　　录', `${HEI}<w:color w:val="000000" />${size(16)}`))
    + para('', run(TOC_MARKER))
    + para(noIndent, pageBreak);
}

/** The title block of the kinds without a cover: title, 草稿 mark, the report's facts in a four-column table. */
export function titleBlockXml(meta: ReportMeta, draft: boolean): string {
  const l = (s: string) => ({ text: s, width: 1300, shade: true, jc: 'center' as const, rPr: HEI });
  const v = (s: string, width: number, span?: number) => ({ text: s, width, span });
  const w = (TEXT_WIDTH - 2600) / 2;
  const table = ownTable([
    { cells: [l('报告编号'), v(meta.number, Math.floor(w)), l('编制日期'), v(meta.date, Math.ceil(w))] },
    { cells: [l('院方'), v(meta.customer, Math.floor(w)), l('供应商'), v(meta.vendor, Math.ceil(w))] },
    { cells: [l('合同编号'), v(meta.contractId, Math.floor(w)), l('系统'), v(meta.systems, Math.ceil(w))] },
    { cells: [l('报告期间'), v(meta.period, TEXT_WIDTH - 1300, 3)] },
  ]);
  return [
    para(`<w:pStyle w:val="Title" />${center}${noIndent}`, run(meta.title)),
    draft ? para(`${center}${noIndent}${spacing(0, 120)}`, run('（草稿）', `${HEI}<w:color w:val="C00000" />${size(14)}`)) : '',
    table,
    para(`${noIndent}${spacing(0, 0)}`),
  ].join('');
}

/**
 * The sign-off block: both parties, wide cells to sign and seal (a seal is
 * about 4 cm across), the date as 年 月 日; rows never split and every
 * paragraph keeps with the next, so the block stays on one page.
 */
export function signOffXml(meta: ReportMeta, intro: string): string {
  const col = Math.floor((TEXT_WIDTH - 1300) / 2);
  const label = (s: string) => ({ text: s, width: 1300, jc: 'center' as const, shade: true, rPr: HEI });
  const blank = (w: number) => ({ text: '', width: w });
  const rows = [
    { cells: [label('项目'), { ...label('院方'), width: col }, { ...label('供应商'), width: TEXT_WIDTH - 1300 - col }] },
    { cells: [label('单位'), { text: meta.customer, width: col, jc: 'center' as const }, { text: meta.vendor, width: TEXT_WIDTH - 1300 - col, jc: 'center' as const }], height: 600 },
    { cells: [label('签字'), blank(col), blank(TEXT_WIDTH - 1300 - col)], height: 1200 },
    { cells: [label('盖章'), blank(col), blank(TEXT_WIDTH - 1300 - col)], height: 2600 },
    { cells: [label('日期'), { text: '年　　月　　日', width: col, jc: 'right' as const }, { text: '年　　月　　日', width: TEXT_WIDTH - 1300 - col, jc: 'right' as const }], height: 600 },
  ];
  return para(`<w:pStyle w:val="Heading1" /><w:keepNext />`, run('签收确认'))
    + para(`<w:keepNext />${noIndent}`, run(intro))
    + ownTable(rows, { keep: true })
    + para(`${noIndent}${spacing(0, 0)}`);
}

/** Right-aligned closing lines (a letter's 落款: vendor and seal, date), with room above for the seal. */
export function closingXml(lines: string[]): string {
  return lines.map((l, i) => para(`<w:jc w:val="right" />${noIndent}${spacing(i === 0 ? 720 : 120, 0)}<w:keepNext />`, run(l))).join('');
}

/** The Word watermark shape (VML, as Word writes it): 草稿 across the page. */
function watermark(): string {
  return '<w:r><w:rPr><w:noProof /></w:rPr><w:pict>'
    + '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">'
    + '<v:formulas><v:f eqn="sum #0 0 10800" /><v:f eqn="prod #0 2 1" /><v:f eqn="sum 21600 0 @1" /><v:f eqn="sum 0 0 @2" /><v:f eqn="sum 21600 0 @3" />'
    + '<v:f eqn="if @0 @3 0" /><v:f eqn="if @0 21600 @1" /><v:f eqn="if @0 0 @2" /><v:f eqn="if @0 @4 21600" /><v:f eqn="mid @5 @6" /><v:f eqn="mid @8 @5" />'
    + '<v:f eqn="mid @7 @8" /><v:f eqn="mid @6 @7" /><v:f eqn="sum @6 0 @5" /></v:formulas>'
    + '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0" />'
    + '<v:textpath on="t" fitshape="t" /><v:handles><v:h position="#0,bottomRight" xrange="6629,14971" /></v:handles><o:lock v:ext="edit" text="t" shapetype="t" /></v:shapetype>'
    + '<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136" '
    + 'style="position:absolute;margin-left:0;margin-top:0;width:360pt;height:180pt;rotation:315;z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin" '
    + 'o:allowincell="f" fillcolor="#d8d8d8" stroked="f"><v:fill opacity=".5" /><v:textpath style="font-family:&quot;SimHei&quot;;font-size:1pt" string="草稿" />'
    + '<w10:wrap anchorx="margin" anchory="margin" /></v:shape></w:pict></w:r>';
}

const PART_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** The running header: report name and contract number (and 草稿), a rule below; the watermark when a draft. */
export function headerXml(meta: ReportMeta, draft: boolean): string {
  const rPr = `${HEI}${size(9)}`;
  const pPr = `<w:pStyle w:val="Header" />${noIndent}<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000" /></w:pBdr>`
    + `<w:tabs><w:tab w:val="clear" w:pos="4153" /><w:tab w:val="clear" w:pos="8306" /><w:tab w:val="right" w:pos="${TEXT_WIDTH}" /></w:tabs>${spacing(0, 0)}`;
  const left = `${draft ? '【草稿】' : ''}${meta.title}　${meta.number}`;
  return `${PART_HEAD}<w:hdr ${NS}>${para(pPr, draft ? watermark() : '', run(left, rPr), `<w:r><w:rPr>${rPr}</w:rPr><w:tab /></w:r>`, run(`合同编号 ${meta.contractId}`, rPr))}</w:hdr>`;
}

/** The cover's header: nothing but the watermark of a draft. */
export function firstHeaderXml(draft: boolean): string {
  return `${PART_HEAD}<w:hdr ${NS}>${para('<w:pStyle w:val="Header" />', draft ? watermark() : '')}</w:hdr>`;
}

/** The footer: 第 N 页 / 共 M 页 (PAGE and NUMPAGES fields). */
export function footerXml(): string {
  const rPr = size(9);
  const field = (instr: string) => `<w:r><w:rPr>${rPr}</w:rPr><w:fldChar w:fldCharType="begin" /></w:r><w:r><w:rPr>${rPr}</w:rPr><w:instrText xml:space="preserve"> ${instr} </w:instrText></w:r>`
    + `<w:r><w:rPr>${rPr}</w:rPr><w:fldChar w:fldCharType="separate" /></w:r><w:r><w:rPr>${rPr}</w:rPr><w:t>1</w:t></w:r><w:r><w:rPr>${rPr}</w:rPr><w:fldChar w:fldCharType="end" /></w:r>`;
  return `${PART_HEAD}<w:ftr ${NS}>${para(`<w:pStyle w:val="Footer" />${center}${noIndent}`, run('第 ', rPr), field('PAGE'), run(' 页 / 共 ', rPr), field('NUMPAGES'), run(' 页', rPr))}</w:ftr>`;
}

/** The cover's footer: empty. */
export function firstFooterXml(): string {
  return `${PART_HEAD}<w:ftr ${NS}>${para('<w:pStyle w:val="Footer" />')}</w:ftr>`;
}

/** Section properties: page size and margins, header/footer references; `titlePg` gives the cover its own (empty) header and footer. */
export function sectPr(opts: { landscape?: boolean; titlePg?: boolean } = {}): string {
  const refs = `<w:headerReference w:type="default" r:id="${PART_IDS.header}" />${opts.titlePg ? `<w:headerReference w:type="first" r:id="${PART_IDS.firstHeader}" />` : ''}`
    + `<w:footerReference w:type="default" r:id="${PART_IDS.footer}" />${opts.titlePg ? `<w:footerReference w:type="first" r:id="${PART_IDS.firstFooter}" />` : ''}`;
  const size = opts.landscape
    ? `<w:pgSz w:w="${PAGE.height}" w:h="${PAGE.width}" w:orient="landscape" /><w:pgMar w:top="${PAGE.left}" w:right="${PAGE.bottom}" w:bottom="${PAGE.right}" w:left="${PAGE.top}" w:header="${PAGE.header}" w:footer="${PAGE.footer}" w:gutter="0" />`
    : `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}" /><w:pgMar w:top="${PAGE.top}" w:right="${PAGE.right}" w:bottom="${PAGE.bottom}" w:left="${PAGE.left}" w:header="${PAGE.header}" w:footer="${PAGE.footer}" w:gutter="0" />`;
  return `<w:sectPr>${refs}<w:type w:val="nextPage" />${size}<w:cols w:space="425" />${opts.titlePg ? '<w:titlePg />' : ''}<w:docGrid w:linePitch="312" /></w:sectPr>`;
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function cellText(tc: string): string {
  return [...tc.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? '')).join('');
}

/**
 * Fits every pandoc table (style `Table`) to its content: fixed layout,
 * column widths from table-layout.ts, header row repeated, rows kept whole;
 * a table too wide for portrait gets a landscape section of its own.
 */
export function fitTables(xml: string, titlePg: boolean): string {
  let first = true;
  let out = '';
  let last = 0;
  for (const m of xml.matchAll(/<w:tbl><w:tblPr><w:tblStyle w:val="Table" \/>[\s\S]*?<\/w:tbl>/g)) {
    const tbl = m[0];
    const rows = [...tbl.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => cellText(c[0])));
    const plan = planTable(rows, TEXT_WIDTH, LANDSCAPE_TEXT_WIDTH);
    if (!plan.widths.length) continue;
    const fitted = fitTable(tbl, plan.widths);
    if (!plan.landscape) {
      out += xml.slice(last, m.index) + fitted;
      last = m.index + tbl.length;
      continue;
    }
    // The table's own landscape section takes its heading and lead-in along; the section before ends there (portrait).
    const lead = leadStart(xml, m.index, last);
    out += `${xml.slice(last, lead)}<w:p><w:pPr>${sectPr({ titlePg: titlePg && first })}</w:pPr></w:p>${xml.slice(lead, m.index)}${fitted}<w:p><w:pPr>${sectPr({ landscape: true })}</w:pPr></w:p>`;
    first = false;
    last = m.index + tbl.length;
  }
  return out + xml.slice(last);
}

/** Where the headings and the lead-in paragraph (ending in ：) right before position `at` begin (not before `floor`). */
function leadStart(xml: string, at: number, floor: number): number {
  let pos = at;
  for (;;) {
    const before = xml.slice(floor, pos).replace(/(?:\s|<w:bookmark(?:Start|End) [^>]*\/>)+$/, '');
    const end = floor + before.length;
    if (!before.endsWith('</w:p>')) return pos;
    const startP = before.lastIndexOf('<w:p>');
    if (startP < 0) return pos;
    const para = before.slice(startP);
    const isHeading = /^<w:p><w:pPr><w:pStyle w:val="Heading\d" \/>/.test(para);
    const isLead = /[：:]$/.test(cellText(para).trim());
    if (!isHeading && !isLead) return pos;
    pos = floor + startP;
    if (end <= floor) return pos;
  }
}

/** Tables with at most this many rows are kept on one page. */
const SHORT_TABLE_ROWS = 10;

/** Fixed layout and the planned widths for one pandoc table; header row repeated, rows kept whole. */
function fitTable(tbl: string, widths: number[]): string {
  const total = widths.reduce((a, b) => a + b, 0);
  let out = tbl.replace(/<w:tblW [^>]*\/>/, `<w:tblW w:w="${total}" w:type="dxa" /><w:tblLayout w:type="fixed" />`);
  out = out.replace(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/, `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}" />`).join('')}</w:tblGrid>`);
  // A short table (up to SHORT_TABLE_ROWS rows) stays on one page: every row but the last keeps with the next.
  const rowCount = (tbl.match(/<w:tr>/g) ?? []).length;
  let row = 0;
  return out.replace(/<w:tr>([\s\S]*?)<\/w:tr>/g, (_m, body: string) => {
    const keep = rowCount <= SHORT_TABLE_ROWS && ++row < rowCount;
    const inner = keep ? body.replace(/<w:pStyle w:val="Compact" \/>/g, '<w:pStyle w:val="Compact" /><w:keepNext />') : body;
    let i = 0;
    const cells = inner.replace(/<w:tc><w:tcPr \/>|<w:tc><w:tcPr>(?:<w:tcW [^>]*\/>)?/g, (c) => {
      const tcW = `<w:tcW w:w="${widths[i++] ?? 0}" w:type="dxa" />`;
      return c === '<w:tc><w:tcPr />' ? `<w:tc><w:tcPr>${tcW}</w:tcPr>` : `<w:tc><w:tcPr>${tcW}`;
    });
    const trPr = cells.startsWith('<w:trPr>') ? cells.replace('<w:trPr>', '<w:trPr><w:cantSplit />') : `<w:trPr><w:cantSplit /></w:trPr>${cells}`;
    return `<w:tr>${trPr}</w:tr>`;
  });
}

/** A heading found for the table of contents. */
interface TocEntry {
  level: number;
  text: string;
  bookmark: string;
}

/**
 * Bookmarks headings 1–3 (`_Toc…`) and replaces the table-of-contents
 * marker by one entry per heading, each with a PAGEREF field to its
 * bookmark. `field: true` wraps the entries in a Word TOC field (marked
 * dirty, so Word refreshes it when the file is opened); `false` leaves the
 * PAGEREF fields alone, which LibreOffice computes when it lays out the PDF.
 */
export function fillToc(xml: string, field: boolean): string {
  if (!xml.includes(TOC_MARKER)) return xml;
  const entries: TocEntry[] = [];
  let n = 0;
  const marked = xml.replace(/<w:p><w:pPr><w:pStyle w:val="Heading([12])" \/>([\s\S]*?)<\/w:p>/g, (m, lvl: string, rest: string) => {
    const text = cellText(m).replace(/<w:noBreakHyphen \/>/g, '-');
    const plain = text.trim();
    if (!plain || plain === '签收确认') return m;
    const bookmark = `_Toc${String(++n).padStart(6, '0')}`;
    entries.push({ level: Number(lvl), text: plain, bookmark });
    const pPrEnd = rest.indexOf('</w:pPr>');
    const pPr = rest.slice(0, pPrEnd + '</w:pPr>'.length);
    const runs = rest.slice(pPrEnd + '</w:pPr>'.length);
    return `<w:p><w:pPr><w:pStyle w:val="Heading${lvl}" />${pPr}<w:bookmarkStart w:id="${90000 + n}" w:name="${bookmark}" />${runs}<w:bookmarkEnd w:id="${90000 + n}" /></w:p>`;
  });
  const tocField = '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true" /></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate" /></w:r>';
  const paras = entries.map((e, i) => {
    const pPr = `<w:pPr><w:pStyle w:val="TOC${e.level}" /><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${TEXT_WIDTH}" /></w:tabs>${noIndent}</w:pPr>`;
    const ref = `<w:r><w:fldChar w:fldCharType="begin" /></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF ${e.bookmark} \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate" /></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end" /></w:r>`;
    const body = `<w:hyperlink w:anchor="${e.bookmark}" w:history="1">${run(e.text)}<w:r><w:tab /></w:r>${ref}</w:hyperlink>`;
    const end = field && i === entries.length - 1 ? '<w:r><w:fldChar w:fldCharType="end" /></w:r>' : '';
    return `<w:p>${pPr}${field && i === 0 ? tocField : ''}${body}${end}</w:p>`;
  });
  return marked.replace(/<w:p>(?:<w:pPr>(?:(?!<\/w:p>)[\s\S])*?<\/w:pPr>)?<w:r><w:t xml:space="preserve">OPSBOOKTABLEOFCONTENTS<\/w:t><\/w:r><\/w:p>/, paras.join(''));
}

/** Paragraphs that hold a chart: centred, no first-line indent, single spacing, kept with what follows. */
export function centreImages(xml: string): string {
  return xml.replace(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<\/w:p>/g, (para) => {
    if (!para.includes('<w:drawing>')) return para;
    const runs = para.replace(/^<w:p>(?:<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<\/w:pPr>)?/, '');
    return `<w:p><w:pPr>${center}${noIndent}${spacing(120, 120)}</w:pPr>${runs}`;
  });
}

/** The body's last section properties (replacing pandoc's). */
export function finalSection(xml: string, titlePg: boolean): string {
  const hasBreak = /<w:p><w:pPr><w:sectPr>/.test(xml);
  return xml.replace(/<w:sectPr>(?:(?!<w:sectPr>)[\s\S])*?<\/w:sectPr>\s*<\/w:body>/, `${sectPr({ titlePg: titlePg && !hasBreak })}</w:body>`);
}
