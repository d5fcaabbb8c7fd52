import { describe, expect, it } from 'vitest';
import { contextFor, makeKb } from '../fixtures/make-kb.js';
import { constructionAdvice } from './construction-advice.js';

describe('S-7 constructionAdvice', () => {
  it('met with a recommendation record in the period', () => {
    const kb = makeKb({ recommendations: [{ id: 'REC-1', system: 'aims', date: '2026-05-01', title: '建议增加术后随访模块', status: 'proposed' }] });
    expect(constructionAdvice(contextFor(kb, '2026-06-01'))).toMatchObject({ status: 'met', evidence: ['REC-1'] });
  });
  it('manual without one (a recommendation of another period does not count)', () => {
    const kb = makeKb({ recommendations: [{ id: 'REC-2', system: 'aims', date: '2025-05-01', title: '旧建议', status: 'proposed' }] });
    expect(constructionAdvice(contextFor(kb, '2026-06-01')).status).toBe('manual');
  });
});
