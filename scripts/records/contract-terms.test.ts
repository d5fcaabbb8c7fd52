import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { POLICY_DEFAULTS, policyValue, seedSla } from './contract-terms.js';

const REPO_CONTRACT = path.join(import.meta.dirname, '..', '..', 'records', 'contract.yaml');

describe('contract terms', () => {
  // The constants restate the seed contract; the repository's contract record is the
  // data the hospital reads. They must say the same thing.
  it('match the repository contract record', () => {
    const sla = (parse(fs.readFileSync(REPO_CONTRACT, 'utf8')) as { sla: Record<string, unknown> }).sla;
    const { severities, ...rest } = seedSla();
    expect(sla.severities).toEqual(severities);
    for (const [key, value] of Object.entries(rest)) expect(sla[key], key).toBe(value);
  });

  it('the repository contract states the periods the contract leaves open with their documented defaults', () => {
    const sla = (parse(fs.readFileSync(REPO_CONTRACT, 'utf8')) as { sla: Record<string, unknown> }).sla;
    for (const [key, value] of Object.entries(POLICY_DEFAULTS)) expect(sla[key], key).toBe(value);
  });

  it('policyValue: the contract value, else the default (and says which)', () => {
    expect(policyValue({ written_reply_working_days: 5 }, 'written_reply_working_days')).toEqual({ key: 'written_reply_working_days', value: 5, isDefault: false });
    expect(policyValue({}, 'written_reply_working_days')).toEqual({ key: 'written_reply_working_days', value: 10, isDefault: true });
    expect(policyValue(undefined, 'late_entry_days').value).toBe(7);
  });

  it('gives a fresh copy each call, so a caller changing one cannot change the defaults', () => {
    const a = seedSla();
    a.severities.C.response = 'PT9H';
    expect(seedSla().severities.C.response).toBe('PT2H');
    expect(seedSla({ at_risk_working_days: 5 }).at_risk_working_days).toBe(5);
  });
});
