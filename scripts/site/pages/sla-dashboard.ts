/**
 * SLA 看板: per-severity attainment for the current and the previous service
 * period (SPEC §7 `sla --json` shape), with the annual report's three charts
 * (monthly volume, severity mix, response-time distribution) drawn from the
 * same SLA result as the tables.
 */
import type { Image, RootContent } from 'mdast';
import { periodCharts } from '../../reports/charts.js';
import { heading, note, paragraph, renderPage, strong, table, type Inline } from '../mdast-build.js';
import { CLOCK_STATUS_LABEL, SEVERITIES, SEVERITY_LABEL, SYSTEM_LABEL, label } from '../../shared/labels.js';
import { showClock, showMinutes, showPercent, showTime } from '../../shared/display.js';
import { darkChart, darkChartFile } from '../chart-themes.js';

/** The part of an SLA result (SPEC §7) the dashboard shows. */
export interface DashboardSla {
  period: { id: string; start: string; end: string };
  asOf: string;
  tickets: {
    id: string; system: string; severity: string; category: string;
    /** `YYYY-MM` (CST) of the report time. */
    month: string;
    response: string; onsite: string; responseMinutes: number | null; resolutionMinutes: number | null;
  }[];
  bySeverity: Record<string, { count: number; responseMet: number; responseBreached: number; avgResponseMinutes: number | null; avgResolutionMinutes: number | null }>;
}

/** A system of the contract (id and the name the contract gives it). */
export interface SystemName {
  id: string;
  name: string;
}

/** A chart file of the dashboard: `file` is relative to the page's folder. */
export interface DashboardChart {
  file: string;
  svg: string;
}

/** The dashboard page and the chart files it embeds. */
export interface SlaDashboard {
  markdown: string;
  charts: DashboardChart[];
}

/** Months `YYYY-MM` from the period's start to its end or the as-of month, whichever is earlier (plus any ticket month outside). */
export function dashboardMonths(r: DashboardSla): string[] {
  const last = [r.period.end.slice(0, 7), r.asOf.slice(0, 7)].sort()[0]!;
  const out = new Set<string>();
  let [y, m] = r.period.start.slice(0, 7).split('-').map(Number) as [number, number];
  for (let key = r.period.start.slice(0, 7); key <= last && out.size < 240; key = `${y}-${String(m).padStart(2, '0')}`) {
    out.add(key);
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  for (const t of r.tickets) out.add(t.month);
  return [...out].sort();
}

/** The period's charts as files plus the image paragraphs that show them; none when the period has no tickets. */
function chartsOfPeriod(title: string, r: DashboardSla, systems: readonly SystemName[]): { nodes: RootContent[]; charts: DashboardChart[] } {
  if (!r.tickets.length) return { nodes: [paragraph('本期尚无服务请求，不绘制图表。')], charts: [] };
  const known = new Set(systems.map((s) => s.id));
  const others = [...new Set(r.tickets.map((t) => t.system))].filter((id) => !known.has(id)).sort();
  const drawn = periodCharts({
    months: dashboardMonths(r),
    systems: [...systems, ...others.map((id) => ({ id, name: label(SYSTEM_LABEL, id) }))],
    severities: SEVERITIES.map((id) => ({ id, label: label(SEVERITY_LABEL, id) })),
    tickets: r.tickets,
  });
  const base = `sla-${r.period.id.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
  const items: [string, string, string][] = [
    ['monthly', '每月服务请求量', drawn.monthly.svg],
    ['severity', '严重级别构成', drawn.severity.svg],
    ['response', '响应时间分布', drawn.response.svg],
  ];
  // Each chart twice: as the report draws it (light theme) and its dark variant; the theme shows one (custom.css).
  const charts = items.flatMap(([kind, , svg]) => [
    { file: `charts/${base}-${kind}.svg`, svg },
    { file: darkChartFile(`charts/${base}-${kind}.svg`), svg: darkChart(svg) },
  ]);
  const nodes = items.map(([kind, what]): RootContent => {
    const alt = `${title} ${r.period.id} ${what}图`;
    const light: Image = { type: 'image', url: `./charts/${base}-${kind}.svg#gh-light-mode-only`, alt };
    const dark: Image = { type: 'image', url: `./${darkChartFile(`charts/${base}-${kind}.svg`)}#gh-dark-mode-only`, alt };
    return { type: 'paragraph', children: [light, dark] };
  });
  return { nodes, charts };
}

/** The page's description (meta tag, search snippets): fixed, so that it never carries the as-of. */
const DESCRIPTION = '本服务期与上一服务期的响应达标率、到场与解决时间，按严重级别统计，附每月服务请求量、级别构成与响应时间分布图。';

/** A clock verdict in the late-tickets table: breached in bold, a clock that does not apply as a dash. */
function verdict(s: string): Inline {
  if (s === 'breached') return strong(label(CLOCK_STATUS_LABEL, s));
  return s === 'n/a' ? '—' : label(CLOCK_STATUS_LABEL, s);
}

/** How a page writes a computed-at time: as text by default; generate-pages.ts writes the build's as-of as `:as-of`. */
export type Stamp = (iso: string) => Inline;

function periodSection(title: string, r: DashboardSla, systems: readonly SystemName[], charts: DashboardChart[], stamp: Stamp): RootContent[] {
  const out: RootContent[] = [heading(2, `${title}：${r.period.id}（${r.period.start} 至 ${r.period.end}）`, `period-${r.period.id.toLowerCase()}`)];
  const total = r.tickets.length;
  const met = r.tickets.filter((t) => t.response === 'met').length;
  const breached = r.tickets.filter((t) => t.response === 'breached').length;
  const onsiteBreached = r.tickets.filter((t) => t.onsite === 'breached').length;
  out.push(paragraph(
    '统计截至 ', stamp(r.asOf), `（北京时间）。服务请求 ${total} 条，响应达标 ${met} 条，`, breached ? strong(`响应超时 ${breached} 条`) : '响应超时 0 条',
    `，响应达标率 ${showPercent(met, met + breached)}；到场超时 ${onsiteBreached} 条。`,
  ));
  out.push(table(['级别', '服务请求', '响应达标', '响应超时', '达标率', '平均响应', '平均解决'], SEVERITIES.map((s) => {
    const b = r.bySeverity[s];
    if (!b) return [label(SEVERITY_LABEL, s), '0', '0', '0', '—', '—', '—'];
    return [
      label(SEVERITY_LABEL, s), String(b.count), String(b.responseMet), b.responseBreached ? strong(String(b.responseBreached)) : '0',
      showPercent(b.responseMet, b.responseMet + b.responseBreached), showMinutes(b.avgResponseMinutes), showMinutes(b.avgResolutionMinutes),
    ];
  }), [null, 'right', 'right', 'right', 'right', 'right', 'right']));
  const drawn = chartsOfPeriod(title, r, systems);
  charts.push(...drawn.charts);
  out.push(...drawn.nodes);
  const late = r.tickets.filter((t) => t.response === 'breached' || t.onsite === 'breached');
  if (late.length) {
    out.push(paragraph('超时的服务请求：'));
    out.push(table(['编号', '级别', '响应用时', '响应', '到场'], late.map((t) => [
      // beside a verdict, to the second as the reports show it (5 min 2 s never reads 5 分钟 next to 超时)
      t.id, label(SEVERITY_LABEL, t.severity), showClock(t.responseMinutes), verdict(t.response), verdict(t.onsite),
    ])));
  }
  return out;
}

/**
 * Builds the dashboard and its charts (SVG, one set per period with tickets).
 * @param current SLA result of the period containing as-of; null when the engine is not available
 * @param previous SLA result of the period before, if any
 * @param unavailable why there is no result (shown instead of the figures)
 * @param systems the contract's systems (id, name), one series each in the monthly chart (others found in tickets follow)
 * @param stamp how the "统计截至" time is written (default: as text)
 */
export function slaDashboardPage(current: DashboardSla | null, previous: DashboardSla | null, unavailable?: string, systems: readonly SystemName[] = [], stamp: Stamp = showTime): SlaDashboard {
  const body: RootContent[] = [heading(1, 'SLA 看板')];
  const charts: DashboardChart[] = [];
  if (!current) {
    body.push(note(unavailable ?? '本次构建没有 SLA 计算结果。'));
  } else {
    body.push(paragraph('响应与到场时限取自合同记录中的服务级别策略，按 24×7 计时；“达标率”= 响应达标 ÷（响应达标 + 响应超时），进行中且未超时的服务请求不计入。'));
    body.push(...periodSection('本服务期', current, systems, charts, stamp));
    if (previous) body.push(...periodSection('上一服务期', previous, systems, charts, stamp));
  }
  const markdown = renderPage({ title: 'SLA 看板', description: DESCRIPTION, sidebar_position: 1, custom_edit_url: null, hide_table_of_contents: true }, body);
  return { markdown, charts };
}
