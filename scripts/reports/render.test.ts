import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateCompliance } from '../compliance/index.js';
import { loadKnowledgeBase } from '../records/index.js';
import { computeSla } from '../sla/index.js';
import { parseInstant } from '../shared/time.js';
import { buildReferenceDocx, REFERENCE_DOCX } from './build-reference-docx.js';
import { buildReport } from './catalog.js';
import { LANDSCAPE_TEXT_WIDTH, TEXT_WIDTH } from './docx-layout.js';
import { docxToPdf, normalisePdf, SOFFICE } from './pdf.js';
import { fixedProvenance } from './provenance.js';
import { renderDocx, renderDocxPair, renderHtml } from './render.js';
import type { BuiltReport } from './report-types.js';
import { planTable } from './table-layout.js';
import { readZip, writeZip } from './zip.js';

const ROOT = path.join(import.meta.dirname, 'fixtures', 'ok-kb');
const AS_OF = parseInstant('2026-11-26T12:00:00+08:00');
const reports: Record<string, BuiltReport> = {};
let tmp: string;

const hasOffice = (() => {
  try {
    execFileSync(SOFFICE, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

beforeAll(async () => {
  const kb = await loadKnowledgeBase(ROOT);
  const bytes = new Map(kb.records.map((r) => [r.path, fs.readFileSync(path.join(ROOT, r.path))]));
  const ctx = { kb, asOf: AS_OF, provenance: fixedProvenance('0123456789abcdef0123456789abcdef01234567', bytes) };
  const analyses = { sla: computeSla(kb, { periodId: 'Y1', asOf: AS_OF }), compliance: await evaluateCompliance(kb, { periodId: 'Y1', asOf: AS_OF, root: ROOT }) };
  reports.annual = buildReport(ctx, 'annual', 'Y1', analyses);
  reports.maintenance = buildReport(ctx, 'maintenance', 'T-20260103-01', undefined);
  reports['written-reply'] = buildReport(ctx, 'written-reply', 'T-20260501-01', undefined);
  reports.inspection = buildReport(ctx, 'inspection', 'INS-2026-01', undefined);
  reports['database-inspection'] = buildReport(ctx, 'database-inspection', 'DBI-2026-01', undefined);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-reports-'));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const xmlOf = (docx: Buffer, name: string) => readZip(docx).find((e) => e.name === name)!.data.toString('utf8');

describe('zip and table layout', () => {
  it('round-trips entries and writes the same bytes twice', () => {
    const entries = [{ name: 'a.xml', data: Buffer.from('<a>中文</a>') }, { name: 'dir/b.bin', data: Buffer.alloc(1000, 7) }];
    const z = writeZip(entries);
    expect(readZip(z)).toEqual(entries);
    expect(writeZip(readZip(z)).equals(z)).toBe(true);
  });

  it('gives ids, dates and statuses their whole width and the rest to long text; too wide goes landscape', () => {
    const rows = [['编号', '说明', '日期', '结果'], ['INS-2026-01', '应用服务器内存使用率偏高，建议扩容至 32 GB 并观察一周后复查'.repeat(2), '2026-03-10', '未提交（已逾期）']];
    const plan = planTable(rows, TEXT_WIDTH, LANDSCAPE_TEXT_WIDTH);
    expect(plan.landscape).toBe(false);
    expect(plan.widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    // INS-2026-01 at 10.5 pt Times ≈ 58 pt; 未提交（已逾期）8 characters = 84 pt; plus padding.
    expect(plan.widths[0]).toBeGreaterThanOrEqual((57 + 10) * 20);
    expect(plan.widths[3]).toBeGreaterThanOrEqual((84 + 10) * 20);
    expect(plan.widths[1]).toBeGreaterThan(plan.widths[0]! * 2);
    const wide = planTable([Array.from({ length: 9 }, (_, i) => `列${i}`), Array.from({ length: 9 }, () => 'T-20260103-01')], TEXT_WIDTH, LANDSCAPE_TEXT_WIDTH);
    expect(wide.landscape).toBe(true);
  });
});

describe('DOCX', () => {
  it('the committed reference.docx is what build-reference-docx.ts produces', async () => {
    expect((await buildReferenceDocx()).equals(fs.readFileSync(REFERENCE_DOCX))).toBe(true);
  });

  it('annual report: cover, TOC field, running header, fixed-layout tables, sign-off, compatibility mode 15, properties; identical bytes twice', async () => {
    const a = await renderDocx(reports.annual!, AS_OF);
    expect(a.equals(await renderDocx(reports.annual!, AS_OF))).toBe(true);
    const doc = xmlOf(a, 'word/document.xml');
    for (const s of ['年度运维总结报告', '编制', '审核', '批准', '目　　录', '服务请求统计', '重大故障处理记录', '签收确认', '盖章', '报告生成信息']) expect(doc).toContain(s);
    expect(doc).toMatch(/<w:fldChar w:fldCharType="begin" w:dirty="true" \/><\/w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-2"/);
    expect(doc).toContain('PAGEREF _Toc000001');
    expect(doc).toContain('<w:pStyle w:val="Heading1" />');
    expect(doc).toContain('<w:pStyle w:val="Heading3" />');
    expect(doc).toContain('<w:tblLayout w:type="fixed" />');
    expect(doc).toContain('<w:titlePg />');
    // Provenance is at the end, not on the cover.
    expect(doc.indexOf('生成自提交')).toBeGreaterThan(doc.indexOf('签收确认'));
    const header = xmlOf(a, 'word/header-ob.xml');
    expect(header).toContain('年度运维总结报告');
    expect(header).toContain('合同编号 HT-TEST-0001');
    expect(header).toContain('【草稿】'); // the period has not ended
    expect(header).toContain('PowerPlusWaterMarkObject');
    expect(xmlOf(a, 'word/settings.xml')).toContain('<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15" />');
    const core = xmlOf(a, 'docProps/core.xml');
    expect(core).toContain('<dc:title>年度运维总结报告 HT-TEST-0001-Y1</dc:title>');
    expect(core).toContain('<dc:creator>示例医疗软件有限公司</dc:creator>');
    expect(core).toContain('2026-11-26T04:00:00Z');
    expect(readZip(a).map((e) => e.name).filter((n) => /^word\/media\/.*\.png$/.test(n))).toHaveLength(3);
  }, 120_000);

  it('other kinds: title block, no cover, no TOC; a final report has no draft marks', async () => {
    const m = await renderDocx(reports.maintenance!, AS_OF);
    const doc = xmlOf(m, 'word/document.xml');
    expect(doc).toContain('编制日期');
    expect(doc).not.toContain('TOC \\o');
    expect(doc).not.toContain('<w:titlePg />');
    expect(reports.maintenance!.draft).toEqual([]);
    expect(xmlOf(m, 'word/header-ob.xml')).not.toContain('草稿');
  }, 60_000);
});

describe('HTML', () => {
  it('embeds the charts as SVG and gives tables the same widths rule', async () => {
    const html = await renderHtml(reports.annual!);
    expect(html.match(/data:image\/svg\+xml;base64,/g)).toHaveLength(3);
    expect(html).toContain('<table class="fitted');
    expect(html).toMatch(/<td>[^<]*<span class="nb">(?:INS|DBI|REL|CHG|IF|T)-[A-Za-z0-9.-]+<\/span>/);
  });
});

describe.skipIf(!hasOffice)('PDF (LibreOffice)', () => {
  let pdfs: Map<string, Buffer>;
  let sources: Map<string, Buffer>;

  beforeAll(async () => {
    sources = new Map();
    for (const [kind, r] of Object.entries(reports)) sources.set(kind, (await renderDocxPair(r, AS_OF)).pdfSource);
    pdfs = await docxToPdf([...sources].map(([name, docx]) => ({ name, docx })), AS_OF, { concurrency: 2 });
  }, 180_000);

  it('every kind: text in embedded fonts, none of them Type 3; tagged; title, author and subject set', () => {
    expect([...pdfs.keys()].sort()).toEqual(['annual', 'database-inspection', 'inspection', 'maintenance', 'written-reply']);
    for (const [kind, pdf] of pdfs) {
      const file = path.join(tmp, `${kind}.pdf`);
      fs.writeFileSync(file, pdf);
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
      expect(fonts.length, kind).toBeGreaterThan(0);
      for (const line of fonts) {
        expect(line, `${kind}: ${line}`).not.toMatch(/Type 3/);
        // emb column (fifth from the right): every font embedded
        expect(line.trim().split(/\s+/).at(-5), `${kind}: ${line}`).toBe('yes');
      }
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info, kind).toMatch(/Tagged:\s+yes/);
      expect(info, kind).toMatch(/Author:\s+示例医疗软件有限公司/);
      expect(info, kind).toMatch(/Title:\s+\S/);
      expect(info, kind).toMatch(/Subject:\s+\S/);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text.replace(/\s+/g, ''), kind).toMatch(/第\d+页\/共\d+页/);
      expect(text, kind).toContain('盖章');
    }
  });

  it('the annual report: cover, TOC with page numbers, bookmarks, draft marks', () => {
    const file = path.join(tmp, 'annual.pdf');
    fs.writeFileSync(file, pdfs.get('annual')!);
    const page2 = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', file, '-'], { encoding: 'utf8' });
    expect(page2).toMatch(/目\s*录/);
    expect(page2).toMatch(/一、概述\s*\.{3,}\s*\d+/);
    expect(pdfs.get('annual')!.toString('latin1')).toContain('/Outlines');
    const page1 = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-'], { encoding: 'utf8' });
    expect(page1).toContain('（草稿）');
    expect(page1).toContain('HT-TEST-0001');
  });

  it('is byte-for-byte reproducible, alone or in a batch', async () => {
    const again = await docxToPdf([{ name: 'maintenance', docx: sources.get('maintenance')! }], AS_OF);
    expect(again.get('maintenance')!.equals(pdfs.get('maintenance')!)).toBe(true);
    // soffice runs with TZ=UTC (this suite runs under America/Los_Angeles): the date is the as-of time in UTC.
    expect(pdfs.get('maintenance')!.toString('latin1')).toContain("/CreationDate(D:20261126040000Z')");
  }, 120_000);

  it('normalises the dates and ID of a PDF without moving a byte', () => {
    const pdf = Buffer.from("%PDF-1.6\n/CreationDate(D:20261130132311Z')\ntrailer\n<</ID [ <A711E104CFFCB770D3DDE53C1A4B9DED>\n<A711E104CFFCB770D3DDE53C1A4B9DED> ]>>", 'latin1');
    const out = normalisePdf(pdf, AS_OF);
    expect(out.length).toBe(pdf.length);
    expect(out.toString('latin1')).toContain("/CreationDate(D:20261126040000Z')");
    expect(out.toString('latin1')).not.toContain('A711E104');
  });
});
