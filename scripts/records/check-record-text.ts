/**
 * Validates one record's YAML text as the knowledge base would, before it is
 * written (authoring): the same per-file check and cross-record rules as the
 * loader, judged against the records it references and those sharing its id.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../shared/errors.js';
import { capPerFile } from './cap-diagnostics.js';
import { checkRecordFile, runRules } from './check-record-file.js';
import { listRecordFiles, loadKnowledgeBase } from './load-knowledge-base.js';
import { kindOfRecordPath, type RecordKind } from './registry.js';

function strings(v: unknown, out: Set<string>): Set<string> {
  if (typeof v === 'string') out.add(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
  return out;
}

/**
 * Checks a record's text as if it were the file `rel` of the KB at `root`.
 * @param rel KB-relative path the record will have (records/…/<id>.yaml)
 * @returns diagnostics (errors and warnings) located in `rel`
 */
export async function checkRecordText(root: string, rel: string, kind: RecordKind, text: string): Promise<Diagnostic[]> {
  const checked = checkRecordFile(rel, kind, Buffer.from(text, 'utf8'));
  const me = checked.record;
  const byPosition = (a: Diagnostic, b: Diagnostic) => a.line - b.line || a.column - b.column;
  if (!me) return capPerFile([...checked.diagnostics].sort(byPosition));
  const files = fs.existsSync(path.join(root, 'records')) ? listRecordFiles(root) : [];
  const ids = strings(me.data, new Set<string>());
  const only = new Set(files.filter((p) => p !== rel && p.endsWith('.yaml') && (ids.has(path.posix.basename(p, '.yaml')) || path.posix.basename(p, '.yaml') === me.id)));
  const kb = files.length ? await loadKnowledgeBase(root, { only }) : undefined;
  const records = [...(kb?.records ?? []).filter((r) => r.path !== rel), me];
  const knownIds = new Map<string, { kind: RecordKind; path: string }>();
  for (const r of records) if (!knownIds.has(r.id)) knownIds.set(r.id, { kind: r.kind, path: r.path });
  for (const p of files) {
    const k = p.endsWith('.yaml') ? kindOfRecordPath(p.slice('records/'.length)) : undefined;
    const id = path.posix.basename(p, '.yaml');
    if (k && k !== 'contract' && p !== rel && !knownIds.has(id)) knownIds.set(id, { kind: k, path: p });
  }
  const all = [...checked.diagnostics, ...runRules(records, knownIds, (r) => r === me)].sort(byPosition);
  return capPerFile(all);
}
