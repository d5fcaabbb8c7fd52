/**
 * Rule `mobile-number`: mainland China mobile numbers — 11 digits starting
 * 13–19, optionally written with +86/0086/86 and spaces or dashes (3-4-4) —
 * that are not part of a longer run of digits or letters. Landlines
 * (010-12345678, 0571-…) and service numbers are not findings.
 */
import type { GuardRule, RuleMatch } from '../types.js';
import { maskMiddle } from '../mask.js';

const MOBILE_RE = /(?<![0-9A-Za-z.+-])(?:(?:\+|00)?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?![0-9A-Za-z]|\.\d|-\d)/g;

export const mobileNumberRule: GuardRule = {
  id: 'mobile-number',
  message: 'mobile phone number (手机号码)',
  fix: 'Remove the mobile number or mask it (138****5678); contact details of staff belong in the encrypted hand-over, not in records or docs.',
  scan(text) {
    const out: RuleMatch[] = [];
    for (const m of text.matchAll(MOBILE_RE)) {
      const digits = `${m[1]}${m[2]}${m[3]}`;
      out.push({ start: m.index, end: m.index + m[0].length, excerpt: maskMiddle(digits, 3, 4) });
    }
    return out;
  },
};
