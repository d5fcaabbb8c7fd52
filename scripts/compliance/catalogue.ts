/**
 * The clause catalogue of SPEC §3: every clause of the contract that the
 * vendor must keep, in the contract's own words, with its seed section and
 * the name of its evaluator. Data, not code: the order here is the order of
 * the matrix.
 */
import type { ClauseDefinition } from './types.js';

export const CATALOGUE: readonly ClauseDefinition[] = Object.freeze([
  { id: 'M-1', section: '（二）1', evaluator: 'defectsFixed', title: '保障软件的正常运行，对软件中存在的缺陷进行升级和优化，确保软件的正常使用。' },
  { id: 'M-2', section: '（二）2', evaluator: 'changesOnTime', title: '对已有功能进行局部界面、字段、展示逻辑的调整；旧报表与旧模板调整、新报表与新模板的增加，由双方约定时间进行更新。' },
  { id: 'S-1', section: '（二）3（1）', evaluator: 'phoneSupport', title: '远程电话支持：电话7×24小时远程支持或软件技术问题解决与分发。' },
  { id: 'S-2', section: '（二）3（2）', evaluator: 'maintenanceReports', title: '故障维护：完成故障处理后出具产品维护报告，包含问题的原因、解决办法及建议。' },
  { id: 'S-3', section: '（二）3（3）', evaluator: 'defectReleases', title: '软件正确性维护：新发现的软件错误负责维护并及时改进，同时提供软件维护说明。' },
  { id: 'S-4', section: '（二）3（4）', evaluator: 'operationTraining', title: '用户培训：软件更改后造成软件操作变化的使用培训（医生、护士、技术工程师、业务科室的关键用户），同时提供新功能使用说明。' },
  { id: 'S-5', section: '（二）3（5）', evaluator: 'quarterlyInspections', title: '定时巡检：经许可，每季度进行一次定期现场巡检，出具系统巡检报告，内容包含巡检范围、结果及巡检建议。' },
  { id: 'S-6', section: '（二）3（6）', evaluator: 'policyChanges', title: '需求的更新：国家卫生主管部门政策变化导致表单内容或格式需变更，共同协商确认后，及时完善到系统中。' },
  { id: 'S-7', section: '（二）3（7）', evaluator: 'constructionAdvice', title: '系统建设建议：不定期提供科室软件建设建议方案。' },
  { id: 'S-8', section: '（二）3（8）', evaluator: 'serviceDocuments', title: '文档管理：提供和完善软件更新的内容说明和常见问题的解决方法说明。' },
  { id: 'R-1', section: '（二）4', evaluator: 'faultResponse', title: '软件系统故障，需在接到通知后30分钟内予以响应，及时处理问题。' },
  { id: 'R-2', section: '（二）5', evaluator: 'complexIssues', title: '较为复杂的问题，远程协助不足以解决的，应在24小时内安排工程师到达用户现场；对于无法解决的故障，必须给予书面答复。' },
  { id: 'I-1', section: '（二）6（1）', evaluator: 'interfacesRunning', title: '接口远程处理：保障系统范围现有接口及新增接口的稳定运行。' },
  { id: 'I-2', section: '（二）6（2）', evaluator: 'interfaceSolutions', title: '提供接口解决方案：现有接口运行不畅时，提供接口解决方案，并积极配合进行调整。' },
  { id: 'D-1', section: '（二）7（1）', evaluator: 'databaseInspections', title: '数据库服务器巡检：一年2次，巡检结束后10个工作日内出具《巡检报告》。' },
  { id: 'D-2', section: '（二）7（2）—（5）', evaluator: 'databaseOperations', title: '问题日志远程处理、数据恢复、数据调整、数据迁移的支持与指导。' },
  { id: 'L-1', section: '（二）8', evaluator: 'severityLevels', title: '服务请求级别：1级/A级接到第一个电话后5分钟内响应、仅通过电话提交并按级别通知；B级1小时、C级2小时内响应。' },
  { id: 'L-2', section: '（二）8', evaluator: 'criticalOnsite', title: '1级/A级问题若远程无法解决，须在12小时内到场。' },
  { id: 'SEC-1', section: '（二）9', evaluator: 'confidentiality', title: '数据安全与保密：院方数据仅在合同约定的服务范围内使用，不得泄露。' },
  { id: 'SEC-2', section: '（二）9（4）', evaluator: 'dataDisposal', title: '合同终止后按照院方要求返还或销毁相关数据。' },
  { id: 'RPT-1', section: '（三）', evaluator: 'inspectionReports', title: '每次巡检结束后10个工作日内提供《巡检报告》。' },
  { id: 'RPT-2', section: '（三）', evaluator: 'annualReport', title: '年度服务期满后10个工作日内提供《年度运维总结报告》。' },
  { id: 'HO-1', section: '（三）', evaluator: 'handover', title: '移交各系统最新版本文档：标准操作维护手册（含停机、启动、备份、恢复步骤）、数据字典、数据库用户名密码、超级管理员或管理员密码、服务器IP、用户手册等。' },
]);
