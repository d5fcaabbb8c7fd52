/**
 * The one Chinese vocabulary of opsbook: the label a hospital reader sees
 * for every enum code of the record model (schemas/*.schema.json) and for
 * the statuses opsbook computes (SLA clocks, contract clauses, Git audit).
 * Reports, site pages, compliance text and findings, the SLA text table and
 * the PR summary all read their labels from here, so one code reads the
 * same everywhere. `labels.test.ts` fails when a schema enum value has no
 * label here.
 *
 * Wording follows the contract where it has words for the thing: 1级/A级/B级/C级
 * (section 8), 电话/网络/邮件 (“通过电话、网络、邮件方式提交”), 医生、护士、
 * 技术工程师、业务科室的关键用户 (3(4)), 界面/字段/展示逻辑/报表/模板/表单 (2),
 * 隐患…排除 (3(5)), 接口运行不畅 (6(2)), 问题日志远程处理/数据恢复/数据调整/
 * 数据迁移 (7), 数据库服务器巡检 (7(1)), 返还或销毁 (9(4)).
 */

/** Systems in the contract's words (section 三（一）). */
export const SYSTEM_LABEL = { aims: '手术麻醉临床信息系统', icis: '重症监护信息系统' } as const;
/** Short system names for narrow table columns. */
export const SYSTEM_SHORT_LABEL = { aims: '手术麻醉', icis: '重症监护' } as const;

/** Service request levels (合同第 8 条 服务请求级别), in severity order. */
export const SEVERITY_LABEL = { '1': '1级', A: 'A级', B: 'B级', C: 'C级' } as const;

/** Ticket categories. A defect is the contract's “软件中存在的缺陷” / “软件错误”. */
export const CATEGORY_LABEL = {
  fault: '故障', defect: '软件缺陷', interface: '接口', database: '数据库',
  change: '变更需求', consultation: '咨询', training: '培训',
} as const;

/** Submission channels (“通过电话、网络、邮件方式提交”). */
export const CHANNEL_LABEL = { phone: '电话', web: '网络', email: '邮件' } as const;

/** Ticket outcomes. An unresolvable fault needs a written reply (R-2); that is judged, not labelled. */
export const OUTCOME_LABEL = { resolved: '已解决', workaround: '临时解决', unresolvable: '无法解决', duplicate: '重复' } as const;

/** Who must be notified for 1级/A级 requests (section 8). */
export const NOTIFY_LABEL = { product_team: '产品团队', senior_manager: '高级经理', account_manager: '客户经理' } as const;

/** Training audiences in the contract's words (3(4) 培训对象). */
export const AUDIENCE_LABEL = { doctor: '医生', nurse: '护士', engineer: '技术工程师', key_user: '业务科室的关键用户' } as const;

/** Roles of the person reporting a ticket: the training audiences plus the hospital's IT department. */
export const REPORTER_ROLE_LABEL = { ...AUDIENCE_LABEL, it_staff: '信息科', other: '其他' } as const;

/** Result of one inspection check item. */
export const CHECK_RESULT_LABEL = { ok: '正常', issue: '发现问题' } as const;
/** Status of a hazard found by an inspection (“发现…隐患因素并及时排除”). */
export const HAZARD_STATUS_LABEL = { fixed: '已排除', open: '未排除' } as const;
/** Database running-state assessment of a database inspection (7(1) “对现有数据库运行状态进行评估”). */
export const ASSESSMENT_RATING_LABEL = { good: '良好', fair: '一般', poor: '较差' } as const;
/** Inspection types (3(5) 定时巡检, 7(1) 数据库服务器巡检). */
export const INSPECTION_TYPE_LABEL = { onsite: '现场巡检', database: '数据库服务器巡检' } as const;

/** What a change adjusts (section 2: 局部界面、字段、展示逻辑；报表、模板；3(6) 表单). */
export const CHANGE_KIND_LABEL = { ui: '界面', field: '字段', display: '展示逻辑', report: '报表', template: '模板', form: '表单' } as const;
/** Why a change is made (section 2 合理化需求, 3(6) 政策变化). */
export const CHANGE_SOURCE_LABEL = { request: '用户合理化需求', policy: '国家卫生主管部门政策变化' } as const;
/** Where a change stands (“由双方约定时间进行更新”). */
export const CHANGE_STATUS_LABEL = { proposed: '待确认', agreed: '已约定', delivered: '已交付', cancelled: '已取消' } as const;

/** Types of a release's content items. */
export const CONTENT_TYPE_LABEL = { feature: '新功能', fix: '缺陷修复', improvement: '优化', policy: '政策变更' } as const;

/** The system at the other end of an interface. */
export const INTERFACE_PEER_LABEL = {
  his: '医院信息系统', lis: '检验系统', pacs: '影像系统', emr: '电子病历', device_gateway: '设备网关', other: '其他',
} as const;
/** Direction of an interface, seen from our system. */
export const DIRECTION_LABEL = { inbound: '接收', outbound: '发送', bidirectional: '双向' } as const;
/** Interface status (6(2) “现有接口运行不畅”). */
export const INTERFACE_STATUS_LABEL = { active: '运行中', degraded: '运行不畅', planned: '规划中', retired: '已停用' } as const;

/** Database operations in the contract's words (section 7). */
export const DB_OP_LABEL = { 'log-review': '问题日志远程处理', recovery: '数据恢复', adjustment: '数据调整', migration: '数据迁移' } as const;
/** Outcome of a database operation. */
export const DB_OUTCOME_LABEL = { success: '成功', partial: '部分完成', failed: '失败' } as const;

/** Status of a 系统建设建议 (3(7)). */
export const RECOMMENDATION_STATUS_LABEL = { proposed: '已提出', accepted: '已采纳', rejected: '未采纳', implemented: '已实施' } as const;

/** The organisation a person belongs to. */
export const ORGANISATION_LABEL = { vendor: '供应商', hospital: '院方' } as const;

/** How hospital data is disposed of at the end of the contract (9(4) “返还或销毁”). */
export const DISPOSAL_METHOD_LABEL = { return: '返还', destroy: '销毁' } as const;

/** Where the on-site clock starts (contract record `sla.onsite_clock`). */
export const ONSITE_CLOCK_LABEL = { onsite_requested: '自提出到场要求起', reported: '自报告起' } as const;

/** Status of one SLA clock of a ticket (response, on-site, channel, notification). */
export const CLOCK_STATUS_LABEL = { met: '达标', breached: '超时', pending: '计时中', 'n/a': '不适用' } as const;

/** Status of a contract clause (the compliance matrix) and of the items judged under it. */
export const CLAUSE_STATUS_LABEL = {
  met: '达标', breached: '违约', 'at-risk': '临期', pending: '未到期', manual: '待人工确认', 'n/a': '不适用',
} as const;

/** Kinds of Git audit finding (data credibility), most serious first after the first two. */
export const AUDIT_KIND_LABEL = {
  'late-entry': '补录', 'retroactive-edit': '事后修改',
  'merge-edit': '合并时改动', 'bad-signature': '签名无效', 'commit-date-regression': '提交时间倒退', 'late-fill': '补填', 'unsigned-change': '未签名', 'baseline-import': '迁移导入',
} as const;

/** The contract's reports (section 三 and 3(2), 5: 产品维护报告, 书面答复, 巡检报告, 年度运维总结报告). */
export const REPORT_KIND_LABEL = {
  annual: '年度运维总结报告', inspection: '巡检报告', 'database-inspection': '数据库巡检报告', maintenance: '产品维护报告', 'written-reply': '书面答复',
} as const;
/** How a report was handed over (delivery register `format`). */
export const DELIVERY_FORMAT_LABEL = { docx: 'Word 文档', pdf: 'PDF 文档', paper: '纸质签收件' } as const;
/** Where an owed report stands against the delivery register (computed). */
export const DELIVERY_STATE_LABEL = { due: '待交付', suspect: '疑似过期（须重新交付）', delivered: '已交付' } as const;

/**
 * Every vocabulary by name; the schema test walks this. A vocabulary maps
 * codes to labels; the key order is the order to list them in.
 */
export const VOCABULARIES = {
  system: SYSTEM_LABEL,
  systemShort: SYSTEM_SHORT_LABEL,
  severity: SEVERITY_LABEL,
  category: CATEGORY_LABEL,
  channel: CHANNEL_LABEL,
  outcome: OUTCOME_LABEL,
  notify: NOTIFY_LABEL,
  audience: AUDIENCE_LABEL,
  reporterRole: REPORTER_ROLE_LABEL,
  checkResult: CHECK_RESULT_LABEL,
  hazardStatus: HAZARD_STATUS_LABEL,
  inspectionType: INSPECTION_TYPE_LABEL,
  assessmentRating: ASSESSMENT_RATING_LABEL,
  changeKind: CHANGE_KIND_LABEL,
  changeSource: CHANGE_SOURCE_LABEL,
  changeStatus: CHANGE_STATUS_LABEL,
  contentType: CONTENT_TYPE_LABEL,
  interfacePeer: INTERFACE_PEER_LABEL,
  direction: DIRECTION_LABEL,
  interfaceStatus: INTERFACE_STATUS_LABEL,
  dbOperation: DB_OP_LABEL,
  dbOutcome: DB_OUTCOME_LABEL,
  recommendationStatus: RECOMMENDATION_STATUS_LABEL,
  organisation: ORGANISATION_LABEL,
  disposalMethod: DISPOSAL_METHOD_LABEL,
  onsiteClock: ONSITE_CLOCK_LABEL,
  clockStatus: CLOCK_STATUS_LABEL,
  clauseStatus: CLAUSE_STATUS_LABEL,
  auditKind: AUDIT_KIND_LABEL,
  reportKind: REPORT_KIND_LABEL,
  deliveryFormat: DELIVERY_FORMAT_LABEL,
  deliveryState: DELIVERY_STATE_LABEL,
} as const;

/** A vocabulary: code → Chinese label. */
export type Vocabulary = Readonly<Record<string, string>>;

/** The codes of a vocabulary in listing order (e.g. severities `1, A, B, C`). */
export function codesOf<V extends Vocabulary>(vocabulary: V): (keyof V & string)[] {
  return Object.keys(vocabulary) as (keyof V & string)[];
}

/**
 * The label of a code: the code itself when the vocabulary does not know it
 * (a knowledge base written elsewhere may carry codes we do not), `missing`
 * when there is no code.
 * @param vocabulary one of the tables above
 * @param code the record's code
 * @param missing what to show for an absent code (default `—`)
 */
export function label(vocabulary: Vocabulary, code: string | undefined | null, missing = '—'): string {
  if (code === undefined || code === null || code === '') return missing;
  return Object.hasOwn(vocabulary, code) ? vocabulary[code]! : code;
}

/** Severities in order: `1`, `A`, `B`, `C`. */
export const SEVERITIES = codesOf(SEVERITY_LABEL);
/** Ticket categories in listing order. */
export const CATEGORIES = codesOf(CATEGORY_LABEL);
/** Channels in listing order. */
export const CHANNELS = codesOf(CHANNEL_LABEL);
