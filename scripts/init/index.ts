/** Public surface of the init domain: `opsbook init` scaffolds a new contract knowledge base. */
export { QUESTIONS, SYSTEM_IDS, SYSTEM_NAMES, completeAnswers, parseInitSets, planFromAnswers, splitList, type Asker, type InitSets, type KbPlan, type Question, type SystemId } from './answers.js';
export { ENGINE_CHOICES, engineSnippets, type EngineSnippets } from './database-engines.js';
export { planFiles, checkTarget, checkStagedKb, writeKnowledgeBase, MERGED_FILES, type WriteResult } from './scaffold.js';
export { toolInfo, installingProject, specOutsideKb, TOOL_ROOT } from './tool-info.js';
export type { ToolInfo } from './project-templates.js';
