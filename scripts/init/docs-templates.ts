/**
 * The manuals `opsbook init` starts a knowledge base with: for each system an
 * overview, the 标准操作维护手册 skeleton with the four sections the contract
 * requires (停机、启动、备份、恢复 — HO-1, lint rule OPS001) plus 监控、日志、
 * 常见故障, a user manual, an FAQ and the interface documentation; and the
 * general pages (服务说明 with this contract's service levels, FAQ).
 * Placeholders say what to write; example commands follow the database engine.
 */
import { parseDurationMinutes } from '../shared/time.js';
import { showMinutes } from '../shared/display.js';
import { CHANNEL_LABEL, NOTIFY_LABEL, SEVERITY_LABEL } from '../shared/labels.js';
import type { KbPlan } from './answers.js';
import { engineSnippets } from './database-engines.js';

type System = KbPlan['systems'][number];

const duration = (iso: string | undefined) => (iso ? showMinutes(parseDurationMinutes(iso)) : '—');
const code = (lang: string, body: string) => `\`\`\`${lang}\n${body}\n\`\`\``;
/** Indents a block under a list item. */
const indent = (s: string) => s.split('\n').map((l) => (l ? `   ${l}` : l)).join('\n');
const category = (label: string, position: number, indexDoc?: string) =>
  `${JSON.stringify({ label, position, ...(indexDoc ? { link: { type: 'doc', id: indexDoc } } : {}) })}\n`;

function frontMatter(fields: Record<string, string | number>): string {
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`;
}

/** docs/<system>/index.md — overview and table of contents. */
export function systemIndex(p: KbPlan, s: System): string {
  return `${frontMatter({ sidebar_position: 1, title: '系统概述', slug: '/' })}
# ${s.name}

${s.name}（在用版本 ${s.version}${s.database ? `，数据库 ${s.database.engine} ${s.database.version}` : ''}）由${p.vendor}为${p.hospital}提供运维服务。

本知识库是供应商向院方移交的最新版本文档，随系统版本一同维护。页面顶部的版本下拉框可以切换到历史版本的文档。

## 文档目录

| 文档 | 适用对象 | 说明 |
| --- | --- | --- |
| [标准操作维护手册](./om-manual.md) | 信息科、驻场工程师 | 停机、启动、备份、恢复、监控、日志位置、常见故障 |
| [用户手册](./user-manual/index.md) | 临床用户、信息科 | 按角色编写的操作说明 |
| [常见问题解决方法](./faq.md) | 全体用户 | 按现象查找处理方法 |
| [接口文档](./interfaces/index.md) | 信息科、对端厂商 | 接口清单与排查步骤 |
| [数据字典](/${s.id}/generated/data-dictionary) | 信息科 | 由数据字典记录自动生成 |
| [软件更新内容说明](/${s.id}/generated/release-notes) | 全体用户 | 由发布记录自动生成 |

## 系统架构

（待补充：服务器、数据库、接口引擎与院内系统的关系图，可用 Mermaid 流程图绘制。）
`;
}

/** docs/<system>/om-manual.md — the O&M manual skeleton. */
export function omManual(_p: KbPlan, s: System): string {
  const e = engineSnippets(s.database?.engine);
  const db = s.database ? `${s.database.engine} ${s.database.version}` : '数据库';
  const fm: Record<string, string | number> = { sidebar_position: 2, title: '标准操作维护手册', doc_kind: 'om-manual' };
  if (s.database) fm.database = db;
  return `${frontMatter(fm)}
# 标准操作维护手册

本手册适用于${s.name} ${s.version}，供信息科系统管理员和驻场工程师使用。所有操作须在变更窗口内进行，并在服务请求记录中登记操作人、开始和结束时间。

:::warning[待补充]

本页是 \`opsbook init\` 生成的骨架：每一节都要换成现场的真实服务名、服务器名和命令。停机、启动、备份、恢复四节是合同要求移交的内容（条款 HO-1），不能删除。

:::

## 服务清单 {#services}

| 服务名 | 所在服务器 | 作用 | 启动类型 |
| --- | --- | --- | --- |
| （待补充） | （待补充） | ${db} 数据库服务 | 自动 |
| （待补充） | （待补充） | 应用服务 | 自动 |

## 停机 {#shutdown}

停机顺序与启动顺序相反：先停客户端入口和接口，再停应用，最后停数据库。

1. 发布停机通知，确认临床科室已做好停机期间的应急安排。
2. 停止应用服务和接口服务（待补充：服务名与命令）。
3. 需要停数据库时，先做一次备份（见[备份](#backup)），再停止数据库服务（示例，按现场修改）：

${indent(code(e.lang, e.stop))}

4. 在服务请求中记录停机完成时间。

## 启动 {#startup}

1. 启动数据库服务（示例，按现场修改）：

${indent(code(e.lang, e.start))}

2. 启动应用服务和接口服务（待补充：服务名、启动顺序与等待时间）。
3. 登录客户端检查主要功能，确认接口消息恢复收发，并在服务请求中记录启动完成时间。

## 备份 {#backup}

备份策略（待补充）：全量备份的时间与频率、保留份数、备份位置，以及备份是否异地保存。

全量备份命令（示例，按现场修改）：

${code(e.lang, e.backup)}

每次备份后检查备份文件的大小和校验结果；每季度至少做一次恢复演练（见[恢复](#restore)）。

## 恢复 {#restore}

恢复会覆盖现有数据，须经信息科负责人书面同意，并在服务请求中记录。

1. 停止应用服务，确认没有用户连接。
2. 从备份恢复（示例，按现场修改）：

${indent(code(e.lang, e.restore))}

3. 启动应用服务，抽查最近的业务数据，确认恢复到预期的时间点。

## 监控 {#monitoring}

（待补充：需要关注的指标与阈值，例如磁盘空间、数据库连接数、接口消息积压、备份作业结果。）

## 日志位置 {#logs}

- ${e.log}
- 应用日志：（待补充）
- 接口日志：（待补充）

## 常见故障 {#troubleshooting}

| 现象 | 可能原因 | 处理方法 |
| --- | --- | --- |
| （待补充） | （待补充） | （待补充） |
`;
}

/** docs/<system>/user-manual/index.md */
export function userManual(_p: KbPlan, s: System): string {
  return `${frontMatter({ title: '用户手册', doc_kind: 'user-manual' })}
# 用户手册

${s.name}的用户手册按角色编写，每个角色只需阅读自己的一篇。在本目录中为每个角色新建一页（例如 \`doctor.md\`、\`nurse.md\`、\`it-staff.md\`），并在下面列出：

- （待补充：角色与对应页面的链接）

## 登录与通用操作

1. （待补充：如何打开系统、登录方式与初始密码规则。）
2. 离开工作站时锁屏；长时间无操作系统自动锁定。
3. 遇到问题先查阅[常见问题解决方法](../faq.md)；无法解决时拨打 7×24 服务热线 :hotline 提交服务请求。
`;
}

/** docs/<system>/faq.md */
export function systemFaq(_p: KbPlan, s: System): string {
  return `${frontMatter({ sidebar_position: 4, title: '常见问题解决方法', doc_kind: 'faq' })}
# 常见问题解决方法

本页按现象整理${s.name}的常见问题和处理方法，每解决一类新问题就补充一条。

## 登录与权限

### 提示“用户名或密码错误”

（待补充：账号来源、同步时间、锁定规则与解锁方法。）

## 打印与报表

### 打印内容不完整

（待补充：打印模板、纸张设置与打印机驱动的检查方法。）
`;
}

/** docs/<system>/interfaces/index.md */
export function interfacesIndex(_p: KbPlan, s: System): string {
  return `${frontMatter({ title: '接口文档', doc_kind: 'interfaces' })}
# 接口文档

${s.name}与院内其他系统的接口。接口登记表（接口编号、对端、协议、方向、状态）以 \`records/interfaces/\` 中的记录为准，新增接口时先登记记录，再在本目录为它写一页说明。

| 接口 | 对端 | 消息或协议 | 方向 | 说明 |
| --- | --- | --- | --- | --- |
| （待补充） | HIS | （待补充） | 接收 | （待补充） |

## 通用排查步骤

1. 确认接口服务正在运行，查看错误队列或接口日志。
2. 确认对端系统已发出消息；必要时抓取报文。
3. 修正后重发；仍无法解决时提交服务请求（类别：接口），注明接口编号。
`;
}

/** Every page of one system, relative to docs/<system>/. */
export function systemDocs(p: KbPlan, s: System): Record<string, string> {
  return {
    'index.md': systemIndex(p, s),
    'om-manual.md': omManual(p, s),
    'user-manual/_category_.json': category('用户手册', 3, 'user-manual/index'),
    'user-manual/index.md': userManual(p, s),
    'faq.md': systemFaq(p, s),
    'interfaces/_category_.json': category('接口文档', 5, 'interfaces/index'),
    'interfaces/index.md': interfacesIndex(p, s),
  };
}

/** docs/general/index.md — the service as this contract states it. */
export function generalIndex(p: KbPlan): string {
  const sla = p.sla as unknown as Record<string, unknown> & { severities: Record<string, { response: string; onsite_after_remote_fails?: string; channels?: string[]; notify?: string[] }> };
  const rows = Object.entries(sla.severities).map(([k, v]) => {
    const channels = (v.channels ?? ['phone', 'web', 'email']).map((c) => CHANNEL_LABEL[c as keyof typeof CHANNEL_LABEL] ?? c).join('、');
    const onsite = v.onsite_after_remote_fails ?? (sla.complex_onsite as string | undefined);
    const notify = (v.notify ?? []).map((n) => NOTIFY_LABEL[n as keyof typeof NOTIFY_LABEL] ?? n).join('、') || '—';
    return `| ${SEVERITY_LABEL[k as keyof typeof SEVERITY_LABEL] ?? k} | ${channels} | ${duration(v.response)} | ${onsite ? `${duration(onsite)}内到场` : '—'} | ${notify} |`;
  });
  const systems = p.systems.map((s) => `- [${s.name}](/${s.id})（在用版本 ${s.version}）`).join('\n');
  const periods = p.periods.map((x) => `| ${x.id} | ${x.start} | ${x.end} |`).join('\n');
  return `${frontMatter({ sidebar_position: 1, title: '运维服务说明', slug: '/' })}
# 运维服务说明

本站是${p.hospital}与${p.vendor}运维服务合同（${p.contractId}）的内部知识库。手册由供应商维护；服务台账、SLA 和合规页面由 Git 中的记录自动生成，每次构建都会重新生成。

## 服务范围

${systems}

## 服务期

| 服务期 | 开始 | 结束 |
| --- | --- | --- |
${periods}

## 服务请求级别

| 级别 | 提交方式 | 响应时限 | 远程无法解决时 | 须通知 |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

7×24 服务热线：:hotline（号码只在 records/contract.yaml 的 hotline 中登记一次）。

软件故障在接到通知后 ${duration(sla.fault_response as string)}内响应；巡检报告、数据库巡检报告和年度运维总结报告在 ${String(sla.report_due_working_days)} 个工作日内提交（工作日按国务院公布的节假日和调休安排计算）。
`;
}

/** docs/general/faq.md — questions about the service itself. */
export function generalFaq(p: KbPlan): string {
  const links = p.systems.map((s) => `[${s.name}常见问题](/${s.id}/faq)`).join('和');
  return `${frontMatter({ sidebar_position: 3, title: '常见问题' })}
# 常见问题

各系统的操作问题见${links}。本页回答服务流程方面的问题。

## 怎样判断服务请求的级别？

以对临床业务的影响判断：核心业务无法继续为 1 级；系统服务明显降级为 A 级；工作仍可继续为 B 级；不影响使用的问题为 C 级。级别可以在处理过程中调整，调整会记录原因。

## 巡检报告什么时候交？

每次巡检结束后 ${String((p.sla as unknown as Record<string, unknown>).report_due_working_days)} 个工作日内；工作日按国务院公布的节假日和调休安排计算。

## 数据库账号和管理员密码在哪里？

在加密移交清单（\`records/handover/<系统>.sops.yaml\`）中，只有持有解密密钥的人员可以查看。本站只显示清单包含哪些条目和轮换时间，不显示任何密码或地址。
`;
}
