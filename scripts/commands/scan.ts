/**
 * `opsbook scan [--json]`: the privacy and secret guard (SPEC §6) over
 * records/, docs/, every *_versioned_docs/, static/, src/ and keys/ of the
 * KB at --root, hand-over files judged against its .sops.yaml.
 *
 * Text: one line per finding (`path:line:col  rule  message (excerpt) — fix`)
 * and a summary line. JSON: exactly one document on stdout,
 * `{ "findings": [...], "allowed": [...], ... }`. Exit 1 when there are
 * findings, 0 when clean, 2 when --root is not a knowledge base.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { EXIT, UserError } from '../shared/errors.js';
import { ALLOW_LIST_FILE, formatFinding, scanKnowledgeBaseDetailed } from '../guard/index.js';
import type { GlobalOptions } from './context.js';

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

export async function run(args: string[], opts: Record<string, unknown>, g: GlobalOptions): Promise<number> {
  if (args.length > 0) throw new UserError(`Unexpected argument \`${args[0]}\`, expected \`opsbook scan [--json]\``);
  if (!(await isDir(path.join(g.root, 'records'))) && !(await isDir(path.join(g.root, 'docs')))) {
    throw new UserError(`${g.root}: Unexpected --root without records/ or docs/, expected a knowledge base root`);
  }
  const result = await scanKnowledgeBaseDetailed(g.root);
  const { findings, allowed, filesScanned } = result;
  if (opts.json) {
    const doc = {
      findings,
      allowed,
      filesScanned,
      skipped: result.skipped,
      unusedAllowEntries: result.unusedAllowEntries,
    };
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    for (const f of findings) process.stdout.write(`${formatFinding(f)}\n`);
    const allowedNote = allowed.length ? `, ${allowed.length} allowed by ${ALLOW_LIST_FILE}` : '';
    const files = new Set(findings.map((f) => f.path)).size;
    process.stdout.write(
      findings.length === 0
        ? `✔ no privacy or secret findings in ${filesScanned} file(s)${allowedNote}\n`
        : `✖ ${findings.length} finding(s) in ${files} file(s) of ${filesScanned} scanned${allowedNote}\n`,
    );
    for (const e of result.unusedAllowEntries) {
      process.stderr.write(`${ALLOW_LIST_FILE}:${e.line}:1  warning  allow-list entry (${e.path}, ${e.rule}) matched nothing\n`);
    }
  }
  return findings.length > 0 ? EXIT.findings : EXIT.ok;
}
