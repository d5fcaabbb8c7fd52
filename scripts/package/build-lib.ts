/**
 * `npm run build:lib` (also `prepack`): compiles scripts/ to plain ESM
 * JavaScript in dist/ with tsc (tsconfig.build.json) and copies beside it
 * every non-TypeScript file the library reads at run time (worker entries,
 * markdownlint rules, the DOCX reference template, init templates, …), so
 * dist/ mirrors scripts/ and paths like `new URL('./templates/x', import.meta.url)`
 * resolve the same way from either.
 *
 * The new tree is built in a sibling folder and swapped in at the end: a
 * failed compile leaves the previous dist/ untouched, and nothing reads a
 * half-written one.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = path.join(ROOT, 'scripts');

/** Folders of scripts/ that are development-only (never shipped). */
export const DEV_ONLY_DIRS = new Set(['fixtures', 'testing', 'bench', 'package']);

/** Whether a file under scripts/ (relative, forward slashes) is a run-time asset to copy into dist/. */
export function isRuntimeAsset(rel: string): boolean {
  const parts = rel.split('/');
  const name = parts[parts.length - 1]!;
  if (parts.slice(0, -1).some((p) => DEV_ONLY_DIRS.has(p))) return false;
  if (/\.(ts|mts|cts)$/.test(name) && !/\.d\.mts$/.test(name)) return false; // compiled by tsc
  if (/\.test\.|^test-/.test(name)) return false;
  if (/\.(md|sh)$/.test(name) || name === 'package.json') return false;
  // only needed when running the .ts sources (registers tsx inside worker threads)
  if (name === 'check-files-worker-entry.mjs') return false;
  return true;
}

function walk(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    const r = rel ? `${rel}/${ent.name}` : ent.name;
    if (ent.isDirectory()) out.push(...walk(path.join(dir, ent.name), r));
    else if (ent.isFile()) out.push(r);
  }
  return out;
}

/** Newest modification time (ms) of the inputs of dist/: scripts/ sources and assets, the tsconfigs. */
function newestInput(): number {
  let newest = 0;
  for (const f of ['tsconfig.json', 'tsconfig.build.json']) newest = Math.max(newest, fs.statSync(path.join(ROOT, f)).mtimeMs);
  for (const rel of walk(SRC)) {
    if (/\.ts$/.test(rel) || isRuntimeAsset(rel)) newest = Math.max(newest, fs.statSync(path.join(SRC, rel)).mtimeMs);
  }
  return newest;
}

/** Whether dist/ was built after every change to its inputs (so `npm pack --ignore-scripts` ships current code). */
export function distIsFresh(outDir = path.join(ROOT, 'dist')): boolean {
  const cli = path.join(outDir, 'cli.js');
  return fs.existsSync(cli) && fs.statSync(cli).mtimeMs >= newestInput();
}

/**
 * Builds dist/ (or `outDir`).
 * @returns the number of compiled JS files and copied assets
 */
export function buildLib(outDir = path.join(ROOT, 'dist')): { js: number; assets: string[] } {
  const staging = `${outDir}.staging-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  const require = createRequire(import.meta.url);
  const tsc = require.resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', staging], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`tsc failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  }
  const assets = walk(SRC).filter(isRuntimeAsset);
  for (const a of assets) {
    fs.mkdirSync(path.dirname(path.join(staging, a)), { recursive: true });
    fs.copyFileSync(path.join(SRC, a), path.join(staging, a));
  }
  // The package root stays CommonJS (Docusaurus needs it); the library is ESM, like scripts/package.json says.
  fs.writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify({ type: 'module', private: true }, null, 2)}\n`);
  const js = walk(staging).filter((f) => f.endsWith('.js')).length;
  const old = `${outDir}.old-${process.pid}`;
  if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
  fs.renameSync(staging, outDir);
  fs.rmSync(old, { recursive: true, force: true });
  return { js, assets };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  try {
    const { js, assets } = buildLib();
    process.stderr.write(`build:lib: ${js} JS files and ${assets.length} assets → dist/ (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
  } catch (err) {
    process.stderr.write(`build:lib: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
