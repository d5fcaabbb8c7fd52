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
    const late = annualReport(contextFor(withReport('2026-12-15'), '2026-12-20', undefined, 'Y1'));
    expect(late.status).toBe('breached');
    expect(late.findings).toEqual([{
      record: 'HT-TEST-01',
      message: '服务期 Y1 的年度运维总结报告提交日期（service_periods[].annual_report.delivered_at）2026-12-15 晚于截止日期 2026-12-14（服务期 Y1 结束 2026-11-30 后 10 个工作日内）',
    }]);
    const r = annualReport(contextFor(makeKb(), '2026-12-15', undefined, 'Y1'));
    expect(r.status).toBe('breached');
    expect(r.findings[0]!.message).toBe('尚未提交服务期 Y1 的年度运维总结报告（service_periods[].annual_report.delivered_at），已超过截止日期 2026-12-14（服务期 Y1 结束 2026-11-30 后 10 个工作日内）');
  });
  it('at-risk in the last working days', () => {
    const r = annualReport(contextFor(makeKb(), '2026-12-10', undefined, 'Y1'));
    expect(r.status).toBe('at-risk');
    expect(r.findings[0]!.message).toContain('截止日期 2026-12-14（服务期 Y1 结束 2026-11-30 后 10 个工作日内），剩余不超过 3 个工作日');
  });
});
