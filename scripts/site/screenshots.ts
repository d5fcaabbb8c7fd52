/**
 * Screenshots of the built site as the hospital sees it, for people reviewing
 * a change (not a test): every route at the given widths in both colour
 * themes, full page, PNG.
 *
 *   tsx scripts/site/screenshots.ts [--site build/site] [--out /tmp/opsbook-shots]
 *     [--widths 1280,1366] [--themes light,dark] [route ...]
 *
 * Routes default to the page types the hospital opens most (home, a manual,
 * register, dashboard, compliance matrix, data dictionary, hand-over).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from './browser.js';
import { serveStatic } from './static-server.js';

const DEFAULT_ROUTES = [
  '/', '/icis/user-manual/nurse/', '/aims/om-manual/', '/general/generated/tickets/', '/general/generated/sla-dashboard/',
  '/general/generated/compliance/', '/icis/generated/data-dictionary/', '/general/generated/handover/',
];

const argv = process.argv.slice(2);
const opt = (name: string, def: string): string => {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return def;
  const v = argv[i + 1] ?? def;
  argv.splice(i, 2);
  return v;
};
const site = path.resolve(opt('site', 'build/site'));
const out = path.resolve(opt('out', path.join(os.tmpdir(), 'opsbook-shots')));
const widths = opt('widths', '1280,1366').split(',').map(Number);
const themes = opt('themes', 'light,dark').split(',') as ('light' | 'dark')[];
const fullPage = opt('full', 'yes') === 'yes';
const routes = argv.length ? argv : DEFAULT_ROUTES;

fs.mkdirSync(out, { recursive: true });
const server = await serveStatic(site, { mode: 'plain' });
const browser = await launchChromium();
try {
  for (const theme of themes) {
    for (const width of widths) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: theme });
      for (const route of routes) {
        await page.goto(`${server.url}${route}`, { waitUntil: 'networkidle' });
        await page.waitForTimeout(300);
        const name = `${route.replace(/^\/|\/$/g, '').replace(/[/#?]+/g, '_') || 'home'}-${width}-${theme}.png`;
        await page.screenshot({ path: path.join(out, name), fullPage });
        process.stderr.write(`${path.join(out, name)}\n`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
