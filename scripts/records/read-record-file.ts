import fs from 'node:fs';
import path from 'node:path';

/**
 * Reads a record file; a file that cannot be read (permissions, a folder
 * named like a file, larger than Node can hold) becomes a message, not a crash.
 * @returns the bytes, or the message
 */
export function readRecordFile(root: string, rel: string): Buffer | string {
  try {
    // `rel` is KB-relative with forward slashes (valid on every platform): joined without path.join's normalising
    return fs.readFileSync(`${root}${path.sep}${rel}`);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return `Unexpected unreadable file (${code}), expected a readable record file`;
  }
}
