import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lint } from 'markdownlint/promise';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadKnowledgeBase } from '../records/index.js';
import { checkManuals } from '../site/check-manuals.js';
import { UserError } from '../shared/errors.js';
import { runCliAsync } from '../testing/run-cli.js';
import omSections from '../site/lint-rules/om-manual-sections.mjs';
import cjkPunctuation from '../site/lint-rules/cjk-punctuation.mjs';
import { INIT_KEYS } from '../cli.js';
import { QUESTIONS, completeAnswers, parseInitSets, planFromAnswers, planFiles, writeKnowledgeBase, toolInfo, engineSnippets, type ToolInfo } from './index.js';
import { MARKDOWNLINT } from './project-templates.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-init-'));
  dirs.push(d);
  return d;
}
const NOW = Date.parse('2026-11-30T12:00:00+08:00');
const TOOL: ToolInfo = { version: '9.9.9', spec: '9.9.9', browserslist: ['>0.5%'], engines: '>=20.11' };
const BASE = ['hospital=南湖市中心医院', 'vendor=江禾医疗信息技术有限公司', 'contract=NH-YW-2026-01'];

async function plan(sets: string[]) {
  const given = parseInitSets(sets);
  return planFromAnswers(await completeAnswers(given.answers, NOW), given.sla);
}

describe('init answers', () => {
  it('fills defaults: both systems, two one-year periods from the 1st of the month (CST), the seed SLA policy', async () => {
    const p = await plan(BASE);
    expect(p.systems.map((s) => [s.id, s.name, s.version])).toEqual([['aims', '手术麻醉临床信息系统', '1.0'], ['icis', '重症监护信息系统', '1.0']]);
    expect(p.periods).toEqual([{ id: 'Y1', start: '2026-11-01', end: '2027-10-31' }, { id: 'Y2', start: '2027-11-01', end: '2028-10-31' }]);
    expect(p.sla.fault_response).toBe('PT30M');
    expect(p.sla.severities['1'].response).toBe('PT5M');
    expect(p.site).toEqual({ title: '南湖市中心医院运维知识库', baseUrl: '/' });
  });

  it('takes SLA overrides typed by the contract schema, and a period from 29 February ends on the 28th', async () => {
    const p = await plan([...BASE, 'sla.report_due_working_days=15', 'sla.severities.B.response=PT30M', 'start=2028-02-29', 'years=1', 'systems=icis']);
    expect(p.sla.report_due_working_days).toBe(15);
    expect(p.sla.severities.B.response).toBe('PT30M');
    expect(p.periods).toEqual([{ id: 'Y1', start: '2028-02-29', end: '2029-02-28' }]);
    expect(p.systems.map((s) => s.id)).toEqual(['icis']);
  });

  it('names unknown keys, bad values and what is missing without a terminal', async () => {
    expect(() => parseInitSets(['colour=red'])).toThrow(/Unexpected --set key `colour`, expected one of hospital, vendor/);
    expect(() => parseInitSets(['contract=合同 1'])).toThrow(/contract=合同 1 \(合同编号\)/);
    expect(() => parseInitSets(['age=ssh-ed25519 AAAA'])).toThrow(/not an age public key/);
    expect(() => parseInitSets(['systems=aims,lis'])).toThrow(/unexpected `lis`/);
    expect(() => parseInitSets(['start=2026-02-30'])).toThrow(/expected a date/);
    expect(() => parseInitSets(['aims.database=MySQL'])).toThrow(/expected the engine and its version/);
    expect(() => parseInitSets(['hospital'])).toThrow(/expected key=value/);
    await expect(completeAnswers({ hospital: 'x' }, NOW)).rejects.toThrow(/missing `vendor` \(供应商\), `contract` \(合同编号\), expected --set vendor=.* --set contract=/);
  });

  it('asks only the terminal questions, with defaults, and keeps what flags gave', async () => {
    const asked: string[] = [];
    const a = await completeAnswers({ hospital: 'H' }, NOW, async (q, def) => {
      asked.push(q.key);
      if (q.key === 'vendor') return 'V';
      if (q.key === 'contract') return 'C-1';
      if (q.key === 'systems') return 'aims';
      return def ?? '';
    });
    expect(asked[0]).toBe('vendor');
    expect(asked).not.toContain('hospital');
    expect(asked).toContain('aims.database');
    expect(asked).not.toContain('icis.version'); // icis not chosen
    expect(a).toMatchObject({ hospital: 'H', vendor: 'V', contract: 'C-1', systems: 'aims', 'aims.version': '1.0' });
  });

  it('lists every key in `opsbook init --help` (the CLI keeps its own copy so --help loads no domain)', () => {
    for (const q of QUESTIONS) expect(INIT_KEYS).toContain(q.key.replace(/^icis\./, 'aims.'));
  });

  it('picks database snippets by keyword', () => {
    expect(engineSnippets('SQL Server 2019').label).toBe('SQL Server');
    expect(engineSnippets('oracle 19c').backup).toContain('rman');
    expect(engineSnippets('达梦 DM8').label).toBe('达梦');
    expect(engineSnippets('Informix').label).toBe('Informix');
    expect(engineSnippets(undefined).lang).toBe('text');
  });
});

describe('init scaffold', () => {
  it('writes a knowledge base that validates, has the four O&M sections, passes the guard and the manuals lint; names survive YAML', async () => {
    const dir = path.join(tmp(), 'kb');
    const tricky = '南湖市"中心"医院 (东院): #2';
    const p = await plan([`hospital=${tricky}`, 'vendor=江禾医疗', 'contract=NH-1', 'aims.database=SQL Server 2019', 'icis.database=Oracle 19c', 'hotline=400-000-0000', 'age=age1zphj8me9mp9sj8srqc4kmsav0ew4vlcf3xkpupfzna4uahs4758qw6y508']);
    const res = await writeKnowledgeBase(dir, planFiles(dir, p, TOOL));
    expect(res.merged).toEqual([]);
    expect(res.created).toContain('records/contract.yaml');
    const kb = await loadKnowledgeBase(dir);
    expect(kb.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(kb.contract).toMatchObject({ id: 'NH-1', customer: tricky, systems: { aims: { database: { engine: 'SQL Server', version: '2019' } }, icis: { database: { engine: 'Oracle', version: '19c' } } }, hotline: { phone: '400-000-0000' } });
    expect(fs.readFileSync(path.join(dir, 'docs/general/index.md'), 'utf8')).toContain('7×24 服务热线：:hotline'); // the number is declared once, in the contract
    expect(fs.readFileSync(path.join(dir, 'docs/aims/om-manual.md'), 'utf8')).toMatch(/^---\n(.*\n)*database: SQL Server 2019\n/);
    expect(kb.records.find((r) => r.kind === 'person')?.id).toBe('P-lead');
    for (const m of await checkManuals(dir)) {
      expect(m.omManual?.sections).toMatchObject({ shutdown: true, startup: true, backup: true, restore: true });
      expect(m.userManual).not.toBeNull();
      expect(m.faq).not.toBeNull();
      expect(m.interfaces).not.toBeNull();
    }
    const om = fs.readFileSync(path.join(dir, 'docs/icis/om-manual.md'), 'utf8');
    expect(om).toContain('RESTORE DATABASE;'); // Oracle (RMAN) snippets for icis
    expect(fs.readFileSync(path.join(dir, 'docs/aims/om-manual.md'), 'utf8')).toContain('BACKUP DATABASE [<数据库名>]');
    // the manuals pass markdownlint with the KB's own configuration and opsbook's rules
    const conf = JSON.parse(MARKDOWNLINT.replace(/^\s*\/\/.*$/gm, '')) as { config: Record<string, unknown> };
    const md: Record<string, string> = {};
    const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.md') && (md[path.relative(dir, path.join(d, e.name))] = fs.readFileSync(path.join(d, e.name), 'utf8'))));
    walk(path.join(dir, 'docs'));
    const lintRes = await lint({ strings: md, config: conf.config, customRules: [omSections, cjkPunctuation] });
    expect(Object.entries(lintRes).flatMap(([f, errs]) => errs.map((e) => `${f}:${e.lineNumber} ${e.ruleNames.join('/')} ${e.errorDetail ?? ''}`))).toEqual([]);
    // editor settings point into the installed package; .sops.yaml carries the recipient
    const vs = JSON.parse(fs.readFileSync(path.join(dir, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string[]> };
    expect(vs['yaml.schemas']['./node_modules/opsbook/schemas/ticket.schema.json']).toEqual(['records/tickets/**/*.yaml']);
    expect(vs['yaml.schemas']['./node_modules/opsbook/schemas/opsbook.schema.json']).toEqual(['opsbook.yaml']);
    expect(parse(fs.readFileSync(path.join(dir, '.sops.yaml'), 'utf8')).creation_rules[0].age).toBe('age1zphj8me9mp9sj8srqc4kmsav0ew4vlcf3xkpupfzna4uahs4758qw6y508');
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'kb', private: true, dependencies: { opsbook: '9.9.9' }, scripts: { build: 'opsbook build' } });
    expect(parse(fs.readFileSync(path.join(dir, '.github/workflows/opsbook.yml'), 'utf8')).jobs.build.steps.map((s: { run?: string }) => s.run).filter(Boolean)).toContain('npx opsbook build');
    expect(parse(fs.readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')).build.script).toContain('npx opsbook build');
  }, 120_000);

  it('refuses a folder that is a knowledge base already, or files it would replace, and writes nothing', async () => {
    const dir = tmp();
    const p = await plan(BASE);
    fs.mkdirSync(path.join(dir, 'records'));
    fs.writeFileSync(path.join(dir, 'records/contract.yaml'), 'id: X\n');
    await expect(writeKnowledgeBase(dir, planFiles(dir, p, TOOL))).rejects.toThrow(/knowledge base already; refusing to overwrite/);
    const dir2 = tmp();
    fs.writeFileSync(path.join(dir2, 'README.md'), '# mine\n');
    await expect(writeKnowledgeBase(dir2, planFiles(dir2, p, TOOL))).rejects.toThrow(/1 file\(s\) would be overwritten \(README\.md\)/);
    expect(fs.readdirSync(dir2)).toEqual(['README.md']);
    expect(fs.readFileSync(path.join(dir2, 'README.md'), 'utf8')).toBe('# mine\n');
  });

  it('merges an existing package.json and .gitignore (e.g. left by `npm install <tarball>`), keeping the installed opsbook', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ dependencies: { opsbook: 'file:vendor/opsbook-0.1.0.tgz', left: '1.0.0' } }));
    fs.writeFileSync(path.join(dir, '.gitignore'), 'secret-notes/\nnode_modules/\n');
    const p = await plan(BASE);
    const res = await writeKnowledgeBase(dir, planFiles(dir, p, TOOL));
    expect(res.merged.sort()).toEqual(['.gitignore', 'package.json']);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.dependencies).toEqual({ opsbook: 'file:vendor/opsbook-0.1.0.tgz', left: '1.0.0' });
    expect(pkg.scripts.validate).toBe('opsbook validate');
    const gi = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
    expect(gi.startsWith('secret-notes/\nnode_modules/\n')).toBe(true);
    expect(gi.match(/^node_modules\/$/gm)).toHaveLength(1);
    expect(gi).toContain('.docusaurus/');
    expect(fs.readdirSync(dir).filter((f) => f.includes('opsbook-init'))).toEqual([]); // staging removed
  }, 120_000);

  it('writes nothing when the result would be invalid', async () => {
    const root = tmp();
    const dir = path.join(root, 'kb');
    const p = await plan([...BASE, 'sla.report_due_working_days=0']);
    const err = await writeKnowledgeBase(dir, planFiles(dir, p, TOOL)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/would not be valid, nothing was written:\nrecords\/contract\.yaml:\d+:\d+ {2}/);
    expect(fs.readdirSync(root)).toEqual([]);
  }, 120_000);

  it('pins the opsbook it runs from: a registry version, or a tarball path made relative to the new KB', () => {
    const root = tmp();
    const tool = path.join(root, 'host', 'node_modules', 'opsbook');
    fs.mkdirSync(tool, { recursive: true });
    fs.writeFileSync(path.join(tool, 'package.json'), JSON.stringify({ version: '1.2.3', engines: { node: '>=20.11' } }));
    fs.writeFileSync(path.join(root, 'host', 'package.json'), JSON.stringify({ dependencies: { opsbook: 'file:vendor/opsbook-1.2.3.tgz' } }));
    expect(toolInfo(path.join(root, 'host'), tool).spec).toBe('file:vendor/opsbook-1.2.3.tgz');
    expect(toolInfo(path.join(root, 'other'), tool).spec).toBe('file:../host/vendor/opsbook-1.2.3.tgz');
    fs.writeFileSync(path.join(root, 'host', 'package.json'), JSON.stringify({ dependencies: { opsbook: '^1.2.0' } }));
    expect(toolInfo(path.join(root, 'other'), tool)).toMatchObject({ version: '1.2.3', spec: '^1.2.0' });
  });
});

describe('opsbook init (CLI)', () => {
  it('scaffolds without a terminal from --set, validates at once, and refuses a second init', async () => {
    const dir = path.join(tmp(), 'kb');
    let r = await runCliAsync(['init', dir, '--no-git', ...BASE.flatMap((s) => ['--set', s]), '--set', 'systems=aims'], os.tmpdir());
    expect(r.stderr).toContain('valid as created');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('records/contract.yaml');
    expect(fs.existsSync(path.join(dir, 'docs/icis'))).toBe(false);
    r = await runCliAsync(['validate', '--root', dir], dir);
    expect(r.code).toBe(0);
    r = await runCliAsync(['init', dir, ...BASE.flatMap((s) => ['--set', s])], os.tmpdir());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/contract\.yaml: this folder is a knowledge base already/);
    r = await runCliAsync(['init', path.join(dir, '..', 'kb2'), '--set', 'hospital=H'], os.tmpdir());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Unexpected missing `vendor`/);
  }, 240_000);
});
