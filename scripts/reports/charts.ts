/**
 * Hand-written SVG chart builders: a (stacked) bar chart and a donut. Small,
 * deterministic (fixed sizes, rounded coordinates, no ids from random or
 * time), CJK labels in Noto Sans CJK SC. See README for why not a library.
 */
import { showPercent } from '../shared/display.js';
import { countBy, RESPONSE_BUCKETS, responseHistogram } from './annual-statistics.js';

const FONT = "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','Microsoft YaHei',sans-serif";
export const PALETTE = ['#2f6db5', '#e08a2e', '#3f9c5a', '#c0453c', '#7d5ba6', '#6b7b8c'];

const r1 = (x: number): string => String(Math.round(x * 10) / 10);

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function svgOpen(width: number, height: number, title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`
    + `<title>${esc(title)}</title><rect width="${width}" height="${height}" fill="#ffffff"/>`
    + `<text x="${r1(width / 2)}" y="24" font-size="16" font-weight="bold" text-anchor="middle" fill="#222">${esc(title)}</text>`;
}

/** A "nice" axis maximum and step for values up to `max`. */
export function niceScale(max: number, ticks = 5): { top: number; step: number } {
  if (max <= 0) return { top: ticks, step: 1 };
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const s = Math.max(1, step);
  return { top: Math.ceil(max / s) * s, step: s };
}

export interface BarSeries {
  name: string;
  values: number[];
}

/**
 * A vertical bar chart; several series are stacked. Value labels sit on top
 * of each bar (the stack total).
 */
export function barChart(opts: {
  title: string; labels: string[]; series: BarSeries[]; width?: number; height?: number; yLabel?: string;
  /** A second axis line under the labels (e.g. the year under the first month and under each January); empty entries print nothing. */
  groupLabels?: (string | undefined)[];
}): { svg: string; width: number; height: number } {
  const width = opts.width ?? 640;
  const groups = opts.groupLabels?.some((g) => g) ?? false;
  const height = (opts.height ?? 320) + (groups ? 16 : 0);
  const m = { left: 48, right: 16, top: 44, bottom: (opts.series.length > 1 ? 70 : 48) + (groups ? 16 : 0) };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const n = opts.labels.length;
  const totals = opts.labels.map((_, i) => opts.series.reduce((a, s) => a + (s.values[i] ?? 0), 0));
  const { top, step } = niceScale(Math.max(0, ...totals));
  const y = (v: number) => m.top + plotH - (v / top) * plotH;
  const band = n > 0 ? plotW / n : plotW;
  const barW = Math.min(48, band * 0.62);
  const parts: string[] = [svgOpen(width, height, opts.title)];
  for (let v = 0; v <= top; v += step) {
    parts.push(`<line x1="${m.left}" y1="${r1(y(v))}" x2="${width - m.right}" y2="${r1(y(v))}" stroke="${v === 0 ? '#444' : '#dddddd'}" stroke-width="1"/>`);
    parts.push(`<text x="${m.left - 6}" y="${r1(y(v) + 4)}" font-size="11" text-anchor="end" fill="#555">${v}</text>`);
  }
  if (opts.yLabel) parts.push(`<text x="14" y="${r1(m.top + plotH / 2)}" font-size="11" fill="#555" text-anchor="middle" transform="rotate(-90 14 ${r1(m.top + plotH / 2)})">${esc(opts.yLabel)}</text>`);
  opts.labels.forEach((lab, i) => {
    const x = m.left + band * i + (band - barW) / 2;
    let acc = 0;
    opts.series.forEach((s, si) => {
      const v = s.values[i] ?? 0;
      if (v > 0) {
        parts.push(`<rect x="${r1(x)}" y="${r1(y(acc + v))}" width="${r1(barW)}" height="${r1(y(acc) - y(acc + v))}" fill="${PALETTE[si % PALETTE.length]}"/>`);
      }
      acc += v;
    });
    if (totals[i]! > 0) parts.push(`<text x="${r1(x + barW / 2)}" y="${r1(y(acc) - 4)}" font-size="11" text-anchor="middle" fill="#222">${totals[i]}</text>`);
    parts.push(`<text x="${r1(m.left + band * i + band / 2)}" y="${r1(m.top + plotH + 16)}" font-size="11" text-anchor="middle" fill="#333">${esc(lab)}</text>`);
    const g = opts.groupLabels?.[i];
    if (g) {
      parts.push(`<text x="${r1(m.left + band * i + 2)}" y="${r1(m.top + plotH + 32)}" font-size="11" text-anchor="start" fill="#333">${esc(g)}</text>`);
      if (i > 0) parts.push(`<line x1="${r1(m.left + band * i)}" y1="${r1(m.top + plotH)}" x2="${r1(m.left + band * i)}" y2="${r1(m.top + plotH + 34)}" stroke="#999" stroke-width="1"/>`);
    }
  });
  if (opts.series.length > 1) {
    let lx = m.left;
    const ly = height - 18;
    opts.series.forEach((s, si) => {
      parts.push(`<rect x="${r1(lx)}" y="${ly - 10}" width="12" height="12" fill="${PALETTE[si % PALETTE.length]}"/>`);
      parts.push(`<text x="${r1(lx + 16)}" y="${ly}" font-size="12" fill="#333">${esc(s.name)}</text>`);
      lx += 28 + s.name.length * 13;
    });
  }
  parts.push('</svg>');
  return { svg: parts.join(''), width, height };
}

/** A donut chart of shares with a legend (label, count, percent). */
export function donutChart(opts: { title: string; slices: { label: string; value: number }[]; width?: number; height?: number }): { svg: string; width: number; height: number } {
  const width = opts.width ?? 480;
  const height = opts.height ?? 260;
  const total = opts.slices.reduce((a, s) => a + s.value, 0);
  const cx = 130;
  const cy = 145;
  const R = 90;
  const rIn = 52;
  const parts: string[] = [svgOpen(width, height, opts.title)];
  let angle = -Math.PI / 2;
  const pt = (rad: number, a: number) => `${r1(cx + rad * Math.cos(a))} ${r1(cy + rad * Math.sin(a))}`;
  opts.slices.forEach((s, i) => {
    if (s.value <= 0 || total === 0) return;
    const color = PALETTE[i % PALETTE.length];
    if (s.value === total) {
      parts.push(`<circle cx="${cx}" cy="${cy}" r="${(R + rIn) / 2}" fill="none" stroke="${color}" stroke-width="${R - rIn}"/>`);
      return;
    }
    const a2 = angle + (s.value / total) * 2 * Math.PI;
    const large = a2 - angle > Math.PI ? 1 : 0;
    parts.push(`<path d="M ${pt(R, angle)} A ${R} ${R} 0 ${large} 1 ${pt(R, a2)} L ${pt(rIn, a2)} A ${rIn} ${rIn} 0 ${large} 0 ${pt(rIn, angle)} Z" fill="${color}"/>`);
    angle = a2;
  });
  parts.push(`<text x="${cx}" y="${cy + 6}" font-size="18" font-weight="bold" text-anchor="middle" fill="#222">${total}</text>`);
  opts.slices.forEach((s, i) => {
    const ly = 70 + i * 28;
    parts.push(`<rect x="260" y="${ly - 11}" width="14" height="14" fill="${PALETTE[i % PALETTE.length]}"/>`);
    parts.push(`<text x="282" y="${ly}" font-size="13" fill="#333">${esc(s.label)}　${s.value} 件（${showPercent(s.value, total)}）</text>`);
  });
  parts.push('</svg>');
  return { svg: parts.join(''), width, height };
}

/** An SVG chart with its size. */
export interface SvgChart {
  svg: string;
  width: number;
  height: number;
}

/** One ticket as the period charts need it (the SLA engine's ticket rows fit as they are). */
export interface PeriodChartTicket {
  system: string;
  /** `YYYY-MM` (CST) of the report time. */
  month: string;
  severity: string;
  responseMinutes: number | null;
}

/**
 * The three charts of a service period — monthly volume per system (stacked),
 * severity mix (donut) and response-time distribution — with the titles and
 * sizes the annual report uses, from one set of ticket rows (e.g. `computeSla`'s).
 * @param input months on the x axis (`YYYY-MM`), systems (id, display name) in
 *   series order, severity levels (id, label) in display order, and the tickets
 */
export function periodCharts(input: {
  months: readonly string[];
  systems: readonly { id: string; name: string }[];
  severities: readonly { id: string; label: string }[];
  tickets: readonly PeriodChartTicket[];
}): { monthly: SvgChart; severity: SvgChart; response: SvgChart } {
  const { months, systems, severities, tickets } = input;
  const perMonth = new Map<string, number>();
  for (const t of tickets) perMonth.set(`${t.system}\u0000${t.month}`, (perMonth.get(`${t.system}\u0000${t.month}`) ?? 0) + 1);
  const monthly = barChart({
    title: '每月服务请求量',
    labels: months.map((m) => `${Number(m.slice(5))}月`),
    // The year under the first month and under every January: 12月 of 2025 is never read as 2026's.
    groupLabels: months.map((m, i) => (i === 0 || m.endsWith('-01') ? `${m.slice(0, 4)}年` : undefined)),
    series: systems.map((s) => ({ name: s.name, values: months.map((m) => perMonth.get(`${s.id}\u0000${m}`) ?? 0) })),
    yLabel: '件数',
  });
  const labelOf = new Map(severities.map((s) => [s.id, s.label]));
  const severity = donutChart({
    title: '严重级别构成',
    slices: countBy(tickets, (t) => t.severity, severities.map((s) => s.id)).map(([k, v]) => ({ label: labelOf.get(k) ?? k, value: v })),
  });
  const response = barChart({ title: '响应时间分布', labels: RESPONSE_BUCKETS.map((b) => b.label), series: [{ name: '件数', values: responseHistogram(tickets) }], yLabel: '件数', height: 280 });
  return { monthly, severity, response };
}
