/**
 * Synthetic knowledge bases of any size, deterministic for a seed: a
 * contract with yearly service periods, people, interfaces, tickets with
 * realistic distributions (severity mix, day/night rhythm, log-normal
 * response and resolution times, a share of breaches and open tickets),
 * quarterly on-site and half-yearly database inspections, and the delivery
 * register a vendor keeps for the reports it has handed over (see
 * synth-deliveries.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { addDays, compareDates, cstDayStart, formatCst, formatDate, parseDate, type CivilDate } from '../shared/time.js';
import { seedSla } from '../records/contract-terms.js';
import { createRandom, type Random } from './random.js';
import { synthDeliveries, type SynthHandover, type SynthRecord } from './synth-deliveries.js';

export interface SynthOptions {
  tickets: number;
  seed: string | number;
  /** Last day of the last service period (default 2026-11-30). */
  lastDay?: string;
  /** Write the delivery register (default true). */
  deliveries?: boolean;
}

export interface SynthFile {
  /** Path relative to the KB root. */
  path: string;
  content: string;
}

const MINUTE = 60_000;
const SYSTEMS = ['aims', 'icis'] as const;
const MODULES = { aims: ['麻醉记录单', '术前访视', '手术排班', '术后随访', '麻醉质控', '设备采集'], icis: ['护理记录', '出入量', '重症评分', '医嘱执行', '交班报表', '设备采集'] };
const DEPTS = { aims: ['麻醉科', '手术室', '信息科', '心外科手术室'], icis: ['重症医学科', '急诊重症', '心内重症', '信息科'] };
const TITLES: Record<string, string[]> = {
  fault: ['客户端无法登录', '打印输出空白', '服务无响应', '页面加载缓慢', '数据保存失败'],
  defect: ['评分计算结果错误', '报表统计口径不一致', '时间轴显示错位', '字段校验遗漏'],
  interface: ['医嘱同步延迟', '检验结果未回传', '入院消息丢失', '设备数据采集中断'],
  database: ['数据库日志空间不足', '备份作业失败', '查询超时', '索引碎片过高'],
  change: ['新增统计报表', '调整模板字段', '修改展示顺序'],
  consultation: ['操作方法咨询', '权限配置咨询', '报表使用咨询'],
  training: ['新员工培训申请', '新功能培训申请'],
};
const TARGET_MIN: Record<string, number> = { '1': 5, A: 5, B: 60, C: 120 };

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** Yearly periods ending on `lastDay`, enough for the ticket count (≥ 2). */
function periodsFor(tickets: number, lastDay: CivilDate): { id: string; start: CivilDate; end: CivilDate }[] {
  const count = Math.max(2, Math.ceil(tickets / 25_000));
  const out = [];
  for (let i = count - 1; i >= 0; i--) {
    const end = { year: lastDay.year - i, month: lastDay.month, day: lastDay.day };
    const start = addDays({ year: end.year - 1, month: end.month, day: end.day }, 1);
    out.push({ id: `Y${count - i}`, start, end });
  }
  return out;
}

function ticketFile(r: Random, id: string, system: 'aims' | 'icis', reported: number, asOfEnd: number): Record<string, unknown> {
  const severity = r.weighted([['1', 1], ['A', 4], ['B', 35], ['C', 60]] as const);
  const category = r.weighted([['fault', 30], ['defect', 12], ['interface', 14], ['database', 8], ['change', 10], ['consultation', 22], ['training', 4]] as const);
  const channel = severity === '1' || severity === 'A' ? (r.chance(0.03) ? 'web' : 'phone') : r.weighted([['phone', 55], ['web', 30], ['email', 15]] as const);
  const target = TARGET_MIN[severity]!;
  const late = r.chance(0.07);
  const respMin = late ? target * (1.2 + r.next() * 2) : Math.max(1, Math.min(target, r.logNormal(target * 0.35, 0.6)));
  const t: Record<string, unknown> = {
    id,
    system,
    title: `${r.pick(MODULES[system])}${r.pick(TITLES[category]!)}`,
    description: '合成数据：用于性能测试的服务请求。',
    severity,
    category,
    channel,
    department: r.pick(DEPTS[system]),
    module: r.pick(MODULES[system]),
    reported_at: formatCst(reported),
  };
  if (category === 'interface') t.interface = `IF-${system}-his`;
  const responded = reported + Math.round(respMin) * MINUTE;
  const open = responded > asOfEnd - 3 * 86_400_000 && r.chance(0.5);
  if (responded < asOfEnd) t.responded_at = formatCst(responded);
  if (severity === '1' || severity === 'A') {
    t.notified = [{ to: 'senior_manager', at: formatCst(responded + 5 * MINUTE) }];
    if (severity === '1') (t.notified as unknown[]).unshift({ to: 'product_team', at: formatCst(responded + 3 * MINUTE) });
    if (r.chance(0.3)) {
      const req = responded + r.int(30, 240) * MINUTE;
      t.onsite = { requested_at: formatCst(req), arrived_at: formatCst(req + Math.round(r.logNormal(180, 0.8)) * MINUTE) };
    }
  }
  if (!open && responded < asOfEnd) {
    const resolved = responded + Math.round(r.logNormal(severity === 'C' ? 600 : 240, 1)) * MINUTE;
    if (resolved < asOfEnd) {
      t.resolved_at = formatCst(resolved);
      t.outcome = r.weighted([['resolved', 91], ['workaround', 8], ['unresolvable', 1]] as const);
      if (category === 'fault' || category === 'defect') {
        t.cause = '合成数据：原因说明。';
        t.solution = '合成数据：解决办法。';
        if (r.chance(0.95)) t.recommendations = '合成数据：建议。';
      }
      // a written reply goes out with the closing; one in five of the last month's is still being written
      const recent = resolved > asOfEnd - 30 * 86_400_000;
      if (t.outcome === 'unresolvable' && (!recent || r.chance(0.8))) t.written_reply = { delivered_at: formatDate({ ...parseDateCst(resolved) }), summary: '合成数据：书面答复。' };
    }
  }
  t.engineers = [`P-eng-${r.int(1, 8)}`];
  return t;
}

function parseDateCst(ms: number): CivilDate {
  return parseDate(formatCst(ms).slice(0, 10));
}

/**
 * Generates the files of a synthetic KB (deterministic; see writeSynthKb to write them).
 * @returns files with KB-relative paths, in a stable order
 */
export async function generateSynthKb(opts: SynthOptions): Promise<SynthFile[]> {
  const r = createRandom(opts.seed);
  const lastDay = parseDate(opts.lastDay ?? '2026-11-30');
  const periods = periodsFor(opts.tickets, lastDay);
  const records: SynthRecord[] = [];
  const handovers: SynthHandover[] = [];
  const files = {
    push(f: SynthFile & { kind: SynthRecord['kind']; data: Record<string, unknown> }) {
      records.push(f);
    },
  };
  const yaml = (v: unknown) => stringify(v, { lineWidth: 0 });
  const contract = {
    id: `SYN-${String(opts.seed)}`,
    customer: '合成数据医院',
    vendor: '合成数据供应商',
    systems: { aims: { name: '手术麻醉临床信息系统', version: '5.2' }, icis: { name: '重症监护信息系统', version: '3.1' } },
    service_periods: periods.map((p) => ({ id: p.id, start: formatDate(p.start), end: formatDate(p.end) })),
    sla: seedSla(),
  };
  const add = (kind: SynthRecord['kind'], path: string, data: Record<string, unknown>, head = '') => files.push({ kind, path, data, content: `${head}${yaml(data)}` });
  add('contract', 'records/contract.yaml', contract, '# 合成数据（opsbook synth），仅用于性能测试\n');
  for (let i = 1; i <= 8; i++) add('person', `records/people/P-eng-${i}.yaml`, { id: `P-eng-${i}`, name: `合成工程师${i}`, organisation: 'vendor', role: 'engineer', systems: ['aims', 'icis'] });
  add('person', 'records/people/P-it-1.yaml', { id: 'P-it-1', name: '合成信息科', organisation: 'hospital', role: 'it', systems: ['aims', 'icis'] });
  for (const s of SYSTEMS) add('interface', `records/interfaces/IF-${s}-his.yaml`, { id: `IF-${s}-his`, system: s, peer: 'his', protocol: 'HL7 v2.5', direction: 'inbound', status: 'active' });

  const first = cstDayStart(periods[0]!.start);
  const end = cstDayStart(addDays(lastDay, 1));
  const span = end - first;
  // reported times: uniform day, diurnal hour profile (busy 8–18 h)
  const hours = Array.from({ length: 24 }, (_, h) => [h, h >= 8 && h < 18 ? 6 : h >= 18 && h < 23 ? 2 : 1] as const);
  const times: number[] = [];
  for (let i = 0; i < opts.tickets; i++) {
    const day = Math.floor(r.next() * (span / 86_400_000));
    times.push(first + day * 86_400_000 + r.weighted(hours) * 3_600_000 + r.int(0, 59) * MINUTE);
  }
  times.sort((a, b) => a - b);
  const perDay = new Map<string, number>();
  for (const reported of times) {
    const day = formatCst(reported).slice(0, 10);
    const n = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, n);
    const id = `T-${day.replaceAll('-', '')}-${pad(n)}`;
    const t = ticketFile(r, id, r.pick(SYSTEMS), reported, end);
    add('ticket', `records/tickets/${day.slice(0, 4)}/${id}.yaml`, t);
  }
  for (const p of periods) {
    for (let q = 0; q < 4; q++) {
      if (r.chance(0.1)) continue; // a missed quarter now and then
      const d = addDays(p.start, q * 91 + r.int(10, 60));
      const id = `INS-${p.id}-Q${q + 1}`;
      const delivered = addDays(d, r.int(3, 16));
      add('inspection', `records/inspections/${d.year}/${id}.yaml`, { id, type: 'onsite', systems: ['aims', 'icis'], permission: { granted_by: '信息科', date: formatDate(addDays(d, -3)) }, started_at: formatDate(d), finished_at: formatDate(d), scope: ['应用服务器', '数据库服务器'], checks: [{ item: '服务运行状态', result: 'ok' }] });
      handovers.push({ kind: 'inspection', id, at: formatDate(delivered) });
    }
    for (let h = 0; h < 2; h++) {
      const d = addDays(p.start, h * 182 + r.int(20, 120));
      const id = `DBI-${p.id}-H${h + 1}`;
      add('inspection', `records/inspections/${d.year}/${id}.yaml`, { id, type: 'database', systems: ['aims', 'icis'], started_at: formatDate(d), finished_at: formatDate(d), scope: ['数据库服务器'] });
      handovers.push({ kind: 'database-inspection', id, at: formatDate(addDays(d, r.int(3, 14))) });
    }
    // the annual report of a period that has ended, handed over within the following two weeks
    const pEnd = addDays(p.end, r.int(3, 12));
    if (compareDates(p.end, lastDay) < 0) handovers.push({ kind: 'annual', id: p.id, at: formatDate(pEnd) });
  }
  const deliveries = opts.deliveries === false ? [] : await synthDeliveries(records, handovers, { seed: opts.seed, lastDay: formatDate(lastDay) });
  return [...records.map(({ path, content }) => ({ path, content })), ...deliveries];
}

/**
 * Writes a synthetic KB to `outDir` (created; must be empty or absent).
 * @returns number of files written
 */
export async function writeSynthKb(outDir: string, opts: SynthOptions, onProgress?: (done: number, total: number) => void): Promise<number> {
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) throw new Error(`${outDir} is not empty`);
  const files = await generateSynthKb(opts);
  const dirs = new Set(files.map((f) => path.dirname(path.join(outDir, f.path))));
  for (const d of dirs) fs.mkdirSync(d, { recursive: true });
  files.forEach((f, i) => {
    fs.writeFileSync(path.join(outDir, f.path), f.content);
    if (i % 500 === 0) onProgress?.(i, files.length);
  });
  onProgress?.(files.length, files.length);
  return files.length;
}
