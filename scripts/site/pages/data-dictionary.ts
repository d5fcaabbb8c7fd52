/** 数据字典 page per system, from data_dictionary records. */
import type { RootContent } from 'mdast';
import type { DataDictionary } from '../../records/index.js';
import { code, heading, note, paragraph, renderPage, strong, table } from '../mdast-build.js';
import { SYSTEM_LABEL, label } from '../../shared/labels.js';
import { anchorOf } from '../format.js';

/**
 * Builds the data dictionary page of one system.
 * @param dicts the system's data_dictionary records (usually one)
 * @param database the system's database as the contract declares it (engine and version are shown from there only)
 */
export function dataDictionaryPage(system: string, dicts: DataDictionary[], database?: { engine: string; version: string; name?: string }): string {
  const body: RootContent[] = [heading(1, `${label(SYSTEM_LABEL, system)} 数据字典`)];
  if (dicts.length === 0) {
    body.push(note(`尚未登记本系统的数据字典记录（应为 records/data-dictionary/DD-${system}.yaml）。数据字典是合同要求移交的文档之一（条款 HO-1）。`));
    return renderPage({ title: '数据字典', sidebar_position: 1, custom_edit_url: null }, body);
  }
  for (const dd of dicts) {
    const tableCount = dd.tables.length;
    const columnCount = dd.tables.reduce((n, t) => n + t.columns.length, 0);
    body.push(paragraph(
      '适用版本 ', strong(dd.version),
      database ? `，数据库 ${database.engine} ${database.version}` : '',
      dd.database || database?.name ? `（库名 ${dd.database ?? database?.name}）` : '',
      `，共 ${tableCount} 张表、${columnCount} 个字段、${dd.code_sets?.length ?? 0} 个代码集。本页由记录 ${dd.id} 生成，可用站内搜索按表名、字段名或中文名查找。`,
    ));
    body.push(heading(2, '数据表一览', 'tables'));
    body.push(table(['表名', '中文名', '字段数', '说明'], dd.tables.map((t) => [code(t.name), t.title, String(t.columns.length), t.description ?? ''])));
    for (const t of dd.tables) {
      body.push(heading(2, `${t.name} ${t.title}`, `table-${anchorOf(t.name)}`));
      if (t.description) body.push(paragraph(t.description));
      body.push(table(
        ['字段名', '中文名', '类型', '主键', '可空', '代码集', '说明'],
        t.columns.map((c) => [
          code(c.name), c.title, code(c.type), c.primary_key ? '是' : '', c.nullable === undefined ? '' : c.nullable ? '是' : '否',
          c.code_set ? code(c.code_set) : '', c.description ?? '',
        ]),
      ));
    }
    if (dd.code_sets?.length) {
      body.push(heading(2, '代码集', 'code-sets'));
      for (const cs of dd.code_sets) {
        body.push(heading(3, `${cs.id} ${cs.title}`, `code-set-${anchorOf(cs.id)}`));
        body.push(table(['代码', '含义'], cs.values.map((v) => [code(String(v.code)), v.label])));
      }
    }
  }
  return renderPage({ title: '数据字典', sidebar_position: 1, custom_edit_url: null, description: `${label(SYSTEM_LABEL, system)}数据表、字段与代码集` }, body);
}
