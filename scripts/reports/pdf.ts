/**
 * DOCX → PDF with LibreOffice (Debian `libreoffice-writer-nogui`), so the
 * PDF is the Word file as the hospital will print it: text in embedded
 * outline fonts (never Type 3), tagged, with bookmarks from the headings,
 * title/author/subject from the DOCX core properties. Many files go through
 * one `soffice` run; `concurrency` runs share them out, each with its own
 * user profile (concurrent runs on one profile fail silently). A fontconfig
 * file maps Word's 宋体/黑体/楷体 to the Noto CJK and AR PL fonts installed
 * here. CreationDate and the document ID are rewritten from the as-of time
 * and the content, so the same input gives the same bytes.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../shared/errors.js';
import { formatCst } from '../shared/time.js';

/** The LibreOffice executable. */
export const SOFFICE = process.env.OPSBOOK_SOFFICE ?? 'soffice';

/** fontconfig file given to LibreOffice (includes the system's, adds the Word font aliases). */
export const FONTS_CONF = fileURLToPath(new URL('./templates/fonts.conf', import.meta.url));

/** PDF export options (LibreOffice 7.4+ JSON filter options). */
const FILTER = {
  UseTaggedPDF: { type: 'boolean', value: 'true' },
  ExportBookmarks: { type: 'boolean', value: 'true' },
  ExportNotes: { type: 'boolean', value: 'false' },
};

function onPath(cmd: string): string | undefined {
  if (cmd.includes('/')) return fs.existsSync(cmd) ? cmd : undefined;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const f = path.join(dir, cmd);
    if (dir && fs.existsSync(f)) return f;
  }
  return undefined;
}

/** Throws a one-line UserError when LibreOffice is not installed. */
export function checkOffice(): void {
  if (!onPath(SOFFICE)) {
    throw new UserError(`PDF needs LibreOffice (\`${SOFFICE}\` not found); install it with \`apt-get install libreoffice-writer-nogui fonts-noto-cjk\` (or run scripts/setup-system.sh), or use --format md|docx / --skip-pdf`);
  }
}

/** @deprecated The PDF renderer is LibreOffice now; kept for callers that check before a run. */
export const checkChromium = checkOffice;

/** Nothing to close: every conversion is its own `soffice` run. Kept for callers. */
export async function closePdf(): Promise<void> {}

/** `D:YYYYMMDDHHmmSS+08'00'` of an instant (PDF date, CST). */
export function pdfDate(ms: number): string {
  const s = formatCst(Math.floor(ms / 1000) * 1000);
  return `D:${s.slice(0, 4)}${s.slice(5, 7)}${s.slice(8, 10)}${s.slice(11, 13)}${s.slice(14, 16)}${s.slice(17, 19)}+08'00'`;
}

/**
 * Makes a PDF's bytes depend on its content only: CreationDate and ModDate
 * become the as-of time, the trailer /ID a digest of the rest; every
 * replacement keeps its length, so the cross-reference offsets stay valid.
 */
export function normalisePdf(pdf: Buffer, asOf: number): Buffer {
  const utc = new Date(Math.floor(asOf / 1000) * 1000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const local = pdfDate(asOf);
  let text = pdf.toString('latin1').replace(/\/(CreationDate|ModDate) ?\(([^)]*)\)/g, (m, _key: string, old: string) => {
    // LibreOffice writes `D:YYYYMMDDHHmmSSZ'` (UTC); keep its form and length.
    const date = /^D:\d{14}Z/.test(old) ? `D:${utc}Z${old.slice(17)}` : local;
    const v = date.length <= old.length ? date.padEnd(old.length, ' ') : date.slice(0, old.length);
    return m.replace(`(${old})`, `(${v})`);
  });
  // The trailer's /ID and /DocChecksum come from the time of the run: make them a digest of everything else.
  const idRe = /(\/ID ?\[ ?<)([0-9A-Fa-f]+)(> ?\s*<)([0-9A-Fa-f]+)(> ?\])|(\/DocChecksum \/)([0-9A-Fa-f]+)/g;
  const zero = (h: string) => '0'.repeat(h.length);
  const blank = text.replace(idRe, (m) => m.replace(/[0-9A-Fa-f]{16,}/g, zero));
  const digest = createHash('md5').update(blank, 'latin1').digest('hex').toUpperCase();
  text = text.replace(idRe, (m) => m.replace(/[0-9A-Fa-f]{16,}/g, (h) => digest.padEnd(h.length, '0').slice(0, h.length)));
  return Buffer.from(text, 'latin1');
}

/** One file to convert: a DOCX and the name its PDF gets. */
export interface PdfJob {
  /** DOCX bytes. */
  docx: Buffer;
  /** Base name without extension, unique in the batch (ASCII). */
  name: string;
}

function runSoffice(args: string[], env: NodeJS.ProcessEnv, onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile(SOFFICE, args, { env, maxBuffer: 64 * 1024 * 1024 }, (err, _stdout, stderr) => {
      if (err) reject(new Error(`soffice failed: ${String(stderr || err.message).trim().split('\n').filter((l) => !/javaldx/.test(l))[0] ?? err.message}`));
      else resolve();
    });
    let buf = '';
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const l of lines) onLine(l);
    });
  });
}

/**
 * Converts DOCX files to PDF in as few `soffice` runs as `concurrency`
 * allows (one profile each), and normalises the PDFs.
 * @param onDone called as each PDF is written by LibreOffice
 * @returns PDF bytes by job name
 * @throws Error naming the files LibreOffice did not convert
 */
export async function docxToPdf(jobs: PdfJob[], asOf: number, opts: { concurrency?: number; onDone?: (name: string) => void } = {}): Promise<Map<string, Buffer>> {
  checkOffice();
  const out = new Map<string, Buffer>();
  if (!jobs.length) return out;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-pdf-'));
  try {
    const n = Math.max(1, Math.min(opts.concurrency ?? 1, jobs.length));
    // Deal the files out by size so the runs end together (the annual report is the big one).
    const groups: PdfJob[][] = Array.from({ length: n }, () => []);
    const load = new Array<number>(n).fill(0);
    for (const j of [...jobs].sort((a, b) => b.docx.length - a.docx.length)) {
      const i = load.indexOf(Math.min(...load));
      groups[i]!.push(j);
      load[i]! += j.docx.length + 50_000;
    }
    // TZ=UTC: LibreOffice writes its dates in the process's zone, which would change the PDF's length with the machine.
    const env = { ...process.env, FONTCONFIG_FILE: FONTS_CONF, SAL_USE_VCLPLUGIN: 'svp', TZ: 'UTC' };
    await Promise.all(groups.map(async (group, i) => {
      const inDir = path.join(tmp, `in-${i}`);
      const outDir = path.join(tmp, `out-${i}`);
      fs.mkdirSync(inDir);
      fs.mkdirSync(outDir);
      const files = group.map((j) => {
        const f = path.join(inDir, `${j.name}.docx`);
        fs.writeFileSync(f, j.docx);
        return f;
      });
      const profile = `file://${path.join(tmp, `profile-${i}`)}`;
      await runSoffice([`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nologo', '--nodefault', '--nolockcheck',
        '--convert-to', `pdf:writer_pdf_Export:${JSON.stringify(FILTER)}`, '--outdir', outDir, ...files], env, (line) => {
        const m = /-> (.*\.pdf) using filter/.exec(line);
        if (m) opts.onDone?.(path.basename(m[1]!, '.pdf'));
      });
      for (const j of group) {
        const f = path.join(outDir, `${j.name}.pdf`);
        if (fs.existsSync(f)) out.set(j.name, normalisePdf(fs.readFileSync(f), asOf));
      }
    }));
    const missing = jobs.filter((j) => !out.has(j.name)).map((j) => j.name);
    if (missing.length) throw new Error(`LibreOffice converted no PDF for ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` … (${missing.length})` : ''}`);
    return out;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
