import { describe, expect, it } from 'vitest';
import { contextFor, makeKb } from '../fixtures/make-kb.js';
import { databaseOperations } from './database-operations.js';

describe('D-2 databaseOperations', () => {
  it('met with db_operation records in the period', () => {
    const kb = makeKb({ dbOperations: [{ id: 'DBO-1', system: 'aims', type: 'recovery', started_at: '2026-04-01', summary: '恢复误删的排班数据', outcome: 'success' }] });
    expect(databaseOperations(contextFor(kb, '2026-06-01'))).toMatchObject({ status: 'met', evidence: ['DBO-1'] });
  });
  it('manual without records, and with a failed operation (finding)', () => {
    expect(databaseOperations(contextFor(makeKb(), '2026-06-01')).status).toBe('manual');
    const kb = makeKb({ dbOperations: [{ id: 'DBO-2', system: 'aims', type: 'migration', started_at: '2026-04-01', summary: '迁移', outcome: 'failed' }] });
    expect(databaseOperations(contextFor(kb, '2026-06-01'))).toMatchObject({ status: 'manual', findings: [{ record: 'DBO-2', message: '数据迁移操作结果为失败（outcome: failed），需人工确认后续处理' }] });
  });
});
