/**
 * Forgiving input: values that YAML reads differently from what the writer
 * meant, accepted with a warning. `severity: 1` (a YAML integer) is read as
 * the string "1" and the writer is told to quote it.
 */
import { SLA_DEFAULTS } from './contract-terms.js';
import type { RecordKind } from './registry.js';

export interface NormalizeWarning {
  segments: (string | number)[];
  message: string;
}

function quoteSeverity(holder: Record<string, unknown>, key: string, segments: (string | number)[], out: NormalizeWarning[]): void {
  const v = holder[key];
  if (typeof v === 'number' && v === 1) {
    holder[key] = '1';
    out.push({ segments, message: `Unexpected unquoted severity \`1\` (a YAML integer), read as "1"; quote it: \`${key}: "1"\`` });
  }
}

/**
 * Normalises a freshly parsed record in place.
 * @returns warnings located by record path
 */
export function normalizeRecord(kind: RecordKind, data: Record<string, unknown>): NormalizeWarning[] {
  const out: NormalizeWarning[] = [];
  if (typeof data.id === 'number') {
    out.push({ segments: ['id'], message: `Unexpected unquoted id \`${data.id}\` (a YAML number), read as text; quote it: \`id: "${data.id}"\`` });
    data.id = String(data.id);
  }
  if (kind === 'contract') {
    const sla = data.sla;
    if (sla && typeof sla === 'object' && !Array.isArray(sla)) {
      for (const [key, value] of Object.entries(SLA_DEFAULTS)) {
        if ((sla as Record<string, unknown>)[key] === undefined) {
          (sla as Record<string, unknown>)[key] = value;
          out.push({ segments: ['sla'], message: `Unexpected missing \`sla.${key}\`, read as the contract's \`${String(value)}\`; write it out to make the policy explicit` });
        }
      }
    }
  }
  if (kind === 'ticket') {
    quoteSeverity(data, 'severity', ['severity'], out);
    const changes = data.severity_changes;
    if (Array.isArray(changes)) {
      changes.forEach((c, i) => {
        if (c && typeof c === 'object') {
          quoteSeverity(c as Record<string, unknown>, 'from', ['severity_changes', i, 'from'], out);
          quoteSeverity(c as Record<string, unknown>, 'to', ['severity_changes', i, 'to'], out);
        }
      });
    }
  }
  return out;
}
