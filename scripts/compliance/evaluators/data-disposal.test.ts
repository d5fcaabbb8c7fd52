import { describe, expect, it } from 'vitest';
import { contextFor, makeKb } from '../fixtures/make-kb.js';
import { dataDisposal } from './data-disposal.js';

describe('SEC-2 dataDisposal', () => {
  it('pending before the last period ends', () => {
    expect(dataDisposal(contextFor(makeKb(), '2026-06-01')).status).toBe('pending');
  });
  it('met with a disposal record after the contract ended', () => {
    const kb = makeKb({ disposals: [{ id: 'DSP-1', date: '2027-12-03', method: 'destroy', scope: ['测试库备份'] }] });
    expect(dataDisposal(contextFor(kb, '2027-12-10')).status).toBe('met');
  });
  it('breached when none is recorded 10 working days after the end', () => {
    const r = dataDisposal(contextFor(makeKb(), '2028-01-10'));
    expect(r.status).toBe('breached');
    expect(r.findings).toEqual([{
      record: 'HT-TEST-01',
      message: '合同已于 2027-11-30 期满，尚无数据返还或销毁记录（records/disposals/），已超过截止日期 2027-12-14（合同期满 2027-11-30 后 10 个工作日内，合同未约定期限，按 sla.disposal_working_days（10 个工作日，默认值）计）',
    }]);
  });
});
