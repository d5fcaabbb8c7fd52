/**
 * Loads a knowledge base: walks records/, parses each YAML file once (with
 * source positions), validates it against its kind's schema, then runs the
 * cross-record rules. Returns values; never prints.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../shared/errors.js';
import { UserError } from '../shared/errors.js';
import { loadKbConfig } from '../config/kb-config.js';
import { applyDeliveryRegister } from '../delivery/project-register.js';
import { checkFilesParallel, workerCount } from './check-files-parallel.js';
import { capPerFile } from './cap-diagnostics.js';
import { checkRecordFile, fileLocator, runRules } from './check-record-file.js';
import { readRecordFile } from './read-record-file.js';
import { openRecordCache } from './record-cache.js';
import { HANDOVER_FOLDER, KINDS, RECORD_KINDS, kindOfRecordPath, type RecordKind } from './registry.js';
import type { KnowledgeBase, LoadedRecord, RecordTypes } from './types.js';

export interface LoadOptions {
  /** Only these files (relative to root); rules still see the whole KB when `context` is loaded. */
  only?: ReadonlySet<string>;
  /** The KB's file list when the caller has it already (`listRecordFiles(root)`), to walk the tree once. */
  files?: readonly string[];
  /** Progress callback (files done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Keep the bytes of every record file read (`kb.fileBytes`), e.g. for the privacy guard, so each file is read once. */
  keepBytes?: boolean;
  /**
   * Use the cache of checked records under `<root>/build/.cache/` (record-cache.ts): files whose
   * bytes passed before are not parsed again. Off when the environment says `OPSBOOK_CACHE=0`.
   */
  cache?: boolean;
  /**
   * Cores another thread of this process is busy on meanwhile (e.g. the privacy guard scanning beside the
   * load, scripts/guard/scan-in-background.ts): the loader's own worker threads count them as taken.
   */
  reserveCores?: number;
  /**
   * Record files another thread has read already (the guard's feed, scripts/guard/scan-in-background.ts):
   * `take(rel)` gives a file's bytes or undefined (then the loader reads it). The loader closes the feed
   * once it has read every file, or at once when its own worker threads read them.
   */
  feed?: { take(rel: string): Buffer | undefined; close(): void };
}

/** Lists record files under `root/records`, relative to root, sorted. */
export function listRecordFiles(root: string): string[] {
  const out: string[] = [];
  // relative paths built as strings: no path.join/relative per file (a few per cent of a large validate)
  const walk = (abs: string, rel: string): void => {
    for (const ent of fs.readdirSync(abs, { withFileTypes: true })) {
      if (ent.name.startsWith('.')) continue;
      const childRel = `${rel}/${ent.name}`;
      if (ent.isDirectory()) walk(`${abs}${path.sep}${ent.name}`, childRel);
      else if (ent.isFile()) out.push(childRel);
    }
  };
  walk(path.join(root, 'records'), 'records');
  return out.sort();
}

/**
 * The one locator of every record of a load, called as the record's method
 * (`this` is the record): it parses the record's file again when a position
 * is asked for, keeping the last file parsed (rules ask for several
 * positions of one record in a row). One function for 100,000 records,
 * not one closure each.
 */
function sharedLocator(root: string): LoadedRecord['locate'] {
  let last: { rel: string; at: ReturnType<typeof fileLocator> } | undefined;
  return function locateInFile(this: LoadedRecord, segments, o = {}) {
    const rel = this.path;
    if (last?.rel !== rel) {
      const bytes = readRecordFile(root, rel);
      last = { rel, at: fileLocator(rel, typeof bytes === 'string' ? new Uint8Array() : bytes) };
    }
    return last.at(segments, o);
  };
}

function err(p: string, line: number, column: number, message: string, rule: string, severity: 'error' | 'warning' = 'error'): Diagnostic {
  return { path: p, line, column, message, rule, severity };
}

/**
 * Loads and validates the knowledge base at `root`.
 * @param root KB root (holds records/)
 * @returns records, diagnostics and typed collections
 */
export async function loadKnowledgeBase(root: string, opts: LoadOptions = {}): Promise<KnowledgeBase> {
  const recordsDir = path.join(root, 'records');
  if (!fs.existsSync(recordsDir) || !fs.statSync(recordsDir).isDirectory()) {
    throw new UserError(`${path.join(root, 'records')}: no records/ folder here; pass --root pointing at a knowledge base (a folder holding records/)`);
  }
  const files = opts.files ?? listRecordFiles(root);
  const locateInFile = sharedLocator(root);
  const diagnostics: Diagnostic[] = [];
  const records: LoadedRecord[] = [];
  const handoverFiles: string[] = [];
  let done = 0;
  let fileCount = 0;
  const recordFiles: { rel: string; kind: RecordKind }[] = [];
  const kindByFolder = new Map<string, RecordKind | null>(); // the kind depends on the first folder only
  for (const rel of files) {
    const inRecords = rel.slice('records/'.length);
    const name = path.posix.basename(rel);
    if (name === 'README.md') continue;
    if (inRecords.startsWith(`${HANDOVER_FOLDER}/`)) {
      if (name.endsWith('.sops.yaml') || name.endsWith('.sops.json')) handoverFiles.push(rel);
      else if (/\.(ya?ml|json)$/.test(name)) diagnostics.push(err(rel, 1, 1, 'Unexpected plain file in records/handover/, expected an encrypted `<system>.sops.yaml` (run `opsbook secrets encrypt`)', 'handover-encrypted'));
      continue;
    }
    if (!name.endsWith('.yaml')) {
      const hint = name.endsWith('.yml') ? 'rename it to `.yaml`' : 'records are `.yaml` files; move other files out of records/';
      diagnostics.push(err(rel, 1, 1, `Unexpected file \`${name}\` in records/, ${hint}`, 'record-file-name', name.endsWith('.yml') ? 'error' : 'warning'));
      continue;
    }
    const folder = inRecords.slice(0, inRecords.indexOf('/') + 1) || inRecords;
    let kind = kindByFolder.get(folder);
    if (kind === undefined) {
      kind = kindOfRecordPath(inRecords) ?? null;
      kindByFolder.set(folder, kind);
    }
    if (!kind) {
      const folders = RECORD_KINDS.filter((k) => k !== 'contract').map((k) => `\`${KINDS[k].folder}/\``).join(', ');
      diagnostics.push(err(rel, 1, 1, `Unexpected record location \`${inRecords}\`, expected records/contract.yaml or a file under one of ${folders}`, 'record-folder'));
      continue;
    }
    recordFiles.push({ rel, kind });
  }

  // Synchronous reads: parsing is synchronous anyway, and readFileSync is several times
  // faster than awaited fs.promises reads for many small files (measured in scripts/bench).
  // with `only`, the contract and calendars are still read: other records are judged against them
  const skip = (f: { rel: string; kind: RecordKind }) => !!opts.only && !opts.only.has(f.rel) && f.kind !== 'contract' && f.kind !== 'calendar';
  const toRead = recordFiles.filter((f) => !skip(f));
  fileCount = toRead.length;
  const workers = workerCount(toRead.length, process.env, undefined, opts.reserveCores ?? 0);
  const fileBytes = opts.keepBytes ? new Map<string, Buffer>() : undefined;
  const cache = opts.cache && process.env.OPSBOOK_CACHE !== '0' ? openRecordCache(root) : undefined;
  // with a warm cache most files are a hash and a lookup: no threads for that
  const useWorkers = workers > 1 && (!cache || cache.size < toRead.length / 2);
  // the loader's own threads read their files: a feed would only pile up what nobody takes
  if (useWorkers) opts.feed?.close();
  const parallel = useWorkers ? await checkFilesParallel(root, toRead, workers, (d) => opts.onProgress?.(d, toRead.length), !!fileBytes || !!cache) : undefined;
  if (parallel) {
    diagnostics.push(...parallel.diagnostics);
    const flagged = new Set(parallel.diagnostics.map((d) => d.path));
    for (const r of parallel.records) {
      records.push({ ...r, data: r.data as never, locate: locateInFile });
      const b = parallel.bytes?.get(r.path);
      if (cache && b && !flagged.has(r.path)) cache.put(r.kind, b, r.data);
    }
    if (fileBytes && parallel.bytes) for (const [rel, b] of parallel.bytes) fileBytes.set(rel, Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  } else {
    for (const f of toRead) {
      done++;
      if (done % 256 === 0) opts.onProgress?.(done, toRead.length);
      const bytes = opts.feed?.take(f.rel) ?? readRecordFile(root, f.rel);
      if (typeof bytes === 'string') {
        diagnostics.push(err(f.rel, 1, 1, bytes, 'record-read'));
        continue;
      }
      fileBytes?.set(f.rel, bytes);
      const hit = cache?.get(f.kind, bytes);
      if (hit) {
        records.push({ kind: f.kind, id: String(hit.id), path: f.rel, data: hit as never, locate: locateInFile });
        continue;
      }
      // records do not keep their YAML document: positions are re-read on demand
      const checked = checkRecordFile(f.rel, f.kind, bytes, locateInFile);
      if (checked.diagnostics.length) diagnostics.push(...checked.diagnostics);
      else if (checked.record) cache?.put(f.kind, bytes, checked.record.data);
      if (checked.record) records.push(checked.record);
    }
  }
  opts.feed?.close();
  cache?.save();
  opts.onProgress?.(toRead.length, toRead.length);

  const knownIds = new Map<string, { kind: RecordKind; path: string }>();
  for (const r of records) if (!knownIds.has(r.id)) knownIds.set(r.id, { kind: r.kind, path: r.path });
  for (const f of recordFiles) {
    const id = path.posix.basename(f.rel, '.yaml');
    if (f.kind !== 'contract' && !knownIds.has(id)) knownIds.set(id, { kind: f.kind, path: f.rel });
  }
  diagnostics.push(...runRules(records, knownIds));
  const settings = loadKbConfig(root);
  diagnostics.push(...settings.diagnostics);
  const byId = new Map<string, LoadedRecord>();
  for (const r of records) if (!byId.has(r.id)) byId.set(r.id, r);

  diagnostics.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
  const byKind = new Map<RecordKind, unknown[]>(RECORD_KINDS.map((k) => [k, []]));
  for (const r of records) byKind.get(r.kind)!.push(r.data);
  const of = <K extends RecordKind>(k: K) => byKind.get(k) as RecordTypes[K][];
  // the delivery register's hand-overs, shown in the records' own hand-over fields (scripts/delivery)
  return applyDeliveryRegister({
    root,
    config: settings.config,
    records,
    diagnostics: capPerFile(diagnostics),
    fileCount,
    byId,
    contract: of('contract')[0],
    tickets: of('ticket'),
    inspections: of('inspection'),
    changes: of('change'),
    releases: of('release'),
    trainings: of('training'),
    recommendations: of('recommendation'),
    interfaces: of('interface'),
    dbOperations: of('db_operation'),
    people: of('person'),
    dataDictionaries: of('data_dictionary'),
    disposals: of('disposal'),
    calendars: of('calendar'),
    handoverFiles,
    ...(fileBytes ? { fileBytes } : {}),
  });
}
