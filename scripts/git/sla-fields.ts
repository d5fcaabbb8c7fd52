/**
 * Which fields of which record kinds bear on the SLA and the contract's
 * deadlines: changes to them after a record first reached the main branch
 * are audited, and so are their first values when they come late.
 * Titles, descriptions and other prose are history, not findings.
 */
import { readSchemas } from '../records/schema-validator.js';
import { KINDS } from '../records/index.js';

/** Audited fields per kind, as dotted paths. */
export const SLA_FIELDS: Readonly<Record<string, readonly string[]>> = {
  ticket: [
    'reported_at', 'responded_at', 'resolved_at', 'onsite.requested_at', 'onsite.arrived_at', 'written_reply.delivered_at',
    'severity', 'severity_changes', 'category', 'outcome', 'notified',
  ],
  inspection: ['started_at', 'finished_at', 'report.delivered_at'],
  change: ['delivered_at', 'agreed_date'],
  // a hand-over re-dated, re-signed or its digest rewritten after it was registered (it would hide a suspect report)
  delivery: ['delivered_at', 'acknowledged_by', 'input_digest'],
};

/** The event whose time a record documents: first on main long after it = late entry (补录). */
export const EVENT_FIELD: Readonly<Record<string, string>> = {
  ticket: 'reported_at',
  inspection: 'finished_at',
};

/** Fields that hold an instant (compared as instants, so a mere re-formatting is no change; a late first value is 补填). */
export const TIME_FIELDS = new Set([
  'reported_at', 'responded_at', 'resolved_at', 'onsite.requested_at', 'onsite.arrived_at', 'written_reply.delivered_at',
  'started_at', 'finished_at', 'report.delivered_at', 'delivered_at', 'agreed_date',
]);

/** Lists of timed entries (`{ …, at }`): adding entries keeps the earlier ones (`append`); each new entry's `at` is an SLA time. */
export const LIST_FIELDS = new Set(['notified', 'severity_changes']);

let labels: Map<string, string> | undefined;

/** The Chinese title of a field from the tool's schema (e.g. ticket responded_at → 响应时间). */
export function fieldLabel(kind: string, field: string): string | undefined {
  if (!labels) {
    labels = new Map();
    const schemas = readSchemas();
    for (const [k, info] of Object.entries(KINDS)) {
      const schema = schemas.get(info.schema) as { properties?: Record<string, { title?: string; properties?: Record<string, { title?: string }> }> } | undefined;
      for (const [key, prop] of Object.entries(schema?.properties ?? {})) {
        if (prop.title) labels.set(`${k}:${key}`, prop.title);
        for (const [sub, sp] of Object.entries(prop.properties ?? {})) if (sp.title) labels.set(`${k}:${key}.${sub}`, `${prop.title ?? key}·${sp.title}`);
      }
    }
  }
  return labels.get(`${kind}:${field}`);
}

/** Reads a dotted path from a plain object. */
export function getField(data: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);
}
