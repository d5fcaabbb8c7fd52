/**
 * 系统优化建议 derived from the period's data: recurring causes, modules with
 * repeated faults, departments with consultation/training tickets but no
 * recent training, hazards still open. Each suggestion names its evidence.
 */
import type { Inspection, KnowledgeBase, Ticket } from '../records/index.js';
import { cstDateOf, formatDate, parseInstant } from '../shared/time.js';
import { CATEGORY_LABEL, label } from '../shared/labels.js';
import type { PeriodWindow } from './annual-statistics.js';
import { systemName } from './report-header.js';

/** A suggestion derived from data, with the records it rests on. */
export interface DerivedSuggestion {
  /** Short heading (Chinese). */
  title: string;
  /** What was found and what we suggest (Chinese). */
  text: string;
  /** Record ids. */
  evidence: string[];
}

/** Minimum number of tickets that makes a cause "recurring". */
export const REPEAT_THRESHOLD = 2;
/** Minimum number of fault/defect tickets that makes a module "repeatedly failing". */
export const MODULE_THRESHOLD = 3;
/** A training within this many days before the cut-off counts as recent. */
export const RECENT_TRAINING_DAYS = 180;

const isFault = (t: Ticket) => t.category === 'fault' || t.category === 'defect';

function normaliseCause(s: string): string {
  return s.replace(/[\s，。、；：,.;:（）()“”"']/g, '');
}

function group<T>(items: readonly T[], key: (x: T) => string | undefined): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (!k) continue;
    const arr = m.get(k) ?? [];
    arr.push(it);
    m.set(k, arr);
  }
  return new Map([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Derives suggestions from the period's tickets, trainings and inspections.
 * @param tickets the period's tickets
 * @param inspections the period's inspections
 * @param opts.moduleThreshold faults/defects that make a module "repeatedly failing" (default MODULE_THRESHOLD)
 */
export function deriveSuggestions(kb: KnowledgeBase, w: PeriodWindow, tickets: readonly Ticket[], inspections: readonly Inspection[], opts: { moduleThreshold?: number } = {}): DerivedSuggestion[] {
  const moduleThreshold = opts.moduleThreshold ?? MODULE_THRESHOLD;
  const out: DerivedSuggestion[] = [];
  const faults = tickets.filter(isFault);

  for (const [, ts] of group(faults.filter((t) => t.cause), (t) => normaliseCause(t.cause!))) {
    if (ts.length < REPEAT_THRESHOLD) continue;
    out.push({
      title: '同一原因反复导致故障',
      text: `原因“${ts[0]!.cause!.trim().replace(/[。；;.]+$/, '')}”在本期导致 ${ts.length} 次故障。建议从根本上消除该原因（例如完善配置核查、增加监控告警或在下一版本中修复），并将处理方法纳入运维手册。`,
      evidence: ts.map((t) => t.id),
    });
  }

  const modules = [...group(faults, (t) => (t.module ? `${t.system}\u0000${t.module}` : undefined))]
    .filter(([, ts]) => ts.length >= moduleThreshold)
    .sort(([ka, a], [kb2, b]) => b.length - a.length || (ka < kb2 ? -1 : 1));
  for (const [key, ts] of modules) {
    const [sys, mod] = key.split('\u0000') as [string, string];
    out.push({
      title: '功能模块反复出现故障',
      text: `${systemName(kb, sys)}的“${mod}”模块本期发生故障或缺陷 ${ts.length} 次。建议对该模块进行专项排查与回归测试，必要时安排版本优化。`,
      evidence: ts.map((t) => t.id),
    });
  }

  const userTickets = tickets.filter((t) => t.category === 'consultation' || t.category === 'training');
  const cutoffDay = cstDateOf(w.cutoff - 1);
  for (const [dept, ts] of group(userTickets, (t) => t.department)) {
    if (ts.length < REPEAT_THRESHOLD) continue;
    const trainings = kb.trainings
      .filter((tr) => tr.departments?.includes(dept))
      .filter((tr) => parseInstant(tr.date) < w.cutoff)
      .sort((a, b) => (a.date < b.date ? 1 : -1));
    const last = trainings[0];
    const recentFrom = parseInstant(formatDate(cutoffDay)) - RECENT_TRAINING_DAYS * 86_400_000;
    if (last && parseInstant(last.date) >= recentFrom) continue;
    const cats = [...new Set(ts.map((t) => label(CATEGORY_LABEL, t.category)))].join('、');
    out.push({
      title: '科室使用问题较多且近期未培训',
      text: `${dept}本期提出${cats}类请求 ${ts.length} 次，${last ? `最近一次培训为 ${last.date}（${last.id}），已超过 ${RECENT_TRAINING_DAYS} 天` : `近 ${RECENT_TRAINING_DAYS} 天内没有该科室参加培训的记录`}。建议为该科室安排一次针对性的操作培训，并补充常见问题（FAQ）。`,
      evidence: [...ts.map((t) => t.id), ...(last ? [last.id] : [])],
    });
  }

  for (const ins of inspections) {
    const open = (ins.hazards ?? []).filter((h) => h.status === 'open');
    if (!open.length) continue;
    out.push({
      title: '巡检隐患尚未排除',
      text: `巡检 ${ins.id} 发现的 ${open.length} 项隐患尚未排除：${open.map((h) => h.description.trim().replace(/[。；;.]+$/, '')).join('；')}。建议院方与我方共同制定排除计划。`,
      evidence: [ins.id],
    });
  }
  return out;
}
