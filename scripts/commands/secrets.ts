/**
 * `opsbook secrets <encrypt|decrypt|edit|add-recipient|remove-recipient|verify> FILE`
 * — SOPS-format files with age recipients (SPEC §5). Plaintext goes to
 * stdout only, unless `--out PATH` is given explicitly.
 */
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { EXIT, UserError } from '../shared/errors.js';
import { parseRecipientList } from '../secrets/age-keys.js';
import { writeFileAtomic } from '../shared/atomic-file.js';
import { addRecipients, decryptFile, editFile, encryptFile, fileContext, removeRecipients } from '../secrets/secrets-file.js';
import type { GlobalOptions } from './context.js';

const ACTIONS = ['encrypt', 'decrypt', 'edit', 'add-recipient', 'remove-recipient', 'verify'] as const;

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

  switch (action) {
    case 'encrypt': {
      const text = await encryptFile(ctx, { recipients: ageFlag, targetPath: o.out ?? ctx.abs });
      await emit(text, ctx.abs, o);
      return EXIT.ok;
    }
    case 'decrypt': {
      if (o.inPlace) throw new UserError('decrypt never writes plaintext in place; print to stdout or name a file with --out PATH');
      const r = await decryptFile(ctx);
      await emit(r.plaintext, ctx.abs, o, 0o600);
      return EXIT.ok;
    }
    case 'verify': {
      const r = await decryptFile(ctx);
      process.stdout.write(`${ctx.shown}: OK — ${r.counts.values} values and ${r.counts.comments} comments authenticated, MAC verified, recipients ${r.metadata.age.map((a) => a.recipient).join(', ')}\n`);
      return EXIT.ok;
    }
    case 'edit': {
      if (o.inPlace) throw new UserError('edit always writes back to FILE; --in-place is not needed');
      const interactive = !!process.stdin.isTTY && !!process.stderr.isTTY;
      const result = await editFile(ctx, interactive ? { onInvalid: askRetry } : {});
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
      const text = action === 'add-recipient' ? await addRecipients(ctx, ageFlag) : await removeRecipients(ctx, ageFlag);
      await emit(text, ctx.abs, o);
      if (o.inPlace || o.out) process.stderr.write(`${o.out ?? ctx.shown}: ${action === 'add-recipient' ? 'recipient added' : 'recipient removed, data key rotated'}\n`);
      return EXIT.ok;
    }
  }
  return EXIT.usage;
}
