import { describe, expect, it } from 'vitest';
import { periodCharts } from '../reports/charts.js';
import { DARK_CHART_BACKGROUND, darkChart, darkChartFile } from './chart-themes.js';

function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};

describe('dark chart variants', () => {
  const drawn = periodCharts({
    months: ['2026-01', '2026-02'],
    systems: [{ id: 'aims', name: '手术麻醉临床信息系统' }, { id: 'icis', name: '重症监护信息系统' }],
    severities: ['1', 'A', 'B', 'C'].map((id) => ({ id, label: `${id}级` })),
    tickets: [
      { system: 'aims', severity: 'A', month: '2026-01', responseMinutes: 3 },
      { system: 'icis', severity: 'C', month: '2026-02', responseMinutes: 95 },
    ],
  });

  it.each(['monthly', 'severity', 'response'] as const)('%s: dark panel, every text at least 4.5:1 and every series at least 3:1 against it', (kind) => {
    const dark = darkChart(drawn[kind].svg);
    expect(dark).not.toMatch(/fill="#(?:fff|ffffff)"/i);
    expect(dark).toContain(`fill="${DARK_CHART_BACKGROUND}"`);
    for (const m of dark.matchAll(/<text [^>]*fill="(#[0-9a-f]{3,6})"/gi)) expect(contrast(m[1]!, DARK_CHART_BACKGROUND), m[0]).toBeGreaterThanOrEqual(4.5);
    for (const m of dark.matchAll(/<(?:rect|path|circle) [^>]*(?:fill|stroke)="(#[0-9a-f]{3,6})"/gi)) {
      if (m[1]!.toLowerCase() === DARK_CHART_BACKGROUND) continue;
      if (/stroke-width="1"/.test(m[0])) continue; // grid lines are decoration
      expect(contrast(m[1]!, DARK_CHART_BACKGROUND), m[0]).toBeGreaterThanOrEqual(3);
    }
    // the same drawing: only colours differ
    expect(dark.replace(/#[0-9a-f]{3,6}/gi, '#')).toBe(drawn[kind].svg.replace(/#[0-9a-f]{3,6}/gi, '#'));
  });

  it('names the dark file beside the light one', () => {
    expect(darkChartFile('charts/sla-Y1-monthly.svg')).toBe('charts/sla-Y1-monthly.dark.svg');
  });
});
