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
  const { mode = 0o644, create = false } = typeof opts === 'number' ? { mode: opts } : opts;
  const dir = path.dirname(path.resolve(file));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fh = await fs.open(tmp, 'wx', mode);
    try {
      await fh.writeFile(data);
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
