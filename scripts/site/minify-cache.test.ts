/**
 * The minifier cache with the real bundler (rspack) and its real minifier:
 * a second build minifies nothing and writes the same bytes; a changed
 * module is minified again, the other chunks come from the cache.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import type { rspack as Rspack } from '@rspack/core';
import { MinifyCachePlugin } from './minify-cache.js';

// the rspack Docusaurus builds with (@docusaurus/faster re-exports it: no dependency of our own; required untyped,
// as its declarations would change the DOM types of the browser tests)
const { rspack } = createRequire(import.meta.url)('@docusaurus/faster') as { rspack: typeof Rspack };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-minify-cache-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const OPTIONS = { minify: true, compress: false, mangle: true, format: { comments: false as const } };

function write(files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

/** One production build; returns the emitted JS files and the cache's counts. */
async function build(cache = true): Promise<{ files: Map<string, string>; hits: number; misses: number }> {
  const out = path.join(dir, 'out');
  fs.rmSync(out, { recursive: true, force: true });
  const plugin = new MinifyCachePlugin(path.join(dir, 'cache'), OPTIONS);
  const compiler = rspack({
    mode: 'production',
    context: dir,
    entry: { main: './src/main.js' },
    output: { path: out, filename: '[name].[contenthash:8].js', chunkFilename: '[name].[contenthash:8].js' },
    optimization: { minimize: true, minimizer: [new rspack.SwcJsMinimizerRspackPlugin({ minimizerOptions: OPTIONS })] },
    plugins: cache ? [plugin as never] : [],
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => (err || stats?.hasErrors() ? reject(err ?? new Error(stats!.toString())) : compiler.close(() => resolve()))));
  const files = new Map(fs.readdirSync(out).filter((f) => f.endsWith('.js')).map((f) => [f, fs.readFileSync(path.join(out, f), 'utf8')]));
  return { files, ...plugin.stats };
}

describe('minifier cache (rspack)', () => {
  it('serves unchanged chunks from the cache, byte-identical to the minifier, and minifies changed ones', async () => {
    write({
      'src/main.js': "import('./page-a.js').then((m) => m.show());\nimport('./page-b.js').then((m) => m.show());\n",
      'src/page-a.js': "export function show() {\n  const longLocalName = '第一页';\n  console.log(longLocalName);\n}\n",
      'src/page-b.js': "export function show() {\n  const anotherLongName = '第二页';\n  console.log(anotherLongName, anotherLongName.length);\n}\n",
    });
    const plain = await build(false);
    const first = await build();
    expect(first.hits).toBe(0);
    expect(first.misses).toBe(plain.files.size);
    expect(first.files).toEqual(plain.files);
    for (const text of first.files.values()) expect(text).not.toContain('longLocalName'); // minified (names mangled)

    const second = await build();
    expect(second).toMatchObject({ hits: first.files.size, misses: 0 });
    expect(second.files).toEqual(first.files);

    write({ 'src/page-b.js': "export function show() {\n  const anotherLongName = '第二页（改）';\n  console.log(anotherLongName);\n}\n" });
    const third = await build();
    expect(third.misses).toBeGreaterThan(0);
    expect(third.hits).toBeGreaterThan(0);
    expect(third.files).toEqual((await build(false)).files);
  }, 60_000);
});
