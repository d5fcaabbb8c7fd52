/**
 * Validates one record's YAML text as the knowledge base would, before it is
 * written: safe parsing, the kind's JSON Schema (ajv via the records domain)
 * and the cross-record rules, against the records it references and those
 * sharing its id. Returns located diagnostics for this file only.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../shared/errors.js';
import { KINDS, RULES, kindOfRecordPath, listRecordFiles, loadKnowledgeBase, locate, parseYamlFile, validateKind, type LoadedRecord, type RecordKind } from '../records/index.js';
import type { RuleContext } from '../records/rules/types.js';
import { formatAjvErrors } from '../records/format-ajv-errors.js';
import { normalizeRecord } from '../records/normalize.js';
import { readSchemas } from '../records/schema-validator.js';

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
  const parsed = parseYamlFile(rel, Buffer.from(text, 'utf8'));
  const out: Diagnostic[] = [...parsed.diagnostics];
  if (!parsed.doc || !parsed.data) return out;
  const data = parsed.data;
  const diag = (line: number, column: number, message: string, rule: string, severity: 'error' | 'warning' = 'error'): Diagnostic => ({ path: rel, line, column, message, rule, severity });
  for (const w of normalizeRecord(kind, data)) {
    const pos = locate(parsed.doc, parsed.lineCounter, w.segments);
    out.push(diag(pos.line, pos.column, w.message, 'quote-value', 'warning'));
  }
  const errors = validateKind(kind, data);
  if (errors.length) {
    const schemas = readSchemas();
    for (const issue of formatAjvErrors(errors, data, schemas.get(KINDS[kind].schema) ?? {}, schemas.get('common.schema.json') ?? {})) {
      const pos = locate(parsed.doc, parsed.lineCounter, issue.segments, { key: issue.atKey });
      out.push(diag(pos.line, pos.column, issue.message, 'schema'));
    }
    return out;
  }
  // cross-record rules: load what this record references and whatever shares its id
  const ids = strings(data, new Set<string>());
  const self = path.posix.basename(rel, '.yaml');
  const files = fs.existsSync(path.join(root, 'records')) ? listRecordFiles(root) : [];
  const only = new Set(files.filter((p) => p !== rel && p.endsWith('.yaml') && (p === 'records/contract.yaml' || ids.has(path.posix.basename(p, '.yaml')) || path.posix.basename(p, '.yaml') === self)));
  const kb = only.size ? await loadKnowledgeBase(root, { only }) : undefined;
  const doc = parsed.doc;
  const lc = parsed.lineCounter;
  const me: LoadedRecord = { kind, id: String(data.id), path: rel, data: data as never, locate: (segments, o) => locate(doc, lc, segments, o) };
  const records = [...(kb?.records ?? []), me];
  const byId = new Map<string, LoadedRecord>();
  for (const r of records) if (!byId.has(r.id)) byId.set(r.id, r);
  const knownIds = new Map<string, { kind: RecordKind; path: string }>();
  for (const p of files) {
    const k = p.endsWith('.yaml') ? kindOfRecordPath(p.slice('records/'.length)) : undefined;
    const id = path.posix.basename(p, '.yaml');
    if (k && k !== 'contract' && p !== rel && !knownIds.has(id)) knownIds.set(id, { kind: k, path: p });
  }
  for (const r of records) knownIds.set(r.id, { kind: r.kind, path: r.path });
  let rule = '';
  const ctx: RuleContext = {
    records,
    byId,
    knownIds,
    report(record, segments, message, o = {}) {
      if (record !== me) return;
      const pos = me.locate(segments, { key: !!o.key });
      out.push(diag(pos.line, pos.column, message, rule, o.severity ?? 'error'));
    },
  };
  for (const r of RULES) {
    rule = r.name;
    r.check(ctx);
  }
  return out;
}
