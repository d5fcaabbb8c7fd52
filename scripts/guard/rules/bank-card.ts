/**
 * Rule `bank-card`: payment card numbers — 13 to 19 digits, optionally in
 * groups separated by spaces or dashes, with a valid Luhn check digit and an
 * issuer prefix (UnionPay 62/81, Visa 4, Mastercard 51–55, Amex 34/37, JCB 35,
 * Discover 60/64/65). After a card label (卡号, 银行卡, card, …) any
 * Luhn-valid number counts.
 *
 * Not findings: Luhn-invalid numbers, resident ID numbers (their own rule),
 * 18-digit numbers shaped like an ID (region + birth date) without a card
 * label, dates, ticket ids, timestamps (they start with 1 or 2).
 */
import type { GuardRule, RuleMatch } from '../types.js';
import { shortGroupAfter, shortGroupBefore } from './digit-groups.js';
import { maskMiddle } from '../mask.js';
import { isResidentId } from './resident-id.js';

const CARD_RE = /(?<![0-9A-Za-z_])\d(?:[ -]?\d){12,18}(?![0-9A-Za-z_])/g;
const LABEL_RE = /(?:卡号|银行卡|信用卡|借记卡|储蓄卡|银联卡|银行账号|银行帐号|收款账号|退款账户|退款账号|开户账号|card(?:[ _-]?(?:no|number|num))?|pan|iban)[^\n0-9]{0,12}$/i;

/** True when `digits` passes the Luhn (mod 10) check. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function issuerPrefix(d: string): boolean {
  const n = d.length;
  if (/^(?:62|81)/.test(d)) return n >= 16;
  if (d[0] === '4') return n === 13 || n === 16 || n === 19;
  if (/^5[1-5]/.test(d)) return n === 16;
  if (/^3[47]/.test(d)) return n === 15;
  if (/^35/.test(d)) return n >= 16;
  if (/^(?:60|64|65)/.test(d)) return n >= 16;
  return false;
}

/** An 18-digit number with a plausible region and birth date (an ID number with a typo, not a card). */
function idShaped(d: string): boolean {
  if (d.length !== 18) return false;
  const y = Number(d.slice(6, 10));
  const m = Number(d.slice(10, 12));
  const day = Number(d.slice(12, 14));
  return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

export const bankCardRule: GuardRule = {
  id: 'bank-card',
  message: 'bank card number (银行卡号)',
  fix: 'Remove the card number or mask it (6222 **** **** 1234); payment details never belong in records or manuals.',
  mayMatch: (facts) => facts.hasDigitRun(13),
  scan(text, _path, ctx) {
    const out: RuleMatch[] = [];
    for (const m of text.matchAll(CARD_RE)) {
      if (ctx?.limit !== undefined && out.length >= ctx.limit) { ctx.truncated?.add(this.id); break; }
      if (shortGroupBefore(text, m.index) || shortGroupAfter(text, m.index + m[0].length)) continue;
      const digits = m[0].replace(/[ -]/g, '');
      if (digits.length < 13 || digits.length > 19 || !luhnValid(digits)) continue;
      if (isResidentId(digits)) continue;
      const labelled = LABEL_RE.test(text.slice(Math.max(0, m.index - 24), m.index));
      if (!labelled && (!issuerPrefix(digits) || idShaped(digits))) continue;
      out.push({ start: m.index, end: m.index + m[0].length, excerpt: maskMiddle(digits, 4, 4) });
    }
    return out;
  },
};
