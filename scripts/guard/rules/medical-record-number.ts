/**
 * Rule `medical-record-number`: inpatient, outpatient and medical-record
 * numbers — 住院号/病案号/病历号/门诊号/ID号/就诊卡号 (or keys like `mrn`,
 * `inpatient_no`, `patient_id`) followed by a separator and at least four
 * digits, optionally with a short letter prefix (`住院号：ZY20260012`).
 */
import type { GuardRule, RuleMatch } from '../types.js';
import { maskMiddle } from '../mask.js';

const LABEL =
  '(?:住院号|住院病历号|病案号|病历号|门诊号|门诊病历号|就诊号|就诊卡号|(?<![A-Za-z])ID号|' +
  '(?<![A-Za-z])(?:mrn|inpatient[_-]?(?:no|number|id)|outpatient[_-]?(?:no|number|id)|medical[_-]?record[_-]?(?:no|number|id)|patient[_-]?id)(?![A-Za-z]))';
const SEP = '[ \\t\\u3000]*(?:\\*\\*|__)?[ \\t\\u3000]*(?:[:：=|]|为|是)?[ \\t\\u3000]*(?:\\*\\*|__)?[ \\t\\u3000]*["\'“]?';
const NUMBER = '(?<number>[A-Za-z]{0,3}-?\\d{4,})(?![0-9])';
const MRN_RE = new RegExp(`${LABEL}${SEP}${NUMBER}`, 'gi');
const QUICK_RE = /号|mrn|inpatient|outpatient|medical|patient/i;

export const medicalRecordNumberRule: GuardRule = {
  id: 'medical-record-number',
  message: 'inpatient/medical-record number (住院号/病案号/病历号)',
  fix: 'Remove the number or replace it with （脱敏）; refer to cases by ticket id, never by a hospital patient number.',
  scan(text) {
    if (!QUICK_RE.test(text)) return [];
    const out: RuleMatch[] = [];
    for (const m of text.matchAll(MRN_RE)) {
      const num = m.groups!.number!;
      const start = m.index + m[0].length - num.length;
      out.push({ start, end: start + num.length, excerpt: maskMiddle(num, 2, 2) });
    }
    return out;
  },
};
