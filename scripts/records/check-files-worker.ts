/**
 * Worker thread body: checks a slice of record files (parse, normalise,
 * schema) and sends back plain data. Started by check-files-parallel.ts;
 * inherits the parent's TypeScript loader (tsx) through execArgv.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Diagnostic } from '../shared/errors.js';
import { checkRecordFile } from './check-record-file.js';
import type { RecordKind } from './registry.js';

interface Job {
  root: string;
  files: { rel: string; kind: RecordKind }[];
}

const { root, files } = workerData as Job;
const records: { kind: RecordKind; id: string; path: string; data: unknown }[] = [];
const diagnostics: Diagnostic[] = [];
const noLocator = () => ({ line: 1, column: 1 });
files.forEach((f, i) => {
  const checked = checkRecordFile(f.rel, f.kind, fs.readFileSync(path.join(root, f.rel)), noLocator);
  diagnostics.push(...checked.diagnostics);
  if (checked.record) records.push({ kind: checked.record.kind, id: checked.record.id, path: checked.record.path, data: checked.record.data });
  if (i % 512 === 511) parentPort!.postMessage({ progress: 512 });
});
parentPort!.postMessage({ done: true, records, diagnostics, progress: files.length % 512 });
