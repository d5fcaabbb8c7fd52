/**
 * Atomic writes (temp file in the same directory, flushed, then renamed over
 * the target — or hard-linked to it when creating, so an existing file is
 * never overwritten even by a concurrent writer) and wiping of plaintext
 * temp files. The one place every domain writes files through.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError } from './errors.js';

export interface AtomicWriteOptions {
  /** Mode of the new file (default 0644). */
  mode?: number;
  /** Refuse to overwrite an existing file (UserError). */
  create?: boolean;
}

/**
 * Writes `data` to `file` atomically, creating parent folders.
 * @param file target path
 * @param data content
 * @param opts mode (number, for compatibility) or options
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, opts: number | AtomicWriteOptions = {}): Promise<void> {
  await atomically(file, opts, (fh) => fh.writeFile(data));
}

/**
 * Writes `value` as JSON (exactly `JSON.stringify(value, null, 2)` plus a final newline) to `file` atomically,
 * a piece at a time: a result of hundreds of MB is never one string in memory (nor past V8's string limit).
 * @param file target path
 * @param value JSON-serialisable value
 */
export async function writeJsonAtomic(file: string, value: unknown, opts: AtomicWriteOptions = {}): Promise<void> {
  await atomically(file, opts, async (fh) => {
    // pieces gathered in an array and joined per chunk: `buf += piece` built a rope of thousands of small
    // strings that outlived the young generation and grew the old one (hundreds of MB at 100k tickets)
    let parts: string[] = [];
    let size = 0;
    for (const piece of jsonPieces(value)) {
      parts.push(piece);
      size += piece.length;
      if (size >= CHUNK) {
        await fh.write(parts.join(''));
        parts = [];
        size = 0;
      }
    }
    parts.push('\n');
    await fh.write(parts.join(''));
  });
}

/** Characters written at a time by writeJsonAtomic. */
const CHUNK = 1 << 18;

const STEP = '  ';

/** `JSON.stringify(v, null, 2)` with its lines indented by `ind` (undefined where JSON has no value). */
function native(v: unknown, ind: string): string | undefined {
  const s = JSON.stringify(v, null, 2) as string | undefined;
  return s === undefined || !ind ? s : s.replaceAll('\n', `\n${ind}`);
}

/**
 * Whether `v` is a small JSON tree (at most `budget` arrays, objects and values): one JSON.stringify is then
 * cheaper than its pieces, and its text is small.
 */
function small(v: unknown, budget: { n: number }): boolean {
  if (--budget.n < 0) return false;
  if (v === null || typeof v !== 'object') return true;
  if (Array.isArray(v)) {
    for (const x of v) if (!small(x, budget)) return false;
    return true;
  }
  for (const k in v) if (!small((v as Record<string, unknown>)[k], budget)) return false;
  return true;
}

/**
 * The pieces of `JSON.stringify(value, null, 2)`: large arrays and objects one element at a time, small
 * values (at most `wholeBelow` nodes), anything with `toJSON` and all below depth 8 by JSON.stringify itself.
 * @param wholeBelow node count under which a value is one piece (tests pass 0 to split every container)
 */
export function* jsonPieces(value: unknown, ind = '', depth = 0, wholeBelow = 2048): Generator<string> {
  if (depth >= 8 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function' || (wholeBelow > 0 && small(value, { n: wholeBelow }))) {
    yield native(value, ind) ?? 'null';
    return;
  }
  const inner = ind + STEP;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i ? ',' : ''}\n${inner}`;
      const v: unknown = value[i];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') yield 'null';
      else yield* jsonPieces(v, inner, depth + 1, wholeBelow);
    }
    yield `\n${ind}]`;
    return;
  }
  let first = true;
  for (const [k, v] of Object.entries(value)) {
    let text: string | undefined;
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      text = native(v, inner);
      if (text === undefined) continue;
    }
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(k)}: `;
    first = false;
    if (text !== undefined) yield text;
    else yield* jsonPieces(v, inner, depth + 1, wholeBelow);
  }
  yield first ? '{}' : `\n${ind}}`;
}

/** Writes through `write` into a temp file beside `file`, flushes, then renames (or links, with `create`). */
async function atomically(file: string, opts: number | AtomicWriteOptions, write: (fh: fs.FileHandle) => Promise<unknown>): Promise<void> {
  const { mode = 0o644, create = false } = typeof opts === 'number' ? { mode: opts } : opts;
  const dir = path.dirname(path.resolve(file));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fh = await fs.open(tmp, 'wx', mode);
    try {
      await write(fh);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (create) {
      try {
        await fs.link(tmp, file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError(`${file}: already exists; refusing to overwrite it (pick another id or edit the file)`);
        throw err;
      }
    } else {
      await fs.rename(tmp, file);
    }
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

/** Overwrites a file with zeros (same length), then deletes it. Missing file: no-op. */
export async function wipeFile(file: string): Promise<void> {
  let size: number;
  try {
    size = (await fs.stat(file)).size;
  } catch {
    return;
  }
  const fh = await fs.open(file, 'r+');
  try {
    await fh.write(Buffer.alloc(size), 0, size, 0);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.rm(file, { force: true });
}
