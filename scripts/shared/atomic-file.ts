/**
 * Atomic writes (temp file in the same directory + rename) and wiping of
 * plaintext temp files.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Writes `data` to `file` atomically; `mode` applies to the new file (default 0644). */
export async function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let fh: fs.FileHandle | undefined;
  try {
    fh = await fs.open(tmp, 'wx', mode);
    await fh.writeFile(data);
    await fh.sync();
    await fh.close();
    fh = undefined;
    await fs.rename(tmp, file);
  } catch (err) {
    await fh?.close().catch(() => {});
    await fs.rm(tmp, { force: true });
    throw err;
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
