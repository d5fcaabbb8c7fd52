import { expect, it } from 'vitest';

it('exposes the public API', async () => {
  expect(Object.keys(await import('./index.js')).sort()).toEqual([
    'MAX_HOLIDAY_DAYS', 'builtinCalendar', 'calendarFromRecords', 'checkCalendarData', 'createCalendar', 'missingYearWarning',
  ]);
});
