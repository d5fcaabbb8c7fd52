import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pythonExecutable, servePython, serveStatic, type StaticServer } from './static-server.js';
import { failures, internalUrls, sweep } from './url-sweep.js';

/** A tiny built site: one page per folder, one page written the old way (x.html), one folder without index. */
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-static-'));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  write('index.html', '<a href=/aims/>AIMS</a> <a href="/old">old</a> <a href=/assets/>assets</a>');
  write('aims/index.html', '<a class=x href=/aims/om-manual/#backup>manual</a>');
  write('aims/om-manual/index.html', '<h2 id=backup>备份</h2>');
  write('old.html', 'written by trailingSlash: false');
  write('assets/app.js', 'void 0');
  write('404.html', '找不到页面');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function behavesLikeADefaultServer(server: StaticServer) {
  const urls = internalUrls(dir);
  expect(urls).toEqual(['/', '/aims/', '/aims/om-manual/', '/assets/', '/old', '/old.html']);
  const res = await sweep(server.url, urls);
  // `/old` has only old.html (no guessing of the extension) and `/assets/` is a folder without a page
  expect(failures(res).map((r) => [r.url, r.status, r.listing])).toEqual([['/assets/', 200, true], ['/old', 404, false]]);
  const bare = await sweep(server.url, ['/aims', '/aims/om-manual']);
  expect(bare.map((r) => [r.status, r.location?.replace(/^https?:\/\/[^/]+/, '')])).toEqual([[301, '/aims/'], [301, '/aims/om-manual/']]);
}

describe('static servers at their defaults', () => {
  it('the Node test server serves exact files, redirects folders to folder/, lists a folder without index.html, 404s the rest', async () => {
    const server = await serveStatic(dir);
    try {
      await behavesLikeADefaultServer(server);
    } finally {
      await server.close();
    }
  });

  it.skipIf(!pythonExecutable())('python3 -m http.server behaves the same', async () => {
    const server = await servePython(dir, pythonExecutable()!);
    try {
      await behavesLikeADefaultServer(server);
    } finally {
      await server.close();
    }
  });
});
