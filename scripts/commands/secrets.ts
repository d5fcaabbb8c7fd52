/**
 * `opsbook secrets <encrypt|decrypt|edit|add-recipient|remove-recipient|rotate|verify> FILE`
 * — SOPS-format files with age recipients (SPEC §5). Plaintext goes to
 * stdout only, unless `--out PATH` is given explicitly.
 */
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { EXIT, UserError } from '../shared/errors.js';
import { parseRecipientList } from '../secrets/age-keys.js';
import { writeFileAtomic } from '../shared/atomic-file.js';
import { addRecipients, configuredRecipients, decryptFile, editFile, encryptFile, fileContext, removeRecipients, rotateFile } from '../secrets/secrets-file.js';
import { removeStalePlaintextDirs } from '../secrets/plaintext-dir.js';
import type { GlobalOptions } from './context.js';

const ACTIONS = ['encrypt', 'decrypt', 'edit', 'add-recipient', 'remove-recipient', 'rotate', 'verify'] as const;

async function emit(text: string, file: string, opts: { inPlace?: boolean; out?: string }, mode = 0o644): Promise<void> {
  if (opts.out) await writeFileAtomic(path.resolve(opts.out), text, mode);
  else if (opts.inPlace) await writeFileAtomic(file, text, mode);
  else process.stdout.write(text);
}

async function askRetry(message: string): Promise<boolean> {
  process.stderr.write(`${message}\n`);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question('按回车重新打开编辑器，输入 q 放弃修改 (Enter: edit again, q: abort) ');
    return answer.trim().toLowerCase() !== 'q';
  } finally {
    rl.close();
  }
}

function warn(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Runs one secrets action; returns the exit code. */
export async function run(args: string[], opts: Record<string, unknown>, globals: GlobalOptions): Promise<number> {
  const [action, file] = args;
  if (!ACTIONS.includes(action as (typeof ACTIONS)[number])) {
    throw new UserError(`Unexpected action \`${action ?? ''}\`, expected one of ${ACTIONS.join(', ')}`);
  }
  if (!file) throw new UserError('Missing FILE argument');
  const o = { inPlace: opts.inPlace === true, out: typeof opts.out === 'string' ? opts.out : undefined };
  if (o.inPlace && o.out) throw new UserError('Use either --in-place or --out, not both');
  const ageFlag = typeof opts.age === 'string' ? parseRecipientList(opts.age) : [];
  const ctx = fileContext(globals.root, file);
  // Plaintext left by an edit that was killed (SIGKILL, power loss): remove it now, loudly.
  for (const dir of removeStalePlaintextDirs()) warn(`warning: removed ${dir}, plaintext left by an interrupted \`secrets edit\``);

  switch (action) {
    case 'encrypt': {
      const text = await encryptFile(ctx, { recipients: ageFlag, targetPath: o.out ?? ctx.abs });
      await emit(text, ctx.abs, o);
      return EXIT.ok;
    }
    case 'decrypt': {
      if (o.inPlace) throw new UserError('decrypt never writes plaintext in place; print to stdout or name a file with --out PATH');
      const r = await decryptFile(ctx);
      for (const w of r.warnings) warn(w);
      await emit(r.plaintext, ctx.abs, o, 0o600);
      return EXIT.ok;
    }
    case 'verify': {
      const r = await decryptFile(ctx);
      const problems: string[] = [];
      for (const st of r.stanzas) if (st.status === 'label-mismatch' || st.status === 'wrong-key' || st.status === 'malformed') problems.push(st.message);
      const omitted = r.clearComments.filter((c) => c.omitted);
      if (omitted.length > 0) problems.push(`${omitted.length} comment(s) in clear text where the rule encrypts comments (line ${omitted.map((c) => c.line).join(', ')})`);
      const configured = configuredRecipients(ctx);
      const labels = r.metadata.age.map((a) => a.recipient.trim());
      let recipientsNote = 'no .sops.yaml creation rule covers this file';
      if (configured) {
        const missing = configured.recipients.filter((x) => !labels.includes(x));
        const extra = labels.filter((x) => !configured.recipients.includes(x));
        recipientsNote = missing.length + extra.length === 0 ? `recipients match ${configured.source}` : `recipients differ from ${configured.source}${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; not named there ${extra.join(', ')}` : ''}`;
        if (missing.length + extra.length > 0) problems.push(recipientsNote);
      }
      const head = problems.length === 0 ? 'OK' : 'NOT OK';
      const lines = [
        `${ctx.shown}: ${head} — ${r.counts.values} values and ${r.counts.comments} comments authenticated, MAC verified; ${recipientsNote}`,
        ...r.stanzas.map((st) => `  ${st.message}`),
        ...problems.map((p) => `  problem: ${p}`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      for (const w of r.warnings) warn(w);
      return problems.length === 0 ? EXIT.ok : EXIT.findings;
    }
    case 'edit': {
      if (o.inPlace) throw new UserError('edit always writes back to FILE; --in-place is not needed');
      const interactive = !!process.stdin.isTTY && !!process.stderr.isTTY;
      const result = await editFile(ctx, { ...(interactive ? { onInvalid: askRetry } : {}), interactive, onWarning: warn });
      if (!result.changed) {
        process.stderr.write(`${ctx.shown}: not changed\n`);
        return EXIT.ok;
      }
      await writeFileAtomic(o.out ? path.resolve(o.out) : ctx.abs, result.text);
      process.stderr.write(`${o.out ?? ctx.shown}: re-encrypted\n`);
      return EXIT.ok;
    }
    case 'add-recipient':
    case 'remove-recipient': {
      if (ageFlag.length === 0) throw new UserError(`${action} needs --age age1…[,age1…]`);
      const r = action === 'add-recipient' ? await addRecipients(ctx, ageFlag) : await removeRecipients(ctx, ageFlag);
      for (const w of r.warnings) warn(w);
      await emit(r.text, ctx.abs, o);
      if (o.inPlace || o.out) warn(`${o.out ?? ctx.shown}: ${action === 'add-recipient' ? 'recipient added' : 'recipient removed, data key rotated'}; recipients ${r.recipients.join(', ')}`);
      return EXIT.ok;
    }
    case 'rotate': {
      const r = await rotateFile(ctx, ageFlag);
      await emit(r.text, ctx.abs, o);
      if (o.inPlace || o.out) warn(`${o.out ?? ctx.shown}: data key rotated; recipients ${r.recipients.join(', ')}`);
      return EXIT.ok;
    }
  }
  return EXIT.usage;
}
