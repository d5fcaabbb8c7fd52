/**
 * Grouped numbers: a number written in groups (6222 1380 0001 2345) must not
 * yield a shorter number from its middle, while numbers listed with blanks
 * between them (13800001234 13900005678) are each found. Checked in code after
 * a match (cheaper than a variable-length look-behind at every position).
 */
/** True when a short digit group (1–4 digits) and a blank or dash sit right before `start` (part of a grouped longer number). */
export function shortGroupBefore(text: string, start: number): boolean {
  const sep = text.charCodeAt(start - 1);
  if (sep !== 0x20 && sep !== 0x2d) return false;
  let i = start - 2;
  let n = 0;
  while (i >= 0 && n <= 4) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    n++;
    i--;
  }
  return n >= 1 && n <= 4;
}

/** True when a blank or dash and a short digit group (1–4 digits, then no digit) follow `end`. */
export function shortGroupAfter(text: string, end: number): boolean {
  const sep = text.charCodeAt(end);
  if (sep !== 0x20 && sep !== 0x2d) return false;
  let i = end + 1;
  let n = 0;
  while (i < text.length && n <= 4) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    n++;
    i++;
  }
  return n >= 1 && n <= 4;
}
