/**
 * Types of loaded records. The record shapes themselves are generated from
 * schemas/ into types.generated.ts (`npm run generate:types`).
 */
import type { Diagnostic } from '../shared/errors.js';
import type { RecordKind } from './registry.js';
import type * as G from './types.generated.js';

export type { RecordKind } from './registry.js';
export type Contract = G.Contract;
export type Ticket = G.Ticket;
export type Inspection = G.Inspection;
export type Change = G.Change;
export type Release = G.Release;
export type Training = G.Training;
export type Recommendation = G.Recommendation;
export type Interface = G.Interface;
export type DbOperation = G.DbOperation;
export type Person = G.Person;
export type DataDictionary = G.DataDictionary;
export type Disposal = G.Disposal;
export type CalendarRecord = G.Calendar;
export type HandoverManifest = G.Handover;
export type Delivery = G.Delivery;
export type Severity = G.Ticket['severity'];
export type SystemId = G.Ticket['system'];

/** Record type of each kind. */
export interface RecordTypes {
  contract: Contract;
  ticket: Ticket;
  inspection: Inspection;
  change: Change;
  release: Release;
  training: Training;
  recommendation: Recommendation;
  interface: Interface;
  db_operation: DbOperation;
  person: Person;
  data_dictionary: DataDictionary;
  disposal: Disposal;
  calendar: CalendarRecord;
  delivery: Delivery;
}

/** One record file as loaded. */
export interface LoadedRecord<K extends RecordKind = RecordKind> {
  kind: K;
  id: string;
  /** Path relative to the KB root, forward slashes (records/tickets/2026/T-….yaml). */
  path: string;
  data: RecordTypes[K];
  /**
   * Line and column of a field (segments inside the record; `key` for the
   * key rather than the value). The source is re-read on demand, so loaded
   * knowledge bases do not keep every YAML document in memory.
   */
  locate(segments: (string | number)[], opts?: { key?: boolean }): { line: number; column: number };
}

/** The whole knowledge base as loaded and validated. */
export interface KnowledgeBase {
  root: string;
  /** The KB's settings for the tool (`opsbook.yaml`; empty when absent). */
  config: G.OpsbookConfig;
  /** Schema-valid records, in path order. */
  records: LoadedRecord[];
  /** Every problem found (errors and warnings), in path order. */
  diagnostics: Diagnostic[];
  /** Number of record files read. */
  fileCount: number;
  byId: Map<string, LoadedRecord>;
  contract: Contract | undefined;
  tickets: Ticket[];
  inspections: Inspection[];
  changes: Change[];
  releases: Release[];
  trainings: Training[];
  recommendations: Recommendation[];
  interfaces: Interface[];
  dbOperations: DbOperation[];
  people: Person[];
  dataDictionaries: DataDictionary[];
  disposals: Disposal[];
  calendars: CalendarRecord[];
  /** Encrypted hand-over manifests (paths relative to the root). */
  handoverFiles: string[];
  /** Bytes of each record file read, when loaded with `keepBytes` (for the privacy guard: one read per file). */
  fileBytes?: ReadonlyMap<string, Buffer>;
}
