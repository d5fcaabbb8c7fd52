/**
 * Column widths for DOCX tables. pandoc gives every column the same width
 * when the Markdown does not say otherwise, which squeezes ids and statuses
 * next to long text. This pass measures each column's text (East Asian
 * characters count double) and rewrites the grid: short columns get their
 * natural width, long ones share the rest in proportion; tables span the
 * text width of the A4 page.
 */
import { displayWidth } from './to-markdown.js';

/** Text width of the page in twips: A4 11906 − 2 × 1588 margins. */
export const TEXT_WIDTH_TWIPS = 8730;
/** Twips per display unit at 五号 (10.5 pt): half an em. */
const UNIT = 120;
/** Cell padding (left + right) in twips. */
const PAD = 220;
/** Columns whose longest text is at most this many units never wrap if it can be helped. */
const SHORT = 16;

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function cellText(tc: string): string {
  return [...tc.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? '')).join('');
}

/** Widths in twips for columns of the given natural widths (display units). */
export function columnWidths(natural: number[], total = TEXT_WIDTH_TWIPS): number[] {
  const need = natural.map((n) => Math.max(2, n) * UNIT + PAD);
  const isShort = natural.map((n) => n <= SHORT);
  const shortSum = need.reduce((a, w, i) => a + (isShort[i] ? w : 0), 0);
  let widths: number[];
  const longCount = natural.filter((_, i) => !isShort[i]).length;
  if (longCount === 0) {
    const sum = need.reduce((a, b) => a + b, 0);
    widths = need.map((w) => (w / sum) * total);
  } else {
    // Short columns keep their natural width (scaled down only if together
    // they would take more than half of the line); every long column gets at
    // least a short column's width, the rest is shared in proportion to how
    // much longer its text is.
    const shortScale = Math.min(1, (0.5 * total) / Math.max(1, shortSum));
    const rest = total - shortSum * shortScale;
    const base = Math.min(SHORT * UNIT + PAD, rest / longCount / 2);
    const extra = natural.reduce((a, n, i) => a + (isShort[i] ? 0 : n - SHORT), 0);
    widths = natural.map((n, i) => (isShort[i] ? need[i]! * shortScale : base + ((n - SHORT) / extra) * (rest - base * longCount)));
  }
  const rounded = widths.map((w) => Math.floor(w));
  rounded[rounded.length - 1]! += total - rounded.reduce((a, b) => a + b, 0);
  return rounded;
}

/**
 * Natural width of each column in display units: the longest body cell; the
 * header row (first) counts only up to a short column's width, since a
 * header label may wrap.
 */
export function naturalWidths(rows: string[][]): number[] {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: cols }, (_, i) => Math.max(
    Math.min(displayWidth(rows[0]?.[i] ?? ''), SHORT),
    ...rows.slice(1).map((r) => displayWidth(r[i] ?? '')),
  ));
}

/** Rewrites the widths of every table in a `word/document.xml`. */
export function fitDocxTables(xml: string): string {
  return xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, (tbl) => {
    const rows = [...tbl.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => cellText(c[0])));
    const cols = Math.max(0, ...rows.map((r) => r.length));
    if (cols === 0) return tbl;
    const natural = naturalWidths(rows);
    const widths = columnWidths(natural);
    let out = tbl.replace(/<w:tblW [^>]*\/>/, '<w:tblW w:type="pct" w:w="5000" />');
    out = out.replace(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/, `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}" />`).join('')}</w:tblGrid>`);
    return out.replace(/<w:tr>[\s\S]*?<\/w:tr>/g, (tr) => {
      let i = 0;
      return tr.replace(/<w:tc><w:tcPr \/>|<w:tc><w:tcPr>/g, (m) => {
        const w = widths[i++] ?? 0;
        const tcW = `<w:tcW w:w="${w}" w:type="dxa" />`;
        return m.endsWith('/>') ? `<w:tc><w:tcPr>${tcW}</w:tcPr>` : `<w:tc><w:tcPr>${tcW}`;
      });
    });
  });
}
