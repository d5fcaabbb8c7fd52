/**
 * Builds templates/reference.docx (the styles every DOCX report uses) from
 * pandoc's own default reference document plus the edits below, so the
 * committed binary can always be rebuilt and reviewed as text:
 *
 * - A4 page (210 × 297 mm), 25 mm / 28 mm margins;
 * - body 宋体 (eastAsia SimSun, alternative Noto Serif CJK SC) 小四 12 pt,
 *   headings and title 黑体 (SimHei, alternative Noto Sans CJK SC), black;
 * - table cells (`Compact`) 五号 10.5 pt;
 * - the `Table` style with single borders on every cell and a bold, shaded
 *   header row;
 * - a centred footer “第 N 页 / 共 M 页” (PAGE / NUMPAGES fields).
 *
 * Run: `npx tsx scripts/reports/build-reference-docx.ts` (writes the file).
 * pandoc-wasm cannot `--print-default-data-file`; a DOCX that pandoc writes
 * without `--reference-doc` carries exactly its default reference styles.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPandoc } from './pandoc.js';
import { readZip, writeZip, type ZipEntry } from './zip.js';

export const REFERENCE_DOCX = fileURLToPath(new URL('./templates/reference.docx', import.meta.url));

const SAMPLE = ['# 标题', '', '正文', '', '## 二级', '', '### 三级', '', '#### 四级', '', '| 甲 | 乙 |', '|---|---|', '| 1 | 2 |', '', '- 列表', ''].join('\n');

const BODY_FONTS = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun" w:cs="Times New Roman" />';
const HEAD_FONTS = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="SimHei" w:cs="Arial" />';

/** Heading sizes in half-points: 标题 二号 22pt, 一级 三号 16pt, 二级 四号 14pt, 三级/四级 小四 12pt. */
const HEADING_SIZES: Record<string, number> = { Title: 44, Heading1: 32, Heading2: 28, Heading3: 24, Heading4: 24 };

function replaceStyle(xml: string, styleId: string, edit: (style: string) => string): string {
  const re = new RegExp(`<w:style [^>]*w:styleId="${styleId}"[^>]*>[\\s\\S]*?</w:style>`);
  const m = re.exec(xml);
  if (!m) throw new Error(`reference.docx: style ${styleId} not found in pandoc's default styles.xml`);
  return xml.slice(0, m.index) + edit(m[0]) + xml.slice(m.index + m[0].length);
}

function setRunProps(style: string, rPr: string): string {
  const cleaned = style.replace(/<w:rPr>[\s\S]*?<\/w:rPr>/, '').replace(/<w:rPr\s*\/>/, '');
  return cleaned.replace('</w:style>', `<w:rPr>${rPr}</w:rPr></w:style>`);
}

/** Applies the edits to pandoc's default styles.xml. */
export function editStyles(xml: string): string {
  let out = xml.replace(/<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/,
    `<w:rPrDefault><w:rPr>${BODY_FONTS}<w:sz w:val="24" /><w:szCs w:val="24" /><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA" /></w:rPr></w:rPrDefault>`);
  for (const [id, size] of Object.entries(HEADING_SIZES)) {
    out = replaceStyle(out, id, (s) => setRunProps(s, `${HEAD_FONTS}<w:b /><w:bCs /><w:color w:val="000000" /><w:sz w:val="${size}" /><w:szCs w:val="${size}" />`));
  }
  // Table cells and tight lists: 五号 10.5 pt, single spacing.
  out = replaceStyle(out, 'Compact', (s) => setRunProps(s, '<w:sz w:val="21" /><w:szCs w:val="21" />'));
  out = replaceStyle(out, 'Table', (s) => {
    const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000" />`).join('');
    const tblPr = `<w:tblPr><w:tblInd w:w="0" w:type="dxa" /><w:tblBorders>${borders}</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa" /><w:left w:w="100" w:type="dxa" /><w:bottom w:w="40" w:type="dxa" /><w:right w:w="100" w:type="dxa" /></w:tblCellMar></w:tblPr>`;
    const header = '<w:tblStylePr w:type="firstRow"><w:rPr><w:b /><w:bCs /></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E8EEF4" /></w:tcPr></w:tblStylePr>';
    return s.replace(/<w:tblPr>[\s\S]*?<\/w:tblPr>/, '').replace(/<w:tblStylePr[\s\S]*?<\/w:tblStylePr>/g, '').replace('</w:style>', `${tblPr}${header}</w:style>`);
  });
  return out;
}

const FOOTER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
  + '<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
  + '<w:p><w:pPr><w:jc w:val="center" /></w:pPr>'
  + '<w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:t xml:space="preserve">第 </w:t></w:r>'
  + '<w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:fldChar w:fldCharType="begin" /></w:r><w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:fldChar w:fldCharType="separate" /></w:r><w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:t>1</w:t></w:r><w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:fldChar w:fldCharType="end" /></w:r>'
  + '<w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:t xml:space="preserve"> 页 / 共 </w:t></w:r>'
  + '<w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:fldChar w:fldCharType="begin" /></w:r><w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r><w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:fldChar w:fldCharType="separate" /></w:r><w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:t>1</w:t></w:r><w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:fldChar w:fldCharType="end" /></w:r>'
  + '<w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:t xml:space="preserve"> 页</w:t></w:r></w:p></w:ftr>';

/** A4 portrait, margins 25 mm top/bottom, 28 mm left/right (twips), footer 12.5 mm. */
const SECT_PR = '<w:sectPr><w:footerReference w:type="default" r:id="rIdOpsbookFooter1" /><w:pgSz w:w="11906" w:h="16838" /><w:pgMar w:top="1418" w:right="1588" w:bottom="1418" w:left="1588" w:header="709" w:footer="709" w:gutter="0" /></w:sectPr>';

const FONT_TABLE_EXTRA = '<w:font w:name="SimSun"><w:altName w:val="Noto Serif CJK SC" /><w:charset w:val="86" /><w:family w:val="auto" /><w:pitch w:val="variable" /></w:font>'
  + '<w:font w:name="SimHei"><w:altName w:val="Noto Sans CJK SC" /><w:charset w:val="86" /><w:family w:val="modern" /><w:pitch w:val="fixed" /></w:font>';

/** Applies every edit to the entries of pandoc's default DOCX. */
export function editReferenceEntries(entries: ZipEntry[]): ZipEntry[] {
  const get = (name: string) => {
    const e = entries.find((x) => x.name === name);
    if (!e) throw new Error(`reference.docx: ${name} missing from pandoc's default document`);
    return e.data.toString('utf8');
  };
  const put = new Map<string, string>();
  put.set('word/styles.xml', editStyles(get('word/styles.xml')));
  put.set('word/footer1.xml', FOOTER);
  put.set('word/_rels/document.xml.rels', get('word/_rels/document.xml.rels').replace('</Relationships>',
    '<Relationship Id="rIdOpsbookFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml" /></Relationships>'));
  put.set('[Content_Types].xml', get('[Content_Types].xml').replace('</Types>',
    '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" /></Types>'));
  let doc = get('word/document.xml');
  if (!/<w:sectPr>[\s\S]*?<\/w:sectPr>/.test(doc)) throw new Error('reference.docx: no sectPr in document.xml');
  doc = doc.replace(/<w:sectPr>[\s\S]*?<\/w:sectPr>/, SECT_PR);
  if (!doc.includes('xmlns:r=')) doc = doc.replace('<w:document ', '<w:document xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
  put.set('word/document.xml', doc);
  put.set('word/fontTable.xml', get('word/fontTable.xml').replace('</w:fonts>', `${FONT_TABLE_EXTRA}</w:fonts>`));
  const out = entries.map((e) => (put.has(e.name) ? { name: e.name, data: Buffer.from(put.get(e.name)!, 'utf8') } : e));
  if (!entries.some((e) => e.name === 'word/footer1.xml')) out.push({ name: 'word/footer1.xml', data: Buffer.from(FOOTER, 'utf8') });
  return out;
}

/** Builds the reference document and returns its bytes (deterministic). */
export async function buildReferenceDocx(): Promise<Buffer> {
  const res = await runPandoc({ from: 'markdown', to: 'docx', 'output-file': 'default.docx', metadata: { lang: 'zh-CN' } }, SAMPLE);
  const entries = editReferenceEntries(readZip(res.output!));
  return writeZip(normaliseCoreXml(entries, '2025-01-01T00:00:00Z'));
}

/** Sets the created/modified dates of docProps/core.xml to a fixed value. */
export function normaliseCoreXml(entries: ZipEntry[], iso: string): ZipEntry[] {
  return entries.map((e) => (e.name === 'docProps/core.xml'
    ? { name: e.name, data: Buffer.from(e.data.toString('utf8').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${iso}$2`), 'utf8') }
    : e));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bytes = await buildReferenceDocx();
  fs.mkdirSync(path.dirname(REFERENCE_DOCX), { recursive: true });
  const tmp = `${REFERENCE_DOCX}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, REFERENCE_DOCX);
  process.stdout.write(`wrote ${path.relative(process.cwd(), REFERENCE_DOCX)} (${bytes.length} bytes)\n`);
}
