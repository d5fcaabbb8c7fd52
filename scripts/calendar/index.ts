/**
 * PRC working-day calendar (SPEC §3 "Clock rules"): public API.
 */
export { createCalendar, calendarFromRecords, missingYearWarning, type CalendarOptions } from './create-calendar.js';
export { checkCalendarData, MAX_HOLIDAY_DAYS, type CalendarDataProblem } from './check-calendar-data.js';
export { builtinCalendar, type BuiltinCalendar } from './builtin-calendar.js';
export type {
  CalendarCoverage,
  CalendarHoliday,
  CalendarYearData,
  DateInput,
  DayInfo,
  DayType,
  WorkCalendar,
  WorkdayCount,
  WorkdayResult,
} from './types.js';
