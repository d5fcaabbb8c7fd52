/** 巡检记录: every on-site and database inspection with its results and report hand-over. */
import type { RootContent } from 'mdast';
import type { Inspection } from '../../records/index.js';
import { parseInstant } from '../../shared/time.js';
import { heading, link, list, note, paragraph, renderPage, table } from '../mdast-build.js';
import { CHECK_RESULT_LABEL, HAZARD_STATUS_LABEL, INSPECTION_TYPE_LABEL, SYSTEM_SHORT_LABEL, label } from '../../shared/labels.js';
import { anchorOf } from '../format.js';
import { showTime } from '../../shared/display.js';

/** Builds the inspections page (newest first). */
export function inspectionsPage(inspections: Inspection[]): string {
  const body: RootContent[] = [heading(1, '巡检记录')];
  const sorted = [...inspections].sort((a, b) => parseInstant(b.started_at) - parseInstant(a.started_at) || a.id.localeCompare(b.id));
  if (sorted.length === 0) {
    body.push(note('尚无巡检记录（records/inspections/）。'));
    return renderPage({ title: '巡检记录', sidebar_position: 4, custom_edit_url: null, hide_table_of_contents: true }, body);
  }
  body.push(paragraph(`共 ${sorted.length} 次巡检：${INSPECTION_TYPE_LABEL.onsite} ${sorted.filter((i) => i.type === 'onsite').length} 次，${INSPECTION_TYPE_LABEL.database} ${sorted.filter((i) => i.type === 'database').length} 次。计划见巡检日历。`));
  body.push(table(['编号', '类型', '系统', '开始', '结束', `检查项（${CHECK_RESULT_LABEL.issue}）`, `隐患（${HAZARD_STATUS_LABEL.open}）`, '报告提交'], sorted.map((i) => {
    const checks = i.checks ?? [];
    const hazards = i.hazards ?? [];
    return [
      link(`#${anchorOf(i.id)}`, i.id), label(INSPECTION_TYPE_LABEL, i.type), i.systems.map((s) => label(SYSTEM_SHORT_LABEL, s)).join('、'), showTime(i.started_at), showTime(i.finished_at),
      `${checks.length}（${checks.filter((c) => c.result === 'issue').length}）`,
      `${hazards.length}（${hazards.filter((h) => h.status === 'open').length}）`,
      i.report ? showTime(i.report.delivered_at) : '未提交',
    ];
  })));
  for (const i of sorted) {
    body.push(heading(2, `${i.id} ${label(INSPECTION_TYPE_LABEL, i.type)}`, anchorOf(i.id)));
    const facts: string[] = [`时间：${showTime(i.started_at)} 至 ${showTime(i.finished_at)}`];
    if (i.permission) facts.push(`院方许可：${i.permission.granted_by}（${i.permission.date}）`);
    if (i.report) facts.push(`报告提交：${showTime(i.report.delivered_at)}${i.report.acknowledged_by ? `，签收：${i.report.acknowledged_by}` : ''}`);
    body.push(list(facts.map((f) => [f])));
    if (i.scope?.length) body.push(paragraph(`巡检范围：${i.scope.join('；')}`));
    if (i.checks?.length) {
      body.push(table(['检查内容', '系统', '结果', '说明'], i.checks.map((c) => [c.item, label(SYSTEM_SHORT_LABEL, c.system, ''), label(CHECK_RESULT_LABEL, c.result), c.note ?? ''])));
    }
    if (i.hazards?.length) {
      body.push(paragraph('发现的隐患：'));
      body.push(table(['隐患', '处理措施', '状态'], i.hazards.map((h) => [h.description, h.action ?? '', label(HAZARD_STATUS_LABEL, h.status)])));
    }
    if (i.recommendations?.length) {
      body.push(paragraph('巡检建议：'));
      body.push(list(i.recommendations.map((r) => [r])));
    }
  }
  return renderPage({ title: '巡检记录', sidebar_position: 4, custom_edit_url: null, hide_table_of_contents: true }, body);
}
