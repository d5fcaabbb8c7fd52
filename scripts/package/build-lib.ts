/**
 * `npm run build:lib` (also `prepack`): compiles the library to plain ESM
 * JavaScript in dist/ and copies beside it the non-TypeScript files it reads
 * at run time, so dist/ mirrors scripts/ and paths like
 * `new URL('./templates/x', import.meta.url)` resolve the same from either.
 *
 * - What is compiled: the program tsc builds from `scripts/cli.ts`
 *   (tsconfig.build.json) — everything the CLI imports, the lazy `import()` of
 *   each command included — plus every module the code loads by URL (worker
 *   threads: `new URL('./x-worker.js', import.meta.url)`), found here. Tests,
 *   helpers and corpora are never reached, so they never ship.
 * - Which assets are copied: a file of scripts/ that is not TypeScript and that
 *   the compiled code names (`reference.docx`, `fonts.conf`, …), plus the
 *   markdownlint rules (a knowledge base's lint configuration loads them from
 *   the package). Loader shims that register tsx for worker threads are only
 *   for the sources and stay out.
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
export const DEV_ONLY_DIRS = new Set(['fixtures', 'testing', 'bench', 'package', 'corpus']);
/** Assets a knowledge base uses from the package although no code names them. */
const ALWAYS_SHIPPED = /^site\/lint-rules\/[^/]+\.mjs$/;

function walk(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    const r = rel ? `${rel}/${ent.name}` : ent.name;
    if (ent.isDirectory()) out.push(...walk(path.join(dir, ent.name), r));
    else if (ent.isFile()) out.push(r);
  }
  return out;
}

const devOnly = (rel: string) => rel.split('/').slice(0, -1).some((p) => DEV_ONLY_DIRS.has(p)) || /(^|\/)([^/]+\.test\.[^/]+|test-[^/]+)$/.test(rel);

/** Whether a file of scripts/ (relative, forward slashes) could be a run-time asset: not TypeScript, docs or a development file. */
function isAssetCandidate(rel: string): boolean {
  const name = rel.split('/').pop()!;
  if (devOnly(rel)) return false;
  if (/\.(ts|mts|cts)$/.test(name) || /\.(md|sh)$/.test(name) || name === 'package.json') return false;
  // a shim that registers tsx in a worker thread: only for running the sources
  if (/\.mjs$/.test(name) && /from ['"]tsx\//.test(fs.readFileSync(path.join(SRC, rel), 'utf8'))) return false;
  return true;
}

/** Candidate assets: non-TypeScript files of scripts/ outside development folders (relative, forward slashes). */
export function assetCandidates(): string[] {
  return walk(SRC).filter(isAssetCandidate);
}

/**
 * Whether a file of scripts/ ships as a run-time asset: a candidate that a knowledge base uses, or that the
 * compiled code (`jsTexts`) names; without `jsTexts`, every candidate.
 */
export function isRuntimeAsset(rel: string, jsTexts?: readonly string[]): boolean {
  if (!isAssetCandidate(rel)) return false;
  if (ALWAYS_SHIPPED.test(rel)) return true;
  const name = rel.split('/').pop()!;
  return jsTexts === undefined || jsTexts.some((t) => t.includes(name));
}

/** TypeScript modules loaded by URL (`new URL('./x.js', import.meta.url)`, e.g. worker threads), relative to scripts/. */
export function urlLoadedModules(): string[] {
  const out = new Set<string>();
  for (const rel of walk(SRC).filter((f) => f.endsWith('.ts') && !devOnly(f))) {
    const text = fs.readFileSync(path.join(SRC, rel), 'utf8');
    for (const m of text.matchAll(/new URL\(([^;]*?)import\.meta\.url\s*\)/g)) {
      for (const lit of m[1]!.matchAll(/['"](\.{1,2}\/[\w./-]+)\.js['"]/g)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), `${lit[1]}.ts`));
        if (fs.existsSync(path.join(SRC, target))) out.add(target);
      }
    }
  }
  return [...out].sort();
}

/** Newest modification time (ms) of the inputs of dist/: scripts/ sources and assets, the tsconfigs. */
function newestInput(): number {
  let newest = 0;
  for (const f of ['tsconfig.json', 'tsconfig.build.json']) newest = Math.max(newest, fs.statSync(path.join(ROOT, f)).mtimeMs);
  for (const rel of walk(SRC)) {
    if (!devOnly(rel)) newest = Math.max(newest, fs.statSync(path.join(SRC, rel)).mtimeMs);
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
 * @returns the number of compiled JS files and the copied assets
 */
export function buildLib(outDir = path.join(ROOT, 'dist')): { js: number; assets: string[] } {
  const staging = `${outDir}.staging-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  // the build configuration plus the URL-loaded modules as extra roots (a config next to the real one, so paths and types resolve alike)
  const base = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.build.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { files: string[] };
  const generated = path.join(ROOT, `.tsconfig.build-${process.pid}.json`);
  fs.writeFileSync(generated, JSON.stringify({ extends: './tsconfig.build.json', files: [...base.files, ...urlLoadedModules().map((m) => `scripts/${m}`)], include: [] }));
  try {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', generated, '--outDir', staging], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) {
      fs.rmSync(staging, { recursive: true, force: true });
      throw new Error(`tsc failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    }
  } finally {
    fs.rmSync(generated, { force: true });
  }
  const emitted = walk(staging).filter((f) => f.endsWith('.js'));
  const texts = emitted.map((f) => fs.readFileSync(path.join(staging, f), 'utf8'));
  const assets = assetCandidates().filter((a) => isRuntimeAsset(a, texts));
  for (const a of assets) {
    fs.mkdirSync(path.dirname(path.join(staging, a)), { recursive: true });
    fs.copyFileSync(path.join(SRC, a), path.join(staging, a));
  }
  // The package root stays CommonJS (Docusaurus needs it); the library is ESM, like scripts/package.json says.
  fs.writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify({ type: 'module', private: true }, null, 2)}\n`);
  const old = `${outDir}.old-${process.pid}`;
  if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
  fs.renameSync(staging, outDir);
  fs.rmSync(old, { recursive: true, force: true });
  return { js: emitted.length, assets };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  try {
    const { js, assets } = buildLib();
    process.stderr.write(`build:lib: ${js} JS files and ${assets.length} assets (${assets.join(', ')}) → dist/ (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
  } catch (err) {
    process.stderr.write(`build:lib: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
