import { checkCalendarData } from '../../calendar/check-calendar-data.js';
import type { LoadedRecord } from '../types.js';
import type { RecordRule } from './types.js';

/**
 * Calendar records are consistent beyond their schema (`checkCalendarData`):
 * id equal to year, dates inside the notice's year (or December before),
 * `from ≤ to`, breaks of at most MAX_HOLIDAY_DAYS that do not overlap,
 * adjusted working days on weekends outside the breaks, each once.
 */
export const calendarConsistency: RecordRule = {
  name: 'calendar-consistency',
  description: 'calendar records: id = year, dates in the year, from ≤ to, short non-overlapping breaks, adjusted working days on free weekends',
  check(ctx) {
    for (const r of ctx.records) {
      if (r.kind !== 'calendar') continue;
      const record = r as LoadedRecord<'calendar'>;
      for (const p of checkCalendarData(record.data)) ctx.report(record, p.path, p.message);
    }
  },
};
