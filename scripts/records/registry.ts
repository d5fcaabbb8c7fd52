/**
 * The record kinds: where their files live in a knowledge base and which
 * schema validates them. One table, used by the loader, the validator, the
 * editor settings and the tests ("every record folder has a schema").
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the tool's own schemas live (never the judged KB's). */
export const SCHEMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemas');

export interface KindInfo {
  /** Schema file in schemas/. */
  schema: string;
  /** Folder under records/ (or the single file for the contract). */
  folder: string;
  /** Chinese label used in messages and pages. */
  label: string;
  /** Files may sit in year sub-folders (tickets/2026/…). */
  nested: boolean;
  /** Other folder names accepted for this kind (knowledge bases laid out by other tools). */
  aliases?: readonly string[];
}

export const KINDS = {
  contract: { schema: 'contract.schema.json', folder: 'contract.yaml', label: '合同', nested: false },
  ticket: { schema: 'ticket.schema.json', folder: 'tickets', label: '服务请求', nested: true },
  inspection: { schema: 'inspection.schema.json', folder: 'inspections', label: '巡检', nested: true },
  change: { schema: 'change.schema.json', folder: 'changes', label: '变更', nested: true, aliases: ['change'] },
  release: { schema: 'release.schema.json', folder: 'releases', label: '发布', nested: true, aliases: ['release'] },
  training: { schema: 'training.schema.json', folder: 'trainings', label: '培训', nested: true, aliases: ['training'] },
  recommendation: { schema: 'recommendation.schema.json', folder: 'recommendations', label: '系统建设建议', nested: true, aliases: ['recommendation'] },
  interface: { schema: 'interface.schema.json', folder: 'interfaces', label: '接口', nested: true, aliases: ['interface'] },
  db_operation: { schema: 'db-operation.schema.json', folder: 'db-operations', label: '数据库运维', nested: true, aliases: ['db_operations', 'db_operation', 'db-operation'] },
  person: { schema: 'person.schema.json', folder: 'people', label: '人员', nested: true, aliases: ['persons', 'person'] },
  data_dictionary: { schema: 'data-dictionary.schema.json', folder: 'data-dictionary', label: '数据字典', nested: true, aliases: ['data_dictionary', 'data-dictionaries', 'data_dictionaries'] },
  disposal: { schema: 'disposal.schema.json', folder: 'disposals', label: '数据返还/销毁', nested: true, aliases: ['disposal'] },
  calendar: { schema: 'calendar.schema.json', folder: 'calendar', label: '节假日安排', nested: false },
  delivery: { schema: 'delivery.schema.json', folder: 'deliveries', label: '报告交付', nested: true, aliases: ['delivery'] },
} as const satisfies Record<string, KindInfo>;

export type RecordKind = keyof typeof KINDS;
export const RECORD_KINDS = Object.keys(KINDS) as RecordKind[];

/** Folder of encrypted hand-over manifests (not plain records). */
export const HANDOVER_FOLDER = 'handover';

/** Maps a path relative to records/ (forward slashes) to its kind, or undefined. */
export function kindOfRecordPath(relToRecords: string): RecordKind | undefined {
  if (relToRecords === KINDS.contract.folder) return 'contract';
  const first = relToRecords.split('/')[0];
  for (const kind of RECORD_KINDS) {
    if (kind === 'contract') continue;
    const info: KindInfo = KINDS[kind];
    if (info.folder === first || info.aliases?.includes(first ?? '')) return kind;
  }
  return undefined;
}
