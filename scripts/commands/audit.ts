/**
 * `opsbook audit [--json]`: Git provenance findings (retroactive edits of
 * SLA-relevant fields, late entries). Exit 0 none, 1 findings, 2 when the
 * history is unavailable (KB outside Git, shallow clone, no commits): a
 * shallow clone would make every record look late, so we refuse to guess.
 */
import { UserError } from '../shared/errors.js';
import { auditKnowledgeBase } from '../git/index.js';
import type { GlobalOptions } from './context.js';

export async function run(_args: string[], opts: Record<string, unknown>, g: GlobalOptions): Promise<number> {
  const res = await auditKnowledgeBase(g.root);
  if (!res.available) throw new UserError(`audit: ${res.message}`);
  if (opts.json) {
    const findings = res.findings.map(({ record, kind, field, commit, author, message, path, email, date, old, new: neu, days }) => ({ record, kind, field, commit, author, message, path, email, date, old, new: neu, days }));
    process.stdout.write(`${JSON.stringify({ findings }, null, 2)}\n`);
  } else {
    for (const f of res.findings) process.stdout.write(`${f.path}  ${f.kind}  ${f.message}\n`);
    const retro = res.findings.filter((f) => f.kind === 'retroactive-edit').length;
    const late = res.findings.length - retro;
    process.stderr.write(res.findings.length === 0
      ? `✔ ${res.records.length} record(s) audited: no retroactive edits, no late entries (limit ${res.lateEntryDays} days)\n`
      : `✖ ${retro} retroactive edit(s), ${late} late entr${late === 1 ? 'y' : 'ies'} in ${res.records.length} record(s) (late-entry limit ${res.lateEntryDays} days)\n`);
  }
  return res.findings.length ? 1 : 0;
}
