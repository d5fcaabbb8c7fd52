/**
 * Lists what the guard reads under a KB root: every entry below the scanned
 * top-level folders (records/, docs/, every `*_versioned_docs/`, static/,
 * src/, …) as Git stores it. Only `.git` is never descended into: a folder
 * called `build` or `node_modules` inside records/ is committed content like
 * any other. Symbolic links are listed as links (never followed: a link may
 * point outside the root) and anything that is neither a file, a folder nor a
 * link (FIFO, socket, device) as `special` (never opened: reading a FIFO
 * blocks). Paths are KB-relative with forward slashes, sorted.
 */
import { lstat, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';

/** Folders never descended into. */
export const SKIP_DIRS = new Set(['.git']);

/** Extensions of files that are normally binary (images, fonts, archives, office files). */
export const BINARY_EXTENSIONS = new Set(
  ('png jpg jpeg gif webp avif bmp ico icns tif tiff psd svgz pdf doc docx xls xlsx ppt pptx odt ods odp zip gz tgz bz2 xz 7z rar tar zst ' +
    'jar war woff woff2 ttf otf eot mp3 mp4 m4a wav ogg webm mov avi exe dll so dylib bin dat db sqlite class pyc age gpg wasm')
    .split(' ')
    .map((e) => `.${e}`),
);

/** One entry under a scanned folder. */
export interface KbEntry {
  /** KB-relative path, forward slashes. */
  path: string;
  kind: 'file' | 'symlink' | 'special';
  /** For symlinks: the link text (not resolved). */
  target?: string;
}

/** Top-level folders whose names mark them as published docs (`aims_versioned_docs`, …) or site sources. */
export function siteDirs(topLevel: readonly string[]): string[] {
  return topLevel.filter((d) => /_versioned_docs$/.test(d));
}

/** Entries under `dirs` (missing folders are skipped; a top-level folder that is itself a link is listed as a link). */
export async function listKbEntries(root: string, dirs: readonly string[]): Promise<KbEntry[]> {
  const out: KbEntry[] = [];
  const link = async (rel: string): Promise<KbEntry> => {
    let target = '';
    try {
      target = await readlink(path.join(root, rel));
    } catch {
      // unreadable link text: still a link
    }
    return { path: rel, kind: 'symlink', target };
  };
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
      if (e.isSymbolicLink()) out.push(await link(child));
      else if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) await visit(child);
      } else if (e.isFile()) out.push({ path: child, kind: 'file' });
      else out.push({ path: child, kind: 'special' });
    }
  };
  for (const d of dirs) {
    const rel = d.replace(/\\/g, '/').replace(/\/+$/, '');
    let st;
    try {
      st = await lstat(path.join(root, rel));
    } catch {
      continue;
    }
    if (st.isSymbolicLink()) out.push(await link(rel));
    else if (st.isDirectory()) await visit(rel);
    else if (st.isFile()) out.push({ path: rel, kind: 'file' });
  }
  const seen = new Set<string>();
  return out.filter((e) => (seen.has(e.path) ? false : (seen.add(e.path), true))).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** KB-relative paths of regular files under `dirs` (kept for callers that only want files). */
export async function listKbFiles(root: string, dirs: readonly string[]): Promise<string[]> {
  return (await listKbEntries(root, dirs)).filter((e) => e.kind === 'file').map((e) => e.path);
}
