/**
 * `opsbook ticket respond|resolve|notify|onsite <ID> [--at TIME]`: adds a
 * timestamp to an existing ticket, keeping the file's comments and layout,
 * validating the result with the real validator and writing atomically.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError, formatDiagnostic } from '../shared/errors.js';
import { formatCst } from '../shared/time.js';
import { checkRecordText, listRecordFiles } from '../records/index.js';
import { TICKET_ACTIONS, editTicketText, type TicketAction } from '../authoring/index.js';
import { writeFileAtomic } from '../shared/atomic-file.js';
import type { GlobalOptions } from './context.js';

export async function run(args: string[], opts: Record<string, unknown>, g: GlobalOptions): Promise<number> {
  const [action, id] = args as [string, string];
  if (!(TICKET_ACTIONS as readonly string[]).includes(action)) throw new UserError(`Unexpected action \`${action}\`, expected one of ${TICKET_ACTIONS.join(', ')}`);
  if (!fs.existsSync(path.join(g.root, 'records'))) throw new UserError(`${g.root}: no records/ folder here; pass --root pointing at a knowledge base`);
  const rel = listRecordFiles(g.root).find((p) => p.startsWith('records/tickets/') && path.posix.basename(p) === `${id}.yaml`);
  if (!rel) throw new UserError(`Unexpected ticket id \`${id}\`, expected an existing ticket (records/tickets/<YYYY>/${id}.yaml)`);
  const file = path.join(g.root, rel);
  const before = fs.readFileSync(file, 'utf8');
  const at = typeof opts.at === 'string' ? opts.at : formatCst(g.asOf);
  const res = editTicketText(before, {
    action: action as TicketAction, at, force: !!opts.force,
    to: opts.to as string | undefined, outcome: opts.outcome as string | undefined, arrived: !!opts.arrived,
  });
  const problems = (await checkRecordText(g.root, rel, 'ticket', res.text)).filter((d) => d.severity === 'error');
  if (problems.length) {
    for (const d of problems) process.stderr.write(`${formatDiagnostic(d)}\n`);
    process.stderr.write(`✖ ${rel} not changed: the result would be invalid\n`);
    return 1;
  }
  if (fs.readFileSync(file, 'utf8') !== before) throw new UserError(`${rel}: changed on disk while editing; run the command again`);
  await writeFileAtomic(file, res.text);
  process.stderr.write(`✔ ${rel}: ${res.fields.join(', ')} = ${at}${res.reformatted ? ' (the edited list/map was re-rendered)' : ''}\n`);
  return 0;
}
