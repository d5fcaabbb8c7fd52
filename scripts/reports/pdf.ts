/**
 * HTML → PDF with headless Chromium (Debian `chromium` + fonts-noto-cjk)
 * through playwright-core: A4, a footer “第 N 页 / 共 M 页”, CreationDate
 * and ModDate set to the report's as-of time so the bytes are reproducible.
 * One browser is shared by all reports of a run; close it with `closePdf()`.
 */
import fs from 'node:fs';
import { UserError } from '../shared/errors.js';
import { pdfDate } from './render.js';

/** Chromium executable (Debian package `chromium`). */
export const CHROMIUM = process.env.OPSBOOK_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep Chromium quiet and offline (TOOLCHAIN.md). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

type Browser = { newPage(): Promise<Page>; close(): Promise<void> };
type Page = {
  setContent(html: string, o: { waitUntil: 'load' }): Promise<void>;
  pdf(o: Record<string, unknown>): Promise<Buffer>;
  close(): Promise<void>;
};

let browser: Promise<Browser> | undefined;

/** Throws a one-line UserError when Chromium is not installed. */
export function checkChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new UserError(`PDF needs Chromium at ${CHROMIUM} (not found); install it with \`apt-get install chromium fonts-noto-cjk\`, or use --format md|docx`);
  }
}

async function getBrowser(): Promise<Browser> {
  checkChromium();
  browser ??= import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS }) as unknown as Promise<Browser>)
    .catch((err: unknown) => {
      browser = undefined;
      throw new UserError(`Could not start Chromium (${CHROMIUM}): ${String((err as Error).message ?? err).split('\n')[0]}; install it with \`apt-get install chromium fonts-noto-cjk\``);
    });
  return browser;
}

const FOOTER = '<div style="width:100%;text-align:center;font-size:9px;color:#333;font-family:\'Noto Sans CJK SC\',sans-serif;">第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</div>';

/**
 * Prints an HTML page to PDF.
 * @param asOf epoch ms used for the PDF's CreationDate/ModDate
 */
export async function htmlToPdf(html: string, asOf: number): Promise<Buffer> {
  const b = await getBrowser();
  const page = await b.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4', printBackground: true, displayHeaderFooter: true,
      headerTemplate: '<div></div>', footerTemplate: FOOTER,
      margin: { top: '20mm', bottom: '18mm', left: '18mm', right: '18mm' },
    });
    return normalisePdfDates(Buffer.from(pdf), asOf);
  } finally {
    await page.close();
  }
}

/**
 * Replaces the PDF's CreationDate and ModDate with the as-of time, keeping
 * each string's length so the cross-reference offsets stay valid.
 */
export function normalisePdfDates(pdf: Buffer, asOf: number): Buffer {
  const text = pdf.toString('latin1');
  const date = pdfDate(asOf);
  const out = text.replace(/\/(CreationDate|ModDate) \(([^)]*)\)/g, (_m, key: string, old: string) => {
    const v = date.length <= old.length ? date.padEnd(old.length, ' ') : date.slice(0, old.length);
    return `/${key} (${v})`;
  });
  return Buffer.from(out, 'latin1');
}

/** Closes the shared browser (call once at the end of a run). */
export async function closePdf(): Promise<void> {
  const b = browser;
  browser = undefined;
  if (b) await (await b.catch(() => undefined))?.close();
}
