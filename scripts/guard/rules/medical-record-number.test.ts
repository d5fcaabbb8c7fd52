import { describe, expect, it } from 'vitest';
import { scanText } from '../scan-text.js';

const scan = (text: string) => scanText('records/tickets/2026/T-20260301-01.yaml', text, { secretlint: false });

describe('medical-record-number', () => {
  it.each([
    ['description: 住院号 20260012 的医嘱无法保存', 1, 18, '20****12'],
    ['住院号：ZY20260012', 1, 5, 'ZY******12'],
    ['病案号:000123456', 1, 5, '00*****56'],
    ['x\n病历号为 1234567', 2, 6, '12***67'],
    ['门诊号 88001234', 1, 5, '88****34'],
    ['患者ID号：5566778', 1, 7, '55***78'],
    ['mrn: 7700123', 1, 6, '77***23'],
    ['inpatient_no: "7700123"', 1, 16, '77***23'],
  ])('finds %j', async (text, line, column, excerpt) => {
    const f = await scan(text);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'medical-record-number', line, column, excerpt });
  });

  it.each([
    '住院号字段长度为 12 位',
    '门诊号 10 位',
    '病案号：（脱敏）',
    '病历号：******',
    '按住院号查询病历',
    'ID: 20260012',
  ])('ignores %j', async (text) => {
    expect(await scan(text)).toEqual([]);
  });
});
