/** Public surface of the SLA domain: per-ticket clocks and statistics. */
export { computeSla, judgeTickets, requireContract, type SlaOptions, type SlaResult, type SlaTicketRow, type JudgedTicket } from './compute-sla.js';
export { resolvePeriod, listPeriods, inPeriod, type ResolvedPeriod } from './resolve-period.js';
export { ticketClocks, FAULT_CATEGORIES, type TicketClocks, type SlaPolicy, type LevelCheck } from './ticket-clocks.js';
export { judgeClock, minutesToMs, NA_CLOCK, type Clock, type ClockStatus } from './judge-clock.js';
export { severityTimeline, isStricter, SEVERITY_ORDER, type SeverityTimeline, type SeverityRaise } from './severity-timeline.js';
export { ticketAsOf, happenedBy } from './ticket-as-of.js';
export { clearParseMemo } from './parse-memo.js';
export { isAfterHours, WORK_START_HOUR, WORK_END_HOUR } from './after-hours.js';
export { groupStats, statsBy, type GroupStats, type StatInput } from './sla-statistics.js';
export { mean, median, percentile, roundMinutes, roundRatio } from './summarize.js';
export { formatSlaText, clockText } from './format-sla-text.js';
export { renderTable, displayWidth, pad } from './text-table.js';
export { ticketClosure, closureCounts, closureSummary, CLOSURE_ORDER, CLOSURE_LABEL, type TicketClosure, type ClosureCounts } from './ticket-outcome.js';
