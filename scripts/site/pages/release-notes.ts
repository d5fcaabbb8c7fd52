/** 软件更新内容说明: one page per release record, and an index per system. */
import fs from 'node:fs';
import path from 'node:path';
import type { RootContent } from 'mdast';
import type { Release, Training } from '../../records/index.js';
import { compareVersions } from '../check-manuals.js';
import { code, heading, link, list, note, paragraph, renderPage, strong, table, type Inline } from '../mdast-build.js';
import { AUDIENCE_LABEL, CONTENT_TYPE_LABEL, SYSTEM_LABEL, label } from '../../shared/labels.js';
import { showTime } from '../../shared/display.js';

/** Site route of a docs page (`aims/features/5.2.0.md` → `/aims/features/5.2.0`), or null when the file is missing. */
export function featureGuideRoute(root: string, release: Release): string | null {
  const candidates = release.feature_guide
    ? [release.feature_guide]
    : [`${release.system}/features/${release.version}.md`, `${release.system}/features/${release.version}.mdx`];
  for (const rel of candidates) {
    if (fs.existsSync(path.join(root, 'docs', rel))) return `/${rel.replace(/\.mdx?$/, '').replace(/\/index$/, '')}`;
  }
  return null;
}

/** Page file name of a release's notes (relative to docs/<system>/generated/release-notes/). */
export const releaseNotesFile = (r: Release) => `v${r.version}.md`;
/** Route of a release's notes page. */
export const releaseNotesRoute = (r: Release) => `/${r.system}/generated/release-notes/${r.version}`;

/** The notes page of one release. */
export function releaseNotesPage(root: string, r: Release, trainings: Training[], position: number): string {
  const body: RootContent[] = [heading(1, `${label(SYSTEM_LABEL, r.system)} ${r.version} 软件更新内容说明`)];
  body.push(table(['项目', '内容'], [
    ['版本号', strong(r.version)],
    ['发布日期', showTime(r.released_at)],
    ['是否改变操作', r.changes_operation ? '是（须安排使用培训并提供新功能使用说明）' : '否'],
    ['发布记录', code(r.id)],
  ]));
  body.push(heading(2, '更新内容', 'contents'));
  const order = ['feature', 'improvement', 'policy', 'fix'];
  const sorted = [...r.contents].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  body.push(table(['类型', '关联', '内容'], sorted.map((c) => [
    label(CONTENT_TYPE_LABEL, c.type),
    [c.ticket ?? '', c.change ?? ''].filter(Boolean).join('、') || '—',
    c.text,
  ])));
  body.push(heading(2, '软件维护说明', 'maintenance-notes'));
  body.push(r.maintenance_notes ? paragraph(r.maintenance_notes) : note('发布记录未填写软件维护说明（条款 S-3）。'));
  if (r.changes_operation) {
    body.push(heading(2, '新功能使用说明与培训', 'guide'));
    const route = featureGuideRoute(root, r);
    body.push(route ? paragraph('新功能使用说明：', link(route, `${r.version} 新功能使用说明`)) : note(`尚未提供新功能使用说明页面（应为 docs/${r.feature_guide ?? `${r.system}/features/${r.version}.md`}，条款 S-4）。`));
    const related = trainings.filter((t) => t.release === r.id);
    body.push(related.length
      ? list(related.map((t): Inline[] => [`${t.date} ${t.topic}（${t.audiences.map((a) => label(AUDIENCE_LABEL, a)).join('、')}，${t.attendees} 人）`]))
      : note('尚无关联本版本的培训记录（条款 S-4）。'));
  }
  return renderPage({ title: `${r.version} 软件更新内容说明`, slug: `/generated/release-notes/${r.version}`, sidebar_label: `${r.version}`, sidebar_position: position, custom_edit_url: null }, body);
}

/** The index of a system's release notes, newest first. */
export function releaseNotesIndexPage(system: string, releases: Release[]): string {
  const body: RootContent[] = [heading(1, `${label(SYSTEM_LABEL, system)} 软件更新内容说明`)];
  const sorted = [...releases].sort((a, b) => compareVersions(b.version, a.version));
  if (sorted.length === 0) {
    body.push(note('尚无发布记录（records/releases/）。'));
  } else {
    body.push(paragraph('每次发布的更新内容、软件维护说明与新功能使用说明，由发布记录自动生成。'));
    body.push(table(['版本', '发布日期', '更新项', '改变操作'], sorted.map((r) => [
      link(releaseNotesRoute(r), r.version), showTime(r.released_at), String(r.contents.length), r.changes_operation ? '是' : '否',
    ])));
  }
  return renderPage({ title: '软件更新内容说明', slug: '/generated/release-notes', sidebar_position: 2, custom_edit_url: null }, body);
}
