/**
 * Dark-theme variants of the report charts (scripts/reports/charts.ts draws
 * them for paper: white panel, dark text). The site shows the light chart in
 * the light theme and this variant in the dark theme (Markdown images with the
 * `#gh-light-mode-only` / `#gh-dark-mode-only` fragments, hidden by
 * src/css/custom.css), so a dark page has no white panels and every label
 * keeps its contrast. The report's own SVG is never changed.
 */

/** Background of a dark chart (the dark theme's surface colour). */
export const DARK_CHART_BACKGROUND = '#242526';

/** Light colour → dark colour, for `fill` and `stroke` attributes; colours not listed are kept. */
const DARK: Record<string, string> = {
  '#ffffff': DARK_CHART_BACKGROUND,
  '#fff': DARK_CHART_BACKGROUND,
  '#222': '#f0f0f0',
  '#333': '#e3e3e3',
  '#444': '#b0b0b0',
  '#555': '#c8c8c8',
  '#dddddd': '#4a4d52',
  // the series palette, lightened to keep 3:1 against the dark panel (WCAG 1.4.11)
  '#2f6db5': '#6ea3e6',
  '#e08a2e': '#eba052',
  '#3f9c5a': '#5fbf7b',
  '#c0453c': '#e8746b',
  '#7d5ba6': '#ae8fd6',
  '#6b7b8c': '#9fb0c2',
};

/** The dark variant of a chart SVG. */
export function darkChart(svg: string): string {
  return svg.replace(/\b(fill|stroke)="(#[0-9a-fA-F]{3,6})"/g, (all, attr: string, colour: string) => {
    const dark = DARK[colour.toLowerCase()];
    return dark ? `${attr}="${dark}"` : all;
  });
}

/** File name of a chart's dark variant (`x.svg` → `x.dark.svg`). */
export const darkChartFile = (file: string) => file.replace(/\.svg$/, '.dark.svg');
