import { describe, expect, it } from 'vitest';
import { contextFor, goodEvidence, makeKb, release, training } from '../fixtures/make-kb.js';
import { operationTraining } from './operation-training.js';

const rel = release({ id: 'REL-aims-5.3.0', version: '5.3.0', released_at: '2026-05-11', changes_operation: true });
const withGuide = () => {
  const ev = goodEvidence();
  ev.manuals![0]!.featureGuides = [{ version: '5.3.0', path: 'docs/aims/features/5.3.0.md' }];
  return ev;
};

describe('S-4 operationTraining', () => {
  it('met with a training naming the release within 10 working days and a feature guide', () => {
    const kb = makeKb({ releases: [rel], trainings: [training({ id: 'TRN-1', date: '2026-05-20', release: 'REL-aims-5.3.0' })] });
    expect(operationTraining(contextFor(kb, '2026-07-01', withGuide()))).toMatchObject({ status: 'met', evidence: ['REL-aims-5.3.0', 'TRN-1'] });
  });
  it('a same-system training after the release date counts when none names it', () => {
    const kb = makeKb({ releases: [rel], trainings: [training({ id: 'TRN-2', date: '2026-05-12' })] });
    expect(operationTraining(contextFor(kb, '2026-07-01', withGuide())).status).toBe('met');
  });
  it('breached without a training once due; pending before', () => {
    const kb = makeKb({ releases: [rel] });
    const r = operationTraining(contextFor(kb, '2026-07-01', withGuide()));
    expect(r.status).toBe('breached');
    expect(r.findings).toEqual([{
      record: 'REL-aims-5.3.0',
      message: '该发布改变了软件操作（changes_operation: true），但尚无用户培训记录（training）与之对应，已超过截止日期 2026-05-25（发布 2026-05-11 后 10 个工作日内，合同未约定期限，按 sla.training_working_days（10 个工作日，默认值）计）',
    }]);
    expect(operationTraining(contextFor(kb, '2026-05-12', withGuide())).status).toBe('pending');
  });
  it('breached without a feature guide page', () => {
    const kb = makeKb({ releases: [rel], trainings: [training({ id: 'TRN-1', date: '2026-05-20', release: 'REL-aims-5.3.0' })] });
    const r = operationTraining(contextFor(kb, '2026-07-01'));
    expect(r.status).toBe('breached');
    expect(r.findings[0]!.message).toBe('缺少手术麻醉临床信息系统（aims）5.3.0 版的新功能使用说明：未填写新功能使用说明页面（feature_guide），docs/aims/features/5.3.0.md 也不存在，已超过截止日期 2026-05-25（发布 2026-05-11 后 10 个工作日内，合同未约定期限，按 sla.training_working_days（10 个工作日，默认值）计）');
  });
  it('a KB without docs/: the feature guide is n/a (no page to judge), the training still counts', () => {
    const kb = makeKb({ releases: [rel], trainings: [training({ id: 'TRN-1', date: '2026-05-20', release: 'REL-aims-5.3.0' })] });
    const r = operationTraining(contextFor(kb, '2026-07-01', { ...goodEvidence(), manuals: [] }));
    expect(r).toMatchObject({ status: 'met', findings: [] });
    expect(r.summary).toContain('新功能使用说明不适用：本知识库没有 docs/ 目录');
    expect(operationTraining(contextFor(makeKb({ releases: [rel] }), '2026-07-01', { ...goodEvidence(), manuals: [] })).status).toBe('breached');
  });
  it('n/a without operation-changing releases', () => {
    expect(operationTraining(contextFor(makeKb({ releases: [release({ id: 'REL-y' })] }), '2026-07-01')).status).toBe('n/a');
  });
});
