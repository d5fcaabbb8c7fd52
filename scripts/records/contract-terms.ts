/**
 * The seed contract's service terms as policy values, in one place: the
 * defaults the loader fills in when a contract record leaves a policy key out,
 * and the full policy that test fixtures and the synthetic KB generator write.
 * The repository's own contract record states them again as data (that is the
 * record the hospital reads); these constants never override it.
 */
import type { Contract } from './types.js';

type Sla = Contract['sla'];

/**
 * Policy keys with the contract's own values (seed sections (二)4, 5, 7(1), 3(5), (三)),
 * used when a contract record leaves one out. The schema still requires the full policy after this.
 */
export const SLA_DEFAULTS = {
  fault_response: 'PT30M',
  complex_onsite: 'PT24H',
  onsite_clock: 'onsite_requested',
  report_due_working_days: 10,
  onsite_inspections_per_quarter: 1,
  database_inspections_per_period: 2,
} as const;

/**
 * Periods the contract does not state, as optional `sla` policy keys with
 * opsbook's documented defaults (README, compliance README). A contract
 * record may set its own; findings cite the key and the value used.
 * - `written_reply_working_days`: written reply to an unresolvable problem, after closing
 * - `training_working_days`: training and feature guide after an operation-changing release (S-4)
 * - `disposal_working_days`: return or destruction of hospital data after the last period (SEC-2)
 * - `late_entry_days`: audit threshold for 补录 / 补填 (calendar days)
 * - `at_risk_working_days`: the at-risk warning window before a deadline
 */
export const POLICY_DEFAULTS = {
  written_reply_working_days: 10,
  training_working_days: 10,
  disposal_working_days: 10,
  late_entry_days: 7,
  at_risk_working_days: 3,
} as const;

/** A policy key the contract does not state. */
export type PolicyKey = keyof typeof POLICY_DEFAULTS;

/**
 * The value of a policy key the contract does not state: the contract's own, else the default.
 * @returns the value and whether it is the default
 */
export function policyValue(sla: Partial<Sla> | undefined, key: PolicyKey): { key: PolicyKey; value: number; isDefault: boolean } {
  const v = (sla as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'number' && Number.isInteger(v) ? { key, value: v, isDefault: false } : { key, value: POLICY_DEFAULTS[key], isDefault: true };
}

/** Response targets, on-site windows, channels and notifications per severity (seed (二)1–3). */
function seedSeverities(): Sla['severities'] {
  return {
    '1': { response: 'PT5M', onsite_after_remote_fails: 'PT12H', channels: ['phone'], notify: ['product_team', 'senior_manager'] },
    A: { response: 'PT5M', onsite_after_remote_fails: 'PT12H', channels: ['phone'], notify: ['senior_manager'] },
    B: { response: 'PT1H', channels: ['phone', 'web', 'email'] },
    C: { response: 'PT2H', channels: ['phone', 'web', 'email'] },
  };
}

/** The whole SLA policy of the seed contract, a fresh copy each call (callers may change it). */
export function seedSla(extra: Partial<Sla> = {}): Sla {
  return { severities: seedSeverities(), ...SLA_DEFAULTS, ...extra };
}
