/**
 * A cache of checked records keyed by file content, behind the loader:
 * `<root>/build/.cache/records.json` maps the kind and SHA-1 of a record
 * file's bytes to the record's data as the checker produced it. Only files
 * that passed without any message are cached (problems are always found
 * afresh), the contract and calendars never (their normalisation depends on
 * code), and the cross-record rules always run over everything. The cache
 * names the tool version, the schemas' digest and PARSER_VERSION it was
 * made with; with anything else it is ignored and rewritten. Best effort:
 * a cache that cannot be read or written is no cache.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { RecordKind } from './registry.js';
import { schemasDigest } from './schema-validator.js';

/** Bump when what checkRecordFile returns for the same bytes changes (parsing, normalisation). */
export const PARSER_VERSION = 1;

const require = createRequire(import.meta.url);
const TOOL_VERSION = (() => {
  try {
    return (require('../../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
})();

interface CacheFile {
  format: string;
  entries: Record<string, Record<string, unknown>>;
}

export interface RecordCache {
  /** The cached data of these bytes, or undefined. */
  get(kind: RecordKind, bytes: Uint8Array): Record<string, unknown> | undefined;
  /** Remembers a record that passed without any message. */
  put(kind: RecordKind, bytes: Uint8Array, data: unknown): void;
  /** Entries in the cache file when it was opened. */
  size: number;
  /** Writes the cache when it changed (entries added, or entries no file used any more). */
  save(): void;
}

/** Kinds whose checked data depends only on the bytes and the schemas. */
const CACHEABLE = (kind: RecordKind) => kind !== 'contract' && kind !== 'calendar';

/** True when JSON gives the value back as it is (no Infinity, NaN or -0). */
function jsonSafe(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (v === null || typeof v !== 'object') return true;
  for (const x of Array.isArray(v) ? v : Object.values(v)) if (!jsonSafe(x)) return false;
  return true;
}

function keyOf(kind: RecordKind, bytes: Uint8Array): string {
  return `${kind}:${createHash('sha1').update(bytes).digest('base64')}`;
}

/** Where the cache of the knowledge base at `root` lives. */
export function recordCachePath(root: string): string {
  return path.join(root, 'build', '.cache', 'records.json');
}

/**
 * Opens the cache of the knowledge base at `root`.
 * @returns the cache (empty when absent, stale or unreadable)
 */
export function openRecordCache(root: string): RecordCache {
  const file = recordCachePath(root);
  const format = `opsbook ${TOOL_VERSION} parser ${PARSER_VERSION} schemas ${schemasDigest()}`;
  let entries: Record<string, Record<string, unknown>> = {};
  try {
    const read = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
    if (read.format === format && read.entries && typeof read.entries === 'object') entries = read.entries;
  } catch {
    // absent or unreadable: start empty
  }
  const size = Object.keys(entries).length;
  const used = new Map<string, Record<string, unknown>>();
  let added = 0;
  return {
    size,
    get(kind, bytes) {
      if (!CACHEABLE(kind) || size === 0) return undefined;
      const key = keyOf(kind, bytes);
      const hit = entries[key];
      if (hit) used.set(key, hit);
      return hit;
    },
    put(kind, bytes, data) {
      if (!CACHEABLE(kind) || !jsonSafe(data)) return;
      used.set(keyOf(kind, bytes), data as Record<string, unknown>);
      added++;
    },
    save() {
      if (added === 0 && used.size === size) return;
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, JSON.stringify({ format, entries: Object.fromEntries(used) } satisfies CacheFile));
        fs.renameSync(tmp, file);
      } catch {
        // a read-only knowledge base: no cache
      }
    },
  };
}
