/** Chinese labels and formatting shared by the generated pages (time-zone independent). */
import { checkDateTime, formatCst, parseDateTime } from '../shared/time.js';

export const SYSTEM_LABEL: Record<string, string> = { aims: '手术麻醉临床信息系统', icis: '重症监护信息系统' };
export const SYSTEM_SHORT: Record<string, string> = { aims: '手术麻醉', icis: '重症监护' };
export const SEVERITY_LABEL: Record<string, string> = { '1': '1 级', A: 'A 级', B: 'B 级', C: 'C 级' };
export const CATEGORY_LABEL: Record<string, string> = {
  fault: '故障', defect: '缺陷', interface: '接口', database: '数据库', change: '变更', consultation: '咨询', training: '培训',
};
export const CHANNEL_LABEL: Record<string, string> = { phone: '电话', web: '网络', email: '邮件' };
export const OUTCOME_LABEL: Record<string, string> = { resolved: '已解决', workaround: '临时规避', unresolvable: '无法解决（书面答复）', duplicate: '重复' };
export const SLA_STATUS_LABEL: Record<string, string> = { met: '达标', breached: '超时', pending: '进行中', 'n/a': '—' };
export const CLAUSE_STATUS_LABEL: Record<string, string> = {
  met: '已满足', breached: '未满足', pending: '未到期', manual: '需人工确认', 'n/a': '不适用', 'at-risk': '临期',
};
export const CONTENT_TYPE_LABEL: Record<string, string> = { feature: '新功能', fix: '缺陷修复', improvement: '优化', policy: '政策变更' };

/** `2026-03-14T02:13:00+08:00` → `2026-03-14 02:13` (Beijing time); dates and empty values pass through. */
export function fmtTime(value: string | undefined | null): string {
  if (!value) return '—';
  if (checkDateTime(value) !== null) return value;
  return formatCst(parseDateTime(value)).slice(0, 16).replace('T', ' ');
}

/** Minutes as `X 小时 Y 分` / `Y 分钟`. */
export function fmtMinutes(min: number | null | undefined): string {
  if (min === null || min === undefined || !Number.isFinite(min)) return '—';
  const m = Math.round(min);
  if (m < 60) return `${m} 分钟`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} 小时 ${m % 60} 分` : `${h} 小时`;
}

/** A share as a percentage with one decimal, `—` when the total is 0. */
export function fmtPercent(part: number, total: number): string {
  return total > 0 ? `${((part / total) * 100).toFixed(1)}%` : '—';
}

/** A stable heading anchor for a record id (`INS-2026-01` → `ins-2026-01`). */
export function anchorOf(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

/** A time shown next to `base`: only `HH:MM` on the same Beijing day, else `MM-DD HH:MM` in the same year, else in full. */
export function fmtTimeAfter(value: string | undefined | null, base: string): string {
  const full = fmtTime(value);
  const ref = fmtTime(base);
  if (full.length !== 16 || ref.length !== 16) return full;
  if (full.slice(0, 10) === ref.slice(0, 10)) return full.slice(11);
  if (full.slice(0, 4) === ref.slice(0, 4)) return full.slice(5);
  return full;
}
