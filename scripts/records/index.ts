/** Public surface of the records domain. */
export { loadKnowledgeBase, listRecordFiles, type LoadOptions } from './load-knowledge-base.js';
export { KINDS, RECORD_KINDS, HANDOVER_FOLDER, SCHEMA_DIR, kindOfRecordPath, type KindInfo } from './registry.js';
export { validateKind, getAjv, FORMATS } from './schema-validator.js';
export { parseYamlFile } from './parse-yaml-file.js';
export { checkRecordFile, runRules, type FileCheck } from './check-record-file.js';
export { checkRecordText } from './check-record-text.js';
export { locate } from './locate.js';
export { RULES } from './rules/index.js';
export type * from './types.js';
