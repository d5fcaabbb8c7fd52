/**
 * The header block every report opens with (contract, parties, systems,
 * period, as-of, provenance) and the sign-off block it closes with.
 */
import type { RootContent } from 'mdast';
import type { KnowledgeBase } from '../records/index.js';
import { label, SYSTEM_LABEL } from '../shared/labels.js';
import { showInstant } from '../shared/display.js';
import { fieldTable, heading, p, table } from './mdast.js';
import { inputDigest, type Provenance } from './provenance.js';

/** Full name of a system code as the contract record names it, else the shared label (`aims` → 手术麻醉临床信息系统). */
export function systemName(kb: KnowledgeBase, sys: string): string {
  const s = kb.contract?.systems[sys as 'aims' | 'icis'];
  return s ? s.name : label(SYSTEM_LABEL, sys);
}

/** Name of a person id, or the id when unknown. */
export function personName(kb: KnowledgeBase, id: string | undefined): string {
  if (!id) return '—';
  const person = kb.people.find((x) => x.id === id);
  return person ? person.name : id;
}

/** Path of a record id (for input digests), or undefined. */
export function recordPath(kb: KnowledgeBase, id: string | undefined): string | undefined {
  return id ? kb.byId.get(id)?.path : undefined;
}

/** Path of the contract record (a one-element list, or empty). */
export function contractPaths(kb: KnowledgeBase): string[] {
  return kb.records.filter((r) => r.kind === 'contract').map((r) => r.path);
}

/** Paths of records by id, skipping unknown ids. */
export function recordPaths(kb: KnowledgeBase, ids: Iterable<string | undefined>): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const pth = recordPath(kb, id);
    if (pth) out.push(pth);
  }
  return out;
}

export interface HeaderInfo {
  title: string;
  /** Report number shown as 报告编号 (e.g. the ticket id). */
  number: string;
  systems: string[];
  /** 报告期间 text. */
  period: string;
  asOf: number;
  inputs: string[];
}

/** Title (H1) and the header table of a report. */
export function reportHeader(kb: KnowledgeBase, prov: Provenance, info: HeaderInfo): RootContent[] {
  const c = kb.contract;
  const commit = prov.commit === null ? '非 Git 目录' : `${prov.commit}${prov.dirty ? '（records/ 含未提交修改）' : ''}`;
  return [
    heading(1, info.title),
    fieldTable([
      ['报告编号', info.number],
      ['合同编号', c?.id ?? '—'],
      ['院方', c?.customer ?? '—'],
      ['供应商', c?.vendor ?? '—'],
      ['系统', info.systems.map((s) => systemName(kb, s)).join('、') || '—'],
      ['报告期间', info.period],
      ['统计截至', `${showInstant(info.asOf)}（北京时间）`],
      ['生成自提交', commit],
      ['输入记录摘要', `sha256:${inputDigest(prov, info.inputs)}（${new Set(info.inputs).size} 个记录文件）`],
    ]),
  ];
}

/** The sign-off block for the hospital and the vendor. */
export function signOff(): RootContent[] {
  return [
    heading(2, '签收'),
    p('本报告经双方确认后生效。'),
    table(['签收方', '签名', '日期'], [
      ['院方签收人', '', '　　年　　月　　日'],
      ['供应商代表', '', '　　年　　月　　日'],
    ]),
  ];
}
