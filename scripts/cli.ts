#!/usr/bin/env node
/**
 * The opsbook CLI: declares commands and flags, lazy-imports each command
 * module (so heavy modules load only for the commands that use them) and is
 * the only place that turns errors into messages and exit codes.
 */
import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { EXIT, UserError } from './shared/errors.js';
import { resolveGlobals, type GlobalOptions } from './commands/context.js';

const require = createRequire(import.meta.url);
const pkg = require('../package.json') as { version: string; optionalDependencies?: Record<string, string> };

/** `init --help` key list (kept here so that --help loads no domain module; a test ties it to scripts/init/answers.ts). */
export const INIT_KEYS = [
  ['hospital', '院方（医院名称） — required'],
  ['vendor', '供应商 — required'],
  ['contract', '合同编号, e.g. HT-2026-001 — required'],
  ['title', '合同名称 (default: from the systems)'],
  ['signed_at', '签订日期 YYYY-MM-DD'],
  ['systems', 'aims,icis (default both)'],
  ['aims.name', 'full name (default 手术麻醉临床信息系统); likewise icis.name'],
  ['aims.version', '在用版本 (default 1.0); likewise icis.version'],
  ['aims.database', '数据库 engine and version, e.g. "SQL Server 2019", "Oracle 19c", "达梦 8"; likewise icis.database'],
  ['start', 'first service period starts YYYY-MM-DD (default: 1st of this month)'],
  ['years', 'number of one-year service periods (default 2)'],
  ['hotline', '7×24 服务热线号码, e.g. 400-000-0000 (shown on the site\'s home page and FAQ)'],
  ['lead.name', '供应商项目负责人 (default: a placeholder to fill in)'],
  ['lead.id', 'person id of the lead (default P-lead)'],
  ['age', 'age public keys for the hand-over manifests, comma-separated'],
  ['site.title', '站点标题 (default: <hospital>运维知识库)'],
  ['site.url', 'https://host of the site'],
  ['site.base_url', 'path the site is served under (default /)'],
  ['main_branch', 'Git main branch (default main)'],
].map(([k, d]) => `  ${k!.padEnd(15)} ${d}`).join('\n');

type Action = (args: string[], opts: Record<string, unknown>, globals: GlobalOptions) => Promise<number>;

/** Wraps a lazily imported command module's `run` as a commander action. */
function lazy(load: () => Promise<{ run: Action }>) {
  return async (...actionArgs: unknown[]) => {
    const cmd = actionArgs[actionArgs.length - 1] as Command;
    const opts = cmd.opts();
    const positionals = actionArgs.slice(0, -2).flat().filter((a) => a !== undefined) as string[];
    const globals = resolveGlobals(cmd.optsWithGlobals());
    const mod = await load();
    process.exitCode = await mod.run(positionals, opts, globals);
  };
}

export function buildProgram(): Command {
  const program = new Command('opsbook')
    .description('Knowledge base, SLA and compliance tool for the AIMS/ICIS service contract (手术麻醉/重症监护信息系统运维)')
    .version(pkg.version)
    .option('--root <dir>', 'knowledge base root holding records/ and docs/ (default: the current folder)')
    .option('--as-of <time>', 'evaluate as of this date or ISO time with offset (default: now)')
    .option('--debug', 'print stack traces')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (str, write) => write(str) })
    // set before the commands are added: subcommands inherit it, so usage errors exit 2 (SPEC §7)
    .exitOverride();

  program.command('validate')
    .description('check every record against its schema and the cross-record rules')
    .option('--json', 'print one JSON document')
    .option('--changed <ref>', 'only records changed since this Git ref (and records that reference them)')
    .option('--no-scan', 'skip the privacy and secret guard')
    .action(lazy(() => import('./commands/validate.js')));

  program.command('sla')
    .description('per-ticket SLA clocks and statistics')
    .option('--period <id>', 'service period id (default: the one containing --as-of)')
    .option('--json', 'print one JSON document')
    .action(lazy(() => import('./commands/sla.js')));

  program.command('compliance')
    .description('the clause-by-clause compliance matrix')
    .option('--period <id>', 'service period id (default: the one containing --as-of)')
    .option('--json', 'print one JSON document')
    .option('--strict', 'exit 1 when any clause is breached')
    .action(lazy(() => import('./commands/compliance.js')));

  program.command('report')
    .description('build a contract report: annual | inspection | database-inspection | maintenance | written-reply | all')
    .argument('<kind>', 'annual, inspection, database-inspection, maintenance, written-reply or all')
    .argument('[id]', 'record id (inspection, maintenance, written-reply)')
    .option('--period <id>', 'service period id (annual)')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'docx', 'pdf', 'html']).default('md'))
    .option('--out <path>', 'output file (or directory for `all`)')
    .option('--skip-pdf', '`all`: do not render PDF (no LibreOffice needed)')
    .option('--final', 'refuse drafts (period not ended, uncommitted inputs, missing content) and list what is missing')
    .option('--include-delivered', '`all`: also render reports already delivered and unchanged')
    .action(lazy(() => import('./commands/report.js')));

  const workdays = program.command('workdays').description('PRC working-day calendar');
  workdays.command('add')
    .description('print the N-th working day strictly after the date')
    .argument('<date>', 'YYYY-MM-DD')
    .argument('<n>', 'number of working days')
    .action(lazy(() => import('./commands/workdays.js')));

  program.command('secrets')
    .description('SOPS-format (age) encrypted hand-over files')
    .argument('<action>', 'encrypt | decrypt | edit | add-recipient | remove-recipient | rotate | verify')
    .argument('<file>', 'file to act on')
    .option('--age <recipients>', 'comma-separated age recipients (else .sops.yaml creation_rules)')
    .option('--in-place', 'write the result back to FILE')
    .option('--out <path>', 'write the result to PATH')
    .action(lazy(() => import('./commands/secrets.js')));

  program.command('scan')
    .description('privacy and secret guard over records/, docs/, versioned docs, static/ and src/')
    .option('--json', 'print one JSON document')
    .action(lazy(() => import('./commands/scan.js')));

  program.command('audit')
    .description('Git provenance: retroactive edits of SLA fields and late entries')
    .option('--json', 'print one JSON document')
    .action(lazy(() => import('./commands/audit.js')));

  program.command('pr-summary')
    .description('Markdown summary of a pull request for a CI comment')
    .argument('<base>', 'base Git ref')
    .option('--out <path>', 'write to a file instead of stdout')
    .action(lazy(() => import('./commands/pr-summary.js')));

  program.command('new')
    .description('create a record from prompts (TTY) or flags')
    .argument('<kind>', 'ticket | inspection | change | release | training | recommendation | db_operation')
    .allowUnknownOption(false)
    .option('--set <key=value...>', 'field values (repeatable)')
    .option('--dry-run', 'print the record instead of writing it')
    .action(lazy(() => import('./commands/new.js')));

  program.command('init')
    .description('scaffold a new contract knowledge base (records, manuals, CI, editor settings) that validates and builds as created')
    .argument('[dir]', 'folder of the new knowledge base (default: --root, i.e. the current folder)')
    .option('--set <key=value...>', 'answers: hospital, vendor, contract, systems, aims.version, aims.database, start, years, age, site.base_url, sla.<key>, … (repeatable)')
    .option('--yes', 'do not ask: take defaults for everything not given with --set')
    .option('--dry-run', 'list the files without writing them')
    .option('--no-git', 'do not run `git init`')
    .addHelpText('after', () => `\nKeys for --set:\n${INIT_KEYS}\n  sla.<path>      any key of the contract's SLA policy, e.g. sla.fault_response=PT30M, sla.severities.B.response=PT1H\n\nWithout a terminal (CI, scripts) nothing is asked: hospital, vendor and contract must come as --set.`)
    .action(lazy(() => import('./commands/init.js')));

  program.command('ticket')
    .description('append a timestamp to a ticket: respond | resolve | notify | onsite')
    .argument('<action>', 'respond | resolve | notify | onsite')
    .argument('<id>', 'ticket id')
    .option('--at <time>', 'time with offset (default: now, +08:00)')
    .option('--to <whom>', 'notify: product_team | senior_manager | account_manager')
    .option('--outcome <outcome>', 'resolve: resolved | workaround | unresolvable | duplicate')
    .option('--arrived', 'onsite: record arrival instead of the request')
    .option('--force', 'replace a timestamp that is already set')
    .action(lazy(() => import('./commands/ticket.js')));

  program.command('synth')
    .description('write a synthetic knowledge base for benchmarks')
    .requiredOption('--tickets <n>', 'number of tickets')
    .option('--seed <s>', 'random seed', '1')
    .requiredOption('--out <dir>', 'output directory')
    .action(lazy(() => import('./commands/synth.js')));

  program.command('site')
    .description('generate record-driven pages, build the Docusaurus site, cut docs versions, serve the built site')
    .argument('<action>', 'generate | build | version | serve')
    .argument('[args...]', 'version: <system> <version>')
    .option('--out <dir>', 'site output directory (relative to --root)', 'build/site')
    .option('--port <port>', 'serve: port (default 3000)')
    .action(lazy(() => import('./commands/site.js')));

  program.command('build')
    .description('the main job: validate → scan → compute → deliveries → reports due or suspect → site')
    .option('--skip-site', 'do not build the site')
    .option('--skip-pdf', 'do not render PDF')
    .option('--period <id>', 'only this service period (default: every period started by --as-of)')
    .option('--include-delivered', 'also render reports already delivered and unchanged')
    .action(lazy(() => import('./commands/build.js')));

  program.command('deliver')
    .description('register a report as handed over to the hospital, with the input digest it prints')
    .argument('[kind]', 'annual, inspection, database-inspection, maintenance or written-reply')
    .argument('[id]', 'record id (service period id for annual)')
    .option('--by <person>', 'hospital person who signed for it (person id, e.g. P-zhengwenbo)')
    .option('--at <time>', 'date or time with offset of the hand-over (default: now, +08:00)')
    .option('--delivered-by <person>', 'vendor person who handed it over')
    .addOption(new Option('--format <format>', 'how it was handed over').choices(['docx', 'pdf', 'paper']))
    .option('--file <name>', 'file name handed over')
    .option('--note <text>', 'note, e.g. why it is delivered again')
    .option('--backfill', 'register every owed report the records already show as handed over (see README)')
    .option('--until <date>', '--backfill: maintenance reports of faults resolved on or before this date')
    .option('--dry-run', 'print the record(s) instead of writing')
    .action(lazy(() => import('./commands/deliver.js')));

  return program;
}

/** Packages the package.json declares optional (site, renderers): heavy, left out by `npm install --omit=optional`. */
const OPTIONAL_PACKAGES = Object.keys(pkg.optionalDependencies ?? {});

/** The optional package whose absence caused `err`, if any. */
export function missingOptionalPackage(err: unknown): string | undefined {
  const e = err as { code?: string; message?: string } | undefined;
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' && e?.code !== 'MODULE_NOT_FOUND') return undefined;
  const m = /Cannot find (?:package|module) '([^']+)'/.exec(e.message ?? '');
  if (!m) return undefined;
  const name = m[1]!.startsWith('@') ? m[1]!.split('/').slice(0, 2).join('/') : m[1]!.split('/')[0]!;
  // resvg's native binary is an optional dependency of @resvg/resvg-js
  if (name.startsWith('@resvg/resvg-js')) return '@resvg/resvg-js';
  return OPTIONAL_PACKAGES.includes(name) ? name : undefined;
}

/** Runs the CLI; the only try/catch that decides how errors are shown. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version are "errors" with exit code 0 in commander
      process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    if (err instanceof UserError) {
      process.stderr.write(`${err.message}\n`);
      if (debug && err.stack) process.stderr.write(`${err.stack}\n`);
      process.exitCode = err.exitCode;
      return;
    }
    const missing = missingOptionalPackage(err);
    if (missing) {
      process.stderr.write(`opsbook: this command needs the package \`${missing}\`, which is not installed (an install with --omit=optional leaves out the site and the DOCX/PDF renderers); run \`npm install --include=optional\`\n`);
      if (debug) process.stderr.write(`${(err as Error).stack ?? ''}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    const e = err as Error;
    process.stderr.write(`opsbook: internal error: ${e?.message ?? String(err)}\n`);
    process.stderr.write(debug ? `${e?.stack ?? ''}\n` : 'Run again with --debug for the stack trace, and please report it.\n');
    process.exitCode = EXIT.usage;
  }
}

const isEntry = process.argv[1] && /cli\.(ts|js|mjs)$/.test(process.argv[1]);
if (isEntry) await main(process.argv);
