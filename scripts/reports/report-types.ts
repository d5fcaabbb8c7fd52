/** Types shared by the report builders, the catalogue and the renderers. */
import type { Root, RootContent } from 'mdast';
import type { KnowledgeBase } from '../records/index.js';
import type { AnnualAnalyses } from './analyses.js';
import type { Provenance } from './provenance.js';

export type ReportKind = 'annual' | 'inspection' | 'database-inspection' | 'maintenance' | 'written-reply';
export const REPORT_KINDS: readonly ReportKind[] = ['annual', 'inspection', 'database-inspection', 'maintenance', 'written-reply'];

/** Chinese title of each kind, in the contract's words. */
export const REPORT_TITLE: Record<ReportKind, string> = {
  annual: '年度运维总结报告',
  inspection: '巡检报告',
  'database-inspection': '数据库巡检报告',
  maintenance: '产品维护报告',
  'written-reply': '书面答复',
};

/** A chart: deterministic SVG; the tree refers to it as `<name>.svg`. */
export interface Chart {
  /** File name without extension, unique within the report (e.g. `annual-Y1-monthly`). */
  name: string;
  title: string;
  svg: string;
  /** Width and height in CSS pixels. */
  width: number;
  height: number;
}

/** What the front matter, running header and document properties of a report show. */
export interface ReportMeta {
  /** Document title (the report's name in the contract's words). */
  title: string;
  /** 报告编号 (ticket, inspection or contract-period id). */
  number: string;
  contractId: string;
  customer: string;
  vendor: string;
  /** System names joined with 、. */
  systems: string;
  /** 报告期间 text. */
  period: string;
  /** 编制日期 as `2026年11月30日` (the as-of day, China Standard Time). */
  date: string;
  /** Document subject (DOCX/PDF properties). */
  subject: string;
}

/**
 * Why a report is a draft (草稿): its period has not ended, an input is
 * uncommitted, or a record lacks content the contract requires. `path` and
 * `field` locate it for `--final`.
 */
export interface DraftReason {
  /** Record file (relative to the KB root), when the reason is one record's. */
  path?: string;
  /** Record id. */
  record?: string;
  /** Field name in the record (e.g. `cause`, `written_reply.summary`). */
  field?: string;
  /** Chinese explanation. */
  message: string;
}

/** A file written beside the report (e.g. the full list of incidents at scale, as CSV). */
export interface ReportAttachment {
  /** File name (ASCII), relative to the report. */
  name: string;
  content: string;
}

/** What every builder receives. */
export interface ReportContext {
  kb: KnowledgeBase;
  /** Evaluation time (epoch ms). */
  asOf: number;
  provenance: Provenance;
}

/** A built report: the mdast tree plus what renderers need. */
export interface BuiltReport {
  kind: ReportKind;
  /** Record or period id. */
  id: string;
  /** Document title (Chinese). */
  title: string;
  /** File base name, ASCII (e.g. `maintenance-T-20260314-01`). */
  fileBase: string;
  tree: Root;
  charts: Chart[];
  /** Record paths the report was built from. */
  inputs: string[];
  /** Notes for the operator (stderr), e.g. a missing analysis module. */
  warnings: string[];
  /** Front matter, header and properties. */
  meta: ReportMeta;
  /** `cover` (cover page and table of contents: the annual report) or `title-block`. */
  front: 'cover' | 'title-block';
  /** Why the report is a draft; empty when it may be issued as final. */
  draft: DraftReason[];
  /** Files written beside the report (CSV of long lists). */
  attachments: ReportAttachment[];
  /** The parts the renderers arrange (the tree above is their Markdown arrangement). */
  parts: ReportParts;
}

/** The parts of a report, before they are arranged for a format. */
export interface ReportParts {
  /** Main sections (headings from depth 2). */
  body: RootContent[];
  /** Text above the sign-off block (e.g. the vendor's seal line of a written reply). */
  closing: RootContent[];
  /** Appendices (headings from depth 2). */
  appendix: RootContent[];
  /** 报告生成信息 rows (label, value), printed at the end. */
  provenance: [string, string][];
}

export type { AnnualAnalyses };
