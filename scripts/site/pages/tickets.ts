/**
 * 服务请求台账: id, system, severity, category, channel, times and SLA
 * status. Never the title, description, cause or any free text of a ticket
 * (they may carry clinical detail; the reports carry them, the site does not).
 */
import type { RootContent } from 'mdast';
import type { Ticket } from '../../records/index.js';
import { parseDateTime } from '../../shared/time.js';
import { heading, note, paragraph, renderPage, strong, table, type Inline } from '../mdast-build.js';
import { CATEGORY_LABEL, CHANNEL_LABEL, CLOCK_STATUS_LABEL, OUTCOME_LABEL, SEVERITY_LABEL, SYSTEM_SHORT_LABEL, label } from '../../shared/labels.js';
import { fmtTimeAfter } from '../format.js';
import { showTime } from '../../shared/display.js';

/** Per-ticket SLA verdicts as the SLA engine reports them (SPEC §7 `sla --json` tickets[]). */
export interface TicketSlaStatus {
  id: string;
  response: string;
  onsite: string;
}

/** A clock verdict; a clock that does not apply to the ticket is a dash, not a word, in this dense table. */
const status = (s: string | undefined): Inline => (s === 'breached' ? strong(label(CLOCK_STATUS_LABEL, s)) : s === 'n/a' ? '—' : label(CLOCK_STATUS_LABEL, s));

/**
 * Builds the ticket register, newest first.
 * @param sla per-ticket verdicts; null when the SLA engine is not available (the columns are left out, not guessed)
 */
export function ticketsPage(tickets: Ticket[], sla: Map<string, TicketSlaStatus> | null): string {
  const body: RootContent[] = [heading(1, '服务请求台账')];
  const sorted = [...tickets].sort((a, b) => parseDateTime(b.reported_at) - parseDateTime(a.reported_at) || a.id.localeCompare(b.id));
  if (sorted.length === 0) {
    body.push(note('尚无服务请求记录（records/tickets/）。'));
    return renderPage({ title: '服务请求台账', sidebar_position: 3, custom_edit_url: null, hide_table_of_contents: true }, body);
  }
  const open = sorted.filter((t) => !t.resolved_at).length;
  body.push(paragraph(`共 ${sorted.length} 条服务请求，其中未解决 ${open} 条。本页只列出编号、级别、类别与各时间点（北京时间；与报告时间同一天的只显示时分）；问题描述等内容见产品维护报告。`));
  const header = ['编号', '系统', '级别', '类别', '渠道', '报告时间', '响应时间', '到场时间', '解决时间', '处理结果'];
  if (sla) header.push('响应时限', '到场时限');
  body.push(table(header, sorted.map((t) => {
    const row: Inline[] = [
      t.id, label(SYSTEM_SHORT_LABEL, t.system), label(SEVERITY_LABEL, t.severity), label(CATEGORY_LABEL, t.category),
      label(CHANNEL_LABEL, t.channel), showTime(t.reported_at), fmtTimeAfter(t.responded_at, t.reported_at),
      fmtTimeAfter(t.onsite?.arrived_at, t.reported_at), fmtTimeAfter(t.resolved_at, t.reported_at), label(OUTCOME_LABEL, t.outcome, '处理中'),
    ];
    if (sla) {
      const s = sla.get(t.id);
      row.push(status(s?.response), status(s?.onsite));
    }
    return row;
  })));
  if (!sla) body.push(note('SLA 计算模块未接入，本次构建未给出各服务请求的时限判定。'));
  return renderPage({ title: '服务请求台账', sidebar_position: 3, custom_edit_url: null, hide_table_of_contents: true }, body);
}
