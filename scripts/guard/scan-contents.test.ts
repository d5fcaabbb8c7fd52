/** The guard scans contents a caller has read already (validate's loader), instead of reading the files again. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanKnowledgeBase } from './index.js';

describe('scanKnowledgeBase with contents', () => {
  it('scans the bytes it is given for those files and reads the others from disk', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-guard-contents-'));
    fs.mkdirSync(path.join(root, 'records/people'), { recursive: true });
    fs.writeFileSync(path.join(root, 'records/people/P-a.yaml'), 'id: P-a\nname: 示例\nrole: engineer\n');
    fs.writeFileSync(path.join(root, 'records/people/P-b.yaml'), 'id: P-b\nname: 示例\nrole: engineer\nnote: 手机 13812345678\n');
    const given = new Map([['records/people/P-a.yaml', Buffer.from('id: P-a\nname: 示例\nnote: 手机 13912345678\n')]]);
    const findings = await scanKnowledgeBase(root, { contents: given, secretlint: false, allowList: false });
    expect(findings.map((f) => `${f.path}:${f.line}:${f.rule}`).sort()).toEqual(['records/people/P-a.yaml:3:mobile-number', 'records/people/P-b.yaml:4:mobile-number']);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
