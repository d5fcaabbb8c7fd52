/**
 * Lists the files the guard reads under a KB root: everything below the
 * given top-level folders except `node_modules`, `build`, `.git`,
 * `.docusaurus`, symbolic links and files whose extension marks them binary.
 * Paths are KB-relative with forward slashes, sorted.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Folders never descended into. */
export const SKIP_DIRS = new Set(['node_modules', 'build', '.git', '.docusaurus', '.cache']);

/** Extensions of files that are binary (never text the guard can judge). */
export const BINARY_EXTENSIONS = new Set(
  ('png jpg jpeg gif webp bmp ico tif tiff psd svgz pdf doc docx xls xlsx ppt pptx odt ods odp zip gz tgz bz2 xz 7z rar tar ' +
    'jar war woff woff2 ttf otf eot mp3 mp4 m4a wav ogg webm mov avi exe dll so dylib bin dat db sqlite class pyc age gpg')
    .split(' ')
    .map((e) => `.${e}`),
);

/** KB-relative paths of candidate files under `dirs` (missing folders are skipped). */
export async function listKbFiles(root: string, dirs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const visit = async (rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path.join(root, rel), { withFileTypes: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      throw err;
    }
    for (const e of entries) {
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) await visit(child);
      } else if (e.isFile()) {
        if (!BINARY_EXTENSIONS.has(path.extname(e.name).toLowerCase())) out.push(child);
      }
    }
  };
  for (const d of dirs) await visit(d.replace(/\\/g, '/').replace(/\/+$/, ''));
  return out.sort();
}
