/**
 * Atomic file writes for authoring: the content goes to a temp file in the
 * same directory, is flushed, then either renamed over the target (replace)
 * or hard-linked to it (create: fails when the target exists, so a record is
 * never overwritten even by a concurrent writer).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError } from '../shared/errors.js';

/**
 * Writes `data` to `file` atomically.
 * @param opts.create true: refuse to overwrite an existing file (UserError)
 */
export async function writeFileAtomic(file: string, data: string, opts: { create?: boolean } = {}): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fh = await fs.open(tmp, 'wx', 0o644);
  try {
    await fh.writeFile(data, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    if (opts.create) {
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
