/**
 * End to end, as a vendor engineer on a fresh machine: `npm pack` this
 * repository (prepack compiles dist/), `npm install <tarball>` into an empty
 * folder, `npx opsbook init`, then the commands a knowledge base lives on —
 * validate, sla, compliance, report annual (DOCX), site version, build with
 * the site — and markdownlint with opsbook's rules. The installed (compiled)
 * CLI must give the same output as the source CLI on the demo knowledge base.
 *
 * Slow (an npm install of the whole site stack, a Docusaurus build): it runs
 * in `npm test` and CI all the same. OPSBOOK_E2E_DIR keeps the installed KB
 * there for the package benchmark (scripts/bench/package.ts --installed).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCliAsync } from '../testing/run-cli.js';
import { distIsFresh } from './build-lib.js';

interface Run { code: number; stdout: string; stderr: string }

const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const keep = process.env.OPSBOOK_E2E_DIR;
const work = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-e2e-'));
const kb = path.join(work, 'kb');

/** The environment of a user's shell: no npm_* variables inherited from `npm test`. */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) || /^npm_config_(cache|registry)$/i.test(k)) env[k] = v;
  return { ...env, NO_COLOR: '1', CI: 'true', ...extra };
}

function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = userEnv()): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env, maxBuffer: 1 << 28 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 2) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
const npx = (args: string[]) => sh('npx', ['--no-install', 'opsbook', ...args], kb);
const show = (r: Run) => `exit ${r.code}\n${r.stderr.slice(-3000)}`;

let tarball = '';
beforeAll(async () => {
  fs.rmSync(kb, { recursive: true, force: true });
  fs.mkdirSync(kb, { recursive: true });
  // npm pack runs prepack (npm run build:lib) like a release would; when dist/ is already newer than every
  // source (CI: `npm run build` compiled it minutes ago) the compile is skipped, so no other test sees dist/ swapped
  const packed = await sh('npm', ['pack', '--json', '--pack-destination', work, ...(distIsFresh() ? ['--ignore-scripts'] : [])], REPO_ROOT);
  if (packed.code !== 0) throw new Error(`npm pack failed: ${show(packed)}`);
  const json = packed.stdout.slice(packed.stdout.indexOf('['));
  tarball = path.join(work, (JSON.parse(json) as { filename: string }[])[0]!.filename);
  // the README's first step: an npm install of the tarball into an empty folder (cache first: CI has it warm)
  const inst = await sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], kb);
  if (inst.code !== 0) throw new Error(`npm install failed: ${show(inst)}`);
}, 1_200_000);

afterAll(() => {
  if (!keep) fs.rmSync(work, { recursive: true, force: true });
});

describe('opsbook installed from its tarball into a new knowledge base', () => {
  it('installs without tsx or TypeScript and answers --version and --help', async () => {
    expect(fs.existsSync(path.join(kb, 'node_modules', 'tsx'))).toBe(false);
    expect(fs.existsSync(path.join(kb, 'node_modules', 'typescript'))).toBe(false);
    expect(fs.existsSync(path.join(kb, 'node_modules', 'opsbook', 'dist', 'cli.js'))).toBe(true);
    expect(fs.existsSync(path.join(kb, 'node_modules', 'opsbook', 'scripts', 'cli.ts'))).toBe(false);
    const v = await npx(['--version']);
    expect(v.code, show(v)).toBe(0);
    expect(v.stdout.trim()).toBe(version);
    const h = await npx(['--help']);
    expect(h.stdout).toContain('init [options] [dir]');
  }, 60_000);

  it('init scaffolds the KB in the install folder (merging the package.json npm left), and it validates', async () => {
    const r = await npx(['init', '--set', 'hospital=青山县人民医院', '--set', 'vendor=江禾医疗信息技术有限公司', '--set', 'contract=QS-YW-2026-07',
      '--set', 'aims.version=5.3', '--set', 'aims.database=SQL Server 2019', '--set', 'icis.database=达梦 DM8', '--set', 'start=2026-01-01',
      '--set', 'site.base_url=/kb/', '--set', 'hotline=400-000-0000', '--as-of', '2026-11-30']);
    expect(r.code, show(r)).toBe(0);
    const pkg = JSON.parse(fs.readFileSync(path.join(kb, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.dependencies.opsbook).toMatch(/^file:.*opsbook-.*\.tgz$/);
    expect(pkg.scripts.build).toBe('opsbook build');
    expect(r.stderr).toContain('outside this repository'); // the tarball sits beside the KB, not in it
    const v = await npx(['validate']);
    expect(v.code, show(v)).toBe(0);
    const lint = await sh('npm', ['run', '--silent', 'lint:docs'], kb);
    expect(lint.code, `${lint.stdout}${lint.stderr}`).toBe(0);
    expect(lint.stderr + lint.stdout).toMatch(/Linting: \d+ file\(s\)/);
  }, 180_000);

  it('computes SLA and compliance, and renders the annual report as DOCX', async () => {
    const sla = await npx(['sla', '--json', '--as-of', '2026-11-30']);
    expect(sla.code, show(sla)).toBe(0);
    expect(JSON.parse(sla.stdout)).toMatchObject({ period: { id: 'Y1', start: '2026-01-01', end: '2026-12-31' }, tickets: [] });
    const comp = await npx(['compliance', '--json', '--as-of', '2026-11-30']);
    expect(comp.code, show(comp)).toBe(0);
    const matrix = JSON.parse(comp.stdout) as { clauses: { id: string; status: string }[] };
    expect(matrix.clauses.map((c) => c.id)).toContain('HO-1');
    expect(matrix.clauses.find((c) => c.id === 'S-5')?.status).toBe('breached'); // no on-site inspection recorded: findings, not errors
    const rep = await npx(['report', 'annual', '--period', 'Y1', '--format', 'docx', '--out', 'build/annual-Y1.docx', '--as-of', '2026-11-30']);
    expect(rep.code, show(rep)).toBe(0);
    const docx = fs.readFileSync(path.join(kb, 'build', 'annual-Y1.docx'));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(docx.length).toBeGreaterThan(10_000);
  }, 300_000);

  it('cuts a docs version and builds everything, the site for this hospital included', async () => {
    const ver = await npx(['site', 'version', 'aims', '5.2']);
    expect(ver.code, show(ver)).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(kb, 'aims_versions.json'), 'utf8'))).toEqual(['5.2']);
    expect(fs.existsSync(path.join(kb, 'aims_versioned_docs', 'version-5.2', 'om-manual.md'))).toBe(true);
    // the README's command as it is (PDF included: CI's set-up installs LibreOffice, as the README asks)
    const b = await npx(['build', '--as-of', '2026-11-30']);
    expect(b.code, show(b)).toBe(0);
    const site = path.join(kb, 'build', 'site');
    const home = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
    expect(home).toContain('青山县人民医院');
    expect(home).toContain('/kb/'); // base_url from opsbook.yaml
    expect(home).toContain('tel:4000000000'); // the contract's hotline on the home page
    expect(fs.existsSync(path.join(site, 'aims', 'om-manual', 'index.html')) || fs.existsSync(path.join(site, 'aims', 'om-manual.html'))).toBe(true);
    expect(fs.readdirSync(path.join(site, 'aims')).some((f) => f.startsWith('5.2'))).toBe(true); // the cut version
    expect(fs.existsSync(path.join(kb, 'build', 'reports', 'index.html'))).toBe(true);
    expect(fs.readFileSync(path.join(kb, 'build', 'reports', 'annual-Y1.pdf')).subarray(0, 5).toString()).toBe('%PDF-'); // the one report due
  }, 900_000);
});

describe('the compiled CLI gives the same answers as the source CLI (demo knowledge base)', () => {
  const asOf = '2026-11-30T12:00:00+08:00';
  for (const args of [['validate', '--json'], ['sla', '--json'], ['compliance', '--json'], ['sla', '--period', 'Y1'], ['--help']]) {
    it(args.join(' '), async () => {
      const full = args[0] === '--help' ? args : [...args, '--root', REPO_ROOT, '--as-of', asOf];
      const [compiled, source] = await Promise.all([npx(full), runCliAsync(full, REPO_ROOT)]);
      expect(compiled.code, show(compiled)).toBe(source.code);
      expect(compiled.stdout).toBe(source.stdout);
      expect(compiled.stdout.length).toBeGreaterThan(100);
    }, 180_000);
  }

  it('report annual --format docx (the same bytes)', async () => {
    const out = (who: string) => path.join(work, `annual-${who}.docx`);
    const args = (who: string) => ['report', 'annual', '--period', 'Y1', '--format', 'docx', '--out', out(who), '--root', REPO_ROOT, '--as-of', asOf];
    const [compiled, source] = await Promise.all([npx(args('compiled')), runCliAsync(args('source'), REPO_ROOT)]);
    expect(compiled.code, show(compiled)).toBe(0);
    expect(source.code, source.stderr).toBe(0);
    const [c, s] = [fs.readFileSync(out('compiled')), fs.readFileSync(out('source'))];
    expect(c.subarray(0, 2).toString()).toBe('PK');
    expect(c.equals(s)).toBe(true);
  }, 300_000);
});
