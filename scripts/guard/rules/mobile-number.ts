/**
 * Rule `mobile-number`: mainland China mobile numbers — 11 digits starting
 * 13–19, optionally written with +86/0086/86 and spaces or dashes (3-4-4 or
 * any grouping; full-width digits are read as digits by the scanner) —
 * that are not part of a longer run of digits or letters. Landlines
 * (010-12345678, 0571-…) and service numbers are not findings.
 */
import type { GuardRule, RuleMatch } from '../types.js';
import { shortGroupAfter, shortGroupBefore } from './digit-groups.js';
import { maskMiddle } from '../mask.js';

/**
 * 11 digits from 1[3-9], any single space or dash between digits (138 0000
 * 1234, 1380-000-1234, 1 3 8 …), an optional +86/0086/86/(+86) prefix; not
 * inside a longer run of digits or letters, nor next to a short digit group
 * (a card number written 6222 1380 0001 2345), nor a dotted version
 * (13.8.0000.1234); numbers listed with blanks between them are each found.
 */
const MOBILE_RE = /(?<![0-9A-Za-z_.+])(?:(?:\+|00)?86[ -]?|\(\+?86\)[ -]?)?1[ -]?[3-9](?:[ -]?\d){9}(?![0-9A-Za-z_]|[ -]?\.\d)/g;

export const mobileNumberRule: GuardRule = {
  id: 'mobile-number',
  message: 'mobile phone number (手机号码)',
  fix: 'Remove the mobile number or mask it (138****5678); contact details of staff belong in the encrypted hand-over, not in records or docs.',
  // every match holds 11 digits starting after a non-word character (the prefix forms included)
  mayMatch: (facts) => facts.hasDigitRun(11),
  scan(text, _path, ctx) {
    const out: RuleMatch[] = [];
    for (const m of text.matchAll(MOBILE_RE)) {
      if (ctx?.limit !== undefined && out.length >= ctx.limit) { ctx.truncated?.add(this.id); break; }
      if (shortGroupBefore(text, m.index) || shortGroupAfter(text, m.index + m[0].length)) continue;
      const digits = m[0].replace(/\D/g, '').slice(-11);
      out.push({ start: m.index, end: m.index + m[0].length, excerpt: maskMiddle(digits, 3, 4) });
    }
    return out;
  },
};
