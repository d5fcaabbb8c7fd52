/**
 * Memoised parsing of record times (and of the contract's ISO durations). The SLA and compliance code reads the
 * same `reported_at`, `responded_at`, … strings many times per run (every
 * period filters every ticket; `sla` and `compliance` judge the same tickets),
 * and a regex parse costs ~1 µs while a Map hit costs a few dozen ns. The
 * results are exactly those of `parseDateTime` / `parseInstant` (bad input
 * still throws, and is never cached); the cache is bounded.
 */
import { parseDateTime, parseDurationMinutes, parseInstant } from '../shared/time.js';

/** Entries per cache before it is dropped and refilled (≈100 MB worst case). */
const LIMIT = 1 << 20;
const dateTimes = new Map<string, number>();
const instants = new Map<string, number>();
const durations = new Map<string, number>();

function remember(cache: Map<string, number>, text: string, ms: number): number {
  if (cache.size >= LIMIT) cache.clear();
  cache.set(text, ms);
  return ms;
}

/**
 * `parseDateTime(text)`, memoised.
 * @param text an ISO date-time with offset
 * @returns epoch ms
 * @throws RangeError like parseDateTime
 */
export function dateTimeMs(text: string): number {
  return dateTimes.get(text) ?? remember(dateTimes, text, parseDateTime(text));
}

/**
 * `parseInstant(text)` (a bare date is the start of that CST day), memoised.
 * @param text a date or a date-time with offset
 * @returns epoch ms
 * @throws RangeError like parseInstant
 */
export function instantMs(text: string): number {
  return instants.get(text) ?? remember(instants, text, parseInstant(text));
}

/**
 * `parseDurationMinutes(text)` (an SLA target such as `PT30M`), memoised.
 * @param text an ISO 8601 duration
 * @returns minutes
 * @throws RangeError like parseDurationMinutes
 */
export function durationMinutes(text: string): number {
  return durations.get(text) ?? remember(durations, text, parseDurationMinutes(text));
}

/** Empties the caches (the pipeline does so before its reports step: at 100k tickets they hold ~500k entries). */
export function clearParseMemo(): void {
  dateTimes.clear();
  instants.clear();
  durations.clear();
}
