import { describe, expect, it } from 'vitest';
import { contextFor, makeKb, ticket } from '../fixtures/make-kb.js';
import { faultResponse } from './fault-response.js';

describe('R-1 faultResponse', () => {
  it('met at exactly 30 minutes', () => {
    const kb = makeKb({ tickets: [ticket({ category: 'fault', responded_at: '2026-03-02T10:30:00+08:00' })] });
    expect(faultResponse(contextFor(kb, '2026-06-01')).status).toBe('met');
  });
  it('breached at 30 min 1 s, with the times in the finding', () => {
    const kb = makeKb({ tickets: [ticket({ id: 'T-20260302-70', category: 'defect', responded_at: '2026-03-02T10:30:01+08:00' })] });
    const r = faultResponse(contextFor(kb, '2026-06-01'));
    expect(r.status).toBe('breached');
    expect(r.findings[0]).toMatchObject({ record: 'T-20260302-70', message: expect.stringContaining('responded_at 2026-03-02T10:30:01+08:00') });
  });
  it('pending while the 30 minutes run', () => {
    const kb = makeKb({ tickets: [ticket({ category: 'fault' })] });
    expect(faultResponse(contextFor(kb, '2026-03-02T10:20:00+08:00')).status).toBe('pending');
  });
});
