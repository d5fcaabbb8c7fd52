/**
 * The data of the ticket register page (`docs/general/generated/tickets.register.json`),
 * written by scripts/site/pages/tickets.ts and rendered by src/components/TicketRegister.
 * No imports, so the site bundle and the library share this one declaration.
 */

/** Route of the ticket register page; a row's anchor is its ticket id (`…/tickets/#T-20260314-01`). */
export const TICKET_REGISTER_ROUTE = '/general/generated/tickets/';

/** One value of a filter: the code and the word shown. */
export interface FilterOption {
  value: string;
  label: string;
}

/** A row of the register, every cell already in display form (北京时间, Chinese labels). */
export interface RegisterRow {
  id: string;
  title: string;
  system: string;
  systemLabel: string;
  severity: string;
  severityLabel: string;
  categoryLabel: string;
  channelLabel: string;
  /** `open` while unresolved, else the outcome code. */
  status: string;
  statusLabel: string;
  /** Service period the report time falls in (null: outside every period). */
  period: string | null;
  reported: string;
  responded: string;
  onsite: string;
  resolved: string;
  /** SLA verdicts (`met|breached|pending|n/a`), absent without the SLA engine. */
  response?: string;
  onsiteVerdict?: string;
}

/** What the register component renders. */
export interface TicketRegisterData {
  /** Whether the SLA columns are shown. */
  sla: boolean;
  /** Chinese words of the SLA verdict codes. */
  verdictLabels: Record<string, string>;
  filters: { system: FilterOption[]; severity: FilterOption[]; status: FilterOption[]; period: FilterOption[] };
  rows: RegisterRow[];
}

/** The filters a reader can set, by URL query key (`?system=aims&severity=A`). */
export const REGISTER_FILTER_KEYS = ['system', 'severity', 'status', 'period'] as const;
export type RegisterFilterKey = (typeof REGISTER_FILTER_KEYS)[number];

/** The reader's filter choice: a value per key ('' = all) and free text matched against id and title. */
export type RegisterFilters = Record<RegisterFilterKey, string> & { q: string };

export const NO_FILTERS: RegisterFilters = { system: '', severity: '', status: '', period: '', q: '' };

/** Whether a row passes the filters. */
export function rowMatches(row: RegisterRow, f: RegisterFilters): boolean {
  for (const key of REGISTER_FILTER_KEYS) {
    if (f[key] && (row[key] ?? '') !== f[key]) return false;
  }
  const q = f.q.trim().toLowerCase();
  return !q || row.id.toLowerCase().includes(q) || row.title.toLowerCase().includes(q);
}

/** Filters from a URL query (`?system=aims&severity=A&q=网关`); unknown keys are ignored. */
export function filtersFromQuery(search: string): RegisterFilters {
  const params = new URLSearchParams(search);
  const out: RegisterFilters = { ...NO_FILTERS };
  for (const key of [...REGISTER_FILTER_KEYS, 'q'] as const) out[key] = params.get(key) ?? '';
  return out;
}

/** The URL query of a filter choice ('' when nothing is filtered). */
export function queryFromFilters(f: RegisterFilters): string {
  const params = new URLSearchParams();
  for (const key of [...REGISTER_FILTER_KEYS, 'q'] as const) if (f[key]) params.set(key, f[key]);
  const s = params.toString();
  return s ? `?${s}` : '';
}
