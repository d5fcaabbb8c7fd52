import { describe, expect, it } from 'vitest';
import { contextFor, goodEvidence, makeKb, release } from '../fixtures/make-kb.js';
import { serviceDocuments } from './service-documents.js';

describe('S-8 serviceDocuments', () => {
  const rel = release({ id: 'REL-aims-5.2.1' });
  it('met with FAQ pages and release notes for each release', () => {
    const ev = goodEvidence();
    ev.manuals![0]!.releaseNotes = [{ version: '5.2.1', releaseId: 'REL-aims-5.2.1', path: 'records/releases/REL-aims-5.2.1.yaml' }];
    expect(serviceDocuments(contextFor(makeKb({ releases: [rel] }), '2026-06-01', ev)).status).toBe('met');
  });
  it('breached when a release has no notes page or a system no FAQ', () => {
    const ev = goodEvidence();
    ev.manuals![1]!.faq = null;
    const r = serviceDocuments(contextFor(makeKb({ releases: [rel] }), '2026-06-01', ev));
    expect(r.status).toBe('breached');
    expect(r.findings).toEqual([
      { record: 'HT-TEST-01', message: '缺少重症监护信息系统（icis）的常见问题解决方法说明页面（应为 docs/icis/faq.md）' },
      { record: 'REL-aims-5.2.1', message: '缺少手术麻醉临床信息系统（aims）5.2.1 版的软件更新内容说明页面' },
    ]);
  });
  it('a KB without docs/ has no manuals to judge: n/a with the reason, never breached', () => {
    const r = serviceDocuments(contextFor(makeKb({ releases: [rel] }), '2026-06-01', { ...goodEvidence(), manuals: [] }));
    expect(r).toMatchObject({ status: 'n/a', findings: [], evidence: ['REL-aims-5.2.1'] });
    expect(r.summary).toBe('不适用：本知识库没有 docs/ 目录，无手册页面可评判（常见问题页面与 1 个发布的更新说明页面）');
  });
});
