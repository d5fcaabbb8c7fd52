/**
 * Browser checks of the built site (Chromium via playwright-core): Chinese
 * home page, both systems with their version dropdowns, mermaid rendered as
 * SVG, Chinese search, generated pages with their data, the SLA dashboard's
 * charts loaded, no page errors.
 * Builds the site first when build/site is missing; skips only when
 * Chromium is not installed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { loadKnowledgeBase } from '../records/index.js';
import { serveStatic } from './static-server.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SITE = path.join(ROOT, 'build', 'site');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SHOTS = process.env['SITE_SCREENSHOTS'] ?? path.join(os.tmpdir(), 'opsbook-site-shots');
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) console.warn(`site.browser.test: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH)`);

describe.skipIf(!hasChromium)('built site in Chromium', () => {
  let context: BrowserContext;
  let server: { url: string; close: () => Promise<void> };
  let profile: string;
  const errors: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(SITE, 'index.html'))) {
      const res = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'cli.ts'), 'site', 'build', '--out', SITE], { cwd: ROOT, encoding: 'utf8' });
      if (res.status !== 0) throw new Error(`site build failed:\n${res.stderr}`);
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await serveStatic(SITE);
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-chromium-'));
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'zh-CN',
      viewport: { width: 1366, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  async function open(route: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`${route}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${route}: ${m.text()}`);
    });
    const res = await page.goto(`${server.url}${route}`, { waitUntil: 'networkidle' });
    expect(res?.status(), route).toBe(200);
    return page;
  }

  it('home page is in Chinese and links both systems and the service pages', async () => {
    const page = await open('/');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    expect(await page.title()).toContain('运维知识库');
    const main = await page.locator('main').innerText();
    expect(main).toContain('手术麻醉临床信息系统');
    expect(main).toContain('重症监护信息系统');
    for (const href of ['/aims', '/icis', '/general/generated/sla-dashboard', '/general/generated/compliance', '/aims/generated/data-dictionary']) {
      expect(await page.locator(`main a[href="${href}"]`).count(), href).toBeGreaterThan(0);
    }
    await page.screenshot({ path: path.join(SHOTS, 'home.png'), fullPage: true });
    await page.close();
  });

  it.each([
    ['aims', '5.1'],
    ['icis', '3.0'],
  ])('%s has a version dropdown leading to %s', async (system, older) => {
    const page = await open(`/${system}/om-manual`);
    const dropdown = page.locator('.navbar__item.dropdown', { hasText: '（在用）' }).filter({ has: page.locator(`a[href^="/${system}/${older}"]`) });
    await expect.poll(() => dropdown.count()).toBe(1);
    await dropdown.hover();
    await dropdown.locator(`a[href^="/${system}/${older}"]`).first().click();
    await page.waitForURL(`**/${system}/${older}/om-manual`);
    expect(await page.locator('article h1').innerText()).toBe('标准操作维护手册');
    for (const h of ['停机', '启动', '备份', '恢复']) expect(await page.locator('article h2', { hasText: h }).count(), h).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, `${system}-${older}-om-manual.png`) });
    await page.close();
  });

  it('renders a mermaid sequence diagram as SVG', async () => {
    const page = await open('/aims/interfaces/his-adt');
    const svg = page.locator('.docusaurus-mermaid-container svg').first();
    await svg.waitFor({ timeout: 15_000 });
    expect(await svg.innerHTML()).toContain('ADT^A01');
    await page.screenshot({ path: path.join(SHOTS, 'mermaid.png'), fullPage: true });
    await page.close();
  });

  it('finds the O&M manual when searching 备份', async () => {
    const page = await open('/');
    await page.locator('input.navbar__search-input').fill('备份');
    const options = page.locator('[role="listbox"] [role="option"]');
    await options.first().waitFor({ timeout: 15_000 });
    const texts = await options.allInnerTexts();
    expect(texts.some((t) => t.includes('标准操作维护手册'))).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'search.png') });
    await page.close();
  });

  it('shows the data dictionary and release notes from the records', async () => {
    const kb = await loadKnowledgeBase(ROOT);
    for (const system of ['aims', 'icis'] as const) {
      const page = await open(`/${system}/generated/data-dictionary`);
      const text = await page.locator('article').innerText();
      const dd = kb.dataDictionaries.find((d) => d.system === system);
      if (dd) {
        for (const t of dd.tables.slice(0, 3)) expect(text).toContain(t.name);
      } else {
        expect(text).toContain('尚未登记本系统的数据字典记录');
      }
      await page.screenshot({ path: path.join(SHOTS, `${system}-data-dictionary.png`), fullPage: true });
      await page.close();
      const notes = await open(`/${system}/generated/release-notes`);
      const notesText = await notes.locator('article').innerText();
      for (const r of kb.releases.filter((x) => x.system === system)) expect(notesText).toContain(r.version);
      await notes.close();
    }
  });

  it('ticket register shows no ticket description text', async () => {
    const kb = await loadKnowledgeBase(ROOT);
    const page = await open('/general/generated/tickets');
    const text = await page.locator('article').innerText();
    for (const t of kb.tickets) {
      expect(text).toContain(t.id);
      if (t.description && t.description.length > 8) expect(text).not.toContain(t.description.slice(0, 20));
    }
    await page.screenshot({ path: path.join(SHOTS, 'tickets.png'), fullPage: true });
    await page.close();
  });

  it('dashboard and compliance pages render', async () => {
    for (const route of ['/general/generated/sla-dashboard', '/general/generated/compliance', '/general/generated/handover', '/general/inspection-calendar']) {
      const page = await open(route);
      expect((await page.locator('article h1').innerText()).length).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(SHOTS, `${route.split('/').pop()}.png`), fullPage: true });
      await page.close();
    }
  });

  it('SLA dashboard shows the three charts of each period with tickets, loaded', async () => {
    const page = await open('/general/generated/sla-dashboard');
    const charts = page.locator('article img[alt$="图"]');
    const alts = await charts.evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt') ?? ''));
    expect(alts.length).toBeGreaterThanOrEqual(3);
    expect(alts.length % 3).toBe(0);
    for (const [i, alt] of alts.entries()) {
      expect(alt).toMatch(new RegExp(`^(本服务期|上一服务期) \\S+ ${['每月服务请求量', '严重级别构成', '响应时间分布'][i % 3]}图$`));
    }
    // The charts sit inside their period's section, after its heading.
    const sections = await page.locator('article h2').allInnerTexts();
    expect(sections.some((h) => h.startsWith('本服务期'))).toBe(true);
    for (let i = 0; i < alts.length; i++) {
      const img = charts.nth(i);
      await img.scrollIntoViewIfNeeded(); // loading=lazy: only images near the viewport load
      // (no DOM lib in this tsconfig: the image element is typed by the two fields read)
      await expect.poll(() => img.evaluate((el) => {
        const i = el as unknown as { complete: boolean; naturalWidth: number };
        return i.complete ? i.naturalWidth : 0;
      }), { timeout: 10_000 }).toBeGreaterThan(0);
      const box = await img.boundingBox();
      expect(box?.width, alts[i]).toBeGreaterThan(200);
    }
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: path.join(SHOTS, 'sla-dashboard-charts.png'), fullPage: true });
    await page.close();
  });

  it('logged no page errors', () => {
    expect(errors).toEqual([]);
  });
});
