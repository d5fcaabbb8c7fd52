/**
 * Rule `medical-record-number`: inpatient, outpatient and medical-record
 * numbers — 住院号/住院号码/住院编号/病案号码/病历号/门诊号/ID 号/就诊卡号/
 * 患者ID (or keys like `mrn`, `inpatient_no`, `patient_id`) followed by a
 * separator and at least four digits, optionally with a short letter prefix
 * (`住院号：ZY20260012`, `病案号（BA2026001）`). Prose between label and
 * number (`住院号长度为 12 位`) is not a finding.
 */
import { keywords } from '../text-facts.js';
import type { GuardRule, RuleMatch } from '../types.js';
import { maskMiddle } from '../mask.js';

/**
 * Label families: 住院/病案/病历/门诊/急诊/就诊/登记/医保/健康卡 + 号/号码/编号/
 * 流水号/登记号/卡号/ID (住院号码, 病案编号, 住院流水号, 患者ID…), `ID 号`,
 * and English keys (mrn, inpatient_no, patient_id, medical_record_number).
 */
const LABEL =
  '(?:(?:住院|病案|病历|门诊|急诊|就诊|登记|医保|健康卡|住院病历|门诊病历|患者|病人|病患)[ \\t]?(?:号码|编号|流水号|登记号|卡号|号|ID|Id|id|No\\.?)' +
  '|(?<![A-Za-z])ID[ \\t\\u3000]?号' +
  '|(?<![A-Za-z])(?:mrn|inpatient[_ -]?(?:no|num|number|id)|outpatient[_ -]?(?:no|num|number|id)|medical[_ -]?record[_ -]?(?:no|num|number|id)|patient[_ -]?(?:id|no|number))(?![A-Za-z]))';
const SEP =
  '[ \\t\\u3000]{0,4}(?:\\*\\*|__)?[ \\t\\u3000]{0,4}(?:[:：=|#]|No\\.?|为|是)?[ \\t\\u3000]{0,4}(?:\\*\\*|__)?[ \\t\\u3000]{0,4}["\'“(（\\[【]?';
const NUMBER = '(?<number>[A-Za-z]{0,3}[-_]?\\d{4,32})(?![0-9])';
const MRN_RE = new RegExp(`${LABEL}${SEP}${NUMBER}`, 'gi');
const QUICK_RE = /号|ID|mrn|inpatient|outpatient|medical|patient/i;
/**
 * Tighter than QUICK_RE (whose `ID` passes every YAML record's `id:`): every
 * LABEL holds one of its Chinese prefixes, 号 (`ID 号`) or an English key
 * word (`inpatient`/`outpatient` contain `patient`). The scanner's gate.
 */
const LABEL_WORDS = keywords(['号', '住院', '病案', '病历', '门诊', '急诊', '就诊', '登记', '医保', '健康卡', '患者', '病人', '病患', 'mrn', 'patient', 'medical']);

export const medicalRecordNumberRule: GuardRule = {
  id: 'medical-record-number',
  message: 'inpatient/medical-record number (住院号/病案号/病历号)',
  fix: 'Remove the number or replace it with （脱敏）; refer to cases by ticket id, never by a hospital patient number.',
  mayMatch: (facts) => facts.hasAny(LABEL_WORDS),
  scan(text, _path, ctx) {
    if (!QUICK_RE.test(text)) return [];
    const out: RuleMatch[] = [];
    for (const m of text.matchAll(MRN_RE)) {
      if (ctx?.limit !== undefined && out.length >= ctx.limit) { ctx.truncated?.add(this.id); break; }
      const num = m.groups!.number!;
      const start = m.index + m[0].length - num.length;
      out.push({ start, end: start + num.length, excerpt: maskMiddle(num, 2, 2) });
    }
    return out;
  },
};
