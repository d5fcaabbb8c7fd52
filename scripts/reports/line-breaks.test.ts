/**
 * The annual report of the demo knowledge base as a 信息科 reviewer prints
 * it: LibreOffice converts the DOCX (`soffice --headless --convert-to pdf`),
 * pdftotext extracts the text, and no id or date of the Markdown may be
 * broken across lines (before the table rule, 94 of 206 were).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../records/index.js';
import { parseInstant } from '../shared/time.js';
import { REPO_ROOT } from '../testing/run-cli.js';
import { FONTS_CONF, SOFFICE } from './pdf.js';
import { fixedProvenance } from './provenance.js';
import { renderDocx, renderMarkdown } from './render.js';
import { buildOne } from './write-reports.js';

const hasOffice = (() => {
  try {
    execFileSync(SOFFICE, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-breaks-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Ids (T-20260103-01, INS-2026-01, IF-aims-his-adt, DCYY-YW-2025-0412) and dates of a Markdown text. */
export function idsAndDates(md: string): string[] {
  return [...new Set([...md.matchAll(/\b[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+\b|\b\d{4}-\d{2}-\d{2}\b/g)].map((m) => m[0]))];
}

/** The tokens that appear in `text` split by a line break. */
export function brokenTokens(tokens: string[], text: string): string[] {
  return tokens.filter((t) => [...t].some((_, k) => k > 0 && new RegExp(`${esc(t.slice(0, k))}[ \\t]*\\n[ \\t]*${esc(t.slice(k))}`).test(text)));
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.skipIf(!hasOffice)('annual report printed by LibreOffice', () => {
  it('breaks no id or date of the Markdown across lines', async () => {
    const kb = await loadKnowledgeBase(REPO_ROOT);
    const asOf = parseInstant('2026-11-26T12:00:00+08:00');
    const bytes = new Map(kb.records.map((r) => [r.path, fs.readFileSync(path.join(REPO_ROOT, r.path))]));
    const report = await buildOne({ kb, asOf, provenance: fixedProvenance('0123456789abcdef0123456789abcdef01234567', bytes) }, 'annual', 'Y1');
    const docx = path.join(tmp, 'annual.docx');
    fs.writeFileSync(docx, await renderDocx(report, asOf));
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${path.join(tmp, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, docx], {
      env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF }, stdio: 'ignore', timeout: 170_000,
    });
    const text = execFileSync('pdftotext', [path.join(tmp, 'annual.pdf'), '-'], { encoding: 'utf8' });
    const tokens = idsAndDates(renderMarkdown(report));
    expect(tokens.length).toBeGreaterThan(150);
    // The test can fail: the same text with a break inside an id is caught.
    expect(brokenTokens(['INS-2026-01'], 'x INS-\n2026-01 y')).toEqual(['INS-2026-01']);
    expect(tokens.filter((t) => text.includes(t)).length).toBeGreaterThan(tokens.length * 0.9);
    const broken = brokenTokens(tokens, text);
    expect(broken.map((t) => `${t}: ${/[^\n]*\n[^\n]*/.exec(text.slice(Math.max(0, text.search(new RegExp(esc(t.slice(0, 4))))), text.length))?.[0]}`)).toEqual([]);
  }, 240_000);
});
