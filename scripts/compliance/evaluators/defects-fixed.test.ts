import { describe, expect, it } from 'vitest';
import { contextFor, makeKb, release, ticket } from '../fixtures/make-kb.js';
import { defectsFixed } from './defects-fixed.js';

describe('M-1 defectsFixed', () => {
  it('met: defects resolved and a release exists', () => {
    const kb = makeKb({ tickets: [ticket({ category: 'defect', resolved_at: '2026-03-03T10:00:00+08:00' })], releases: [release({ id: 'REL-aims-5.2.1' })] });
    expect(defectsFixed(contextFor(kb, '2026-06-01'))).toMatchObject({ status: 'met', evidence: expect.arrayContaining(['REL-aims-5.2.1']) });
  });
  it('pending while the period runs, breached once it ended with the defect open', () => {
    const t = ticket({ id: 'T-20260302-77', category: 'defect' });
    const kb = makeKb({ tickets: [t] });
    expect(defectsFixed(contextFor(kb, '2026-06-01')).status).toBe('pending');
    const after = defectsFixed(contextFor(kb, '2026-12-05', undefined, 'Y1'));
    expect(after.status).toBe('breached');
    expect(after.findings[0]).toMatchObject({ record: 'T-20260302-77' });
  });
  it('manual without defects or releases', () => {
    expect(defectsFixed(contextFor(makeKb(), '2026-06-01')).status).toBe('manual');
  });
});
