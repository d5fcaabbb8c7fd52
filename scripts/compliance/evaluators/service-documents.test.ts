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
    expect(r.findings.map((f) => f.record)).toEqual(['HT-TEST-01', 'REL-aims-5.2.1']);
  });
  it('a KB without docs/ has no FAQ: breached', () => {
    const r = serviceDocuments(contextFor(makeKb(), '2026-06-01', { ...goodEvidence(), manuals: [] }));
    expect(r.status).toBe('breached');
    expect(r.findings[0]!.message).toContain('no docs/ folder');
  });
});
