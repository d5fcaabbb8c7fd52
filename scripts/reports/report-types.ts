/** Types shared by the report builders, the catalogue and the renderers. */
import type { Root } from 'mdast';
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
}

export type { AnnualAnalyses };
