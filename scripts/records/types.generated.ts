/* eslint-disable */
// Generated from schemas/*.schema.json by scripts/records/generate-types.ts — do not edit.

/**
 * 运维服务合同：合同主记录（records/contract.yaml）：客户、供应商、系统、服务期与服务级别策略。
 */
export interface Contract {
/**
 * 模式：编辑器使用的 JSON Schema 路径。
 */
$schema?: string
/**
 * 编号：记录编号，与文件名一致，全库唯一，例如 HT-2024-0917。
 */
id: string
/**
 * 合同名称：合同名称。
 */
title?: string
/**
 * 院方：客户（医院）名称。
 */
customer: string
/**
 * 供应商：供应商名称。
 */
vendor: string
/**
 * 签订日期：合同签订日期。
 */
signed_at?: string
/**
 * 系统：合同范围内的系统及在用版本。
 */
systems: {
/**
 * 手术麻醉临床信息系统：手术麻醉临床信息系统。
 */
aims?: {
/**
 * 名称：系统全称。
 */
name: string
/**
 * 在用版本：当前在用版本号。
 */
version: string
/**
 * 数据库：本系统使用的数据库（类型与版本只在这里声明一次；数据字典、移交清单和手册须与之一致，不一致时 opsbook validate 报错）。
 */
database?: {
/**
 * 数据库类型：数据库产品，例如 SQL Server、Oracle、MySQL、PostgreSQL、达梦。
 */
engine: string
/**
 * 数据库版本：数据库版本，例如 2019、19c。
 */
version: string
/**
 * 库名：数据库（或 PDB）名称，例如 AIMSDB。
 */
name?: string
}
}
/**
 * 重症监护信息系统：重症监护信息系统。
 */
icis?: {
/**
 * 名称：系统全称。
 */
name: string
/**
 * 在用版本：当前在用版本号。
 */
version: string
/**
 * 数据库：本系统使用的数据库（类型与版本只在这里声明一次；数据字典、移交清单和手册须与之一致，不一致时 opsbook validate 报错）。
 */
database?: {
/**
 * 数据库类型：数据库产品，例如 SQL Server、Oracle、MySQL、PostgreSQL、达梦。
 */
engine: string
/**
 * 数据库版本：数据库版本，例如 2019、19c。
 */
version: string
/**
 * 库名：数据库（或 PDB）名称，例如 AIMSDB。
 */
name?: string
}
}
}
/**
 * 7×24 服务热线：合同约定的 7×24 小时电话支持号码（条款 S-1），显示在站点首页和常见问题中。
 */
hotline?: {
/**
 * 电话号码：服务热线号码，例如 400-000-0000。
 */
phone: string
/**
 * 名称：热线的名称，默认“7×24 服务热线”。
 */
label?: string
/**
 * 备注：号码旁显示的说明，例如“演示号码”。
 */
note?: string
}
/**
 * 服务期：服务期列表（合同一年一签，通常两个服务期 Y1、Y2）。
 * 
 * @minItems 1
 * 
 * Items: 服务期：一个服务年度。
 */
service_periods: {
/**
 * 服务期编号：服务期编号，例如 Y1。
 */
id: string
/**
 * 开始日期：服务期第一天（含）。
 */
start: string
/**
 * 结束日期：服务期最后一天（含）。
 */
end: string
/**
 * 年度运维总结报告移交：年度运维总结报告的移交记录（条款 RPT-2）。
 */
annual_report?: {
/**
 * 提交日期：报告交付院方的日期或时间。
 */
delivered_at: string
/**
 * 签收人：院方签收人（职务或姓名）。
 */
acknowledged_by?: string
}
}[]
/**
 * 服务级别策略：服务级别策略：响应时限、到场时限、报告期限与巡检频次。
 */
sla: {
/**
 * 各级别要求：各严重级别的响应、到场、渠道与通知要求。
 */
severities: {
/**
 * 1 级：灾难性的业务影响。
 */
"1": {
/**
 * 响应时限：自接到第一个电话起的响应时限（24×7 计时）。
 */
response: string
/**
 * 远程无法解决时到场时限：远程无法解决时须到场的时限（条款 L-2）。
 */
onsite_after_remote_fails?: string
/**
 * 允许的提交方式：该级别允许的提交渠道。
 * 
 * @minItems 1
 * 
 * Items: 渠道：phone 电话、web 网络、email 邮件。
 */
channels?: ("phone" | "web" | "email")[]
/**
 * 须通知的对象：该级别须通知的对象。
 * 
 * Items: 通知对象：product_team 产品团队、senior_manager 高级经理、account_manager 客户经理。
 */
notify?: ("product_team" | "senior_manager" | "account_manager")[]
}
/**
 * A 级：严重的业务影响。
 */
A: {
/**
 * 响应时限：自接到第一个电话起的响应时限（24×7 计时）。
 */
response: string
/**
 * 远程无法解决时到场时限：远程无法解决时须到场的时限（条款 L-2）。
 */
onsite_after_remote_fails?: string
/**
 * 允许的提交方式：该级别允许的提交渠道。
 * 
 * @minItems 1
 * 
 * Items: 渠道：phone 电话、web 网络、email 邮件。
 */
channels?: ("phone" | "web" | "email")[]
/**
 * 须通知的对象：该级别须通知的对象。
 * 
 * Items: 通知对象：product_team 产品团队、senior_manager 高级经理、account_manager 客户经理。
 */
notify?: ("product_team" | "senior_manager" | "account_manager")[]
}
/**
 * B 级：中等的业务影响。
 */
B: {
/**
 * 响应时限：自接到第一个电话起的响应时限（24×7 计时）。
 */
response: string
/**
 * 远程无法解决时到场时限：远程无法解决时须到场的时限（条款 L-2）。
 */
onsite_after_remote_fails?: string
/**
 * 允许的提交方式：该级别允许的提交渠道。
 * 
 * @minItems 1
 * 
 * Items: 渠道：phone 电话、web 网络、email 邮件。
 */
channels?: ("phone" | "web" | "email")[]
/**
 * 须通知的对象：该级别须通知的对象。
 * 
 * Items: 通知对象：product_team 产品团队、senior_manager 高级经理、account_manager 客户经理。
 */
notify?: ("product_team" | "senior_manager" | "account_manager")[]
}
/**
 * C 级：很小的业务影响。
 */
C: {
/**
 * 响应时限：自接到第一个电话起的响应时限（24×7 计时）。
 */
response: string
/**
 * 远程无法解决时到场时限：远程无法解决时须到场的时限（条款 L-2）。
 */
onsite_after_remote_fails?: string
/**
 * 允许的提交方式：该级别允许的提交渠道。
 * 
 * @minItems 1
 * 
 * Items: 渠道：phone 电话、web 网络、email 邮件。
 */
channels?: ("phone" | "web" | "email")[]
/**
 * 须通知的对象：该级别须通知的对象。
 * 
 * Items: 通知对象：product_team 产品团队、senior_manager 高级经理、account_manager 客户经理。
 */
notify?: ("product_team" | "senior_manager" | "account_manager")[]
}
}
/**
 * 故障响应时限：软件故障接到通知后的响应时限（条款 R-1，合同为 30 分钟）。
 */
fault_response: string
/**
 * 复杂问题到场时限：远程不足以解决的复杂问题，工程师到场时限（条款 R-2，合同为 24 小时）。
 */
complex_onsite: string
/**
 * 到场计时起点：到场时限的计时起点：onsite_requested 自提出到场要求起，reported 自报告起。
 */
onsite_clock: ("onsite_requested" | "reported")
/**
 * 报告期限（工作日）：巡检报告、数据库巡检报告与年度报告的提交期限（工作日，条款 RPT-1、RPT-2、D-1）。
 */
report_due_working_days: number
/**
 * 每季度现场巡检次数：每个服务期每季度应进行的现场巡检次数（条款 S-5）。
 */
onsite_inspections_per_quarter: number
/**
 * 每服务期数据库巡检次数：每个服务期应进行的数据库服务器巡检次数，上下半年各一次（条款 D-1）。
 */
database_inspections_per_period: number
/**
 * 补录阈值（天）：记录进入主分支的时间晚于其事件超过该天数即视为补录（审计 late-entry）；先留空、后补填的 SLA 时间进入主分支晚于该时间本身超过该天数即视为补填（late-fill）。合同未约定，默认 7。
 */
late_entry_days?: number
/**
 * 临期预警（工作日）：距离期限不足该工作日数时，条款状态显示为 at-risk（临期，可视为未到期的提前预警），默认 3。
 */
at_risk_working_days?: number
/**
 * 书面答复期限（工作日）：合同未约定期限：处理结果为无法解决（outcome: unresolvable）的问题，须在工单关闭后该工作日数内给予书面答复（条款 R-2）。默认 10，与报告期限相同。
 */
written_reply_working_days?: number
/**
 * 培训与新功能说明期限（工作日）：合同未约定期限：改变软件操作的发布（changes_operation: true）后，须在该工作日数内完成用户培训并提供新功能使用说明（条款 S-4）。默认 10，与报告期限相同。
 */
training_working_days?: number
/**
 * 数据返还或销毁期限（工作日）：合同未约定期限：最后一个服务期结束后，须在该工作日数内按院方要求返还或销毁院方数据（条款 SEC-2）。默认 10，与报告期限相同。
 */
disposal_working_days?: number
}
}

/**
 * 服务请求/故障单：一次服务请求或故障（records/tickets/<年>/<编号>.yaml）。不得包含任何患者标识信息。
 */
export type Ticket = {
/**
 * 模式：编辑器使用的 JSON Schema 路径。
 */
$schema?: string
/**
 * 编号：记录编号，与文件名一致，全库唯一，例如 T-20260314-01。
 */
id: string
/**
 * 系统：所属系统：aims 或 icis。
 */
system: ("aims" | "icis")
/**
 * 标题：问题的简要标题。
 */
title: string
/**
 * 问题描述：问题的详细描述（不得包含患者姓名、住院号等信息）。
 */
description?: string
/**
 * 严重级别：服务请求级别："1"、"A"、"B"、"C"（加引号）。
 */
severity: ("1" | "A" | "B" | "C")
/**
 * 级别变更：处理过程中严重级别的调整记录，按时间顺序。
 * 
 * Items: 级别变更：一次级别调整。
 */
severity_changes?: {
/**
 * 调整时间：级别调整的时间。
 */
at: string
/**
 * 原级别：调整前的级别。
 */
from: ("1" | "A" | "B" | "C")
/**
 * 新级别：调整后的级别。
 */
to: ("1" | "A" | "B" | "C")
/**
 * 原因：调整原因。
 */
reason?: string
}[]
/**
 * 类别：类别：fault 故障、defect 软件缺陷、interface 接口、database 数据库、change 变更需求、consultation 咨询、training 培训。
 */
category: ("fault" | "defect" | "interface" | "database" | "change" | "consultation" | "training")
/**
 * 提交方式：提交渠道：phone 电话、web 网络、email 邮件。
 */
channel: ("phone" | "web" | "email")
/**
 * 报告科室：提出请求的科室，例如 麻醉科、手术室、ICU、信息科。
 */
department?: string
/**
 * 功能模块：涉及的功能模块，例如 麻醉记录单、术前访视、护理记录。
 */
module?: string
/**
 * 报告人角色：报告人的角色（不记录姓名）：doctor 医生、nurse 护士、engineer 技术工程师、key_user 业务科室的关键用户、it_staff 信息科、other 其他。
 */
reporter_role?: ("doctor" | "nurse" | "engineer" | "key_user" | "it_staff" | "other")
/**
 * 报告时间：接到第一个电话/第一次通知的时间，所有计时由此开始。
 */
reported_at: string
/**
 * 响应时间：工程师首次响应的时间。
 */
responded_at?: string
/**
 * 解决时间：问题解决（或关闭）的时间；未关闭时不填。
 */
resolved_at?: string
/**
 * 通知记录：按级别要求发出的通知。
 * 
 * Items: 通知：一次通知。
 */
notified?: {
/**
 * 通知对象：product_team 产品团队、senior_manager 高级经理、account_manager 客户经理。
 */
to: ("product_team" | "senior_manager" | "account_manager")
/**
 * 通知时间：发出通知的时间。
 */
at: string
}[]
/**
 * 现场服务：远程无法解决时的到场记录。
 */
onsite?: {
/**
 * 提出到场时间：确认远程无法解决、提出到场的时间。
 */
requested_at: string
/**
 * 到场时间：工程师到达用户现场的时间。
 */
arrived_at?: string
/**
 * 到场工程师：到场工程师的人员编号。
 */
engineer?: string
}
/**
 * 处理结果：处理结果：resolved 已解决、workaround 临时解决、unresolvable 无法解决、duplicate 重复。
 */
outcome?: ("resolved" | "workaround" | "unresolvable" | "duplicate")
/**
 * 原因：问题原因（产品维护报告内容）。
 */
cause?: string
/**
 * 解决办法：解决办法（产品维护报告内容）。
 */
solution?: string
/**
 * 建议：建议（产品维护报告内容）。
 */
recommendations?: string
/**
 * 书面答复：无法解决的故障须给予书面答复（条款 R-2）。
 */
written_reply?: {
/**
 * 答复日期：书面答复交付院方的日期或时间。
 */
delivered_at: string
/**
 * 答复摘要：书面答复的内容摘要。
 */
summary?: string
}
/**
 * 接口：相关接口记录的编号（类别为 interface 时必填）。
 */
interface?: string
/**
 * 修复版本：修复该缺陷的发布记录编号（条款 S-3）。
 */
fixed_in?: string
/**
 * 重复于：重复的原工单编号。
 */
duplicate_of?: string
/**
 * 处理工程师：参与处理的工程师人员编号。
 * 
 * Items: 工程师：人员编号。
 */
engineers?: string[]
/**
 * 标签：自由标签。
 * 
 * Items: 标签：一个标签。
 */
tags?: string[]
}

/**
 * 巡检记录：现场巡检或数据库服务器巡检（records/inspections/<年>/<编号>.yaml）。
 */
export interface Inspection {
/**
 * 模式：编辑器使用的 JSON Schema 路径。
 */
$schema?: string
/**
 * 编号：记录编号，与文件名一致，全库唯一，例如 INS-2026-01。
 */
id: string
/**
 * 巡检类型：onsite 现场巡检（条款 S-5）、database 数据库服务器巡检（条款 D-1）。
 */
type: ("onsite" | "database")
/**
 * 系统：巡检涉及的系统。
 * 
 * @minItems 1
 * 
 * Items: 系统：系统代码。
 */
systems: ("aims" | "icis")[]
/**
 * 院方许可：现场巡检须经院方许可。
 */
permission?: {
/**
 * 许可人：许可人（职务或姓名）。
 */
granted_by: string
/**
 * 许可日期：许可日期。
 */
date: string
}
/**
 * 开始：巡检开始日期或时间。
 */
started_at: string
/**
 * 结束：巡检结束日期或时间。
 */
finished_at: string
/**
 * 巡检工程师：参与巡检的工程师人员编号。
 * 
 * Items: 工程师：人员编号。
 */
engineers?: string[]
/**
 * 巡检范围：巡检的范围。
 * 
 * Items: 范围项：一项巡检范围。
 */
scope?: string[]
/**
 * 检查项：逐项检查结果。
 * 
 * Items: 检查项：一项检查。
 */
checks?: {
/**
 * 检查内容：检查的内容。
 */
item: string
/**
 * 系统：检查项所属系统。
 */
system?: ("aims" | "icis")
/**
 * 结果：ok 正常、issue 发现问题。
 */
result: ("ok" | "issue")
/**
 * 说明：说明或测量值。
 */
note?: string
}[]
/**
 * 隐患：发现的影响系统稳定运行的隐患。
 * 
 * Items: 隐患：一项隐患。
 */
hazards?: {
/**
 * 隐患描述：隐患描述。
 */
description: string
/**
 * 处理措施：采取或建议的措施。
 */
action?: string
/**
 * 状态：fixed 已排除、open 未排除。
 */
status: ("fixed" | "open")
}[]
/**
 * 巡检结论：本次巡检的总体结论：系统是否稳定运行、主要问题与整改要求（出具巡检报告所必需）。
 */
conclusion?: string
/**
 * 运行状态评估：对数据库运行状态的评估（合同（二）7（1）“对现有数据库运行状态进行评估”；数据库巡检报告所必需）。
 */
assessment?: {
/**
 * 评估等级：good 良好、fair 一般（存在需整改的问题）、poor 较差（影响稳定运行）。
 */
rating: ("good" | "fair" | "poor")
/**
 * 评估说明：评估结论及依据（容量、性能、备份、安全等）。
 */
summary: string
}
/**
 * 巡检建议：巡检建议。
 * 
 * Items: 建议：一条建议。
 */
recommendations?: string[]
/**
 * 巡检报告移交：巡检报告交付院方的记录（条款 RPT-1、D-1）。
 */
report?: {
/**
 * 提交日期：报告交付日期或时间。
 */
delivered_at: string
/**
 * 签收人：院方签收人（职务或姓名）。
 */
acknowledged_by?: string
}
}

/**
 * 变更记录：界面、字段、展示逻辑、报表与模板的调整，或政策驱动的表单变更（records/changes/<编号>.yaml，条款 M-2、S-6）。
 */
export type Change = {
/**
 * 模式：编辑器使用的 JSON Schema 路径。
 */
$schema?: string
/**
 * 编号：记录编号，与文件名一致，全库唯一；建议写法如 CHG-2026-003。
 */
id: string
/**
 * 系统：所属系统。
 */
system: ("aims" | "icis")
/**
 * 标题：变更标题。
 */
title: string
/**
 * 说明：变更内容说明。
 */
description?: string
/**
 * 变更类型：ui 界面、field 字段、display 展示逻辑、report 报表、template 模板、form 表单。
 */
kind: ("ui" | "field" | "display" | "report" | "template" | "form")
/**
 * 来源：request 用户合理化需求、policy 国家卫生主管部门政策变化。
 */
source: ("request" | "policy")
/**
 * 依据的政策文件：政策变更所依据的文件名称与文号（source 为 policy 时必填）。
 */
regulation?: string
/**
 * 提出科室：提出需求的科室。
 */
requested_by?: string
/**
 * 提出日期：需求提出日期。
 */
requested_at: string
/**
 * 约定完成日期：双方约定的更新日期。
 */
agreed_date?: string
/**
 * 交付时间：变更上线交付的日期或时间。
 */
delivered_at?: string
/**
 * 状态：proposed 待确认、agreed 已约定、delivered 已交付、cancelled 已取消。
 */
status: ("proposed" | "agreed" | "delivered" | "cancelled")
/**
 * 发布版本：包含该变更的发布记录编号。
 */
release?: string
/**
 * 关联工单：关联的服务请求编号。
 * 
 * Items: 工单：工单编号。
 */
tickets?: string[]
}

/**
 * 软件发布：一次软件版本发布（records/releases/<编号>.yaml），生成软件更新内容说明（条款 M-1、S-3、S-4、S-8）。
 */
export interface Release {
/**
 * 模式：编辑器使用的 JSON Schema 路径。
 */
$schema?: string
/**
 * 编号：记录编号，与文件名一致，全库唯一；建议写法如 REL-aims-5.2.1。
 */
id: string
/**
 * 系统：所属系统。
 */
system: ("aims" | "icis")
/**
 * 版本号：发布的版本号，例如 5.2.1。
 */
version: string
/**
 * 发布日期：上线发布的日期或时间。
 */
released_at: string
/**
 * 更新内容：本次发布的更新内容。
 * 
 * @minItems 1
 * 
 * Items: 更新项：一项更新内容。
 */
contents: {
/**
 * 类型：feature 新功能、fix 缺陷修复、improvement 优化、policy 政策变更。
 */
type: ("feature" | "fix" | "improvement" | "policy")
/**
 * 内容：更新内容说明。
 */
text: string
/**
 * 关联工单：关联的工单编号。
 */
ticket?: string
/**
 * 关联变更：关联的变更记录编号。
 */
change?: string
}[]
/**
 * 软件维护说明：软件维护说明：修改内容、影响范围、升级与回退步骤（条款 S-3）。
 */
maintenance_notes?: string
/**
 * 是否改变操作：本次发布是否造成软件操作变化；为 true 时须安排使用培训并提供新功能使用说明（条款 S-4）。
 */
changes_operation: boolean
/**
 * 新功能使用说明页面：新功能使用说明文档路径（相对 docs/），例如 aims/features/5.2.1.md。
 */
feature_guide?: string
/**
 * 实施工程师：部署发布的工程师。
 */
deployed_by?: string
}

/**
 * 用户培训：一次用户培训（records/trainings/<编号>.yaml，条款 S-4）。
 */
export interface Training {
/**
 * 模式：编辑器使用的 JSON Schema 路径。
 */
$schema?: string
/**
 * 编号：记录编号，与文件名一致，全库唯一；建议写法如 TRN-2026-04。
 */
id: string
/**
 * 系统：培训涉及的系统。
 * 
 * @minItems 1
 * 
 * Items: 系统：系统代码。
 */
systems: ("aims" | "icis")[]
/**
 * 培训日期：培训日期。
 */
date: string
/**
 * 培训主题：培训主题。
 */
topic: string
/**
 * 培训对象：doctor 医生、nurse 护士、engineer 技术工程师、key_user 业务科室关键用户。
 * 
 * @minItems 1
 * 
 * Items: 对象：培训对象：doctor 医生、nurse 护士、engineer 技术工程师、key_user 业务科室的关键用户。
 */
audiences: ("doctor" | "nurse" | "engineer" | "key_user")[]
/**
 * 参加科室：参加培训的科室。
 * 
 * Items: 科室：科室名称。
 */
departments?: string[]
/**
 * 参加人数：参加培训的人数。
 */
attendees: number
/**
 * 讲师：讲师的人员编号。
 */
trainer?: string
/**
 * 关联发布：因该发布的操作变化而进行的培训。
 */
release?: string
/**
 * 培训资料：培训资料（文档路径或名称）。
 * 
 * Items: 资料：资料名称或路径。
 */
materials?: string[]
}

/**
 * 系统建设建议：向科室提供的软件建设建议方案（records/recommendations/<编号>.yaml，条款 S-7）。
 */
export interface Recommendation {
/**
 * 模式：编辑器使用的 JSON Schema 路径。
 */
$schema?: string
/**
 * 编号：记录编号，与文件名一致，全库唯一；建议写法如 REC-2026-02。
 */
id: string
/**
 * 系统：所属系统。
 */
system: ("aims" | "icis")
/**
 * 提出日期：建议提出日期。
 */
date: string
/**
 * 科室：建议面向的科室。
 */
department?: string
/**
 * 标题：建议标题。
 */
title: string
/**
 * 建议内容：建议方案内容。
 */
description?: string
/**
 * 状态：proposed 已提出、accepted 已采纳、rejected 未采纳、implemented 已实施。
 */
status: ("proposed" | "accepted" | "rejected" | "implemented")
/**
 * 依据工单：提出建议所依据的工单。
 * 
 * Items: 工单：工单编号。
 */
tickets?: string[]
}

/**
 * 接口登记：系统接口登记（records/interfaces/<编号>.yaml，条款 I-1、I-2）。
 */
export interface Interface {
/**
 * 模式：编辑器使用的 JSON Schema 路径。
 */
$schema?: string
/**
 * 编号：记录编号，与文件名一致，全库唯一；建议写法如 IF-aims-his-adt。
 */
id: string
/**
 * 系统：本方系统。
 */
system: ("aims" | "icis")
/**
 * 对端系统：his 医院信息系统、lis 检验系统、pacs 影像系统、emr 电子病历、device_gateway 设备网关、other 其他。
 */
peer: ("his" | "lis" | "pacs" | "emr" | "device_gateway" | "other")
/**
 * 对端名称：对端系统名称。
 */
peer_name?: string
/**
 * 协议：接口协议，例如 HL7 v2.5、Web Service、视图、DICOM。
 */
protocol: string
/**
 * 消息类型：交换的消息类型，例如 ADT^A01、ORU^R01。
 * 
 * Items: 消息：消息类型。
 */
messages?: string[]
/**
 * 方向：inbound 接收、outbound 发送、bidirectional 双向。
 */
direction: ("inbound" | "outbound" | "bidirectional")
/**
 * 状态：active 运行中、degraded 运行不畅、planned 规划中、retired 已停用。
 */
status: ("active" | "degraded" | "planned" | "retired")
/**
 * 启用日期：接口启用日期。
 */
since?: string
/**
 * 说明：接口用途说明。
 */
description?: string
/**
 * 接口文档：接口文档路径（相对 docs/）。
 */
doc?: string
}

/**
 * 数据库运维操作：问题日志查看、数据恢复、数据调整、数据迁移（records/db-operations/<编号>.yaml，条款 D-2）。
 */
export interface DbOperation {
/**
 * 模式：编辑器使用的 JSON Schema 路径。
 */
$schema?: string
/**
 * 编号：记录编号，与文件名一致，全库唯一；建议写法如 DBO-2026-05。
 */
id: string
/**
 * 系统：所属系统。
 */
system: ("aims" | "icis")
/**
 * 操作类型：log-review 问题日志远程处理、recovery 数据恢复、adjustment 数据调整、migration 数据迁移。
 */
type: ("log-review" | "recovery" | "adjustment" | "migration")
/**
 * 申请人：申请科室或岗位。
 */
requested_by?: string
/**
 * 审批人：院方审批人（职务）。
 */
approved_by?: string
/**
 * 开始：开始日期或时间。
 */
started_at: string
/**
 * 结束：结束日期或时间。
 */
finished_at?: string
/**
 * 操作摘要：操作内容摘要（不得包含患者信息）。
 */
summary: string
/**
 * 结果：success 成功、partial 部分完成、failed 失败。
 */
outcome?: ("success" | "partial" | "failed")
/**
 * 关联工单：关联的工单编号。
 */
ticket?: string
/**
 * 工程师：操作工程师。
 * 
 * Items: 工程师：人员编号。
 */
engineers?: string[]
}

/**
 * 人员：供应商或院方人员（records/people/<编号>.yaml）。不记录个人手机号码。
 */
export interface Person {
/**
 * 模式：编辑器使用的 JSON Schema 路径。
 */
$schema?: string
/**
 * 编号：记录编号，与文件名一致，全库唯一；建议写法如 P-zhangwei。
 */
id: string
/**
 * 姓名：姓名（演示数据为虚构人名）。
 */
name: string
/**
 * 所属单位：vendor 供应商、hospital 院方；省略时视为供应商人员。
 */
organisation?: ("vendor" | "hospital")
/**
 * 角色：角色，建议取值：engineer 工程师、lead 项目负责人、dba 数据库工程师、product 产品团队、senior_manager 高级经理、account_manager 客户经理、it 信息科。
 */
role: string
/**
 * 负责系统：负责的系统。
 * 
 * Items: 系统：系统代码。
 */
systems?: ("aims" | "icis")[]
/**
 * 加入日期：加入项目的日期。
 */
joined?: string
/**
 * 离开日期：离开项目的日期；离开后须轮换其知悉的账号密码。
 */
left?: string
/**
 * 知悉的凭据：该人员知悉的移交凭据（移交清单中的条目路径，例如 databases.aims-db.accounts.sa）。
 * 
 * Items: 凭据条目：移交清单中的条目路径。
 */
credential_access?: string[]
}

/**
 * 数据字典：系统数据字典（records/data-dictionary/<编号>.yaml，条款 HO-1）。
 */
export interface DataDictionary {
/**
 * 模式：编辑器使用的 JSON Schema 路径。
 */
$schema?: string
/**
 * 编号：记录编号，与文件名一致，全库唯一；建议写法如 DD-aims。
 */
id: string
/**
 * 系统：所属系统。
 */
system: ("aims" | "icis")
/**
 * 适用版本：数据字典适用的系统版本。
 */
version: string
/**
 * 数据库：数据库名称，例如 AIMSDB。数据库类型与版本只在合同记录 systems.<系统>.database 中声明；这里若写出类型或版本，须与合同一致（opsbook validate 检查），字段类型也须是该数据库的类型。
 */
database?: string
/**
 * 数据表：数据表。
 * 
 * @minItems 1
 * 
 * Items: 数据表：一张数据表。
 */
tables: {
/**
 * 表名：物理表名。
 */
name: string
/**
 * 中文名：表的中文名称。
 */
title: string
/**
 * 说明：表的用途说明。
 */
description?: string
/**
 * 字段：字段。
 * 
 * @minItems 1
 * 
 * Items: 字段：一个字段。
 */
columns: {
/**
 * 字段名：物理字段名。
 */
name: string
/**
 * 类型：数据类型，例如 varchar(50)、datetime、int。
 */
type: string
/**
 * 中文名：字段中文名称。
 */
title: string
/**
 * 可空：是否允许为空。
 */
nullable?: boolean
/**
 * 主键：是否主键。
 */
primary_key?: boolean
/**
 * 代码集：取值所用代码集编号（code_sets 中的 id）。
 */
code_set?: string
/**
 * 说明：字段说明。
 */
description?: string
}[]
}[]
/**
 * 代码集：代码集（枚举值）。
 * 
 * Items: 代码集：一个代码集。
 */
code_sets?: {
/**
 * 编号：代码集编号。
 */
id: string
/**
 * 名称：代码集名称。
 */
title: string
/**
 * 取值：代码与含义。
 * 
 * @minItems 1
 * 
 * Items: 取值：一个代码。
 */
values: {
/**
 * 代码：代码值。
 */
code: string
/**
 * 含义：代码含义。
 */
label: string
}[]
}[]
}

/**
 * 数据返还或销毁：合同终止后返还或销毁院方数据的记录（records/disposals/<编号>.yaml，条款 SEC-2）。
 */
export interface Disposal {
/**
 * 模式：编辑器使用的 JSON Schema 路径。
 */
$schema?: string
/**
 * 编号：记录编号，与文件名一致，全库唯一；建议写法如 DSP-2027-01。
 */
id: string
/**
 * 日期：返还或销毁的日期。
 */
date: string
/**
 * 方式：return 返还、destroy 销毁。
 */
method: ("return" | "destroy")
/**
 * 范围：返还或销毁的数据范围。
 * 
 * @minItems 1
 * 
 * Items: 范围项：数据范围。
 */
scope: string[]
/**
 * 院方见证人：院方见证人（职务）。
 */
witnessed_by?: string
/**
 * 证明文件：销毁证明或返还清单编号。
 */
certificate?: string
}

/**
 * 节假日安排：国务院办公厅发布的某一年度节假日安排（records/calendar/<年>.yaml）：放假日与调休上班日。
 */
export interface Calendar {
/**
 * 模式：编辑器使用的 JSON Schema 路径。
 */
$schema?: string
/**
 * 编号：记录编号，与文件名一致，全库唯一，例如 2027。
 */
id: string
/**
 * 年度：年度。
 */
year: number
/**
 * 依据：国务院办公厅通知名称与文号。
 */
source: string
/**
 * 放假安排：法定节假日放假安排（含连休的周末）。
 * 
 * Items: 假期：一段假期。
 */
holidays: {
/**
 * 节日：节日名称，例如 春节。
 */
name: string
/**
 * 开始日期：放假第一天。
 */
from: string
/**
 * 结束日期：放假最后一天（含）。
 */
to: string
}[]
/**
 * 调休上班日：因调休而上班的周末日期。
 * 
 * Items: 上班日：调休上班的日期。
 */
workdays: string[]
}

/**
 * 凭据移交清单（解密后）：加密移交清单 records/handover/<系统>.sops.yaml 解密后的结构：数据库账号、管理员账号、服务器 IP（条款 HO-1）。
 */
export interface Handover {
/**
 * 系统：所属系统。
 */
system: ("aims" | "icis")
/**
 * 更新日期：清单最近更新日期。
 */
updated_at?: string
/**
 * 数据库账号：数据库服务器及用户名、密码。
 * 
 * @minItems 1
 * 
 * Items: 数据库：一个数据库实例。
 */
databases: {
/**
 * 实例名：数据库实例名称。
 */
name: string
/**
 * 数据库类型：例如 SQL Server 2019、Oracle 19c。
 */
engine?: string
/**
 * 服务器地址：服务器 IP 或主机名。
 */
host: string
/**
 * 端口：端口号。
 */
port?: number
/**
 * 账号：数据库账号。
 * 
 * @minItems 1
 * 
 * Items: 账号：一个数据库账号。
 */
accounts: {
/**
 * 用户名：用户名。
 */
username: string
/**
 * 密码：密码。
 */
password: string
/**
 * 用途：账号用途。
 */
role?: string
/**
 * 最近轮换日期：密码最近一次修改的日期。
 */
rotated_at: string
/**
 * 备注：备注。
 */
note?: string
}[]
}[]
/**
 * 管理员账号：超级管理员或管理员账号。
 * 
 * @minItems 1
 * 
 * Items: 管理员账号：一个管理员账号。
 */
admin_accounts: {
/**
 * 应用：所属应用或控制台。
 */
application: string
/**
 * 用户名：用户名。
 */
username: string
/**
 * 密码：密码。
 */
password: string
/**
 * 最近轮换日期：密码最近一次修改的日期。
 */
rotated_at: string
/**
 * 备注：备注。
 */
note?: string
}[]
/**
 * 服务器：服务器及其 IP。
 * 
 * @minItems 1
 * 
 * Items: 服务器：一台服务器。
 */
servers: {
/**
 * 主机名：主机名。
 */
hostname: string
/**
 * IP 地址：IPv4 或 IPv6 地址。
 */
ip: string
/**
 * 用途：服务器用途，例如 应用服务器、数据库服务器。
 */
role: string
/**
 * 操作系统：操作系统。
 */
os?: string
/**
 * 最近轮换日期：系统管理员密码最近一次修改的日期。
 */
rotated_at?: string
/**
 * 备注：备注。
 */
note?: string
}[]
}

/**
 * 知识库设置：opsbook.yaml：本知识库交给 opsbook 工具的设置（站点名称与地址、审计基线等）。合同本身的条款与服务级别在 records/contract.yaml 中，不在这里。
 */
export interface OpsbookConfig {
$schema?: string
/**
 * 站点设置：内部知识库站点的名称、地址与显示选项。
 */
site?: {
/**
 * 站点标题：浏览器标题栏与首页显示的名称；不填时取合同的客户名称加“运维知识库”。
 */
title?: string
/**
 * 站点域名：站点对外的协议与主机名，不含路径，例如 https://wiki.hospital.internal。
 */
url?: string
/**
 * 站点路径：站点所在的子路径，以 / 开头并以 / 结尾，例如 /opsbook/；放在域名根下时写 /。
 */
base_url?: string
/**
 * 站点标志：站点标志图片，相对于知识库根目录的路径（例如 static/img/logo.svg）。
 */
logo?: string
/**
 * 页面维护者显示名：页脚“最后更新”处显示的名称（例如 运维项目组）；不填时只显示日期，不显示 Git 作者。
 */
updated_by?: string
}
/**
 * 审计设置：Git 来源审计的设置。
 */
audit?: {
/**
 * 主分支：证据进入主分支的那条分支名，默认 main。审计按该分支的第一父提交历史（提交者日期）判断记录与 SLA 时间何时进入主分支；本地没有该分支时使用 origin/<分支名> 等远程跟踪分支。
 */
main_branch?: string
/**
 * 审计基线提交：启用 opsbook 时批量导入历史记录的最后一次提交（提交哈希，须在主分支历史中）。在该提交或之前进入主分支的记录计为“迁移导入”：合并为一行计数，不逐条判为补录，也不视为已核实；其后的修改照常审计。
 */
baseline?: string
/**
 * SLA 字段修改须签名：为 true 时，基线之后每一处 SLA 相关字段的新增或修改所在的提交都须带有有效签名（GPG 或 SSH，按 git verify-commit 的规则验证），未签名或签名无效的各列为一条审计发现。默认 false。
 */
require_signed?: boolean
/**
 * SSH 签名者清单：SSH 签名的可信签名者清单文件（ssh-keygen allowed_signers 格式），相对于知识库根目录，例如 keys/allowed_signers；审计以它验证 SSH 签名（gpg.ssh.allowedSignersFile）。GPG 签名按运行环境的 GPG 公钥环验证。
 */
allowed_signers?: string
}
}

/**
 * 报告交付登记：一份报告交付院方的记录（records/deliveries/<年>/<编号>.yaml）：报告类型与编号、交付日期、院方签收人，以及报告表头所印的输入记录摘要。报告交付后其输入记录若有修改，摘要不再一致，该报告即为“疑似过期”，须重新出具并交付。用 opsbook deliver 登记。
 */
export interface Delivery {
/**
 * 模式：编辑器使用的 JSON Schema 路径。
 */
$schema?: string
/**
 * 编号：记录编号，与文件名一致，全库唯一；建议写法为 DLV-<报告类型>-<报告编号>，重新交付时加 -2、-3，例如 DLV-inspection-INS-2026-01-2。
 */
id: string
/**
 * 报告类型：annual 年度运维总结报告、inspection 巡检报告、database-inspection 数据库巡检报告、maintenance 产品维护报告、written-reply 书面答复。
 */
kind: ("annual" | "inspection" | "database-inspection" | "maintenance" | "written-reply")
/**
 * 报告编号：报告所依据的记录编号：年度报告为服务期编号（如 Y1），巡检报告为巡检记录编号，产品维护报告与书面答复为工单编号。
 */
report_id: string
/**
 * 交付日期：报告交付院方的日期或时间（条款 RPT-1、RPT-2、D-1 以首次交付计）。
 */
delivered_at: string
/**
 * 院方签收人：签收报告的院方人员编号（records/people/ 下的 id）。
 */
acknowledged_by: string
/**
 * 交付人：交付报告的供应商人员编号。
 */
delivered_by?: string
/**
 * 输入记录摘要：交付的报告表头所印的“输入记录摘要”（sha256:…）。与当前记录算出的摘要不同时，报告为疑似过期。
 */
input_digest: string
/**
 * 交付形式：docx Word 文档、pdf PDF 文档、paper 纸质签收件。
 */
format?: ("docx" | "pdf" | "paper")
/**
 * 文件名：交付的文件名，例如 inspection-INS-2026-01.docx。
 */
file?: string
/**
 * 备注：交付说明，例如重新交付的原因。
 */
note?: string
}
