/** What a cross-record rule sees and how it reports. */
import type { RecordKind } from '../registry.js';
import type { LoadedRecord } from '../types.js';

export interface RuleContext {
  /** Every record that parsed and passed its schema. */
  records: readonly LoadedRecord[];
  /** Records by id (first occurrence). */
  byId: ReadonlyMap<string, LoadedRecord>;
  /**
   * Every id in the knowledge base with its kind, including files not read
   * in this run (`--changed`): a record's id is its file name, so references
   * can be resolved without parsing the whole knowledge base.
   */
  knownIds: ReadonlyMap<string, { kind: RecordKind; path: string }>;
  /**
   * Reports a problem at a field of a record.
   * @param record the record
   * @param segments path of the field inside the record ([] = the record)
   * @param message "Unexpected X, expected Y"
   */
  report(record: LoadedRecord, segments: (string | number)[], message: string, opts?: { key?: boolean; severity?: 'error' | 'warning' }): void;
}

export interface RecordRule {
  /** Stable kebab-case name shown after each message. */
  name: string;
  description: string;
  check(ctx: RuleContext): void;
}
