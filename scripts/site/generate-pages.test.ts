import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../records/index.js';
import { generatePages, pickPeriods } from './generate-pages.js';
import type { Engines } from './engines.js';
import type { DashboardSla } from './pages/sla-dashboard.js';
import type { TicketRegisterData } from './register-types.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const SECRET_DESCRIPTION = '床旁监护仪数据中断，涉及 3 床患者体征缺失';
function fakeKb(root: string): KnowledgeBase {
  const ticket = {
    id: 'T-20260314-01', system: 'aims', title: '体征采集中断', description: SECRET_DESCRIPTION, severity: 'A', category: 'fault',
    channel: 'phone', reported_at: '2026-03-14T02:13:00+08:00', responded_at: '2026-03-14T02:16:00+08:00', cause: '交换机端口故障',
  };
  const dd = {
    id: 'DD-aims', system: 'aims', version: '5.2', database: 'SQL Server 2019 / AIMSDB',
    tables: [{ name: 'ANES_EVENT', title: '麻醉事件', description: '术中事件 | 含竖线', columns: [{ name: 'EVENT_CODE', type: 'varchar(20)', title: '事件代码', code_set: 'EVT' }] }],
    code_sets: [{ id: 'EVT', title: '麻醉事件', values: [{ code: '01', label: '麻醉开始' }] }],
  };
  const release = { id: 'REL-aims-5.2.0', system: 'aims', version: '5.2.0', released_at: '2026-05-20T22:00:00+08:00', contents: [{ type: 'feature', text: '新增自体血回输' }], changes_operation: true };
  return {
    root, records: [], diagnostics: [], fileCount: 0, byId: new Map(),
    contract: { id: 'HT-1', customer: '医院', vendor: '供应商', systems: { aims: { name: '手术麻醉临床信息系统', version: '5.2' } },
      service_periods: [{ id: 'Y1', start: '2025-12-01', end: '2026-11-30' }, { id: 'Y2', start: '2026-12-01', end: '2027-11-30' }], sla: {} },
    tickets: [ticket], inspections: [], changes: [], releases: [release], trainings: [], recommendations: [], interfaces: [], dbOperations: [],
    people: [], dataDictionaries: [dd], disposals: [], calendars: [], handoverFiles: [],
  } as unknown as KnowledgeBase;
}

const engines: Engines = {
  handoverOutline: async () => {
    throw new Error('not used');
  },
  sla: async (_kb, periodId) => slaOf(periodId),
};

/** A fake SLA result: Y1 has two tickets (March A, April C), Y2 none. */
function slaOf(periodId: string): DashboardSla {
  const y1 = periodId === 'Y1';
  return {
    period: y1 ? { id: 'Y1', start: '2025-12-01', end: '2026-11-30' } : { id: 'Y2', start: '2026-12-01', end: '2027-11-30' },
    asOf: '2026-11-26T08:00:00+08:00',
    tickets: y1
      ? [
          { id: 'T-20260314-01', system: 'aims', severity: 'A', category: 'fault', month: '2026-03', response: 'met', onsite: 'n/a', responseMinutes: 3, resolutionMinutes: null },
          { id: 'T-20260402-01', system: 'aims', severity: 'C', category: 'consultation', month: '2026-04', response: 'met', onsite: 'n/a', responseMinutes: 95, resolutionMinutes: 200 },
        ]
      : [],
    bySeverity: y1
      ? {
          A: { count: 1, responseMet: 1, responseBreached: 0, avgResponseMinutes: 3, avgResolutionMinutes: null },
          C: { count: 1, responseMet: 1, responseBreached: 0, avgResponseMinutes: 95, avgResolutionMinutes: 200 },
        }
      : {},
  };
}

describe('generatePages', () => {
  it('writes the record pages, never a ticket description or cause', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-gen-'));
    dirs.push(root);
    fs.mkdirSync(path.join(root, 'docs', 'aims', 'generated'), { recursive: true });
    fs.writeFileSync(path.join(root, 'docs', 'aims', 'generated', 'stale.md'), '# old\n');
    const res = await generatePages(root, { asOf: Date.UTC(2026, 10, 26), kb: fakeKb(root), engines });
    expect(res.files).toContain('docs/aims/generated/data-dictionary.md');
    expect(res.files).toContain('docs/aims/generated/release-notes/v5.2.0.md');
    expect(fs.existsSync(path.join(root, 'docs', 'aims', 'generated', 'stale.md'))).toBe(false);
    expect(res.warnings).toEqual(['site: compliance engine not available; the compliance page is empty']);

    const all = res.files.map((f) => fs.readFileSync(path.join(root, f), 'utf8')).join('\n');
    expect(all).not.toContain(SECRET_DESCRIPTION);
    expect(all).not.toContain('交换机端口故障');

    const dd = fs.readFileSync(path.join(root, 'docs/aims/generated/data-dictionary.md'), 'utf8');
    expect(dd).toContain('## ANES_EVENT 麻醉事件 {#table-anes-event}');
    expect(dd).toContain('术中事件 \\| 含竖线');
    expect(dd).toContain('| `01` | 麻醉开始 |');

    // the register: an MDX page rendering its rows from JSON, every row with its id (the anchor), title and display times
    const page = fs.readFileSync(path.join(root, 'docs/general/generated/tickets.mdx'), 'utf8');
    expect(page).toContain("import register from './tickets.register.json';");
    expect(page.trimEnd().endsWith('<TicketRegister data={register} />')).toBe(true);
    const register = JSON.parse(fs.readFileSync(path.join(root, 'docs/general/generated/tickets.register.json'), 'utf8')) as TicketRegisterData;
    expect(register.rows).toEqual([{
      id: 'T-20260314-01', title: '体征采集中断', system: 'aims', systemLabel: '手术麻醉', severity: 'A', severityLabel: 'A级', categoryLabel: '故障',
      channelLabel: '电话', status: 'open', statusLabel: '处理中', period: 'Y1', reported: '2026-03-14 02:13', responded: '02:16', onsite: '—', resolved: '—',
      response: 'met', onsiteVerdict: 'n/a',
    }]);
    expect(register.filters.period).toEqual([{ value: 'Y1', label: 'Y1（2025-12-01 至 2026-11-30）' }]);
    expect(register.filters.severity).toEqual([{ value: 'A', label: 'A级' }]);

    // the data dictionary names the database as the contract declares it (here: none declared)
    expect(dd).toContain('（库名 SQL Server 2019 / AIMSDB）');

    const notes = fs.readFileSync(path.join(root, 'docs/aims/generated/release-notes/v5.2.0.md'), 'utf8');
    expect(notes).toContain('slug: /generated/release-notes/5.2.0');
    expect(notes).toContain('尚未提供新功能使用说明页面');
  });
});

describe('SLA dashboard charts', () => {
  const chartFiles = (files: string[]) => files.filter((f) => f.startsWith('docs/general/generated/charts/'));

  it('draws monthly volume, severity mix and response times per period from the one SLA result the tables use', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-gen-'));
    dirs.push(root);
    const calls: string[] = [];
    const counting: Engines = { ...engines, sla: async (_kb, id) => (calls.push(id), slaOf(id)) };
    const res = await generatePages(root, { asOf: Date.UTC(2026, 10, 26), kb: fakeKb(root), engines: counting });
    expect(calls).toEqual(['Y1']);
    expect(chartFiles(res.files)).toEqual(['monthly', 'response', 'severity'].flatMap((k) => [`docs/general/generated/charts/sla-Y1-${k}.dark.svg`, `docs/general/generated/charts/sla-Y1-${k}.svg`]));
    const page = fs.readFileSync(path.join(root, 'docs/general/generated/sla-dashboard.md'), 'utf8');
    expect(page).toContain('![本服务期 Y1 每月服务请求量图](./charts/sla-Y1-monthly.svg#gh-light-mode-only)![本服务期 Y1 每月服务请求量图](./charts/sla-Y1-monthly.dark.svg#gh-dark-mode-only)');
    expect(page).toContain('![本服务期 Y1 严重级别构成图](./charts/sla-Y1-severity.svg#gh-light-mode-only)');
    expect(page).toContain('![本服务期 Y1 响应时间分布图](./charts/sla-Y1-response.dark.svg#gh-dark-mode-only)');

    const chart = (k: string) => fs.readFileSync(path.join(root, `docs/general/generated/charts/sla-Y1-${k}.svg`), 'utf8');
    const monthly = chart('monthly');
    expect(monthly.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    // December 2025 to November 2026 (the as-of month), not beyond.
    expect(monthly).toContain('>12月<');
    expect(monthly).toContain('>11月<');
    expect(monthly.match(/>\d+月</g)).toHaveLength(12);
    // One bar each in March and April, each labelled 1.
    expect(monthly.match(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="#2f6db5"\/>/g)).toHaveLength(2);
    expect(chart('severity')).toContain('A级　1 件（50.0%）');
    expect(chart('severity')).toContain('C级　1 件（50.0%）');
    expect(chart('severity')).toContain('1级　0 件（0.0%）');
    const response = chart('response');
    expect(response).toContain('≤5 分钟');
    expect(response).toContain('1–2 小时');
  });

  it('draws no chart for a period without tickets and removes the old ones', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-gen-'));
    dirs.push(root);
    await generatePages(root, { asOf: Date.UTC(2026, 10, 26), kb: fakeKb(root), engines });
    const res = await generatePages(root, { asOf: Date.UTC(2026, 11, 5), kb: fakeKb(root), engines });
    expect(chartFiles(res.files)).toHaveLength(6);
    const page = fs.readFileSync(path.join(root, 'docs/general/generated/sla-dashboard.md'), 'utf8');
    expect(page).toContain('本服务期：Y2');
    expect(page).not.toContain('sla-Y2');
    expect(page).toContain('![上一服务期 Y1 每月服务请求量图](./charts/sla-Y1-monthly.svg#gh-light-mode-only)');
    // The charts of a period appear inside that period's section.
    expect(page.indexOf('sla-Y1-monthly')).toBeGreaterThan(page.indexOf('上一服务期：Y1'));

    const none = await generatePages(root, { asOf: Date.UTC(2026, 10, 26), kb: fakeKb(root), engines: { ...engines, sla: undefined } });
    expect(chartFiles(none.files)).toEqual([]);
    expect(fs.existsSync(path.join(root, 'docs/general/generated/charts'))).toBe(false);
  });
});

describe('disclosure rule on every generated page', () => {
  it('replaces an account name quoted by any record text (here a ticket title) with what the account is for', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-gen-'));
    dirs.push(root);
    const kb = fakeKb(root);
    (kb as { handoverFiles: string[] }).handoverFiles = ['records/handover/aims.sops.yaml'];
    (kb.tickets[0] as { title: string }).title = '账号 aims_app 被锁定';
    const outline = {
      file: 'x', system: 'aims', updatedAt: null, recipients: [], lastmodified: null, allEncrypted: true, plaintextLeaves: [], rule: '',
      databases: [{ name: 'AIMSDB', engine: null, encryptedFields: [], accounts: [{ username: 'aims_app', role: '应用连接账号', rotatedAt: null, encryptedFields: [] }] }],
      adminAccounts: [], servers: [],
    };
    const res = await generatePages(root, { asOf: Date.UTC(2026, 10, 26), kb, engines: { ...engines, handoverOutline: async () => outline } });
    const all = res.files.map((f) => fs.readFileSync(path.join(root, f), 'utf8')).join('\n');
    expect(all).not.toContain('aims_app');
    const register = JSON.parse(fs.readFileSync(path.join(root, 'docs/general/generated/tickets.register.json'), 'utf8')) as TicketRegisterData;
    expect(register.rows[0]!.title).toBe('账号 （账号名不在本站显示） 被锁定');
  });
});

describe('incremental writing', () => {
  it('writes a generated file only when its content changed, so unchanged pages keep their modification time', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-gen-'));
    dirs.push(root);
    const first = await generatePages(root, { asOf: Date.UTC(2026, 10, 26), kb: fakeKb(root), engines });
    expect(first.changed).toEqual(first.files);
    const mtimes = new Map(first.files.map((f) => [f, fs.statSync(path.join(root, f)).mtimeMs]));
    await new Promise((r) => setTimeout(r, 20));
    const again = await generatePages(root, { asOf: Date.UTC(2026, 10, 26), kb: fakeKb(root), engines });
    expect(again.changed).toEqual([]);
    expect(again.removed).toEqual([]);
    for (const f of again.files) expect(fs.statSync(path.join(root, f)).mtimeMs, f).toBe(mtimes.get(f));

    // one record changes: its pages change, nothing else
    const kb = fakeKb(root);
    (kb.tickets[0] as { responded_at: string }).responded_at = '2026-03-14T02:20:00+08:00';
    const one = await generatePages(root, { asOf: Date.UTC(2026, 10, 26), kb, engines });
    expect(one.changed).toEqual(['docs/general/generated/tickets.register.json']);
  });
});

describe('the as-of in one data file', () => {
  /** Engines answering at the as-of they are asked for (as the real ones do): the same verdicts, a new time. */
  const atAsOf: Engines = {
    ...engines,
    sla: async (_kb, periodId, asOf) => ({ ...slaOf(periodId), asOf: new Date(asOf).toISOString() }),
    compliance: async (_kb, _root, periodId, asOf) => ({
      period: { id: periodId, start: '2025-12-01', end: '2026-11-30' }, asOf: new Date(asOf).toISOString(),
      clauses: [{ id: 'L-1', status: 'met', evidence: ['T-20260314-01'], findings: [] }],
    }),
    deliveries: async () => [{ title: '产品维护报告', id: 'T-20260314-01', period: 'Y1', state: 'due', deliveries: 0 }],
  };

  it('a build at a new time with the same records rewrites as-of.json alone; the pages still say when (北京时间)', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-gen-'));
    dirs.push(root);
    const first = await generatePages(root, { asOf: Date.parse('2026-11-26T12:00:00+08:00'), kb: fakeKb(root), engines: atAsOf });
    expect(first.files).toContain('docs/general/generated/as-of.json');
    const read = (rel: string) => fs.readFileSync(path.join(root, 'docs/general/generated', rel), 'utf8');
    expect(JSON.parse(read('as-of.json'))).toEqual({ text: '2026-11-26 12:00' });
    expect(read('sla-dashboard.md')).toContain('统计截至 :as-of（北京时间）。服务请求 2 条');
    expect(read('compliance.md')).toContain('评估时间 :as-of（北京时间）。共 1 条');
    expect(read('deliveries.md')).toContain('统计截至 :as-of（北京时间）：合同要求出具的报告 1 份');
    // a fixed description: Docusaurus would otherwise take the first paragraph (with the time) as the page's description
    for (const page of ['sla-dashboard.md', 'compliance.md', 'deliveries.md']) expect(read(page)).toMatch(/^description: \S/m);

    const later = await generatePages(root, { asOf: Date.parse('2026-11-26T15:31:00+08:00'), kb: fakeKb(root), engines: atAsOf });
    expect(later.changed).toEqual(['docs/general/generated/as-of.json']);
    expect(JSON.parse(read('as-of.json'))).toEqual({ text: '2026-11-26 15:31' });
  });

  it('writes a time other than the as-of as text (an engine that judged at another time)', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-gen-'));
    dirs.push(root);
    // slaOf answers as of 2026-11-26 08:00 whatever it is asked
    await generatePages(root, { asOf: Date.parse('2026-11-27T09:00:00+08:00'), kb: fakeKb(root), engines });
    expect(fs.readFileSync(path.join(root, 'docs/general/generated/sla-dashboard.md'), 'utf8')).toContain('统计截至 2026-11-26 08:00（北京时间）');
  });
});

describe('pickPeriods', () => {
  const periods = [{ id: 'Y1', start: '2025-12-01', end: '2026-11-30' }, { id: 'Y2', start: '2026-12-01', end: '2027-11-30' }];
  it('uses Beijing days: 2026-11-30T16:30Z is already Y2', () => {
    expect(pickPeriods(periods, Date.UTC(2026, 10, 30, 16, 30)).current?.id).toBe('Y2');
    expect(pickPeriods(periods, Date.UTC(2026, 10, 30, 15, 30)).current?.id).toBe('Y1');
    expect(pickPeriods(periods, Date.UTC(2026, 11, 5)).previous?.id).toBe('Y1');
  });
});
