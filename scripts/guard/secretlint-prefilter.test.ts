/**
 * The prefilter may only skip secretlint where secretlint finds nothing: one
 * synthetic sample per rule of the recommended preset is both found by
 * secretlint and passed by the prefilter; plain records are skipped; a KB
 * scan still finds secretlint leaks planted in YAML records.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanKnowledgeBase } from './scan-knowledge-base.js';
import { rules as recommendedRules } from '@secretlint/secretlint-rule-preset-recommend';
import { mayHoldSecretlintFinding, PREFILTER_PRESET_RULES } from './secretlint-prefilter.js';
import { createSecretlintScanner } from './secretlint-scanner.js';

/** A synthetic token body of `n` characters (never a real credential). */
const body = (n: number, alphabet = 'Q7vK2mX9pL4tR8wZ3nB6') => alphabet.repeat(Math.ceil(n / alphabet.length)).slice(0, n);
const b64 = (n: number) => body(n, 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3');

const SAMPLES: Record<string, string> = {
  github: `token: ${['gh', 'p_'].join('')}${body(36)}\n`,
  awsSecret: `AWS_SECRET_ACCESS_KEY = "${body(40)}"\n`,
  npm: `registry_token: ${['np', 'm_'].join('')}${body(36)}\n`,
  npmAuth: `//registry.npmjs.org/:_authToken=${body(12)}\n`,
  slack: `bot: ${['xo', 'xb'].join('')}-123456789012-1234567890123-${body(24)}\n`,
  slackWebhook: `hook: https://hooks.slack.com/services/T${body(8)}/B${body(8)}/${body(24)}\n`,
  sendgrid: `mail: ${['S', 'G.'].join('')}${body(22)}.${body(43)}\n`,
  basicAuth: `url: https://opsuser:Pa55w0rdX@intranet.example.org/api\n`,
  postgres: `db: postgres://app_admin:Zk8Qp2Lm7Vx@db.example.internal:5432/his\n`,
  mysql: `db: mysql://root:Zk8Qp2Lm7Vx@10.0.0.5:3306/lis\n`,
  mongodb: `db: mongodb://ops:Zk8Qp2Lm7Vx@10.0.0.6:27017/pacs\n`,
  privateKey: `key: |\n  -----BEGIN RSA ${'PRIVATE'} KEY-----\n  MIIEow${b64(120)}\n  ${b64(64)}\n  -----END RSA ${'PRIVATE'} KEY-----\n`,
  openai: `ai: ${['s', 'k-'].join('')}${body(20)}T3BlbkFJ${body(20)}\n`,
  anthropic: `ai: ${['s', 'k-ant-api03-'].join('')}${body(95)}AA\n`,
  linear: `pm: ${['lin', '_api_'].join('')}${body(40)}\n`,
  shopify: `shop: ${['shp', 'at_'].join('')}${body(32, '0123456789abcdef')}\n`,
  onePassword: `vault: ${['op', 's_'].join('')}${Buffer.from(JSON.stringify({ signInAddress: 'my.1password.example', userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: body(22) }, email: 'ops@example.org', secretKey: `A3-${body(26)}`, deviceUuid: body(26) })).toString('base64')}\n`,
};

describe('mayHoldSecretlintFinding', () => {
  const scanner = createSecretlintScanner();
  for (const [name, text] of Object.entries(SAMPLES)) {
    it(`passes what secretlint finds: ${name}`, async () => {
      // the npm rules judge .npmrc files only
      expect((await scanner.scan(name.startsWith('npm') ? 'records/.npmrc' : 'records/x.yaml', text)).length).toBeGreaterThan(0);
      expect(mayHoldSecretlintFinding(text)).toBe(true);
    });
  }

  it('skips plain ticket records (and secretlint indeed finds nothing there)', async () => {
    const ticket = [
      'id: T-20260301-01',
      'system: his',
      'title: 医嘱无法保存',
      'severity: B',
      'reported_at: 2026-03-01T09:12:00+08:00',
      'responded_at: 2026-03-01T09:20:00+08:00',
      'channel: phone',
      'description: 护士站保存医嘱时提示超时，重启客户端后恢复。',
      '',
    ].join('\n');
    expect(mayHoldSecretlintFinding(ticket)).toBe(false);
    expect(await scanner.scan('records/tickets/2026/T-20260301-01.yaml', ticket)).toEqual([]);
  });

  it('says maybe for token prefixes, URLs, escapes, secret and account ids', () => {
    expect(mayHoldSecretlintFinding('see http://example.org')).toBe(true);
    expect(mayHoldSecretlintFinding('"k": "\\u0050"')).toBe(true);
    expect(mayHoldSecretlintFinding('AWS Account: 1234-5678-9012')).toBe(true);
    expect(mayHoldSecretlintFinding('aws_Secret_Access_Key: x')).toBe(true);
    expect(mayHoldSecretlintFinding(`key: AKIA${body(16).toUpperCase()}`)).toBe(true);
    for (const prefix of ['gh' + 'p_', 'gh' + 'o_', 'gh' + 'u_', 'gh' + 's_', 'gh' + 'r_', 'github' + '_pat_', 'shp' + 'pa_', 'shp' + 'ca_', 'shp' + 'at_', 'shp' + 'ss_']) {
      expect(mayHoldSecretlintFinding(`t: ${prefix}${body(36)}`), prefix).toBe(true);
    }
  });

  it('skips delivery records: a SHA-256 digest and long ids are no token', async () => {
    const delivery = [
      'id: DLV-written-reply-T-20260715-02',
      'kind: written-reply',
      'report_id: T-20260715-02',
      'delivered_at: 2026-07-15',
      'acknowledged_by: P-it-1',
      'input_digest: sha256:fa844b96d6530c0eef4194271affafefc2612f816b351e93f1a361d65f45458a',
      'format: docx',
      `ref: ${body(64)}`,
      '',
    ].join('\n');
    expect(mayHoldSecretlintFinding(delivery)).toBe(false);
    expect(await scanner.scan('records/deliveries/2026/DLV-written-reply-T-20260715-02.yaml', delivery)).toEqual([]);
  });

  it('was derived from the installed preset (a new secretlint rule must be added to the prefilter first)', () => {
    expect(recommendedRules.map((r) => r.meta.id).sort()).toEqual([...PREFILTER_PRESET_RULES].sort());
  });
});

describe('scanKnowledgeBase with the prefilter', () => {
  it('still finds secretlint leaks planted in YAML records', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'opsbook-prefilter-'));
    try {
      const files: Record<string, string> = {
        'records/tickets/2026/T-20260301-01.yaml': `id: T-20260301-01\ntitle: 接口报错\nnote: ${SAMPLES.github}`,
        'records/db-operations/2026/DBO-01.yaml': `id: DBO-01\nsummary: 迁移\n${SAMPLES.postgres}`,
        'records/tickets/2026/T-20260301-02.yaml': 'id: T-20260301-02\ntitle: 打印机卡纸\n',
      };
      for (const [rel, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
        await writeFile(path.join(root, rel), text);
      }
      const findings = await scanKnowledgeBase(root);
      expect(findings.map((f) => `${f.path}:${f.line} ${f.rule}`)).toEqual([
        'records/db-operations/2026/DBO-01.yaml:3 connection-string',
        'records/tickets/2026/T-20260301-01.yaml:3 secret-token',
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
