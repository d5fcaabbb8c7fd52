/** Atomic file writes (temp file in the same folder + rename). */
import fs from 'node:fs';
import path from 'node:path';

/** Writes `text` to `file` atomically, creating folders as needed. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  await fs.promises.writeFile(tmp, text, 'utf8');
  await fs.promises.rename(tmp, file);
}
