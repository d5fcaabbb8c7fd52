import { describe, expect, it } from 'vitest';
import { CLAUSE_STATUS_LABEL } from '../../shared/labels.js';
import { compliancePage, type MatrixView } from './compliance.js';

const result: MatrixView = {
  period: { id: 'Y1', start: '2025-12-01', end: '2026-11-30' },
  asOf: '2026-11-26T23:59:59+08:00',
  clauses: [
    { id: 'L-1', title: '服务请求级别', status: 'breached', evidence: ['T-1'], findings: [{ record: 'T-1', message: 'A级服务请求只能通过电话（phone）提交' }] },
    { id: 'S-6', status: 'met', evidence: ['CHG-1'], findings: [] },
    { id: 'S-1', status: 'manual', evidence: [], findings: [] },
    { id: 'SEC-2', status: 'pending', evidence: [], findings: [] },
  ],
};

describe('compliancePage', () => {
  it('words clause statuses as the compliance text and the annual report do (shared/labels.ts)', () => {
    const md = compliancePage(result, () => null, { 'S-6': '需求的更新', 'S-1': '远程电话支持', 'SEC-2': '数据返还或销毁' });
    expect(md).toContain('共 4 条：达标 1，**违约 1**，临期 0，未到期 1，待人工确认 1，不适用 0。');
    expect(md).toMatch(/\| \[L-1\]\(#l-1\) \| \*\*违约\*\* \|/);
    expect(md).toContain('## L-1 违约');
    expect(md).toContain('## S-1 待人工确认');
    expect(md).not.toMatch(/已满足|未满足|需人工确认/);
    expect(CLAUSE_STATUS_LABEL.breached).toBe('违约');
  });
});
