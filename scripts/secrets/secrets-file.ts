/**
 * File-level operations behind `opsbook secrets …`: encrypt, decrypt,
 * verify, edit, add/remove recipients. Returns texts and results; never
 * prints. Hand-over manifests (records/handover/*.sops.yaml) are checked
 * against their schema whenever plaintext passes through.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAgeRecipient, loadIdentities, wrapDataKey } from './age-keys.js';
import { wipeFile } from '../shared/atomic-file.js';
import { creationRuleFor, readSopsConfig } from './sops-config.js';
import { decryptText, encryptText, readSopsFile, recoverDataKey, type DecryptResult } from './sops-codec.js';
import { SopsError, readProblem } from './sops-error.js';
import { UserError } from '../shared/errors.js';
import { appendMetadata, metadataNode } from './sops-metadata.js';
import { validateHandoverText } from './handover-schema.js';
import { formatOf, serialize } from './yaml-io.js';

/** Where a file is and how to name it in messages. */
export interface FileContext {
  /** Absolute path. */
  abs: string;
  /** Path for messages: relative to the root when inside it. */
  shown: string;
  root: string;
}

/** Resolves a FILE argument against the current directory and names it relative to the root. */
export function fileContext(root: string, file: string): FileContext {
  const abs = path.resolve(file);
  const rel = path.relative(root, abs);
  const shown = rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
  return { abs, shown, root };
}

/** True for hand-over manifests: `records/handover/<name>.sops.yaml` under the root. */
export function isHandoverFile(ctx: FileContext): boolean {
  return /^records\/handover\/[^/]+\.sops\.ya?ml$/.test(ctx.shown);
}

async function readText(ctx: FileContext): Promise<string> {
  try {
    return await fs.readFile(ctx.abs, 'utf8');
  } catch (err) {
    throw new SopsError('format', { file: ctx.shown }, readProblem(err));
  }
}

/** Identities as sops finds them, with their sources (for messages). */
export function identitiesFromEnv(env: NodeJS.ProcessEnv = process.env): { identities: string[]; sources: string[] } {
  let found;
  try {
    found = loadIdentities(env);
  } catch (err) {
    throw new UserError((err as Error).message);
  }
  return { identities: found.flatMap((f) => f.identities), sources: found.map((f) => f.source) };
}

function checkHandover(ctx: FileContext, plaintext: string): void {
  if (!isHandoverFile(ctx)) return;
  const problems = validateHandoverText(plaintext);
  if (problems.length > 0) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new SopsError('schema', { file: ctx.shown }, `Hand-over manifest does not match handover.schema.json: ${first.path}: ${first.message}${more}`);
  }
}

export interface EncryptFileOptions {
  /** Recipients from `--age`; else `.sops.yaml` creation_rules at the root. */
  recipients?: string[];
  /** The path whose creation rule applies (default: the input file). */
  targetPath?: string;
  now?: number;
}

/** Encrypts a plaintext file; returns the sops text. */
export async function encryptFile(ctx: FileContext, opts: EncryptFileOptions = {}): Promise<string> {
  const text = await readText(ctx);
  const target = fileContext(ctx.root, opts.targetPath ?? ctx.abs);
  const rules = readSopsConfig(ctx.root);
  const rule = rules ? creationRuleFor(rules, ctx.root, target.abs) : null;
  const recipients = opts.recipients?.length ? opts.recipients : rule?.recipients ?? [];
  if (recipients.length === 0) {
    const why = rules ? `no creation rule in .sops.yaml matches ${target.shown}` : 'no .sops.yaml at the root';
    throw new SopsError('key', { file: ctx.shown }, `No age recipients: give --age age1… (${why})`);
  }
  checkHandover(target, text);
  checkHandover(ctx, text);
  return encryptText(text, {
    file: ctx.shown,
    format: formatOf(ctx.abs),
    recipients,
    rule: rule?.rule,
    macOnlyEncrypted: rule?.macOnlyEncrypted,
    now: opts.now,
  });
}

/** Decrypts and verifies a sops file (tags, comments, MAC; hand-over schema). */
export async function decryptFile(ctx: FileContext, env: NodeJS.ProcessEnv = process.env): Promise<DecryptResult> {
  const text = await readText(ctx);
  const { identities, sources } = identitiesFromEnv(env);
  const result = await decryptText(text, { file: ctx.shown, format: formatOf(ctx.abs), identities, identitySources: sources });
  checkHandover(ctx, result.plaintext);
  return result;
}

function assertAgeOnly(ctx: FileContext, r: DecryptResult): void {
  if (r.metadata.otherKeyTypes.length > 0) {
    throw new SopsError('format', { file: ctx.shown, ...r.metadata.blockPos }, `File also has ${r.metadata.otherKeyTypes.join(', ')} keys, which this tool cannot re-wrap (use sops)`);
  }
}

/** Adds age recipients (the data key is re-wrapped; values and MAC are unchanged). */
export async function addRecipients(ctx: FileContext, add: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const text = await readText(ctx);
  const r = await decryptFile(ctx, env); // verifies the file before touching it
  assertAgeOnly(ctx, r);
  const { pf, metadata } = readSopsFile(text, ctx.shown, formatOf(ctx.abs));
  const age = [...metadata.age];
  for (const rec of add) {
    if (!isAgeRecipient(rec)) throw new SopsError('key', { file: ctx.shown }, `Unexpected age recipient \`${rec}\`, expected age1…`);
    if (age.some((a) => a.recipient === rec)) throw new SopsError('key', { file: ctx.shown }, `Recipient ${rec} is already in the file`);
    age.push({ recipient: rec, enc: await wrapDataKey(r.dataKey, rec) });
  }
  appendMetadata(pf.docs, metadataNode({ ...metadata, age }, pf.format));
  return serialize(pf);
}

/** Removes age recipients and rotates the data key: every value is re-encrypted with a new key. */
export async function removeRecipients(ctx: FileContext, remove: string[], env: NodeJS.ProcessEnv = process.env, now?: number): Promise<string> {
  const r = await decryptFile(ctx, env);
  assertAgeOnly(ctx, r);
  const current = r.metadata.age.map((a) => a.recipient);
  for (const rec of remove) {
    if (!current.includes(rec)) throw new SopsError('key', { file: ctx.shown }, `Recipient ${rec} is not in the file (recipients: ${current.join(', ')})`);
  }
  const keep = current.filter((c) => !remove.includes(c));
  if (keep.length === 0) throw new SopsError('key', { file: ctx.shown }, 'Cannot remove the last recipient: nobody could decrypt the file');
  return encryptText(r.plaintext, {
    file: ctx.shown,
    format: formatOf(ctx.abs),
    recipients: keep,
    rule: r.metadata.rule,
    macOnlyEncrypted: r.metadata.macOnlyEncrypted,
    now,
  });
}

export interface EditOptions {
  env?: NodeJS.ProcessEnv;
  /** Called when the edited text is invalid; return true to reopen the editor, false to give up. */
  onInvalid?: (message: string) => Promise<boolean>;
  now?: number;
}

export type EditResult = { changed: false } | { changed: true; text: string };

/**
 * Decrypts to a private temp file (0600 in a 0700 directory), runs $EDITOR
 * (fallback vi), re-encrypts with the same data key reusing the ciphertext
 * of unchanged values, and always overwrites the temp file with zeros and
 * deletes it.
 */
export async function editFile(ctx: FileContext, opts: EditOptions = {}): Promise<EditResult> {
  const env = opts.env ?? process.env;
  const r = await decryptFile(ctx, env);
  assertAgeOnly(ctx, r);
  const editor = (env.EDITOR || env.VISUAL || 'vi').trim().split(/\s+/);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'opsbook-secrets-'));
  await fs.chmod(dir, 0o700);
  const tmp = path.join(dir, path.basename(ctx.abs).replace(/\.sops(\.[^.]+)$/, '$1'));
  try {
    await fs.writeFile(tmp, r.plaintext, { mode: 0o600, flag: 'wx' });
    for (;;) {
      const run = spawnSync(editor[0]!, [...editor.slice(1), tmp], { stdio: 'inherit', env });
      if (run.error) throw new SopsError('key', { file: ctx.shown }, `Cannot run editor \`${editor.join(' ')}\`: ${(run.error as NodeJS.ErrnoException).code ?? run.error.message}; file unchanged`);
      if (run.status !== 0) throw new SopsError('format', { file: ctx.shown }, `Editor exited with status ${run.status ?? run.signal}; file unchanged`);
      const edited = await fs.readFile(tmp, 'utf8');
      if (edited === r.plaintext) return { changed: false };
      try {
        checkHandover(ctx, edited);
        const text = await encryptText(edited, {
          file: ctx.shown,
          format: formatOf(ctx.abs),
          recipients: r.metadata.age.map((a) => a.recipient),
          rule: r.metadata.rule,
          macOnlyEncrypted: r.metadata.macOnlyEncrypted,
          dataKey: r.dataKey,
          stash: r.stash,
          wrapped: r.metadata.age,
          now: opts.now,
        });
        return { changed: true, text };
      } catch (err) {
        if (!(err instanceof SopsError) || !opts.onInvalid || !(await opts.onInvalid(err.message))) {
          if (err instanceof SopsError) throw new SopsError(err.kind, { file: ctx.shown }, `Edit rejected, file unchanged: ${err.message.replace(/^\S+\s+/, '')}`);
          throw err;
        }
      }
    }
  } finally {
    await wipeFile(tmp);
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export { recoverDataKey };
