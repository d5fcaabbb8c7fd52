/** The cross-record rules, in the order they run. */
import { calendarConsistency } from './calendar-consistency.js';
import { declaredDatabaseRule } from './declared-database.js';
import { deliveryRegister } from './delivery-register.js';
import { idMatchesFilename } from './id-matches-filename.js';
import { recordNaming } from './record-naming.js';
import { referencesResolve } from './references-resolve.js';
import { timeOrder } from './time-order.js';
import type { RecordRule } from './types.js';
import { uniqueIds } from './unique-ids.js';

export const RULES: readonly RecordRule[] = [idMatchesFilename, uniqueIds, referencesResolve, timeOrder, recordNaming, calendarConsistency, declaredDatabaseRule, deliveryRegister];
export type { RecordRule, RuleContext } from './types.js';
