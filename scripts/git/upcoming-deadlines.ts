/**
 * Deadlines coming up, for the PR summary: inspection reports and annual
 * O&M summaries due within the next N working days (or already overdue and
 * still not delivered), and the current quarter's on-site inspection when
 * none has been recorded yet. Working days come from the PRC calendar.
 */
import { calendarFromRecords, type WorkCalendar } from '../calendar/index.js';
import { cstDateText, periodBlocks } from '../compliance/index.js';
import type { KnowledgeBase } from '../records/types.js';
import { listPeriods } from '../sla/index.js';
import { cstDateOf, formatDate, parseInstant } from '../shared/time.js';

export interface Deadline {
  kind: 'inspection-report' | 'annual-report' | 'quarterly-inspection';
  /** Record or period id. */
  subject: string;
  /** Last day (inclusive), `YYYY-MM-DD` CST. */
  due: string;
  /** Due date already passed (as of) and not done. */
  overdue: boolean;
  /** Working days left until due (0 = due today; negative when overdue). */
  workingDaysLeft: number;
  /** Chinese description. */
  title: string;
}

export interface DeadlineOptions {
  asOf: number;
  /** Look-ahead in working days (default 10). */
  windowWorkingDays?: number;
  calendar?: WorkCalendar;
}

/**
 * Lists deadlines due by the end of the look-ahead window (sorted by due date).
 * @returns deadlines and any calendar warnings (years without holiday data)
 */
export function upcomingDeadlines(kb: KnowledgeBase, opts: DeadlineOptions): { deadlines: Deadline[]; warnings: string[] } {
  const contract = kb.contract;
  if (!contract) return { deadlines: [], warnings: ['records/contract.yaml missing: no deadlines computed'] };
  const cal = opts.calendar ?? calendarFromRecords(kb.calendars);
  const warnings = new Set<string>();
  const add = (d: string, n: number) => {
    const r = cal.addWorkingDays(d, n);
    r.warnings.forEach((w) => warnings.add(w));
    return r.date;
  };
  const today = formatDate(cstDateOf(opts.asOf));
  const windowEnd = add(today, opts.windowWorkingDays ?? 10);
  const left = (due: string) => {
    const r = cal.workingDaysBetween(today, due);
    r.warnings.forEach((w) => warnings.add(w));
    return r.count;
  };
  const n = contract.sla.report_due_working_days;
  const out: Deadline[] = [];
  const push = (kind: Deadline['kind'], subject: string, due: string, title: string) => {
    if (due > windowEnd) return;
    out.push({ kind, subject, due, overdue: due < today, workingDaysLeft: left(due), title });
  };
  for (const ins of kb.inspections) {
    if (ins.report?.delivered_at) continue;
    if (parseInstant(ins.finished_at, { end: /^\d{4}-\d{2}-\d{2}$/.test(ins.finished_at) }) > opts.asOf) continue;
    const finished = cstDateText(ins.finished_at);
    push('inspection-report', ins.id, add(finished, n), `${ins.type === 'database' ? '数据库巡检报告' : '巡检报告'}（${ins.id}，${finished} 完成）`);
  }
  const periods = listPeriods(contract);
  for (const [i, p] of periods.entries()) {
    const raw = contract.service_periods[i] as { annual_report?: { delivered_at?: string } } | undefined;
    if (raw?.annual_report?.delivered_at) continue;
    if (p.end > windowEnd) continue;
    push('annual-report', p.id, add(p.end, n), `年度运维总结报告（服务期 ${p.id}：${p.start} 至 ${p.end}）`);
  }
  const current = periods.find((p) => opts.asOf >= p.startMs && opts.asOf < p.endMs);
  if (current && (contract.sla.onsite_inspections_per_quarter ?? 1) > 0) {
    const q = periodBlocks(current, 3).findIndex((b) => b.start <= today && today <= b.end);
    const block = periodBlocks(current, 3)[q];
    if (block) {
      const done = kb.inspections.filter((ins) => ins.type === 'onsite' && parseInstant(ins.started_at) <= opts.asOf && cstDateText(ins.started_at) >= block.start && cstDateText(ins.started_at) <= block.end);
      if (done.length < (contract.sla.onsite_inspections_per_quarter ?? 1)) {
        push('quarterly-inspection', `${current.id}-Q${q + 1}`, block.end, `本季度现场巡检（服务期 ${current.id} 第 ${q + 1} 季度：${block.start} 至 ${block.end}，尚未记录）`);
      }
    }
  }
  out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.subject < b.subject ? -1 : 1));
  return { deadlines: out, warnings: [...warnings] };
}
