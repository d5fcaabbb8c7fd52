/**
 * After-hours: reported outside 08:00–17:59 China Standard Time on a PRC
 * working day (nights, weekends, statutory holidays; 调休 Saturdays are
 * working days).
 */
import type { WorkCalendar } from '../calendar/index.js';
import { cstClock, cstDateOf } from '../shared/time.js';

/** First hour of the working day (CST). */
export const WORK_START_HOUR = 8;
/** First hour after the working day (CST): 18:00 is after hours. */
export const WORK_END_HOUR = 18;

/**
 * Whether an instant is after hours.
 * @param ms epoch ms
 * @param calendar the PRC working-day calendar
 * @returns the answer and the calendar's warnings (a year without holiday data)
 */
export function isAfterHours(ms: number, calendar: WorkCalendar): { afterHours: boolean; warnings: string[] } {
  const day = calendar.dayType(cstDateOf(ms));
  const { hour } = cstClock(ms);
  return { afterHours: !day.working || hour < WORK_START_HOUR || hour >= WORK_END_HOUR, warnings: day.warnings };
}
