/**
 * Chinese labels for the English codes used in records: what a hospital
 * reader sees in every report.
 */
export const SEVERITY_LABEL: Record<string, string> = { '1': '1 级', A: 'A 级', B: 'B 级', C: 'C 级' };
export const SEVERITIES = ['1', 'A', 'B', 'C'] as const;

export const CATEGORY_LABEL: Record<string, string> = {
  fault: '故障', defect: '软件缺陷', interface: '接口', database: '数据库',
  change: '变更需求', consultation: '咨询', training: '培训',
};
export const CATEGORIES = ['fault', 'defect', 'interface', 'database', 'change', 'consultation', 'training'] as const;

export const CHANNEL_LABEL: Record<string, string> = { phone: '电话', web: '网络', email: '邮件' };
export const CHANNELS = ['phone', 'web', 'email'] as const;

export const OUTCOME_LABEL: Record<string, string> = {
  resolved: '已解决', workaround: '临时解决', unresolvable: '无法解决', duplicate: '重复',
};

export const NOTIFY_LABEL: Record<string, string> = {
  product_team: '产品团队', senior_manager: '高级经理', account_manager: '客户经理',
};

export const ROLE_LABEL: Record<string, string> = {
  doctor: '医生', nurse: '护士', engineer: '技术工程师', key_user: '关键用户', it_staff: '信息科', other: '其他',
};

export const CHECK_RESULT_LABEL: Record<string, string> = { ok: '正常', issue: '发现问题' };
export const HAZARD_STATUS_LABEL: Record<string, string> = { fixed: '已排除', open: '未排除' };

export const CHANGE_KIND_LABEL: Record<string, string> = {
  ui: '界面', field: '字段', display: '展示逻辑', report: '报表', template: '模板', form: '表单',
};
export const CHANGE_SOURCE_LABEL: Record<string, string> = { request: '用户需求', policy: '政策变化' };
export const CHANGE_STATUS_LABEL: Record<string, string> = {
  proposed: '待确认', agreed: '已约定', delivered: '已交付', cancelled: '已取消',
};
export const AUDIENCE_LABEL: Record<string, string> = {
  doctor: '医生', nurse: '护士', engineer: '技术工程师', key_user: '关键用户',
};
export const INTERFACE_STATUS_LABEL: Record<string, string> = {
  active: '运行中', degraded: '运行不畅', planned: '规划中', retired: '已停用',
};
export const DIRECTION_LABEL: Record<string, string> = { inbound: '接收', outbound: '发送', bidirectional: '双向' };
export const DB_OP_LABEL: Record<string, string> = {
  'log-review': '问题日志处理', recovery: '数据恢复', adjustment: '数据调整', migration: '数据迁移',
};
export const DB_OUTCOME_LABEL: Record<string, string> = { success: '成功', partial: '部分完成', failed: '失败' };
export const RECOMMENDATION_STATUS_LABEL: Record<string, string> = {
  proposed: '已提出', accepted: '已采纳', rejected: '未采纳', implemented: '已实施',
};
export const CLAUSE_STATUS_LABEL: Record<string, string> = {
  met: '符合', breached: '未符合', pending: '未到期', manual: '待人工确认', 'n/a': '不适用', 'at-risk': '临期',
};
export const CLOCK_LABEL: Record<string, string> = { met: '达标', breached: '超时', pending: '计时中', 'n/a': '—' };

/** Label of a code, or the code itself when unknown. */
export function label(map: Record<string, string>, code: string | undefined): string {
  if (code === undefined) return '—';
  return map[code] ?? code;
}
