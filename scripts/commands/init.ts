/**
 * `opsbook init [DIR] [--set key=value …] [--yes] [--dry-run] [--no-git]`:
 * scaffolds a new contract knowledge base that validates and builds as it is.
 * On a terminal the essentials are asked (defaults shown); otherwise they come
 * from `--set` and the defaults, and what is missing is named with its flag.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { GlobalOptions } from './context.js';
import type { Asker } from '../init/index.js';

const NONE = '（暂不填写）';
const OTHER = '其他（手动输入）';

/** Prompts with @inquirer/prompts, checking answers with the question's own rule. */
async function terminalAsker(): Promise<Asker> {
  const p = await import('@inquirer/prompts');
  return async (q, def) => {
    const message = `${q.label} (${q.key})`;
    const validate = (v: string) => (v.trim() === '' ? (q.required && def === undefined ? 'required' : true) : q.check?.(v.trim()) ?? true);
    if (q.multiple && q.choices) {
      const preset = new Set((def ?? '').split(',').filter(Boolean));
      const picked = await p.checkbox({ message, choices: q.choices.map((c) => ({ name: c, value: c, checked: preset.has(c) })), required: !!q.required });
      return picked.join(',');
    }
    if (q.key.endsWith('.database') && q.choices) {
      // engine from a list, then its version: "SQL Server" + "2019"
      const choice = await p.select({ message, choices: [...q.choices, OTHER, NONE].map((c) => ({ name: c, value: c })) });
      if (choice === NONE) return '';
      const engine = choice === OTHER ? await p.input({ message: `${q.label}·类型`, validate: (v) => (v.trim() ? true : 'required') }) : choice;
      const version = await p.input({ message: `${engine} 版本（例如 2019、19c、8）`, validate: (v) => (/^\S*\d\S*$/.test(v.trim()) ? true : 'expected a version with a digit, no spaces') });
      return `${engine.trim()} ${version.trim()}`;
    }
    if (q.choices) {
      const choice = await p.select({ message, choices: [...q.choices, OTHER, NONE].map((c) => ({ name: c, value: c })) });
      if (choice === NONE) return '';
      if (choice === OTHER) return p.input({ message, validate });
      return choice;
    }
    return p.input({ message, default: def, validate });
  };
}

function gitInit(dir: string, branch: string): string | null {
  try {
    execFileSync('git', ['-C', dir, 'rev-parse', '--is-inside-work-tree'], { stdio: 'ignore' });
    return null; // already inside a repository
  } catch {
    // not a repository (or no git): fall through
  }
  try {
    execFileSync('git', ['init', '-q', '-b', branch, dir], { stdio: 'ignore' });
    return `initialised a Git repository (branch ${branch})`;
  } catch {
    return 'git is not available: run `git init` yourself (opsbook audit needs the history)';
  }
}

export async function run(args: string[], opts: Record<string, unknown>, g: GlobalOptions): Promise<number> {
  const { QUESTIONS, completeAnswers, parseInitSets, planFromAnswers, planFiles, checkTarget, writeKnowledgeBase, toolInfo, specOutsideKb } = await import('../init/index.js');
  const dir = path.resolve(args[0] ?? g.root);
  const sets = Array.isArray(opts.set) ? (opts.set as string[]) : typeof opts.set === 'string' ? [opts.set] : [];
  const given = parseInitSets(sets);
  const tool = toolInfo(dir);
  // refuse before any prompt when the folder is a knowledge base already
  checkTarget(dir, new Map());
  const interactive = !opts.yes && !!process.stdin.isTTY && !!process.stderr.isTTY;
  if (interactive) process.stderr.write(`opsbook init: a new contract knowledge base in ${dir}\n(Enter keeps the default in brackets; everything can be changed later in the files)\n`);
  const answers = await completeAnswers(given.answers, g.asOf, interactive ? await terminalAsker() : undefined);
  const plan = planFromAnswers(answers, given.sla);
  const files = planFiles(dir, plan, tool);
  if (opts.dryRun) {
    for (const rel of files.keys()) process.stdout.write(`${rel}\n`);
    process.stderr.write(`(dry run: ${files.size} files for ${plan.hospital}, nothing written)\n`);
    return 0;
  }
  const res = await writeKnowledgeBase(dir, files);
  const rel = path.relative(process.cwd(), dir);
  const shown = rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
  for (const rel of res.created) process.stdout.write(`${path.join(shown, rel)}\n`);
  for (const rel of res.merged) process.stderr.write(`merged ${path.join(shown, rel)}\n`);
  const notes: string[] = [];
  if (opts.git !== false) {
    const note = gitInit(dir, plan.mainBranch);
    if (note) notes.push(note);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const outside = specOutsideKb(pkg.dependencies?.opsbook ?? '');
  if (outside) notes.push(`package.json installs opsbook from ${outside}, outside this repository: a clone (and CI) cannot install it. Copy the tarball into the repository (e.g. vendor/) and \`npm install ./vendor/<file>.tgz\`, or publish opsbook to your registry`);
  if (!plan.ageRecipients.length) notes.push('.sops.yaml has no age recipient yet: add the public keys before encrypting hand-over manifests (see the comments in .sops.yaml)');
  const installed = fs.existsSync(path.join(dir, 'node_modules', 'opsbook', 'package.json'));
  process.stderr.write([
    '',
    `✔ knowledge base for ${plan.hospital} (${plan.systems.map((s) => s.id).join(', ')}; ${files.size} files) — valid as created`,
    ...notes.map((n) => `  note: ${n}`),
    'next:',
    ...(shown === '.' ? [] : [`  cd ${shown}`]),
    ...(installed ? [] : ['  npm install            # installs opsbook as pinned in package.json']),
    '  npx opsbook build      # validate, scan, SLA, compliance, reports (build/reports) and the site (build/site)',
    '  npx opsbook site serve # browse the site',
    '  then fill in records/contract.yaml and the manuals under docs/ (look for 待补充), and commit:',
    '  git add -A && git commit -m "opsbook init"',
    `  (\`opsbook init --help\` lists all ${QUESTIONS.length} --set keys)`,
    '',
  ].join('\n'));
  process.stderr.write('\n');
  return 0;
}

