/**
 * The custom formats of common.schema.json, defined by shared/time.ts (one
 * source for what a valid time is). Used by the runtime ajv instance and by
 * the precompiled validators (generate-validators.ts).
 */
import { checkDate, checkDateOrDateTime, checkDateTime, parseDurationMinutes } from '../shared/time.js';

/** Custom formats used by the schemas; the messages live in format-ajv-errors.ts. */
export const FORMATS: Record<string, (s: string) => boolean> = {
  'offset-date-time': (s) => checkDateTime(s) === null,
  'civil-date': (s) => checkDate(s) === null,
  'date-or-offset-date-time': (s) => checkDateOrDateTime(s) === null,
  'iso-duration': (s) => {
    try {
      parseDurationMinutes(s);
      return true;
    } catch {
      return false;
    }
  },
};
