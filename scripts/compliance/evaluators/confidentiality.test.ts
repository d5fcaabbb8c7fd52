import { describe, expect, it } from 'vitest';
import { contextFor, goodEvidence, makeKb } from '../fixtures/make-kb.js';
import { confidentiality } from './confidentiality.js';

describe('SEC-1 confidentiality', () => {
  it('met when the guard finds nothing and manifests are encrypted', () => {
    expect(confidentiality(contextFor(makeKb(), '2026-06-01')).status).toBe('met');
  });
  it('breached on a guard finding, located', () => {
    const ev = { ...goodEvidence(), guard: [{ path: 'docs/aims/faq.md', line: 3, column: 5, rule: 'mobile-number', message: 'Mobile number in clear' }] };
    const r = confidentiality(contextFor(makeKb(), '2026-06-01', ev));
    expect(r.status).toBe('breached');
    expect(r.findings).toEqual([{ record: 'docs/aims/faq.md:3:5', message: '疑似手机号码（隐私与密钥检查规则 mobile-number）' }]);
  });
  it('breached on a manifest with a plaintext value', () => {
    const ev = goodEvidence();
    const h = ev.handover![0]!;
    if (h.error === undefined) Object.assign(h, { allEncrypted: false, plaintextLeaves: ['servers[0].ip'] });
    expect(confidentiality(contextFor(makeKb(), '2026-06-01', ev)).findings).toEqual([
      { record: 'records/handover/aims.sops.yaml', message: '移交清单未完全加密，以下字段为明文：servers[0].ip' },
    ]);
  });
  it('manual when the guard could not run', () => {
    expect(confidentiality(contextFor(makeKb(), '2026-06-01', { ...goodEvidence(), guard: null })).status).toBe('manual');
  });
});
