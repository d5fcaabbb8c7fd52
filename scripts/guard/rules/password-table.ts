/**
 * Rule `plaintext-password` (tables): a Markdown pipe table whose header
 * names a password column (密码, 口令, 初始密码, password, pwd, …) and a
 * body cell in that column that holds a value rather than a placeholder:
 *
 * | 系统 | 账号 | 密码 |
 * | --- | --- | --- |
 * | HIS | sa | Hx#2026db |   ← finding at `Hx#2026db`
 *
 * Columns that describe passwords (密码策略, 密码长度, 是否修改密码, password
 * policy) and cells such as `（见加密移交清单）`, `******`, `-`, `无` are not
 * findings. One pass over the lines: linear in the text.
 */
import type { GuardRule, RuleMatch } from '../types.js';
import { maskSecret } from '../mask.js';
import { isPlaceholder } from './secret-value.js';

const HEADER_WORD_RE = /密码|口令|password|passwd|passphrase|pwd|\bpass\b/i;
const DESCRIPTIVE_RE = /策略|长度|规则|复杂|有效期|修改|更改|重置|过期|位数|强度|要求|是否|说明|提示|方式|策略|policy|length|rule|complex|expir|reset|change|hint|strength|required|type|hash|field|字段/i;
const DELIMITER_RE = /^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*$/;

interface Cell {
  text: string;
  start: number;
}

/** Splits a table row into cells with their offsets (escaped `\|` stays in the cell). */
function cells(line: string, lineStart: number): Cell[] {
  const out: Cell[] = [];
  let i = 0;
  const n = line.length;
  while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
  if (line[i] === '|') i++;
  let cellStart = i;
  for (; i <= n; i++) {
    const c = line[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '|' || i === n) {
      const raw = line.slice(cellStart, i);
      const lead = raw.length - raw.trimStart().length;
      out.push({ text: raw.trim(), start: lineStart + cellStart + lead });
      cellStart = i + 1;
    }
  }
  if (out.length > 0 && out[out.length - 1]!.text === '' && /\|\s*$/.test(line)) out.pop();
  return out;
}

/** Strips Markdown emphasis/code and quotes around a cell value; returns the inner text and its shift. */
function cellValue(text: string): { value: string; shift: number } {
  const m = /^(\*\*|__|`{1,3}|["'“])?(.*?)(\*\*|__|`{1,3}|["'”])?$/.exec(text)!;
  const lead = m[1] ?? '';
  return { value: m[2]!.trim(), shift: lead.length };
}

export const passwordTableRule: GuardRule = {
  id: 'plaintext-password',
  message: 'password in a table column (表格中的明文密码)',
  fix: 'Replace the cell with （见加密移交清单） and keep the password only in the encrypted hand-over; change it, since it is in Git history.',
  mayMatch: ({ text }) => text.includes('|') && HEADER_WORD_RE.test(text),
  scan(text, _path, ctx) {
    if (!text.includes('|') || !HEADER_WORD_RE.test(text)) return [];
    const out: RuleMatch[] = [];
    const lines = text.split('\n');
    let offset = 0;
    let column = -1; // password column of the current table, -1 outside a table
    let prev: { line: string; start: number } | null = null;
    for (const line of lines) {
      if (ctx?.limit !== undefined && out.length >= ctx.limit) {
        ctx.truncated?.add(this.id);
        break;
      }
      const start = offset;
      offset += line.length + 1;
      if (!line.includes('|')) {
        column = -1;
        prev = null;
        continue;
      }
      if (DELIMITER_RE.test(line) && prev) {
        const header = cells(prev.line, prev.start);
        column = header.findIndex((c) => HEADER_WORD_RE.test(c.text) && !DESCRIPTIVE_RE.test(c.text));
        prev = null;
        continue;
      }
      if (column >= 0) {
        const cell = cells(line, start)[column];
        if (cell && cell.text !== '') {
          const { value, shift } = cellValue(cell.text);
          if (value.length >= 3 && !isPlaceholder(value) && !/^[-—–]+$/.test(value) && /^[\x21-\x7e]+$/.test(value)) {
            out.push({ start: cell.start + shift, end: cell.start + shift + value.length, excerpt: maskSecret(value) });
          }
        }
        continue;
      }
      prev = { line: line.replace(/\r$/, ''), start };
    }
    return out;
  },
};
