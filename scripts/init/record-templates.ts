/**
 * The records and settings `opsbook init` writes: records/contract.yaml,
 * the project lead's person record, opsbook.yaml and .sops.yaml — YAML with
 * Chinese comments a vendor engineer can follow, every value written through
 * the `yaml` library so any name (quotes, colons, `#`) stays one scalar.
 */
import { stringify } from 'yaml';
import type { KbPlan } from './answers.js';

/** A YAML scalar (or flow list) on one line. */
export function y(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(y).join(', ')}]`;
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** Schema path from a file `depth` folders below the KB root, inside the installed package. */
export function schemaRef(file: string, depth: number): string {
  return `${'../'.repeat(depth)}node_modules/opsbook/schemas/${file}`;
}

const SEVERITY_COMMENT: Record<string, string> = {
  '1': '1 级：灾难性影响',
  A: 'A 级：严重影响',
  B: 'B 级：中等影响',
  C: 'C 级：很小影响',
};

/** records/contract.yaml */
export function contractYaml(p: KbPlan): string {
  const sla = p.sla as unknown as Record<string, unknown>;
  const sev = sla.severities as Record<string, Record<string, unknown>>;
  const sevLines = Object.entries(sev).map(([k, v]) => {
    const fields = Object.entries(v).map(([fk, fv]) => `${fk}: ${y(fv)}`).join(', ');
    return `    ${(k === '1' ? '"1":' : `${k}:`).padEnd(5)}{ ${fields} }   # ${SEVERITY_COMMENT[k] ?? k}`;
  });
  const policyComments: Record<string, string> = {
    fault_response: '条款 R-1：软件故障接到通知后的响应时限',
    complex_onsite: '条款 R-2：远程无法解决的复杂问题，到场时限',
    onsite_clock: '到场计时起点：onsite_requested 自提出到场起，reported 自报告起',
    report_due_working_days: '条款 RPT-1、RPT-2、D-1：报告期限（中国法定工作日）',
    onsite_inspections_per_quarter: '条款 S-5：每季度现场巡检次数',
    database_inspections_per_period: '条款 D-1：每服务期数据库巡检次数（上、下半年各一次）',
    late_entry_days: '审计：进入主分支晚于事件多少天视为补录',
    at_risk_working_days: '距期限不足多少个工作日时提示临期',
    written_reply_working_days: '条款 R-2：无法解决的故障，工单关闭后书面答复的期限（合同未约定，opsbook 默认值）',
    training_working_days: '条款 S-4：改变操作的发布后培训并提供新功能使用说明的期限（合同未约定，opsbook 默认值）',
    disposal_working_days: '条款 SEC-2：合同期满后返还或销毁院方数据的期限（合同未约定，opsbook 默认值）',
  };
  const policy = Object.entries(sla)
    .filter(([k]) => k !== 'severities')
    .map(([k, v]) => `  ${`${k}: ${y(v)}`.padEnd(38)}${policyComments[k] ? ` # ${policyComments[k]}` : ''}`);
  const systems = p.systems.flatMap((s) => [
    `  ${s.id}:`,
    `    name: ${y(s.name)}`,
    `    version: ${y(String(s.version))}`,
    ...(s.database
      ? [`    database: { engine: ${y(s.database.engine)}, version: ${y(s.database.version)} }   # 数据库只在这里声明；数据字典、移交清单、手册须与之一致`]
      : ['    # database: { engine: SQL Server, version: "2019" }   # 数据库类型与版本（选填）']),
  ]);
  const periods = p.periods.flatMap((x) => [`  - id: ${y(x.id)}`, `    start: ${x.start}`, `    end: ${x.end}`]);
  return [
    `# yaml-language-server: $schema=${schemaRef('contract.schema.json', 1)}`,
    '# 运维服务合同主记录：知识库的根记录。',
    '#',
    '# 客户、供应商、合同范围内的系统及在用版本、服务期（合同一年一签时每年一期），',
    '# 以及服务级别策略（sla）。sla 是数据而不是代码：opsbook 的 sla / compliance / report',
    '# 命令只读取这里的取值。默认值取自标准运维服务合同条款，请按本合同逐项核对。',
    '#',
    '# 约定：日期 YYYY-MM-DD 按北京时间自然日理解，服务期的 end 为最后一天（含）；',
    '# 时长为 ISO 8601（PT5M = 5 分钟，PT12H = 12 小时），响应与到场按 24×7 计时；',
    '# 严重级别 "1" 必须加引号；年度运维总结报告交付后，在对应服务期下补充',
    '# annual_report: { delivered_at: 日期, acknowledged_by: 签收人 }（条款 RPT-2）。',
    `id: ${y(p.contractId)}`,
    `title: ${y(p.contractTitle)}`,
    `customer: ${y(p.hospital)}`,
    `vendor: ${y(p.vendor)}`,
    p.signedAt ? `signed_at: ${p.signedAt}` : '# signed_at: 2026-01-01   # 签订日期（选填）',
    'systems:',
    ...systems,
    p.hotline ? `hotline: { phone: ${y(p.hotline)} }   # 条款 S-1：7×24 服务热线，显示在站点首页和常见问题中` : '# hotline: { phone: 400-000-0000 }   # 条款 S-1：7×24 服务热线号码（站点首页和常见问题显示）',
    'service_periods:',
    ...periods,
    'sla:',
    '  severities:',
    ...sevLines,
    ...policy,
    '',
  ].join('\n');
}

/** records/people/<id>.yaml — the vendor's project lead. */
export function leadYaml(p: KbPlan): string {
  return [
    `# yaml-language-server: $schema=${schemaRef('person.schema.json', 2)}`,
    '# 供应商项目负责人。不记录个人手机号码；人员离开项目时填写 left，并轮换其知悉的账号密码。',
    `id: ${y(p.lead.id)}`,
    `name: ${y(p.lead.name)}`,
    'organisation: vendor',
    'role: lead',
    `systems: ${y(p.systems.map((s) => s.id))}`,
    '',
  ].join('\n');
}

/** opsbook.yaml — the KB's own settings for the tool. */
export function opsbookYaml(p: KbPlan): string {
  return [
    `# yaml-language-server: $schema=${schemaRef('opsbook.schema.json', 0)}`,
    '# opsbook 工具对本知识库的设置。合同条款与服务级别不在这里，在 records/contract.yaml。',
    'site:',
    `  title: ${y(p.site.title)}`,
    p.site.url ? `  url: ${y(p.site.url)}` : '  # url: https://wiki.hospital.internal   # 站点域名（不含路径）',
    `  base_url: ${y(p.site.baseUrl)}`,
    '  # logo: static/img/logo.svg   # 站点标志（相对于知识库根目录）',
    '  # updated_by: 运维项目组       # 页脚“最后更新”处显示的名称',
    'audit:',
    `  main_branch: ${y(p.mainBranch)}`,
    '  # baseline: <提交哈希>   # 批量导入历史记录的那次提交，其中的记录不逐条判为补录',
    '',
  ].join('\n');
}

/** .sops.yaml — who can decrypt the hand-over manifests. */
export function sopsYaml(p: KbPlan): string {
  const head = [
    '# sops 加密规则（sops 命令和 `opsbook secrets` 都读取）：移交清单 records/handover/<系统>.sops.yaml',
    '# 的值用下列 age 公钥加密，通常是供应商项目负责人和院方信息科负责人各一把。',
    '# 生成密钥：age-keygen -o ~/.config/sops/age/keys.txt（私钥只留在本人电脑上，绝不提交），',
    '# 把输出中的公钥（age1…）写到下面；增减接收人后运行',
    '# `npx opsbook secrets add-recipient|remove-recipient <文件>` 重新封装数据密钥。',
  ];
  const rule = p.ageRecipients.length
    ? [`    age: >-`, `      ${p.ageRecipients.join(',\n      ')}`]
    : [
      '    # 尚未配置公钥：加密移交清单之前，把下一行的注释去掉并换成真实公钥',
      '    # age: age1供应商负责人公钥,age1信息科负责人公钥',
    ];
  return [
    ...head,
    'creation_rules:',
    '  - path_regex: records/handover/.*\\.sops\\.yaml$',
    ...rule,
    '    unencrypted_regex: ^(system|updated_at|rotated_at|name|engine|username|role|application|hostname|os)$',
    '',
  ].join('\n');
}
