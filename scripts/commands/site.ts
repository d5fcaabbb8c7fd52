/**
 * `opsbook site generate | build | version <system> <version>`:
 * record-driven pages, the Docusaurus build (as a child process) and cutting
 * a docs version of one system.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, UserError } from '../shared/errors.js';
import { createProgress } from '../shared/progress.js';
import type { GlobalOptions } from './context.js';
import type { GenerateOptions } from '../site/generate-pages.js';

/** What a caller that has already loaded and computed passes on to generatePages (`opts.generate`; `opsbook build`). */
type Computed = Pick<GenerateOptions, 'kb' | 'engines'>;

/** The repository holding docusaurus.config.ts (the tool itself). */
const TOOL_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SYSTEMS = ['aims', 'icis'];

function docusaurusBin(): string {
  const bin = path.join(TOOL_ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'docusaurus.cmd' : 'docusaurus');
  if (!fs.existsSync(bin)) throw new UserError(`${bin}: Docusaurus is not installed; run \`npm ci\` in ${TOOL_ROOT}`);
  return bin;
}

/** Runs docusaurus; on a TTY its own progress shows, otherwise its output is kept and shown on failure. */
function runDocusaurus(args: string[], interactive: boolean, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(docusaurusBin(), args, {
      cwd: TOOL_ROOT,
      stdio: interactive ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let output = '';
    child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
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
  if (path.resolve(globals.root) !== TOOL_ROOT) {
    throw new UserError(`--root ${globals.root}: the site is built from this repository's docs (${TOOL_ROOT}); run \`site generate\` for another knowledge base, or build from its own checkout`);
  }
  await generate(globals, computed);
  const outDir = path.resolve(out);
  process.stderr.write(`site: building with Docusaurus into ${path.relative(process.cwd(), outDir) || '.'}\n`);
  const started = Date.now();
  const res = await runDocusaurus(['build', '--out-dir', outDir], globals.interactive);
  if (res.code !== 0) {
    if (!globals.interactive) process.stderr.write(res.output.split('\n').slice(-40).join('\n'));
    process.stderr.write(`\nsite: docusaurus build failed (exit ${res.code})\n`);
    return EXIT.findings;
  }
  process.stderr.write(`site: built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return EXIT.ok;
}

async function version(globals: GlobalOptions, args: string[]): Promise<number> {
  const [system, ver, ...rest] = args;
  if (!system || !ver || rest.length) throw new UserError('Unexpected arguments, expected `site version <aims|icis> <version>` (e.g. site version aims 5.2)');
  if (!SYSTEMS.includes(system)) throw new UserError(`Unexpected system \`${system}\`, expected aims or icis`);
  if (!/^\d+(\.\d+)*$/.test(ver)) throw new UserError(`Unexpected version \`${ver}\`, expected digits and dots like 5.2`);
  if (path.resolve(globals.root) !== TOOL_ROOT) throw new UserError(`--root ${globals.root}: docs versions are cut in the site repository (${TOOL_ROOT})`);
  const versionsFile = path.join(TOOL_ROOT, `${system}_versions.json`);
  const existing = fs.existsSync(versionsFile) ? (JSON.parse(fs.readFileSync(versionsFile, 'utf8')) as string[]) : [];
  if (existing.includes(ver)) throw new UserError(`${path.relative(process.cwd(), versionsFile)}: version ${ver} of ${system} exists already`);
  const res = await runDocusaurus([`docs:version:${system}`, ver], false);
  if (res.code !== 0) {
    process.stderr.write(res.output);
    return EXIT.findings;
  }
  // Generated pages are rebuilt from records on every build; a version snapshot must not freeze a copy.
  fs.rmSync(path.join(TOOL_ROOT, `${system}_versioned_docs`, `version-${ver}`, 'generated'), { recursive: true, force: true });
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
    default:
      throw new UserError(`Unexpected site action \`${action ?? ''}\`, expected generate, build or version`);
  }
}
