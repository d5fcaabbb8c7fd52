/**
 * `opsbook site generate | build | version <system> <version> | serve`:
 * record-driven pages, the Docusaurus build (as a child process) and cutting
 * a docs version of one system — for any knowledge base.
 *
 * The knowledge base (`--root`) is Docusaurus's site folder: its docs/,
 * `<system>_versioned_docs/` and opsbook.yaml are read from there; the
 * configuration, theme (src/, sidebars) and static files come from this
 * package (`docusaurus build <kb> --config <package>/docusaurus.config.ts`,
 * with OPSBOOK_KB_ROOT telling the configuration which KB it builds).
 * This repository builds its own demo KB through the same path.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, UserError } from '../shared/errors.js';
import { createProgress } from '../shared/progress.js';
import type { GlobalOptions } from './context.js';
import type { GenerateOptions } from '../site/generate-pages.js';

/** What a caller that has already loaded and computed passes on to generatePages (`opts.generate`; `opsbook build`). */
type Computed = Pick<GenerateOptions, 'kb' | 'engines'>;

/** The package root: holds docusaurus.config.ts, src/, sidebars and static/ (scripts/commands or dist/commands → two up). */
const TOOL_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SITE_CONFIG = path.join(TOOL_ROOT, 'docusaurus.config.ts');
const SYSTEMS = ['aims', 'icis'];

/** Docusaurus's CLI entry, resolved from this package (a dependency of it, or hoisted beside it). */
function docusaurusBin(): string {
  try {
    const pkg = createRequire(import.meta.url).resolve('@docusaurus/core/package.json');
    return path.join(path.dirname(pkg), 'bin', 'docusaurus.mjs');
  } catch {
    throw new UserError('The site needs the optional dependency @docusaurus/core, which is not installed (an install with --omit=optional leaves it out); run `npm install --include=optional`');
  }
}

/** Runs docusaurus on the KB; on a TTY its own progress shows, otherwise its output is kept and shown on failure. */
function runDocusaurus(root: string, args: string[], interactive: boolean): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [docusaurusBin(), ...args], {
      cwd: root,
      stdio: interactive ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      // the configuration reads the KB from OPSBOOK_KB_ROOT; plugin commands (docs:version:*) find site and config through Docusaurus's own variables
      env: { ...process.env, OPSBOOK_KB_ROOT: root, DOCUSAURUS_CLI_SITE_DIR: root, DOCUSAURUS_CLI_CONFIG: SITE_CONFIG },
    });
    let output = '';
    child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** Refuses a folder that is not a knowledge base (no records/contract.yaml). */
function requireKb(root: string): void {
  if (!fs.existsSync(path.join(root, 'records', 'contract.yaml'))) {
    throw new UserError(`${path.join(root, 'records', 'contract.yaml')}: not found; the site is built from a knowledge base (run \`opsbook init\` to create one, or pass --root)`);
  }
}

async function generate(globals: GlobalOptions, computed: Computed = {}): Promise<number> {
  const { generatePages } = await import('../site/generate-pages.js');
  const progress = createProgress('site: generating pages', globals.interactive);
  let step = 0;
  const res = await generatePages(globals.root, { ...computed, asOf: globals.asOf, onProgress: (m) => progress.update(++step, 6, m) });
  progress.done();
  for (const w of res.warnings) process.stderr.write(`${w}\n`);
  const pages = res.files.filter((f) => /\.mdx?$/.test(f)).length;
  process.stderr.write(`site: ${pages} generated pages, ${res.changed.length} file(s) changed${res.removed.length ? `, ${res.removed.length} removed` : ''}\n`);
  return EXIT.ok;
}

async function build(globals: GlobalOptions, out: string, computed: Computed = {}): Promise<number> {
  requireKb(globals.root);
  await generate(globals, computed);
  const outDir = path.resolve(globals.root, out);
  process.stderr.write(`site: building with Docusaurus into ${path.relative(process.cwd(), outDir) || '.'}\n`);
  const started = Date.now();
  const res = await runDocusaurus(globals.root, ['build', globals.root, '--config', SITE_CONFIG, '--out-dir', outDir], globals.interactive);
  if (res.code !== 0) {
    if (!globals.interactive) process.stderr.write(res.output.split('\n').slice(-40).join('\n'));
    process.stderr.write(`\nsite: docusaurus build failed (exit ${res.code})\n`);
    return EXIT.findings;
  }
  process.stderr.write(`site: built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return EXIT.ok;
}

/** Serves a built site (baseUrl and trailing slashes as the build has them) until interrupted. */
async function serve(globals: GlobalOptions, out: string, port: string | undefined): Promise<number> {
  requireKb(globals.root);
  const dir = path.resolve(globals.root, out);
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new UserError(`${dir}: no built site; run \`opsbook build\` (or \`opsbook site build\`) first`);
  const res = await runDocusaurus(globals.root, ['serve', globals.root, '--config', SITE_CONFIG, '--dir', dir, '--no-open', ...(port ? ['--port', port] : [])], true);
  return res.code === 0 ? EXIT.ok : EXIT.findings;
}

async function version(globals: GlobalOptions, args: string[]): Promise<number> {
  const [system, ver, ...rest] = args;
  if (!system || !ver || rest.length) throw new UserError('Unexpected arguments, expected `site version <aims|icis> <version>` (e.g. site version aims 5.2)');
  if (!SYSTEMS.includes(system)) throw new UserError(`Unexpected system \`${system}\`, expected aims or icis`);
  if (!/^\d+(\.\d+)*$/.test(ver)) throw new UserError(`Unexpected version \`${ver}\`, expected digits and dots like 5.2`);
  const root = globals.root;
  requireKb(root);
  if (!fs.existsSync(path.join(root, 'docs', system))) throw new UserError(`${path.join(root, 'docs', system)}: no manuals of ${system} to cut a version of`);
  const versionsFile = path.join(root, `${system}_versions.json`);
  const existing = fs.existsSync(versionsFile) ? (JSON.parse(fs.readFileSync(versionsFile, 'utf8')) as string[]) : [];
  if (existing.includes(ver)) throw new UserError(`${path.relative(process.cwd(), versionsFile)}: version ${ver} of ${system} exists already`);
  const res = await runDocusaurus(root, [`docs:version:${system}`, ver], false);
  if (res.code !== 0) {
    process.stderr.write(res.output);
    return EXIT.findings;
  }
  // Generated pages are rebuilt from records on every build; a version snapshot must not freeze a copy.
  fs.rmSync(path.join(root, `${system}_versioned_docs`, `version-${ver}`, 'generated'), { recursive: true, force: true });
  process.stderr.write(`site: cut ${system} ${ver}; commit ${system}_versions.json, ${system}_versioned_docs/version-${ver} and ${system}_versioned_sidebars/version-${ver}-sidebars.json\n`);
  return EXIT.ok;
}

/** Entry point of `opsbook site`. */
export async function run(args: string[], opts: Record<string, unknown>, globals: GlobalOptions): Promise<number> {
  const [action, ...rest] = args;
  const computed = (opts['generate'] ?? {}) as Computed;
  switch (action) {
    case 'generate':
      return generate(globals, computed);
    case 'build':
      return build(globals, typeof opts['out'] === 'string' ? opts['out'] : 'build/site', computed);
    case 'version':
      return version(globals, rest);
    case 'serve':
      return serve(globals, typeof opts['out'] === 'string' ? opts['out'] : 'build/site', typeof opts['port'] === 'string' ? opts['port'] : undefined);
    default:
      throw new UserError(`Unexpected site action \`${action ?? ''}\`, expected generate, build, version or serve`);
  }
}
