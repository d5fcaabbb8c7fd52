/** 报告交付: which reports the contract asks for have been handed over, which are due, and which are suspect (changed since delivery). */
import type { RootContent } from 'mdast';
import { showTime } from '../../shared/display.js';
import { DELIVERY_STATE_LABEL, label } from '../../shared/labels.js';
import { heading, note, paragraph, renderPage, table, type Inline } from '../mdast-build.js';

/** One owed report as the page shows it (computed by scripts/delivery through the site's engines). */
export interface DeliveryRow {
  title: string;
  id: string;
  period: string | null;
  state: 'due' | 'delivered' | 'suspect';
  deliveredAt?: string;
  /** Name of the hospital signer. */
  signer?: string;
  deliveries: number;
  /** Why a report is suspect (Chinese), for suspect rows. */
  message?: string;
}

/** Most recent hand-overs listed on the page (the register itself holds them all). */
export const RECENT_DELIVERIES = 30;

/**
 * Builds the page.
 * @param asOf the time the states are judged at (北京时间), as text or as generate-pages.ts's `:as-of`
 */
export function deliveriesPage(rows: readonly DeliveryRow[] | null, asOf: Inline, missingNote?: string): string {
  // the description is fixed, so that it never carries the as-of
  const fm = { title: '报告交付', description: '合同要求出具的报告：已交付、待交付与交付后依据记录有修改（疑似过期）的报告。', sidebar_position: 6, custom_edit_url: null, hide_table_of_contents: true };
  const body: RootContent[] = [heading(1, '报告交付')];
  if (!rows) {
    body.push(note(missingNote ?? '本次构建没有报告交付数据。'));
    return renderPage(fm, body);
  }
  const of = (s: DeliveryRow['state']) => rows.filter((r) => r.state === s);
  const suspect = of('suspect');
  const due = of('due');
  const delivered = of('delivered').sort((a, b) => (b.deliveredAt ?? '').localeCompare(a.deliveredAt ?? '') || a.id.localeCompare(b.id));
  body.push(paragraph('统计截至 ', asOf, `（北京时间）：合同要求出具的报告 ${rows.length} 份，${DELIVERY_STATE_LABEL.delivered} ${delivered.length} 份，${DELIVERY_STATE_LABEL.due} ${due.length} 份，疑似过期 ${suspect.length} 份。`));
  body.push(paragraph('每份交付的报告都登记了其表头所印的“输入记录摘要”。报告交付后，若其依据的记录（工单、巡检记录、合同等）有修改，摘要不再一致，院方手中的报告即“疑似过期”，须重新出具并交付。'));
  if (suspect.length) {
    body.push(heading(2, `疑似过期（${suspect.length} 份）`));
    body.push(table(['报告', '编号', '服务期', '交付日期', '签收人', '说明'], suspect.map((r) => [r.title, r.id, r.period ?? '—', showTime(r.deliveredAt), r.signer ?? '—', r.message ?? ''])));
  }
  body.push(heading(2, `${DELIVERY_STATE_LABEL.due}（${due.length} 份）`));
  if (due.length) body.push(table(['报告', '编号', '服务期'], due.map((r) => [r.title, r.id, r.period ?? '—'])));
  else body.push(paragraph('没有待交付的报告。'));
  body.push(heading(2, `${label(DELIVERY_STATE_LABEL, 'delivered')}（${delivered.length} 份）`));
  if (delivered.length) {
    if (delivered.length > RECENT_DELIVERIES) body.push(paragraph(`以下为最近交付的 ${RECENT_DELIVERIES} 份；全部登记见知识库 records/deliveries/。`));
    body.push(table(['报告', '编号', '服务期', '交付日期', '签收人', '交付次数'], delivered.slice(0, RECENT_DELIVERIES).map((r) => [r.title, r.id, r.period ?? '—', showTime(r.deliveredAt), r.signer ?? '—', String(r.deliveries)])));
  } else body.push(paragraph('尚无交付登记。'));
  return renderPage(fm, body);
}
