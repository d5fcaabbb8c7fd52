import { describe, expect, it } from 'vitest';
import { change, contextFor, makeKb } from '../fixtures/make-kb.js';
import { policyChanges } from './policy-changes.js';

const policy = (over = {}) => change({ id: 'CHG-P1', source: 'policy', kind: 'form', regulation: '某病历书写规范（虚构）', ...over });

describe('S-6 policyChanges', () => {
  it('met when delivered by the agreed date', () => {
    expect(policyChanges(contextFor(makeKb({ changes: [policy({ status: 'delivered', delivered_at: '2026-04-10' })] }), '2026-06-01')).status).toBe('met');
  });
  it('breached when not delivered after the agreed date', () => {
    const r = policyChanges(contextFor(makeKb({ changes: [policy()] }), '2026-06-01'));
    expect(r.status).toBe('breached');
    expect(r.findings[0]).toMatchObject({ record: 'CHG-P1' });
  });
  it('request changes are not S-6', () => {
    expect(policyChanges(contextFor(makeKb({ changes: [change({ id: 'CHG-R' })] }), '2026-06-01')).status).toBe('n/a');
  });
});
