import { describe, expect, it } from 'vitest';
import { contextFor, makeKb, release, ticket } from '../fixtures/make-kb.js';
import { defectReleases } from './defect-releases.js';

const defect = (over = {}) => ticket({ id: 'T-20260302-60', category: 'defect', resolved_at: '2026-03-05T12:00:00+08:00', outcome: 'resolved', ...over });

describe('S-3 defectReleases', () => {
  it('met when the defect links a release with maintenance notes', () => {
    const kb = makeKb({ tickets: [defect({ fixed_in: 'REL-aims-5.2.1' })], releases: [release({ id: 'REL-aims-5.2.1' })] });
    expect(defectReleases(contextFor(kb, '2026-06-01'))).toMatchObject({ status: 'met', evidence: ['T-20260302-60', 'REL-aims-5.2.1'] });
  });
  it('breached without fixed_in', () => {
    const r = defectReleases(contextFor(makeKb({ tickets: [defect()] }), '2026-06-01'));
    expect(r.status).toBe('breached');
    expect(r.findings).toEqual([{ record: 'T-20260302-60', message: '缺陷已处理完毕，但未填写修复版本（fixed_in），无法确认修复该缺陷的软件发布' }]);
    const unknown = defectReleases(contextFor(makeKb({ tickets: [defect({ fixed_in: 'REL-nope' })] }), '2026-06-01'));
    expect(unknown.findings[0]!.message).toBe('修复版本（fixed_in）REL-nope 不是已登记的发布记录');
  });
  it('breached when the release has no maintenance notes', () => {
    const kb = makeKb({ tickets: [defect({ fixed_in: 'REL-x' })], releases: [release({ id: 'REL-x', maintenance_notes: undefined })] });
    expect(defectReleases(contextFor(kb, '2026-06-01')).findings).toEqual([{ record: 'REL-x', message: '该发布修复了缺陷 T-20260302-60，但缺少软件维护说明（maintenance_notes）' }]);
  });
  it('a workaround without a fix yet is pending', () => {
    expect(defectReleases(contextFor(makeKb({ tickets: [defect({ outcome: 'workaround' })] }), '2026-06-01')).status).toBe('pending');
  });
});
