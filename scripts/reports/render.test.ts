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
import { columnWidths, TEXT_WIDTH_TWIPS } from './fit-docx-tables.js';
import { CHROMIUM, closePdf, htmlToPdf } from './pdf.js';
import { fixedProvenance } from './provenance.js';
import { renderDocx, renderHtml } from './render.js';
import type { BuiltReport } from './report-types.js';
import { readZip, writeZip } from './zip.js';

const ROOT = path.join(import.meta.dirname, 'fixtures', 'ok-kb');
const AS_OF = parseInstant('2026-11-26T12:00:00+08:00');
let annual: BuiltReport;
let maintenance: BuiltReport;
let tmp: string;

beforeAll(async () => {
  const kb = await loadKnowledgeBase(ROOT);
  const bytes = new Map(kb.records.map((r) => [r.path, fs.readFileSync(path.join(ROOT, r.path))]));
  const ctx = { kb, asOf: AS_OF, provenance: fixedProvenance(null, bytes) };
  const analyses = { sla: computeSla(kb, { periodId: 'Y1', asOf: AS_OF }), compliance: await evaluateCompliance(kb, { periodId: 'Y1', asOf: AS_OF, root: ROOT }) };
  annual = buildReport(ctx, 'annual', 'Y1', analyses);
  maintenance = buildReport(ctx, 'maintenance', 'T-20260103-01', undefined);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-reports-'));
});

afterAll(async () => {
  await closePdf();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('zip and table widths', () => {
  it('round-trips entries and writes the same bytes twice', () => {
    const entries = [{ name: 'a.xml', data: Buffer.from('<a>中文</a>') }, { name: 'dir/b.bin', data: Buffer.alloc(1000, 7) }];
    const z = writeZip(entries);
    expect(readZip(z)).toEqual(entries);
    expect(writeZip(readZip(z)).equals(z)).toBe(true);
  });

  it('keeps short columns whole and gives long ones the rest', () => {
    const w = columnWidths([5, 120, 6]);
    expect(w.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH_TWIPS);
    expect(w[1]).toBeGreaterThan(w[0]! * 4);
  });
});

describe('DOCX', () => {
  it('the committed reference.docx is what build-reference-docx.ts produces', async () => {
    expect((await buildReferenceDocx()).equals(fs.readFileSync(REFERENCE_DOCX))).toBe(true);
  });

  it('renders Chinese headings, tables, charts, A4 and the page footer; identical bytes twice', async () => {
    const a = await renderDocx(annual, AS_OF);
    const b = await renderDocx(annual, AS_OF);
    expect(a.equals(b)).toBe(true);
    const file = path.join(tmp, 'annual.docx');
    fs.writeFileSync(file, a);
    const doc = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    for (const s of ['年度运维总结报告', '服务请求统计', '重大故障处理记录', '系统优化建议', '院方签收人']) expect(doc).toContain(s);
    expect(doc).toContain('<w:tbl>');
    expect(doc).toMatch(/<w:pgSz (w:h="16838" w:w="11906"|w:w="11906" w:h="16838") \/>/);
    expect(doc).toContain('footerReference');
    const names = readZip(a).map((e) => e.name);
    expect(names.filter((n) => /^word\/media\/.*\.png$/.test(n))).toHaveLength(3);
    expect(names).toContain('word/footer1.xml');
    const core = readZip(a).find((e) => e.name === 'docProps/core.xml')!.data.toString('utf8');
    expect(core).toContain('2026-11-26T04:00:00Z');
  });
});

describe.skipIf(!fs.existsSync(CHROMIUM))('PDF (Chromium)', () => {
  it('prints Chinese text with the page footer and fixed dates; identical bytes twice', async () => {
    const html = await renderHtml(maintenance);
    const a = await htmlToPdf(html, AS_OF);
    const b = await htmlToPdf(html, AS_OF);
    expect(a.equals(b)).toBe(true);
    const file = path.join(tmp, 'm.pdf');
    fs.writeFileSync(file, a);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('产品维护报告');
    expect(text).toContain('数据库服务器磁盘空间耗尽');
    expect(text.replace(/\s+/g, "")).toMatch(/第1页\/共\d+页/);
    expect(a.toString('latin1')).toContain("/CreationDate (D:20261126120000+08'00')");
  });

  it('embeds the charts as SVG in the HTML', async () => {
    const html = await renderHtml(annual);
    expect(html.match(/data:image\/svg\+xml;base64,/g)).toHaveLength(3);
    expect(html).toContain('<h2 id=');
  });
});
