/**
 * Rule `resident-id`: 18-digit PRC resident identity numbers (GB 11643-1999)
 * with a valid ISO 7064 MOD 11-2 check character, a plausible province code
 * and a real birth date. An 18-digit serial with a wrong checksum is not a finding.
 */
import type { GuardRule, RuleMatch } from '../types.js';
import { shortGroupAfter, shortGroupBefore } from './digit-groups.js';
import { maskMiddle } from '../mask.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
/** Province-level codes (first two digits), incl. HK/Macau/Taiwan and the foreigners' permanent-residence range. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
  50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91,
]);
/** 18 characters, optionally grouped by single spaces or dashes (110101 19900307 123X, 1101-0119-…); lowercase x too. */
const ID_RE = /(?<![0-9A-Za-z_])\d(?:[ -]?\d){16}[ -]?[0-9Xx](?![0-9A-Za-z_])/g;

/** The check character (0-9 or X) of the first 17 digits of a resident ID number. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** True when `s` is a plausible resident ID number: region, birth date and checksum. */
export function isResidentId(s: string): boolean {
  if (!/^\d{17}[0-9Xx]$/.test(s)) return false;
  if (!PROVINCES.has(Number(s.slice(0, 2)))) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  const dim = [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  if (d > dim) return false;
  return residentIdCheckChar(s.slice(0, 17)) === s[17]!.toUpperCase();
}

export const residentIdRule: GuardRule = {
  id: 'resident-id',
  message: 'resident ID number (居民身份证号)',
  fix: 'Remove the ID number or replace it with a placeholder such as （脱敏）; never record patient identifiers in the KB.',
  mayMatch: (facts) => facts.hasDigitRun(17),
  scan(text, _path, ctx) {
    const out: RuleMatch[] = [];
    for (const m of text.matchAll(ID_RE)) {
      if (ctx?.limit !== undefined && out.length >= ctx.limit) { ctx.truncated?.add(this.id); break; }
      if (shortGroupBefore(text, m.index) || shortGroupAfter(text, m.index + m[0].length)) continue;
      const id = m[0].replace(/[ -]/g, '');
      if (isResidentId(id)) out.push({ start: m.index, end: m.index + m[0].length, excerpt: maskMiddle(id.toUpperCase(), 4, 4) });
    }
    return out;
  },
};
