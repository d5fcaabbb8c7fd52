/**
 * 服务请求台账: one row per ticket with its id (the row's anchor, so
 * `/general/generated/tickets/#T-20260314-01` opens that row), title, system,
 * severity, category, channel, status, times and SLA verdicts; filters by
 * system, severity, status and service period run in the browser
 * (src/components/TicketRegister).
 *
 * The page is MDX: its text is built here, the rows go to a JSON file the
 * component renders (at build time too, so the page reads without script).
 * Never a ticket's description, cause or solution: they may carry clinical
 * detail; the reports carry them, the site does not.
 */
import type { RootContent } from 'mdast';
import type { Contract, Ticket } from '../../records/index.js';
import { parseDateTime } from '../../shared/time.js';
import { heading, note, paragraph, renderPage } from '../mdast-build.js';
import { CATEGORY_LABEL, CHANNEL_LABEL, CLOCK_STATUS_LABEL, OUTCOME_LABEL, SEVERITIES, SEVERITY_LABEL, SYSTEM_SHORT_LABEL, label } from '../../shared/labels.js';
import { fmtTimeAfter, showTimeExact } from '../format.js';
import { listPeriods } from '../../sla/resolve-period.js';
import { TICKET_REGISTER_ROUTE, type FilterOption, type RegisterRow, type TicketRegisterData } from '../register-types.js';

export { TICKET_REGISTER_ROUTE };
export type { FilterOption, RegisterRow, TicketRegisterData };

/** Per-ticket SLA verdicts as the SLA engine reports them (SPEC §7 `sla --json` tickets[]). */
export interface TicketSlaStatus {
  id: string;
  response: string;
  onsite: string;
}

/** The register page's files: the MDX page and its data, both relative to the page's folder. */
export interface TicketRegisterPage {
  mdx: string;
  data: TicketRegisterData;
}

/** File name of the register's data, beside the page. */
export const TICKET_REGISTER_DATA = 'tickets.register.json';

const FRONT_MATTER = { title: '服务请求台账', sidebar_position: 3, custom_edit_url: null, hide_table_of_contents: true };

const byOrder = (order: readonly string[]) => (a: FilterOption, b: FilterOption) => {
  const ia = order.indexOf(a.value);
  const ib = order.indexOf(b.value);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.value.localeCompare(b.value);
};

function options(rows: RegisterRow[], value: (r: RegisterRow) => string | null, text: (r: RegisterRow) => string, order: readonly string[]): FilterOption[] {
  const seen = new Map<string, string>();
  for (const r of rows) {
    const v = value(r);
    if (v !== null && !seen.has(v)) seen.set(v, text(r));
  }
  return [...seen].map(([v, l]) => ({ value: v, label: l })).sort(byOrder(order));
}

/**
 * Builds the ticket register, newest first.
 * @param sla per-ticket verdicts; null when the SLA engine is not available (the columns are left out, not guessed)
 * @param periods the contract's service periods (for the period filter)
 */
export function ticketsPage(tickets: Ticket[], sla: Map<string, TicketSlaStatus> | null, periods: Contract['service_periods'] = []): TicketRegisterPage {
  const body: RootContent[] = [heading(1, '服务请求台账')];
  const sorted = [...tickets].sort((a, b) => parseDateTime(b.reported_at) - parseDateTime(a.reported_at) || a.id.localeCompare(b.id));
  const resolved = listPeriods({ service_periods: periods });
  const periodOf = (t: Ticket): string | null => {
    const at = parseDateTime(t.reported_at);
    return resolved.find((p) => at >= p.startMs && at < p.endMs)?.id ?? null;
  };
  const rows = sorted.map((t): RegisterRow => {
    const s = sla?.get(t.id);
    return {
      id: t.id,
      title: t.title,
      system: t.system,
      systemLabel: label(SYSTEM_SHORT_LABEL, t.system),
      severity: String(t.severity),
      severityLabel: label(SEVERITY_LABEL, String(t.severity)),
      categoryLabel: label(CATEGORY_LABEL, t.category),
      channelLabel: label(CHANNEL_LABEL, t.channel),
      status: t.outcome ?? 'open',
      statusLabel: label(OUTCOME_LABEL, t.outcome, '处理中'),
      period: periodOf(t),
      reported: showTimeExact(t.reported_at),
      responded: fmtTimeAfter(t.responded_at, t.reported_at),
      onsite: fmtTimeAfter(t.onsite?.arrived_at, t.reported_at),
      resolved: fmtTimeAfter(t.resolved_at, t.reported_at),
      ...(sla ? { response: s?.response ?? 'n/a', onsiteVerdict: s?.onsite ?? 'n/a' } : {}),
    };
  });
  const data: TicketRegisterData = {
    sla: sla !== null,
    verdictLabels: { ...CLOCK_STATUS_LABEL },
    filters: {
      system: options(rows, (r) => r.system, (r) => r.systemLabel, Object.keys(SYSTEM_SHORT_LABEL)),
      severity: options(rows, (r) => r.severity, (r) => r.severityLabel, SEVERITIES),
      status: options(rows, (r) => r.status, (r) => r.statusLabel, ['open', ...Object.keys(OUTCOME_LABEL)]),
      period: resolved.filter((p) => rows.some((r) => r.period === p.id)).map((p) => ({ value: p.id, label: `${p.id}（${p.start} 至 ${p.end}）` })),
    },
    rows,
  };
  if (sorted.length === 0) {
    body.push(note('尚无服务请求记录（records/tickets/）。'));
    return { mdx: renderPage(FRONT_MATTER, body), data };
  }
  const open = rows.filter((r) => r.status === 'open').length;
  body.push(paragraph(`共 ${rows.length} 条服务请求，其中处理中 ${open} 条。时间为北京时间，与报告时间同一天的只显示时分（记录精确到秒的显示到秒）。每行的编号就是这一行的链接地址，可以复制后发给同事；问题描述、原因与解决方法见产品维护报告。`));
  if (!sla) body.push(note('SLA 计算模块未接入，本次构建未给出各服务请求的时限判定。'));
  const markdown = renderPage(FRONT_MATTER, body);
  // The imports go after the front matter; the component follows the text (MDX, no record text in it).
  const end = markdown.indexOf('\n---\n', 4) + 5;
  const mdx = `${markdown.slice(0, end)}\nimport TicketRegister from '@site/src/components/TicketRegister';\nimport register from './${TICKET_REGISTER_DATA}';\n${markdown.slice(end)}\n<TicketRegister data={register} />\n`;
  return { mdx, data };
}
