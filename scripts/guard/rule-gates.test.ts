/**
 * The rules' `mayMatch` gates and the fast path of normalizeForScan may only
 * save time, never change a result: every text of the leak corpus (whole, line
 * by line, and rewritten in upper/lower case, full-width characters, with
 * invisible characters and odd blanks) gives the same findings with the gates
 * on and off, and the same normalised text and offsets both ways.
 */
import { describe, expect, it } from 'vitest';
import { LEAKS, LOOK_ALIKES, withLuhn } from './corpus/leak-corpus.js';
import { normalizeByLoop, normalizeForScan } from './decode-text.js';
import { RULES } from './rules/index.js';
import { scanTextLocated } from './scan-text.js';
import { makeResidentId } from './test-support.js';
import { TextFacts } from './text-facts.js';

const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const mobile = ['139', '0000', '1234'].join('');
const id = makeResidentId('110101', '19900307', '123');
const card = withLuhn('622202123456789012');

/** Hand-written edge cases for the digit-run gate: prefixes, groups, runs after letters. */
const EDGES = [
  `+86 ${mobile}`, `(+86)${mobile}`, `(+86) ${mobile}`, `0086-${mobile}`, `86${mobile}`, `x86 ${mobile}`, `ab12345 ${mobile}`,
  `tel:${mobile}`, `a${mobile}`, `_${mobile}`, `1-3-9-0-0-0-0-1-2-3-4`, `139  0000 1234`, `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`,
  `${id.slice(0, 17)}x`, `卡号：${card.replace(/(\d{4})/g, '$1 ')}`, `card no ${card}`, `${card}`, `ID${id}`, `身份证${id}`,
  '密码：Sa@2026!x', 'PASSWORD=Sa2026x', 'Pwd: Qw3$erty88', 'mysql -uroot -pSa2026x', 'NET USER admin Adm1n#2026', 'Authorization: BASIC YWRtaW46U2FAMjAyNiF4',
  '住院号：ZY20260012', 'MRN: 12345678', 'Patient: 王建国', '3床 王建国', '| 账号 | 密码 |\n| --- | --- |\n| sa | Hx#2026db |',
];

function variants(text: string): string[] {
  const out = [text, text.toUpperCase(), text.toLowerCase(), fullWidth(text), text.replace(/ /g, '\u00a0'), text.replace(/ /g, '\u3000')];
  out.push([...text].join('\u200b')); // invisible characters the normaliser removes
  out.push(text.replace(/-/g, '\u2013'));
  for (const line of text.split('\n')) if (line.trim()) out.push(line);
  return out;
}

const CASES: { path: string; text: string }[] = [];
for (const c of [...LEAKS, ...LOOK_ALIKES]) for (const text of variants(c.text)) CASES.push({ path: c.path, text });
for (const e of EDGES) for (const text of variants(e)) for (const path of ['records/tickets/2026/T-1.yaml', 'docs/a.md']) CASES.push({ path, text });

describe('rule gates', () => {
  it(`never change a finding (${CASES.length} texts)`, async () => {
    let differ = 0;
    const diffs: string[] = [];
    for (const c of CASES) {
      const gated = await scanTextLocated(c.path, c.text, { secretlint: false });
      const full = await scanTextLocated(c.path, c.text, { secretlint: false, gates: false });
      if (JSON.stringify(gated) !== JSON.stringify(full)) {
        differ++;
        if (diffs.length < 5) diffs.push(`${c.path}: ${JSON.stringify(c.text.slice(0, 80))}`);
      }
    }
    expect(diffs).toEqual([]);
    expect(differ).toBe(0);
  });

  it('each rule that finds something was let through by its gate', () => {
    for (const c of CASES) {
      const norm = normalizeForScan(c.text).text;
      const facts = new TextFacts(norm);
      for (const rule of RULES) {
        if (!rule.mayMatch || rule.rawText) continue;
        const ctx = { sopsFile: c.path.startsWith('records/handover/') };
        if (rule.scan(norm, c.path, ctx).length > 0) expect(rule.mayMatch(facts, c.path, ctx), `${rule.id} on ${JSON.stringify(c.text.slice(0, 60))}`).toBe(true);
      }
    }
  });

  it('skip every content rule on a plain ticket record', () => {
    const ticket = 'id: T-20260418-26\nsystem: icis\ntitle: 设备采集服务无响应\ndescription: 合成数据：用于性能测试的服务请求。\nreported_at: 2026-04-18T21:55:00+08:00\nengineers:\n  - P-eng-3\n';
    const facts = new TextFacts(normalizeForScan(ticket).text);
    const open = RULES.filter((r) => !r.mayMatch || r.mayMatch(facts, 'records/tickets/2026/T-20260418-26.yaml', { sopsFile: false })).map((r) => r.id);
    expect(open).toEqual([]);
  });
});

describe('normalizeForScan fast path', () => {
  it('gives the same text and offsets as the character loop', () => {
    const samples = CASES.map((c) => c.text);
    // pseudo-random strings over the characters the normaliser treats specially
    const alphabet = ['a', '1', ' ', '-', '：', '１', 'Ａ', '\u00a0', '\u2003', '\u2014', '\u2028', '\u202f', '\u205f', '\u0007', '\u0085', '中', '\t', '\n', '😀'];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % alphabet.length);
    for (let i = 0; i < 300; i++) samples.push(Array.from({ length: 1 + (i % 40) }, () => alphabet[rnd()]).join(''));
    for (const s of samples) {
      const fast = normalizeForScan(s);
      const loop = normalizeByLoop(s);
      expect(fast.text).toBe(loop.text);
      for (let i = 0; i <= fast.text.length; i++) expect(fast.toOriginal(i)).toBe(loop.toOriginal(i));
    }
  });
});
