/**
 * `opsbook new <kind> [--set key=value …] [--dry-run]`: creates a record that
 * is valid by construction — values typed by the schema, the next free id,
 * the right path, times in +08:00 — checked with the real validator before it
 * is written (atomically, never over an existing file). On a terminal,
 * missing required fields are asked for; otherwise they must come as flags.
 */
import path from 'node:path';
import { UserError, formatDiagnostic } from '../shared/errors.js';
import { formatCst } from '../shared/time.js';
import { FORMATS } from '../records/index.js';
import {
  NEW_KINDS, defaultsFor, fieldSchema, kindSchema, nextRecordId, orderLikeSchema, parseSets, recordPath, renderRecordYaml, type NewKind,
} from '../authoring/index.js';
import { checkRecordText } from '../records/index.js';
import { writeFileAtomic } from '../shared/atomic-file.js';
import type { GlobalOptions } from './context.js';

/** Optional fields worth asking for on a terminal, per kind. */
const ASK_OPTIONAL: Partial<Record<NewKind, string[]>> = {
  ticket: ['description', 'department', 'module', 'engineers'],
  inspection: ['engineers'],
  change: ['description', 'agreed_date'],
  db_operation: ['engineers', 'ticket'],
};

function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    out[k] = cur && v && typeof cur === 'object' && typeof v === 'object' && !Array.isArray(cur) && !Array.isArray(v) ? merge(cur as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

function missingRequired(kind: NewKind, data: Record<string, unknown>): string[] {
  const s = kindSchema(kind);
  const req = [...(s.required ?? [])].filter((k) => k !== 'id' && data[k] === undefined);
  if (kind === 'ticket' && data.category === 'interface' && data.interface === undefined) req.push('interface');
  return req;
}

function hint(kind: NewKind, key: string): string {
  const s = fieldSchema(kind, key);
  const values = s?.enum ?? (s?.items && 'enum' in (s.items as object) ? (s.items as { enum?: unknown[] }).enum : undefined);
  const label = s?.title ? ` (${s.title})` : '';
  return `--set ${key}=${values ? values.join('|') : '…'}${label}`;
}

async function ask(kind: NewKind, key: string, now: number, required: boolean): Promise<unknown> {
  const p = await import('@inquirer/prompts');
  const s = fieldSchema(kind, key) ?? {};
  const message = `${s.title ?? key} (${key})${required ? '' : ' — optional, Enter to skip'}`;
  const itemEnum = (s.items as { enum?: unknown[] } | undefined)?.enum;
  if (s.enum) return p.select({ message, choices: s.enum.map((v) => ({ name: String(v), value: v })) });
  if (s.type === 'array' && itemEnum) {
    const picked = await p.checkbox({ message, choices: itemEnum.map((v) => ({ name: String(v), value: v })), required });
    return picked.length ? picked : undefined;
  }
  if (s.type === 'boolean') return p.confirm({ message, default: false });
  const fmt = s.format ? FORMATS[s.format] : undefined;
  const def = s.format === 'offset-date-time' || s.format === 'date-or-offset-date-time' ? formatCst(now) : undefined;
  const text = await p.input({
    message, default: def,
    validate: (v) => (v === '' ? (required ? 'required' : true) : fmt && !fmt(v) ? `expected ${s.format === 'civil-date' ? 'YYYY-MM-DD' : 'a time with offset, e.g. 2026-03-14T10:13:00+08:00'}` : true),
  });
  if (text === '') return undefined;
  if (s.type === 'array') return text.split(',').map((x) => x.trim()).filter(Boolean);
  if (s.type === 'integer') return Number(text);
  return text;
}

export async function run(args: string[], opts: Record<string, unknown>, g: GlobalOptions): Promise<number> {
  const kind = args[0] as NewKind;
  if (!(NEW_KINDS as readonly string[]).includes(kind)) throw new UserError(`Unexpected kind \`${args[0]}\`, expected one of ${NEW_KINDS.join(', ')}`);
  const sets = Array.isArray(opts.set) ? (opts.set as string[]) : typeof opts.set === 'string' ? [opts.set] : [];
  let data = merge(defaultsFor(kind, g.asOf), parseSets(kind, sets));
  const interactive = !!process.stdin.isTTY && !!process.stderr.isTTY;
  let missing = missingRequired(kind, data);
  if (missing.length && interactive) {
    for (const key of missing) {
      const v = await ask(kind, key, g.asOf, true);
      if (v !== undefined) data[key] = v;
      if (key === 'category' && kind === 'ticket' && v === 'interface' && data.interface === undefined) data.interface = await ask(kind, 'interface', g.asOf, true);
    }
    for (const key of ASK_OPTIONAL[kind] ?? []) {
      if (data[key] !== undefined) continue;
      const v = await ask(kind, key, g.asOf, false);
      if (v !== undefined) data[key] = v;
    }
    missing = missingRequired(kind, data);
  }
  if (missing.length) {
    throw new UserError(`Unexpected missing ${missing.map((k) => `\`${k}\``).join(', ')} for a new ${kind}, expected ${missing.map((k) => hint(kind, k)).join(' ')} (or run in a terminal to be asked)`);
  }
  let id: string;
  let rel: string;
  if (typeof data.id === 'string') {
    id = data.id;
    rel = recordPath(kind, id, data);
  } else {
    ({ id, path: rel } = nextRecordId(g.root, kind, data));
  }
  data = orderLikeSchema(kind, { ...data, id });
  const text = renderRecordYaml(data);
  const diagnostics = await checkRecordText(g.root, rel, kind, text);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (opts.dryRun) {
    process.stdout.write(text);
    process.stderr.write(errors.length ? `✖ ${rel} would be invalid (${errors.length} error(s))\n` : `✔ ${rel} would be valid (dry run, nothing written)\n`);
    return errors.length ? 1 : 0;
  }
  if (errors.length) {
    process.stderr.write(`✖ ${rel} not written: ${errors.length} error(s)\n`);
    return 1;
  }
  await writeFileAtomic(path.join(g.root, rel), text, { create: true });
  process.stdout.write(`${rel}\n`);
  process.stderr.write(`✔ created ${rel} (${id})\n`);
  return 0;
}
