/**
 * File-level operations behind `opsbook secrets …`: encrypt, decrypt,
 * verify, edit, add/remove recipients. Returns texts and results; never
 * prints. Hand-over manifests (records/handover/*.sops.yaml) are checked
 * against their schema whenever plaintext passes through.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isAgeRecipient, loadIdentities, wrapDataKey } from './age-keys.js';
import { makePlaintextDir, removeStalePlaintextDirs, wipeDirSync } from './plaintext-dir.js';
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

/**
 * Refuses a file whose stanza labels are proven wrong (a stanza opened with
 * the identity of another recipient, or wrapping a key that does not
 * authenticate the file): re-wrapping for such labels would hand the data
 * key to whoever the label names.
 */
function assertLabelsTrustworthy(ctx: FileContext, r: DecryptResult): void {
  const bad = r.stanzas.filter((st) => st.status === 'label-mismatch' || st.status === 'wrong-key');
  if (bad.length === 0) return;
  throw new SopsError(
    'integrity',
    { file: ctx.shown, ...r.metadata.blockPos },
    `Refused: ${bad.map((b) => b.message).join('; ')}. The recipient labels of this file cannot be trusted; re-create it from a trusted plaintext with \`opsbook secrets encrypt\``,
  );
}

/** The recipients `.sops.yaml` names for this file, or null when no creation rule covers it. */
export function configuredRecipients(ctx: FileContext): { recipients: string[]; source: string } | null {
  const rules = readSopsConfig(ctx.root);
  const rule = rules ? creationRuleFor(rules, ctx.root, ctx.abs) : null;
  if (!rule || rule.recipients.length === 0) return null;
  return { recipients: rule.recipients, source: `.sops.yaml creation_rules[${rule.index}]` };
}

function noRule(ctx: FileContext, action: string): SopsError {
  return new SopsError('key', { file: ctx.shown }, `${action} needs the recipients from a .sops.yaml creation rule covering this file (none does); name the complete list with \`opsbook secrets rotate ${ctx.shown} --age age1…,age1…\` (the file's own labels are never trusted)`);
}

/** Result of a key operation: the new text and notes for stderr. */
export interface KeyOpResult {
  text: string;
  warnings: string[];
  recipients: string[];
}

function checkRecipients(ctx: FileContext, list: string[]): void {
  for (const rec of list) {
    if (!isAgeRecipient(rec)) throw new SopsError('key', { file: ctx.shown }, `Unexpected age recipient \`${rec}\`, expected age1…`);
  }
}

/** Re-wraps the (unchanged) data key for exactly `recipients`: values, comments and MAC stay as they are. */
async function rewrap(ctx: FileContext, text: string, r: DecryptResult, recipients: string[]): Promise<string> {
  const { pf, metadata } = readSopsFile(text, ctx.shown, formatOf(ctx.abs));
  const age = [];
  for (const rec of recipients) age.push({ recipient: rec, enc: await wrapDataKey(r.dataKey, rec) });
  appendMetadata(pf.docs, metadataNode({ ...metadata, age }, pf.format));
  return serialize(pf);
}

/**
 * Adds age recipients: the data key is wrapped afresh for the recipients of
 * `.sops.yaml` plus `add` (never for labels read from the file); values and
 * MAC are unchanged.
 */
export async function addRecipients(ctx: FileContext, add: string[], env: NodeJS.ProcessEnv = process.env): Promise<KeyOpResult> {
  const text = await readText(ctx);
  const r = await decryptFile(ctx, env); // verifies the file before touching it
  assertAgeOnly(ctx, r);
  assertLabelsTrustworthy(ctx, r);
  checkRecipients(ctx, add);
  const configured = configuredRecipients(ctx);
  if (!configured) throw noRule(ctx, 'add-recipient');
  const warnings: string[] = [];
  const current = r.metadata.age.map((a) => a.recipient.trim());
  for (const rec of add) {
    if (current.includes(rec) && configured.recipients.includes(rec)) throw new SopsError('key', { file: ctx.shown }, `Recipient ${rec} is already in the file`);
    if (!configured.recipients.includes(rec)) warnings.push(`${ctx.shown}  warning: ${rec} is not in ${configured.source}; add it there too, or the guard reports the file as not matching .sops.yaml`);
  }
  const recipients = [...new Set([...configured.recipients, ...add])];
  return { text: await rewrap(ctx, text, r, recipients), warnings, recipients };
}

/**
 * Removes age recipients and rotates the data key: every value is
 * re-encrypted with a new key wrapped for the recipients of `.sops.yaml`
 * minus `remove` (never for labels read from the file).
 */
export async function removeRecipients(ctx: FileContext, remove: string[], env: NodeJS.ProcessEnv = process.env, now?: number): Promise<KeyOpResult> {
  const r = await decryptFile(ctx, env);
  assertAgeOnly(ctx, r);
  assertLabelsTrustworthy(ctx, r);
  checkRecipients(ctx, remove);
  const configured = configuredRecipients(ctx);
  if (!configured) throw noRule(ctx, 'remove-recipient');
  const current = r.metadata.age.map((a) => a.recipient.trim());
  for (const rec of remove) {
    if (!current.includes(rec) && !configured.recipients.includes(rec)) throw new SopsError('key', { file: ctx.shown }, `Recipient ${rec} is not in the file (recipients: ${current.join(', ')})`);
  }
  const warnings: string[] = [];
  for (const rec of remove) {
    if (configured.recipients.includes(rec)) warnings.push(`${ctx.shown}  warning: ${configured.source} still names ${rec}; remove it there too, or the guard reports the file as not matching .sops.yaml (and the next encrypt wraps for it again)`);
  }
  const keep = configured.recipients.filter((c) => !remove.includes(c));
  if (keep.length === 0) throw new SopsError('key', { file: ctx.shown }, 'Cannot remove the last recipient: nobody could decrypt the file');
  const text = await encryptText(r.plaintext, { file: ctx.shown, format: formatOf(ctx.abs), recipients: keep, rule: r.metadata.rule, macOnlyEncrypted: r.metadata.macOnlyEncrypted, now });
  return { text, warnings, recipients: keep };
}

/**
 * Rotates the data key: every value is re-encrypted with a new key wrapped
 * for `recipients` (the explicit `--age` list) or else the recipients and
 * rule of `.sops.yaml`; the file's own labels are never used.
 */
export async function rotateFile(ctx: FileContext, recipients: string[] = [], env: NodeJS.ProcessEnv = process.env, now?: number): Promise<KeyOpResult> {
  const r = await decryptFile(ctx, env);
  assertAgeOnly(ctx, r);
  assertLabelsTrustworthy(ctx, r);
  checkRecipients(ctx, recipients);
  const rules = readSopsConfig(ctx.root);
  const rule = rules ? creationRuleFor(rules, ctx.root, ctx.abs) : null;
  const target = recipients.length > 0 ? recipients : rule?.recipients ?? [];
  if (target.length === 0) throw noRule(ctx, 'rotate');
  const text = await encryptText(r.plaintext, {
    file: ctx.shown,
    format: formatOf(ctx.abs),
    recipients: [...new Set(target)],
    rule: rule?.rule ?? r.metadata.rule,
    macOnlyEncrypted: rule ? rule.macOnlyEncrypted : r.metadata.macOnlyEncrypted,
    now,
  });
  return { text, warnings: [], recipients: [...new Set(target)] };
}

export interface EditOptions {
  env?: NodeJS.ProcessEnv;
  /** Called when the edited text is invalid; return true to reopen the editor, false to give up. */
  onInvalid?: (message: string) => Promise<boolean>;
  now?: number;
  /**
   * Ignore SIGINT while the editor runs (an interactive terminal sends
   * Ctrl-C to the editor too, which handles it). SIGTERM and SIGHUP always
   * end the edit; without a terminal SIGINT does too.
   */
  interactive?: boolean;
  /** Called (on the CLI side) with warnings such as stale folders removed. */
  onWarning?: (line: string) => void;
}

export type EditResult = { changed: false } | { changed: true; text: string };

/** Exit code for an edit ended by a signal (128 + signal number, as shells report it). */
const SIGNAL_EXIT: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/**
 * Decrypts to a private temp file (0600 in a 0700 directory on a tmpfs such
 * as /dev/shm where there is one), runs $EDITOR (fallback vi), re-encrypts
 * with the same data key reusing the ciphertext of unchanged values, and
 * always overwrites every file of the temp folder with zeros (the editor's
 * swap and backup files too) and deletes it — also when SIGINT, SIGTERM or
 * SIGHUP ends the edit. Stale folders of this user left by a killed edit
 * are removed first, with a warning.
 */
export async function editFile(ctx: FileContext, opts: EditOptions = {}): Promise<EditResult> {
  const env = opts.env ?? process.env;
  for (const removed of removeStalePlaintextDirs(env)) opts.onWarning?.(`warning: removed ${removed}, plaintext left by an interrupted \`secrets edit\``);
  const r = await decryptFile(ctx, env);
  assertAgeOnly(ctx, r);
  assertLabelsTrustworthy(ctx, r);
  for (const w of r.warnings) opts.onWarning?.(w);
  // Recipients: those of .sops.yaml where a rule covers the file (stanzas proven to be theirs are kept,
  // the others wrapped afresh); else the file's stanzas exactly as they are (nothing new is wrapped for a label).
  const configured = configuredRecipients(ctx);
  const proven = r.metadata.age.filter((_, i) => r.stanzas[i]?.status === 'opened');
  const recipients = configured ? configured.recipients : r.metadata.age.map((a) => a.recipient);
  const wrapped = configured ? proven : r.metadata.age;
  const editor = (env.EDITOR || env.VISUAL || 'vi').trim().split(/\s+/);
  const dir = makePlaintextDir(env);
  const tmp = path.join(dir, path.basename(ctx.abs).replace(/\.sops(\.[^.]+)$/, '$1'));
  let child: ChildProcess | undefined;
  let interrupted: NodeJS.Signals | undefined;
  const onSignal = (sig: NodeJS.Signals) => {
    if (sig === 'SIGINT' && opts.interactive && child) return; // the editor got Ctrl-C too
    interrupted = sig;
    wipeDirSync(dir);
    if (child && child.exitCode === null) child.kill('SIGTERM');
  };
  const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((sig) => {
    const h = () => onSignal(sig);
    process.on(sig, h);
    return [sig, h] as const;
  });
  const stopped = () => new UserError(`${ctx.shown}  Edit interrupted by ${interrupted}: plaintext wiped, file unchanged`, { exitCode: SIGNAL_EXIT[interrupted!] ?? 130 });
  try {
    await fs.writeFile(tmp, r.plaintext, { mode: 0o600, flag: 'wx' });
    for (;;) {
      if (interrupted) throw stopped();
      const run = await new Promise<{ status: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
        child = spawn(editor[0]!, [...editor.slice(1), tmp], { stdio: 'inherit', env });
        child.on('error', (error) => resolve({ status: null, signal: null, error }));
        child.on('exit', (status, signal) => resolve({ status, signal }));
      });
      child = undefined;
      if (interrupted) throw stopped();
      if (run.error) throw new SopsError('key', { file: ctx.shown }, `Cannot run editor \`${editor.join(' ')}\`: ${(run.error as NodeJS.ErrnoException).code ?? run.error.message}; file unchanged`);
      if (run.status !== 0) throw new SopsError('format', { file: ctx.shown }, `Editor exited with status ${run.status ?? run.signal}; file unchanged`);
      const edited = await fs.readFile(tmp, 'utf8');
      if (edited === r.plaintext) return { changed: false };
      try {
        checkHandover(ctx, edited);
        const text = await encryptText(edited, {
          file: ctx.shown,
          format: formatOf(ctx.abs),
          recipients,
          rule: r.metadata.rule,
          macOnlyEncrypted: r.metadata.macOnlyEncrypted,
          dataKey: r.dataKey,
          stash: r.stash,
          wrapped,
          now: opts.now,
        });
        if (interrupted) throw stopped();
        return { changed: true, text };
      } catch (err) {
        if (!(err instanceof SopsError) || !opts.onInvalid || !(await opts.onInvalid(err.message))) {
          if (err instanceof SopsError) throw new SopsError(err.kind, { file: ctx.shown }, `Edit rejected, file unchanged: ${err.message.replace(/^\S+\s+/, '')}`);
          throw err;
        }
      }
    }
  } finally {
    for (const [sig, h] of handlers) process.off(sig, h);
    wipeDirSync(dir);
  }
}

export { recoverDataKey };
