/**
 * A temporary knowledge base with planted (synthetic) leaks in records/ and
 * docs/: every leak is found exactly once, at its position, and nothing else.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanKnowledgeBase, scanKnowledgeBaseDetailed } from './scan-knowledge-base.js';
import { fakeEnc, fakeSopsBlock, makeResidentId } from './test-support.js';

const id = makeResidentId('320102', '19881111', '456');
const mobile = ['137', '0000', '9876'].join('');
const ageKey = `AGE-SECRET-KEY-1${'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L'.repeat(2).slice(0, 58)}`;

const files: Record<string, string> = {
  // clean files
  'records/contract.yaml': 'id: HT-2026-001\ncustomer: 示例医院\nvendor: 示例科技\n',
  'records/people/P-zhangwei.yaml': 'id: P-zhangwei\nname: 张伟\nrole: engineer\norganisation: vendor\n',
  'docs/aims/ops.md': '# 运维手册\n\n修改密码的步骤见第三节。患者安全第一。\n\n座机：010-12345678\n',
  'records/handover/aims.sops.yaml': `system: ${fakeEnc()}\nservers:\n    - ip: ${fakeEnc()}\n${fakeSopsBlock()}`,
  // leaks
  'records/tickets/2026/T-20260301-01.yaml': [
    'id: T-20260301-01',
    'title: 医嘱无法保存',
    `description: 患者：王某某，住院号 20260012，联系电话 ${mobile}`,
    '',
  ].join('\n'),
  'docs/general/faq.md': ['# 常见问题', '', '| 项目 | 值 |', '|---|---|', `| 身份证 | ${id} |`, '', 'conn: Server=10.0.0.5;User Id=sa;Password=Sa#2026x;', ''].join('\n'),
  'docs/icis/install.mdx': `---\ntitle: 安装\n---\n\n\`\`\`\n${ageKey}\n\`\`\`\n`,
  'records/handover/icis.sops.yaml': 'system: icis\nservers:\n  - ip: 10.0.0.9\n',
  // committed content wherever it sits: a folder named build or node_modules, a text file named .png
  'docs/node_modules/pkg/readme.md': `password: Hunter2024\n`,
  'records/build/index.yaml': `password: Hunter2024\n`,
  'static/img/screen.png': `password: Hunter2024\n`,
  // control bytes: a finding, and the text is still read
  'docs/data.txt': `\u0000\u0001binary password: Hunter2024\n`,
  // published versioned docs and site sources
  'aims_versioned_docs/version-5.1/faq.md': `联系电话 ${mobile}\n`,
  'src/pages/index.tsx': `const pwd = "Hunter2024";\n`,
  // a real binary is skipped (listed), folders outside the scanned ones are never read
  'static/img/logo.png': '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0000\u0001',
  'scripts/fixture.md': `password: Hunter2024\n`,
  '.sops.yaml': 'creation_rules:\n  - path_regex: records/handover/.*\\.sops\\.yaml$\n    age: age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq\n    unencrypted_suffix: _unencrypted\n',
};

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'opsbook-guard-'));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), rel.endsWith('logo.png') ? Buffer.from(text, 'latin1') : text);
  }
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('scanKnowledgeBase', () => {
  it('finds exactly the planted leaks, in path/line/column order', async () => {
    const findings = await scanKnowledgeBase(root);
    expect(findings.map((f) => `${f.path}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      'aims_versioned_docs/version-5.1/faq.md:1:6 mobile-number',
      'docs/data.txt:1:1 binary-content',
      'docs/data.txt:1:20 plaintext-password',
      'docs/general/faq.md:5:9 resident-id',
      'docs/general/faq.md:7:43 connection-string',
      'docs/icis/install.mdx:6:1 private-key',
      'docs/node_modules/pkg/readme.md:1:11 plaintext-password',
      'records/build/index.yaml:1:11 plaintext-password',
      'records/handover/icis.sops.yaml:1:1 unencrypted-handover',
      'records/tickets/2026/T-20260301-01.yaml:3:17 patient-name',
      'records/tickets/2026/T-20260301-01.yaml:3:25 medical-record-number',
      'records/tickets/2026/T-20260301-01.yaml:3:39 mobile-number',
      'src/pages/index.tsx:1:14 plaintext-password',
      'static/img/screen.png:1:11 plaintext-password',
    ]);
    const text = JSON.stringify(findings);
    for (const secret of [id, mobile, ageKey, 'Sa#2026x', '王某某', '20260012']) expect(text).not.toContain(secret);
    for (const f of findings) expect(f.fix).toMatch(/\S/);
  });

  it('counts files and skips only real binaries with a binary extension, listing them', async () => {
    const r = await scanKnowledgeBaseDetailed(root);
    expect(r.filesScanned).toBe(14);
    expect(r.skipped).toEqual([{ path: 'static/img/logo.png', reason: 'binary content' }]);
  });

  it('applies the allow-list and lists what it allowed, with the reason', async () => {
    await writeFile(
      path.join(root, '.opsbook-allow.yaml'),
      'allow:\n  - path: docs/icis/*.mdx\n    rule: private-key\n    reason: 演示用密钥，已公开\n  - path: docs/**\n    rule: resident-id\n    reason: stale entry\n    line: 99\n',
    );
    try {
      const r = await scanKnowledgeBaseDetailed(root);
      expect(r.findings.map((f) => f.rule)).not.toContain('private-key');
      expect(r.findings).toHaveLength(13);
      expect(r.allowed).toEqual([expect.objectContaining({ path: 'docs/icis/install.mdx', rule: 'private-key', reason: '演示用密钥，已公开', allowedBy: 2 })]);
      expect(r.unusedAllowEntries).toEqual([{ line: 5, path: 'docs/**', rule: 'resident-id' }]);
    } finally {
      await rm(path.join(root, '.opsbook-allow.yaml'));
    }
  });

  it('reports an allow-list entry without a reason and does not apply it', async () => {
    await writeFile(path.join(root, '.opsbook-allow.yaml'), 'allow:\n  - path: docs/icis/*.mdx\n    rule: private-key\n');
    try {
      const findings = await scanKnowledgeBase(root);
      expect(findings[0]).toMatchObject({ path: '.opsbook-allow.yaml', line: 2, rule: 'allow-list' });
      expect(findings.map((f) => f.rule)).toContain('private-key');
    } finally {
      await rm(path.join(root, '.opsbook-allow.yaml'));
    }
  });

  it('scans only the given paths when asked (validate --changed)', async () => {
    const findings = await scanKnowledgeBase(root, { paths: ['docs/icis/install.mdx', 'docs/aims/ops.md'] });
    expect(findings.map((f) => f.path)).toEqual(['docs/icis/install.mdx']);
  });
});
