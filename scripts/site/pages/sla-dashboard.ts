/** SLA 看板: per-severity attainment for the current and the previous service period (SPEC §7 `sla --json` shape). */
import type { RootContent } from 'mdast';
import { heading, note, paragraph, renderPage, strong, table } from '../mdast-build.js';
import { SEVERITY_LABEL, fmtMinutes, fmtPercent } from '../labels.js';

/** The part of an SLA result (SPEC §7) the dashboard shows. */
export interface SlaResult {
  period: { id: string; start: string; end: string };
  asOf: string;
  tickets: { id: string; severity: string; category: string; response: string; onsite: string; responseMinutes: number | null; resolutionMinutes: number | null }[];
  bySeverity: Record<string, { count: number; responseMet: number; responseBreached: number; avgResponseMinutes: number | null; avgResolutionMinutes: number | null }>;
}

const SEVERITIES = ['1', 'A', 'B', 'C'];

function periodSection(title: string, r: SlaResult): RootContent[] {
  const out: RootContent[] = [heading(2, `${title}：${r.period.id}（${r.period.start} 至 ${r.period.end}）`, `period-${r.period.id.toLowerCase()}`)];
  const total = r.tickets.length;
  const met = r.tickets.filter((t) => t.response === 'met').length;
  const breached = r.tickets.filter((t) => t.response === 'breached').length;
  const onsiteBreached = r.tickets.filter((t) => t.onsite === 'breached').length;
  out.push(paragraph(
    `统计截至 ${r.asOf}。服务请求 ${total} 条，响应达标 ${met} 条，`, breached ? strong(`响应超时 ${breached} 条`) : '响应超时 0 条',
    `，响应达标率 ${fmtPercent(met, met + breached)}；到场超时 ${onsiteBreached} 条。`,
  ));
  out.push(table(['级别', '服务请求', '响应达标', '响应超时', '达标率', '平均响应', '平均解决'], SEVERITIES.map((s) => {
    const b = r.bySeverity[s];
    if (!b) return [SEVERITY_LABEL[s] ?? s, '0', '0', '0', '—', '—', '—'];
    return [
      SEVERITY_LABEL[s] ?? s, String(b.count), String(b.responseMet), b.responseBreached ? strong(String(b.responseBreached)) : '0',
      fmtPercent(b.responseMet, b.responseMet + b.responseBreached), fmtMinutes(b.avgResponseMinutes), fmtMinutes(b.avgResolutionMinutes),
    ];
  }), [null, 'right', 'right', 'right', 'right', 'right', 'right']));
  const late = r.tickets.filter((t) => t.response === 'breached' || t.onsite === 'breached');
  if (late.length) {
    out.push(paragraph('超时的服务请求：'));
    out.push(table(['编号', '级别', '响应用时', '响应', '到场'], late.map((t) => [
      t.id, SEVERITY_LABEL[t.severity] ?? t.severity, fmtMinutes(t.responseMinutes), t.response === 'breached' ? strong('超时') : '达标', t.onsite === 'breached' ? strong('超时') : t.onsite === 'met' ? '达标' : '—',
    ])));
  }
  return out;
}

/**
 * Builds the dashboard.
 * @param current SLA result of the period containing as-of; null when the engine is not available
 * @param previous SLA result of the period before, if any
 */
export function slaDashboardPage(current: SlaResult | null, previous: SlaResult | null, unavailable?: string): string {
  const body: RootContent[] = [heading(1, 'SLA 看板')];
  if (!current) {
    body.push(note(unavailable ?? '本次构建没有 SLA 计算结果。'));
  } else {
    body.push(paragraph('响应与到场时限取自合同记录中的服务级别策略，按 24×7 计时；“达标率”= 响应达标 ÷（响应达标 + 响应超时），进行中且未超时的服务请求不计入。'));
    body.push(...periodSection('本服务期', current));
    if (previous) body.push(...periodSection('上一服务期', previous));
  }
  return renderPage({ title: 'SLA 看板', sidebar_position: 1, custom_edit_url: null, hide_table_of_contents: true }, body);
}
