/**
 * Builds templates/reference.docx (the styles every DOCX report uses) from
 * pandoc's own default reference document plus the edits below, so the
 * committed binary can always be rebuilt and reviewed as text:
 *
 * - A4 page with the margins of docx-layout.ts (each report's own section
 *   properties, header and footer replace the template's);
 * - body 宋体 (eastAsia SimSun, alternative Noto Serif CJK SC) 小四 12 pt,
 *   first-line indent of two characters, justified, at least 20 pt lines;
 * - title 黑体 二号; 一级标题 黑体 三号, 二级 楷体 四号, 三级 宋体 小四 bold
 *   (the GB/T 9704 hierarchy a 信息科 reviewer knows), black;
 * - table cells (`Compact`) 五号 10.5 pt, no indent;
 * - the `Table` style with single borders on every cell and a bold, shaded
 *   header row; `OpsbookBlock` (no borders of its own) for the cover,
 *   title block and sign-off tables; TOC 1–3, Header and Footer styles;
 * - the 草稿 note (`Block Text`) framed and shaded.
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

const KAI_FONTS = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="KaiTi" w:cs="Times New Roman" />';

/** Title and heading run properties: 标题 黑体 二号 22pt, 一级 黑体 三号 16pt, 二级 楷体 四号 14pt bold, 三级/四级 宋体 小四 12pt bold. */
const HEADING_RPR: Record<string, string> = {
  Title: `${HEAD_FONTS}<w:b /><w:bCs /><w:color w:val="000000" /><w:sz w:val="44" /><w:szCs w:val="44" />`,
  Heading1: `${HEAD_FONTS}<w:color w:val="000000" /><w:sz w:val="32" /><w:szCs w:val="32" />`,
  Heading2: `${KAI_FONTS}<w:b /><w:bCs /><w:color w:val="000000" /><w:sz w:val="28" /><w:szCs w:val="28" />`,
  Heading3: `${BODY_FONTS}<w:b /><w:bCs /><w:color w:val="000000" /><w:sz w:val="24" /><w:szCs w:val="24" />`,
  Heading4: `${BODY_FONTS}<w:b /><w:bCs /><w:color w:val="000000" /><w:sz w:val="24" /><w:szCs w:val="24" />`,
};

/** Paragraph properties that replace pandoc's, by style. */
const PARA_PPR: Record<string, string> = {
  BodyText: '<w:spacing w:before="0" w:after="60" w:line="400" w:lineRule="atLeast" /><w:ind w:firstLineChars="200" w:firstLine="480" /><w:jc w:val="both" />',
  Compact: '<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto" /><w:ind w:firstLineChars="0" w:firstLine="0" /><w:jc w:val="left" />',
  BlockText: '<w:pBdr><w:top w:val="single" w:sz="6" w:space="4" w:color="C00000" /><w:left w:val="single" w:sz="6" w:space="4" w:color="C00000" /><w:bottom w:val="single" w:sz="6" w:space="4" w:color="C00000" /><w:right w:val="single" w:sz="6" w:space="4" w:color="C00000" /></w:pBdr>'
    + '<w:shd w:val="clear" w:color="auto" w:fill="FFF4F0" /><w:spacing w:before="60" w:after="0" w:line="300" w:lineRule="atLeast" /><w:ind w:left="120" w:right="120" w:firstLineChars="0" w:firstLine="0" />',
  Heading1: '<w:keepNext /><w:keepLines /><w:spacing w:before="360" w:after="120" w:line="240" w:lineRule="auto" /><w:ind w:firstLineChars="0" w:firstLine="0" /><w:outlineLvl w:val="0" />',
  Heading2: '<w:keepNext /><w:keepLines /><w:spacing w:before="240" w:after="80" w:line="240" w:lineRule="auto" /><w:ind w:firstLineChars="0" w:firstLine="0" /><w:outlineLvl w:val="1" />',
  Heading3: '<w:keepNext /><w:keepLines /><w:spacing w:before="200" w:after="60" w:line="240" w:lineRule="auto" /><w:ind w:firstLineChars="0" w:firstLine="0" /><w:outlineLvl w:val="2" />',
  Heading4: '<w:keepNext /><w:keepLines /><w:spacing w:before="160" w:after="60" w:line="240" w:lineRule="auto" /><w:ind w:firstLineChars="0" w:firstLine="0" /><w:outlineLvl w:val="3" />',
  Title: '<w:spacing w:before="0" w:after="240" w:line="240" w:lineRule="auto" /><w:ind w:firstLineChars="0" w:firstLine="0" /><w:jc w:val="center" />',
};

const EXTRA_STYLES = [1, 2, 3].map((n) => `<w:style w:type="paragraph" w:styleId="TOC${n}"><w:name w:val="toc ${n}" /><w:basedOn w:val="Normal" /><w:next w:val="Normal" /><w:uiPriority w:val="39" /><w:unhideWhenUsed />`
  + `<w:pPr><w:spacing w:before="${n === 1 ? 120 : 40}" w:after="40" w:line="240" w:lineRule="auto" /><w:ind w:left="${(n - 1) * 480}" w:firstLine="0" /></w:pPr>`
  + `<w:rPr>${n === 1 ? HEAD_FONTS : BODY_FONTS}<w:sz w:val="24" /><w:szCs w:val="24" /></w:rPr></w:style>`).join('')
  + '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header" /><w:basedOn w:val="Normal" /><w:uiPriority w:val="99" /><w:unhideWhenUsed /><w:pPr><w:tabs><w:tab w:val="center" w:pos="4153" /><w:tab w:val="right" w:pos="8306" /></w:tabs></w:pPr><w:rPr><w:sz w:val="18" /><w:szCs w:val="18" /></w:rPr></w:style>'
  + '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer" /><w:basedOn w:val="Normal" /><w:uiPriority w:val="99" /><w:unhideWhenUsed /><w:pPr><w:tabs><w:tab w:val="center" w:pos="4153" /><w:tab w:val="right" w:pos="8306" /></w:tabs></w:pPr><w:rPr><w:sz w:val="18" /><w:szCs w:val="18" /></w:rPr></w:style>'
  + '<w:style w:type="table" w:styleId="OpsbookBlock"><w:name w:val="Opsbook Block" /><w:uiPriority w:val="99" /><w:tblPr><w:tblInd w:w="0" w:type="dxa" /><w:tblCellMar><w:top w:w="0" w:type="dxa" /><w:left w:w="100" w:type="dxa" /><w:bottom w:w="0" w:type="dxa" /><w:right w:w="100" w:type="dxa" /></w:tblCellMar></w:tblPr></w:style>';

function setParaProps(style: string, pPr: string): string {
  const cleaned = style.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, '').replace(/<w:pPr\s*\/>/, '');
  // pPr goes before rPr (schema order).
  return cleaned.includes('<w:rPr>') ? cleaned.replace('<w:rPr>', `<w:pPr>${pPr}</w:pPr><w:rPr>`) : cleaned.replace('</w:style>', `<w:pPr>${pPr}</w:pPr></w:style>`);
}

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
  for (const [id, rPr] of Object.entries(HEADING_RPR)) out = replaceStyle(out, id, (s) => setRunProps(s, rPr));
  // Table cells and tight lists: 五号 10.5 pt, single spacing.
  out = replaceStyle(out, 'Compact', (s) => setRunProps(s, '<w:sz w:val="21" /><w:szCs w:val="21" />'));
  for (const [id, pPr] of Object.entries(PARA_PPR)) out = replaceStyle(out, id, (s) => setParaProps(s, pPr));
  out = out.replace('</w:styles>', `${EXTRA_STYLES}</w:styles>`);
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
  + '<w:font w:name="SimHei"><w:altName w:val="Noto Sans CJK SC" /><w:charset w:val="86" /><w:family w:val="modern" /><w:pitch w:val="fixed" /></w:font>'
  + '<w:font w:name="KaiTi"><w:altName w:val="AR PL UKai CN" /><w:charset w:val="86" /><w:family w:val="modern" /><w:pitch w:val="fixed" /></w:font>';

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
