/**
 * Debian Chromium through playwright-core, started the one way that works on
 * these machines (TOOLCHAIN.md): a fresh profile folder, headless, no sandbox,
 * nothing downloaded. Used by the browser tests and the screenshot script.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** Where Chromium is: `CHROMIUM_PATH` or Debian's `/usr/bin/chromium`. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Launches Chromium with a throw-away profile (removed on close). */
export async function launchChromium(opts: { width?: number; height?: number } = {}): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-chromium-'));
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    // Not China's zone on purpose: what the site shows must not depend on the reader's clock.
    timezoneId: 'America/Los_Angeles',
    viewport: { width: opts.width ?? 1366, height: opts.height ?? 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
