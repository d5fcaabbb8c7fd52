/**
 * The package as npm ships it: what the tarball holds, which dependencies the
 * compiled code needs at run time, and that the light commands never load the
 * heavy optional parts (site, renderers). The slow end-to-end check (pack,
 * install, init, build) is package-e2e.test.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../testing/run-cli.js';
import ts from 'typescript';
import { assetCandidates, isRuntimeAsset, urlLoadedModules } from './build-lib.js';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>; optionalDependencies: Record<string, string>; devDependencies: Record<string, string>; files: string[]; bin: Record<string, string>;
};
const tmpDirs: string[] = [];
afterAll(() => tmpDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function walk(dir: string, rel = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? walk(path.join(dir, e.name), r) : [r];
  });
}

describe('npm pack', () => {
  const res = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { files: { path: string }[] }[];
  const files = res[0]!.files.map((f) => f.path);

  it('ships the bin, schemas, system set-up script and site theme', () => {
    expect(files).toContain('bin/opsbook.mjs');
    expect(files).toContain('package.json');
    expect(files).toContain('scripts/setup-system.sh');
    for (const s of fs.readdirSync(path.join(REPO_ROOT, 'schemas'))) expect(files).toContain(`schemas/${s}`);
    expect(files).toContain('docusaurus.config.ts');
    expect(files.some((f) => f.startsWith('src/'))).toBe(true);
  });

  it('ships the compiled library with every run-time asset beside it, and no development asset', () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli.js'))) return; // before `npm run build:lib` (e.g. a fresh clone's first test run)
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('dist/package.json');
    for (const m of urlLoadedModules()) expect(files, `worker ${m}`).toContain(`dist/${m.replace(/\.ts$/, '.js')}`);
    const texts = walk(path.join(REPO_ROOT, 'dist')).filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(REPO_ROOT, 'dist', f), 'utf8'));
    const assets = assetCandidates().filter((a) => isRuntimeAsset(a, texts));
    expect(assets).toContain('reports/templates/reference.docx');
    expect(assets).toContain('site/lint-rules/om-manual-sections.mjs');
    for (const a of assets) expect(files).toContain(`dist/${a}`);
    // the precompiled schema validators (npm run build:validators, part of build:lib): an installed package never writes into node_modules
    expect(files).toContain('dist/records/validators.generated.cjs');
    // a non-TypeScript file no compiled code names (e.g. test reference images) stays out
    expect(files.filter((f) => f.startsWith('dist/') && !f.endsWith('.js') && f !== 'dist/package.json' && f !== 'dist/records/validators.generated.cjs' && !assets.includes(f.slice(5)))).toEqual([]);
  });

  /** The closure of relative imports from docusaurus.config.ts, the sidebars and src/ (Docusaurus compiles them in the KB). */
  function siteClosure(): Set<string> {
    const seen = new Set<string>();
    const queue = ['docusaurus.config.ts', 'sidebars.ts', 'sidebars-aims.ts', 'sidebars-icis.ts', ...walk(path.join(REPO_ROOT, 'src')).map((f) => `src/${f}`)];
    const resolveRel = (from: string, spec: string): string | null => {
      const base = path.posix.join(path.posix.dirname(from), spec.replace(/^@site\//, path.posix.relative(path.posix.dirname(from), '.') + '/'));
      for (const c of [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
        if (fs.existsSync(path.join(REPO_ROOT, c)) && fs.statSync(path.join(REPO_ROOT, c)).isFile()) return c;
      }
      return null;
    };
    while (queue.length) {
      const rel = queue.pop()!;
      if (seen.has(rel)) continue;
      seen.add(rel);
      if (!/\.(ts|tsx|js|mjs)$/.test(rel)) continue;
      for (const ref of ts.preProcessFile(fs.readFileSync(path.join(REPO_ROOT, rel), 'utf8'), true, true).importedFiles) {
        if (!/^(\.|@site\/)/.test(ref.fileName)) continue;
        const target = resolveRel(rel, ref.fileName);
        if (target) queue.push(target);
      }
    }
    return seen;
  }

  it('ships every file the site configuration and theme import (Docusaurus compiles them in the KB)', () => {
    const seen = siteClosure();
    expect([...seen].filter((f) => !files.includes(f))).toEqual([]);
    // '@site/' is the KB being built, not the package: the theme reaches its own files by relative paths
    const viaSite = [...seen].filter((f) => /\.(ts|tsx)$/.test(f) && ts.preProcessFile(fs.readFileSync(path.join(REPO_ROOT, f), 'utf8'), true, true).importedFiles.some((r) => r.fileName.startsWith('@site/')));
    expect(viaSite).toEqual([]);
  });

  it('leaves out sources, tests, fixtures, demo records and docs, people, keys and CI files', () => {
    // scripts/: only the set-up script and the library modules the site configuration and theme import
    const site = siteClosure();
    const bad = files.filter((f) => !site.has(f)).filter((f) =>
      /\.test\.|\/fixtures\/|^scripts\/(?!setup-system\.sh$)|^records\/|^docs\/|^keys\/|DEMO-ONLY|^\.github\/|^\.gitlab-ci|^\.ci\/|_versioned_|^build\/|^tsconfig|^vitest|(^|\/)test-[^/]*\.js$|\/testing\/|\/bench\//.test(f));
    expect(bad).toEqual([]);
  });
});

describe('run-time dependencies', () => {
  /** The sources tsc compiles into dist/: the program of tsconfig.build.json (cli.ts and all it reaches). */
  let shipped: string[] | undefined;
  function shippedSources(): string[] {
    if (shipped) return shipped;
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(REPO_ROOT, 'tsconfig.build.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const roots = [...parsed.fileNames, ...urlLoadedModules().map((m) => path.join(REPO_ROOT, 'scripts', m))];
    const program = ts.createProgram({ rootNames: roots, options: { ...parsed.options, noResolve: false } });
    const scripts = path.join(REPO_ROOT, 'scripts') + path.sep;
    return (shipped = program.getSourceFiles().map((f) => path.resolve(f.fileName)).filter((f) => f.startsWith(scripts)).map((f) => path.relative(path.join(REPO_ROOT, 'scripts'), f).split(path.sep).join('/')));
  }

  /** Bare package names imported (statically or dynamically) by code that ships, and run-time .mjs assets. */
  function importedPackages(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    const assets = walk(path.join(REPO_ROOT, 'scripts')).filter((f) => f.endsWith('.mjs') && isRuntimeAsset(f));
    for (const rel of [...shippedSources(), ...assets]) {
      const text = fs.readFileSync(path.join(REPO_ROOT, 'scripts', rel), 'utf8').replace(/^\s*(import|export) type [^;]*;/gm, '');
      // TypeScript's own scanner: static and dynamic imports, comments and strings left alone
      for (const ref of ts.preProcessFile(text, true, true).importedFiles) {
        const spec = ref.fileName;
        if (/^[./#]/.test(spec)) continue;
        if (spec.startsWith('node:')) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!out.has(name)) out.set(name, []);
        out.get(name)!.push(rel);
      }
    }
    return out;
  }

  it('ships no test, test helper or corpus: the compiled program is what the CLI reaches', () => {
    const src = shippedSources();
    expect(src).toContain('cli.ts');
    expect(src).toContain('commands/init.ts');
    expect(src).toContain('records/check-files-worker.ts'); // loaded by URL in a worker thread
    expect(src.filter((f) => /\.test\.ts$|(^|\/)test-[^/]*\.ts$|(^|\/)(fixtures|corpus|testing|bench|package)\//.test(f))).toEqual([]);
  }, 120_000);

  it('every package the shipped code imports is a dependency or an optional dependency, never a devDependency only', () => {
    const runtime = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.optionalDependencies)]);
    const missing = [...importedPackages()].filter(([name]) => !runtime.has(name) && !['mdast', 'unist', 'hast'].includes(name)).map(([name, where]) => `${name} (${where.slice(0, 3).join(', ')})`);
    expect(missing).toEqual([]);
  }, 120_000);

  it('the heavy parts are optional dependencies, the rest plain dependencies', () => {
    for (const heavy of ['@docusaurus/core', 'pandoc-wasm', 'playwright-core', '@docusaurus/theme-mermaid', '@resvg/resvg-js']) {
      expect(pkg.optionalDependencies[heavy], heavy).toBeDefined();
      expect(pkg.dependencies[heavy], heavy).toBeUndefined();
    }
    for (const dev of ['tsx', 'typescript', 'vitest']) expect(pkg.devDependencies[dev], dev).toBeDefined();
    expect(pkg.bin.opsbook).toBe('bin/opsbook.mjs');
  });
});

describe('start-up', () => {
  it('--help, --version, validate, sla and compliance load none of the heavy packages', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-loads-'));
    tmpDirs.push(dir);
    const log = path.join(dir, 'resolved.log');
    // a resolve hook (in Node's loader thread) that logs every module URL the process loads
    fs.writeFileSync(path.join(dir, 'hooks.mjs'), `import fs from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); fs.appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }\n`);
    fs.writeFileSync(path.join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(path.join(dir, 'hooks.mjs')).href)});\n`);
    const compiled = fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli.js'));
    const heavy = /node_modules\/(@docusaurus|pandoc-wasm|playwright-core|@resvg|mermaid|react|react-dom|webpack|@rspack)\//;
    for (const args of [['--help'], ['--version'], ['validate'], ['sla', '--json'], ['compliance', '--json']]) {
      fs.rmSync(log, { force: true });
      const node = compiled
        ? [path.join(REPO_ROOT, 'bin', 'opsbook.mjs')]
        : ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'cli.ts')];
      const r = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(dir, 'register.mjs')).href, ...node, ...args, '--as-of', '2026-11-30'], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBeLessThanOrEqual(1);
      const loaded = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
      expect(loaded.length).toBeGreaterThan(5);
      expect(loaded.filter((u) => heavy.test(u)), args.join(' ')).toEqual([]);
      // what the light commands load must come with a records-only install (`--omit=optional`)
      const notCore = new Set([...Object.keys(pkg.optionalDependencies), ...Object.keys(pkg.devDependencies)]);
      const names = new Set(loaded.map((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1]).filter((n): n is string => !!n));
      expect([...names].filter((n) => notCore.has(n) && n !== 'tsx'), args.join(' ')).toEqual([]);
      if (args[0]!.startsWith('--')) {
        // --help / --version: the CLI shell only, no domain module
        expect(loaded.filter((u) => /\/(scripts|dist)\/(records|sla|compliance|reports|site|guard|git|secrets|init)\//.test(u)), args.join(' ')).toEqual([]);
      }
    }
  }, 300_000);
});
