/**
 * `opsbook init`'s engine: turns a plan into the files of a new knowledge
 * base, checks them with the real validator, manual check and privacy guard
 * in a staging folder, and only then moves them into place.
 *
 * Nothing is overwritten: a folder that already holds a KB (records/contract.yaml
 * or opsbook.yaml) is refused, as is any file the KB would replace — except
 * package.json and .gitignore, which are merged (an `npm install <opsbook>` in
 * an empty folder leaves a package.json behind). A new folder appears in one
 * rename; into an existing folder each file is linked without clobbering and
 * everything is rolled back if one step fails.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError, type Diagnostic } from '../shared/errors.js';
import type { KbPlan } from './answers.js';
import { contractYaml, leadYaml, opsbookYaml, sopsYaml } from './record-templates.js';
import { generalFaq, generalIndex, systemDocs } from './docs-templates.js';
import { MARKDOWNLINT, VSCODE_EXTENSIONS, githubWorkflow, gitignore, gitlabCi, kbPackageJson, vscodeSettings, type ToolInfo } from './project-templates.js';
import { kbReadme } from './readme-template.js';

/** Files merged with an existing copy instead of refused. */
export const MERGED_FILES = ['package.json', '.gitignore'] as const;

/** Files that mark a folder as a knowledge base already. */
const KB_MARKERS = ['records/contract.yaml', 'opsbook.yaml'];

/** The files of the new KB (relative path → content), merging package.json / .gitignore found in `dir`. */
export function planFiles(dir: string, plan: KbPlan, tool: ToolInfo): Map<string, string> {
  const read = (rel: string) => {
    const f = path.join(dir, rel);
    return fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : null;
  };
  let pkg: Record<string, unknown> | null = null;
  const pkgText = read('package.json');
  if (pkgText !== null) {
    try {
      pkg = JSON.parse(pkgText) as Record<string, unknown>;
    } catch (err) {
      throw new UserError(`${path.join(dir, 'package.json')}: Unexpected content, expected JSON (${(err as Error).message}); fix or remove it and run init again`);
    }
  }
  const files = new Map<string, string>();
  files.set('package.json', kbPackageJson(plan, tool, pkg, path.basename(path.resolve(dir))));
  files.set('.gitignore', gitignore(read('.gitignore')));
  files.set('README.md', kbReadme(plan));
  files.set('opsbook.yaml', opsbookYaml(plan));
  files.set('.sops.yaml', sopsYaml(plan));
  files.set('.markdownlint-cli2.jsonc', MARKDOWNLINT);
  files.set('.vscode/settings.json', vscodeSettings());
  files.set('.vscode/extensions.json', VSCODE_EXTENSIONS);
  files.set('.github/workflows/opsbook.yml', githubWorkflow(plan));
  files.set('.gitlab-ci.yml', gitlabCi(plan));
  files.set('records/contract.yaml', contractYaml(plan));
  files.set(`records/people/${plan.lead.id}.yaml`, leadYaml(plan));
  files.set('docs/general/index.md', generalIndex(plan));
  files.set('docs/general/faq.md', generalFaq(plan));
  for (const s of plan.systems) {
    for (const [rel, text] of Object.entries(systemDocs(plan, s))) files.set(`docs/${s.id}/${rel}`, text);
  }
  return files;
}

/** Refuses a folder that is a KB already or holds files the new KB would replace. */
export function checkTarget(dir: string, files: Map<string, string>): void {
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UserError(`${dir}: exists and is not a folder`);
  const marker = KB_MARKERS.find((m) => fs.existsSync(path.join(dir, m)));
  if (marker) throw new UserError(`${path.join(dir, marker)}: this folder is a knowledge base already; refusing to overwrite it (init a new, empty folder instead)`);
  const clash = [...files.keys()].filter((rel) => !(MERGED_FILES as readonly string[]).includes(rel) && fs.existsSync(path.join(dir, rel)));
  if (clash.length) {
    throw new UserError(`${dir}: ${clash.length} file(s) would be overwritten (${clash.slice(0, 8).join(', ')}${clash.length > 8 ? ', …' : ''}); move them away or init another folder`);
  }
}

function writeTree(root: string, files: Map<string, string>): void {
  for (const [rel, text] of files) {
    const f = path.join(root, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, text);
  }
}

/** Problems the staged KB has (validator errors, missing O&M sections, guard findings), as diagnostics. */
export async function checkStagedKb(root: string): Promise<Diagnostic[]> {
  const { loadKnowledgeBase } = await import('../records/index.js');
  const { checkManuals, OM_SECTIONS, REQUIRED_OM_SECTIONS } = await import('../site/check-manuals.js');
  const { scanKnowledgeBase } = await import('../guard/index.js');
  const kb = await loadKnowledgeBase(root);
  const problems: Diagnostic[] = kb.diagnostics.filter((d) => d.severity === 'error');
  for (const m of await checkManuals(root)) {
    for (const k of REQUIRED_OM_SECTIONS) {
      if (!m.omManual?.sections[k]) problems.push({ path: m.omManual?.path ?? `docs/${m.system}/om-manual.md`, line: 1, column: 1, message: `O&M manual lacks the section ${OM_SECTIONS[k]}`, rule: 'om-manual-sections', severity: 'error' });
    }
  }
  for (const f of await scanKnowledgeBase(root)) {
    problems.push({ path: f.path, line: f.line, column: f.column, message: `${f.message} (${f.excerpt}) — ${f.fix}`, rule: f.rule, severity: 'error' });
  }
  return problems;
}

export interface WriteResult {
  /** Files created (relative). */
  created: string[];
  /** Existing files merged (package.json, .gitignore). */
  merged: string[];
}

/**
 * Writes the KB into `dir` atomically after checking it in a staging folder.
 * @throws UserError when the folder is taken or the KB would be invalid (nothing written)
 */
export async function writeKnowledgeBase(dir: string, files: Map<string, string>): Promise<WriteResult> {
  const target = path.resolve(dir);
  checkTarget(target, files);
  const exists = fs.existsSync(target);
  const parent = exists ? target : path.dirname(target);
  fs.mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `.${exists ? '' : `${path.basename(target)}.`}opsbook-init-${randomBytes(4).toString('hex')}`);
  try {
    writeTree(staging, files);
    const problems = await checkStagedKb(staging);
    if (problems.length) {
      const lines = problems.slice(0, 10).map((d) => `${d.path}:${d.line}:${d.column}  ${d.message}`);
      throw new UserError(`Unexpected: the new knowledge base would not be valid, nothing was written:\n${lines.join('\n')}`);
    }
    if (!exists) {
      try {
        fs.renameSync(staging, target);
      } catch (err) {
        throw new UserError(`${target}: could not create it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); nothing was written`);
      }
      return { created: [...files.keys()], merged: [] };
    }
    return moveInto(staging, target, files);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Moves staged files into an existing folder; all or nothing. */
function moveInto(staging: string, target: string, files: Map<string, string>): WriteResult {
  const created: string[] = [];
  const merged: { rel: string; before: Buffer }[] = [];
  const madeDirs: string[] = [];
  try {
    for (const rel of files.keys()) {
      const from = path.join(staging, rel);
      const to = path.join(target, rel);
      let d = path.dirname(to);
      const missing: string[] = [];
      while (!fs.existsSync(d)) {
        missing.unshift(d);
        d = path.dirname(d);
      }
      for (const m of missing) {
        fs.mkdirSync(m);
        madeDirs.push(m);
      }
      if ((MERGED_FILES as readonly string[]).includes(rel) && fs.existsSync(to)) {
        merged.push({ rel, before: fs.readFileSync(to) });
        fs.renameSync(from, to);
      } else {
        fs.linkSync(from, to); // fails with EEXIST instead of replacing a file that appeared meanwhile
        created.push(rel);
      }
    }
  } catch (err) {
    for (const rel of created) fs.rmSync(path.join(target, rel), { force: true });
    for (const m of merged) fs.writeFileSync(path.join(target, m.rel), m.before);
    for (const d of madeDirs.reverse()) fs.rmSync(d, { recursive: true, force: true });
    const e = err as NodeJS.ErrnoException;
    throw new UserError(`${target}: could not write the knowledge base (${e.code ?? e.message}${e.path ? ` at ${e.path}` : ''}); every change was undone`);
  }
  return { created, merged: merged.map((m) => m.rel) };
}

