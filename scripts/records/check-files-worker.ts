/**
 * Worker thread body: checks a slice of record files (parse, normalise,
 * schema) and sends back plain data, and, when asked, the bytes it read
 * (one transferred buffer, so the privacy guard need not read them again).
 * Started by check-files-parallel.ts; inherits the parent's TypeScript
 * loader (tsx) through execArgv.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Diagnostic } from '../shared/errors.js';
import { checkRecordFile } from './check-record-file.js';
import { readRecordFile } from './read-record-file.js';
import type { RecordKind } from './registry.js';

interface Job {
  root: string;
  files: { rel: string; kind: RecordKind }[];
  keepBytes: boolean;
}

const { root, files, keepBytes } = workerData as Job;
const records: { kind: RecordKind; id: string; path: string; data: unknown }[] = [];
const diagnostics: Diagnostic[] = [];
const kept: Uint8Array[] = [];
const noLocator = () => ({ line: 1, column: 1 });
files.forEach((f, i) => {
  const bytes = readRecordFile(root, f.rel);
  if (typeof bytes === 'string') {
    diagnostics.push({ path: f.rel, line: 1, column: 1, message: bytes, rule: 'record-read', severity: 'error' });
    kept.push(new Uint8Array());
  } else {
    if (keepBytes) kept.push(bytes);
    const checked = checkRecordFile(f.rel, f.kind, bytes, noLocator);
    if (checked.diagnostics.length) diagnostics.push(...checked.diagnostics);
    if (checked.record) records.push({ kind: checked.record.kind, id: checked.record.id, path: checked.record.path, data: checked.record.data });
  }
  if (i % 512 === 511) parentPort!.postMessage({ progress: 512 });
});
let bytes: { buffer: ArrayBuffer; ends: number[] } | undefined;
if (keepBytes) {
  const ends: number[] = [];
  let total = 0;
  for (const b of kept) ends.push((total += b.byteLength));
  const all = new Uint8Array(total);
  let at = 0;
  for (const b of kept) {
    all.set(b, at);
    at += b.byteLength;
  }
  bytes = { buffer: all.buffer, ends };
}
parentPort!.postMessage({ done: true, records, diagnostics, bytes, progress: files.length % 512 }, bytes ? [bytes.buffer] : []);
