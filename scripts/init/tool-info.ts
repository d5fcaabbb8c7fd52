/**
 * What `opsbook init` pins in the new knowledge base: the version of the
 * opsbook it runs from and how that copy was installed (a registry version,
 * or a `file:` tarball path made relative to the new KB), plus the site's
 * browserslist and the Node range from the tool's own package.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ToolInfo } from './project-templates.js';

/** The package root of this opsbook (scripts/init/… or dist/init/… → two levels up). */
export const TOOL_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Pkg {
  name?: string;
  version?: string;
  engines?: { node?: string };
  browserslist?: unknown;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const readPkg = (dir: string): Pkg | null => {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Pkg;
  } catch {
    return null;
  }
};

/** The project whose node_modules holds `toolRoot`, or null for a checkout of opsbook itself. */
export function installingProject(toolRoot: string): string | null {
  const parent = path.dirname(toolRoot);
  return path.basename(parent) === 'node_modules' ? path.dirname(parent) : null;
}

/**
 * @param kbDir the new knowledge base's folder
 * @param toolRoot this opsbook's package root
 */
export function toolInfo(kbDir: string, toolRoot = TOOL_ROOT): ToolInfo {
  const pkg = readPkg(toolRoot) ?? {};
  const version = pkg.version ?? '0.0.0';
  const fileSpec = (abs: string) => {
    const rel = path.relative(path.resolve(kbDir), abs).split(path.sep).join('/');
    return `file:${rel === '' ? '.' : rel}`;
  };
  let spec = version;
  const project = installingProject(toolRoot);
  if (project) {
    const p = readPkg(project);
    const given = p?.dependencies?.opsbook ?? p?.devDependencies?.opsbook;
    if (given?.startsWith('file:')) spec = fileSpec(path.resolve(project, given.slice('file:'.length)));
    else if (given) spec = given;
  } else {
    spec = fileSpec(toolRoot); // a development checkout
  }
  return { version, spec, browserslist: pkg.browserslist ?? ['>0.5%', 'not dead', 'not op_mini all'], engines: pkg.engines?.node ?? '>=20.11' };
}

/** A `file:` spec that points outside the KB (CI cannot install it from a clone), else null. */
export function specOutsideKb(spec: string): string | null {
  if (!spec.startsWith('file:')) return null;
  const rel = spec.slice('file:'.length);
  return rel.startsWith('..') || path.isAbsolute(rel) ? rel : null;
}
