/**
 * Builds the ComplianceContext an evaluator reads: period, as-of, calendar,
 * judged tickets, evidence, and the deadline helpers (working days of the
 * PRC, at-risk window).
 */
import type { WorkCalendar } from '../calendar/index.js';
import type { KnowledgeBase } from '../records/types.js';
import { happenedBy, judgeTickets, listPeriods, requireContract, resolvePeriod } from '../sla/index.js';
import { policyValue, POLICY_DEFAULTS, type PolicyKey } from '../records/contract-terms.js';
import { cstDateOf, formatDate, parseInstant } from '../shared/time.js';
import type { ComplianceContext, ComplianceEvidence, GracePeriod } from './types.js';

/** Default of `sla.at_risk_working_days` (records/contract-terms.ts). */
export const DEFAULT_AT_RISK_WORKING_DAYS = POLICY_DEFAULTS.at_risk_working_days;

/** The CST date `YYYY-MM-DD` of a date or date-time text. */
export function cstDateText(text: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : formatDate(cstDateOf(parseInstant(text)));
}

/**
 * Builds the context.
 * @param kb the knowledge base
 * @param opts period id, as-of, calendar and gathered evidence
 * @param warnings collects warnings (deduplicated)
 */
export function buildContext(
  kb: KnowledgeBase,
  opts: { periodId?: string; asOf: number; calendar: WorkCalendar; evidence: ComplianceEvidence },
  warnings: Set<string>,
): ComplianceContext {
  const contract = requireContract(kb);
  const period = resolvePeriod(contract, opts.periodId, opts.asOf);
  const { asOf, calendar } = opts;
  const policy = contract.sla;
  const asOfDate = formatDate(cstDateOf(asOf));
  const atRisk = policyValue(policy, 'at_risk_working_days').value;
  const grace = (key: PolicyKey): GracePeriod => {
    const v = policyValue(policy, key);
    return { key: v.key, workingDays: v.value, isDefault: v.isDefault };
  };
  const collect = (ws: readonly string[]) => ws.forEach((w) => warnings.add(w));
  return {
    kb,
    contract,
    policy,
    period,
    periods: listPeriods(contract),
    asOf,
    asOfDate,
    calendar,
    tickets: judgeTickets(kb, period, asOf, calendar, warnings),
    evidence: opts.evidence,
    atRiskWorkingDays: atRisk,
    grace: { writtenReply: grace('written_reply_working_days'), training: grace('training_working_days'), disposal: grace('disposal_working_days') },
    reportDueWorkingDays: policy.report_due_working_days,
    warn: (m) => void warnings.add(m),
    inPeriod(text) {
      if (text === undefined) return false;
      const t = parseInstant(text);
      return t >= period.startMs && t < period.endMs && t <= asOf;
    },
    dueAfter(eventText, n) {
      const r = calendar.addWorkingDays(cstDateText(eventText), n);
      collect(r.warnings);
      return r.date;
    },
    judgeDue(due, doneText) {
      if (doneText !== undefined && happenedBy(doneText, asOf)) return cstDateText(doneText) <= due ? 'met' : 'breached';
      if (asOfDate > due) return 'breached';
      const left = calendar.workingDaysBetween(asOfDate, due);
      collect(left.warnings);
      return left.count <= atRisk ? 'at-risk' : 'pending';
    },
  };
}
