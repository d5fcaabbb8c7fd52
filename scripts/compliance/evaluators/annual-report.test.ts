import { describe, expect, it } from 'vitest';
import { CONTRACT, contextFor, makeKb } from '../fixtures/make-kb.js';
import { annualReport } from './annual-report.js';

// Y1 ends 2026-11-30 (Mon) → 10 working days → due 2026-12-14
const withReport = (delivered: string) => makeKb({ contract: { ...CONTRACT, service_periods: [{ ...CONTRACT.service_periods[0]!, annual_report: { delivered_at: delivered } }, CONTRACT.service_periods[1]!] } });

describe('RPT-2 annualReport', () => {
  it('pending before the period ends', () => {
    expect(annualReport(contextFor(makeKb(), '2026-11-26', undefined, 'Y1')).status).toBe('pending');
  });
  it('met when delivered by the 10th working day', () => {
    expect(annualReport(contextFor(withReport('2026-12-14'), '2026-12-20', undefined, 'Y1')).status).toBe('met');
  });
  it('breached when late or missing after the due date', () => {
    expect(annualReport(contextFor(withReport('2026-12-15'), '2026-12-20', undefined, 'Y1')).status).toBe('breached');
    const r = annualReport(contextFor(makeKb(), '2026-12-15', undefined, 'Y1'));
    expect(r.status).toBe('breached');
    expect(r.findings[0]!.message).toContain('due 2026-12-14');
  });
  it('at-risk in the last working days', () => {
    expect(annualReport(contextFor(makeKb(), '2026-12-10', undefined, 'Y1')).status).toBe('at-risk');
  });
});
