/**
 * The one table layout rule of every rendered report (DOCX, the PDF made
 * from it, and HTML): column widths come from the content, and what must
 * not break never has to.
 *
 * - Every cell's text is measured with the fonts the reports use (Times New
 *   Roman / Liberation Serif metrics for ASCII, one em for Chinese) at the
 *   table size (五号, 10.5 pt).
 * - A cell of at most ATOMIC_UNITS display units (an id, a date and time, a
 *   status such as 未提交（已逾期）, a number, a percentage) is atomic: its
 *   column is at least as wide as the whole cell. In longer cells, each
 *   token of letters, digits and `-./:%` (ids, dates, times, versions) is
 *   atomic. Headers may wrap, but not into single characters.
 * - Columns start at their minimum; the remaining width goes to the columns
 *   that want more (up to their natural width), then in proportion.
 * - A table whose minimum does not fit the portrait text width is laid out
 *   on a landscape page; only a table too wide even for that may break
 *   tokens (its columns are scaled down).
 */
import { displayWidth } from './to-markdown.js';

/** Table text size (五号) in points. */
export const TABLE_FONT_PT = 10.5;
/** Cell padding left + right in points (the reference document's 100 + 100 twips) plus a safety margin for bold and rounding. */
const PAD_PT = 10 + 2;
/** Cells up to this display width (8 Chinese characters, 16 digits) are never broken. */
export const ATOMIC_UNITS = 16;
/** Headers may wrap, but keep at least this many display units (2 Chinese characters) per line. */
const HEADER_MIN_UNITS = 4;

/**
 * Advance widths (per mille of an em) of printable ASCII in Times New Roman,
 * which Liberation Serif matches metrically (Adobe Times-Roman AFM).
 */
const TIMES: Record<string, number> = {};
const TIMES_WIDTHS = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, // space ! " # $ % & ' ( ) * + , - . /
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 0-9 : ; < = > ?
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // @ A-O
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // P-Z [ \ ] ^ _
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // ` a-o
  500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, //      p-z { | } ~
];
TIMES_WIDTHS.forEach((w, i) => { TIMES[String.fromCharCode(32 + i)] = w; });

/** Width of a text in points at `sizePt` (ASCII in Times metrics, everything else one em). */
export function textWidthPt(s: string, sizePt = TABLE_FONT_PT): number {
  let milli = 0;
  for (const ch of s) milli += TIMES[ch] ?? (ch === '\u00a0' ? 250 : 1000);
  return (milli / 1000) * sizePt;
}

/** Tokens that must not break inside a longer cell: ids, dates, times, versions, numbers. */
const TOKEN = /[A-Za-z0-9][A-Za-z0-9\-./:%+_]*/g;

/** Tokens longer than this (digests, URLs) may break: no reader needs them on one line. */
const TOKEN_MAX_CHARS = 32;

function tokenWidths(text: string): number[] {
  return [...text.matchAll(TOKEN)].map((m) => m[0]).filter((t) => t.length <= TOKEN_MAX_CHARS).map((t) => textWidthPt(t));
}

/** The widest piece of a cell that must stay on one line, in points. */
export function unbreakableWidthPt(cell: string, header = false): number {
  const text = cell.trim();
  if (!text) return 0;
  if (header) {
    const first = [...text].slice(0, HEADER_MIN_UNITS / 2).join('');
    return Math.max(Math.min(textWidthPt(text), textWidthPt(first)), ...tokenWidths(text));
  }
  if (displayWidth(text) <= ATOMIC_UNITS) return textWidthPt(text);
  return Math.max(textWidthPt([...text][0] ?? ''), ...tokenWidths(text));
}

/** Column widths (twips) and page orientation of one table. */
export interface TablePlan {
  widths: number[];
  landscape: boolean;
  /** True when even a landscape page cannot hold the unbreakable widths (columns scaled down). */
  squeezed: boolean;
}

const TWIPS_PER_PT = 20;

/**
 * Plans a table: rows of cell texts, the first row being the header.
 * @param portrait text width of a portrait page (twips)
 * @param landscape text width of a landscape page (twips)
 */
export function planTable(rows: string[][], portrait: number, landscape: number): TablePlan {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const min: number[] = [];
  const natural: number[] = [];
  for (let i = 0; i < cols; i++) {
    const cells = rows.map((r) => r[i] ?? '');
    const m = Math.max(unbreakableWidthPt(cells[0] ?? '', true) * 1.05, ...cells.slice(1).map((c) => unbreakableWidthPt(c)));
    const nat = Math.max(textWidthPt(cells[0] ?? '') * 1.05, ...cells.slice(1).map((c) => textWidthPt(c.trim())));
    min.push((m + PAD_PT) * TWIPS_PER_PT);
    natural.push((Math.max(m, nat) + PAD_PT) * TWIPS_PER_PT);
  }
  const minSum = min.reduce((a, b) => a + b, 0);
  const natSum = natural.reduce((a, b) => a + b, 0);
  // Landscape only when portrait cannot hold the unbreakable widths, or when
  // the table would be much more readable there (many columns of long text).
  const landscapePage = minSum > portrait;
  const total = landscapePage ? landscape : portrait;
  if (minSum > total) {
    const widths = min.map((w) => Math.floor((w / minSum) * total));
    widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
    return { widths, landscape: landscapePage, squeezed: true };
  }
  const widths = [...min];
  let rest = total - minSum;
  // 1. Give the columns that want more up to their natural width, in proportion to what they lack.
  const lack = natural.map((n, i) => Math.max(0, n - min[i]!));
  const lackSum = lack.reduce((a, b) => a + b, 0);
  if (lackSum > 0) {
    const share = Math.min(1, rest / lackSum);
    for (let i = 0; i < cols; i++) widths[i]! += lack[i]! * share;
    rest -= lackSum * share;
  }
  // 2. Whatever is left widens the columns in proportion to their natural width (a table spans the text width).
  if (rest > 0 && natSum > 0) for (let i = 0; i < cols; i++) widths[i]! += rest * (natural[i]! / natSum);
  const rounded = widths.map((w) => Math.floor(w));
  if (rounded.length) rounded[rounded.length - 1]! += total - rounded.reduce((a, b) => a + b, 0);
  return { widths: rounded, landscape: landscapePage, squeezed: false };
}

/** Ids, dates and versions whose hyphens must not break a line (`T-20260103-01`, `2026-01-03`, `IF-aims-his-adt`). */
export const HYPHENATED_TOKEN = /[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*-[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*/g;
