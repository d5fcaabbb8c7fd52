/**
 * The guard's own content rules, in reporting priority order (when two
 * findings overlap, the earlier rule wins: a password inside a connection
 * string is one `connection-string` finding, not two).
 */
import type { GuardRule } from '../types.js';
import { connectionStringRule } from './connection-string.js';
import { medicalRecordNumberRule } from './medical-record-number.js';
import { mobileNumberRule } from './mobile-number.js';
import { patientNameRule } from './patient-name.js';
import { plaintextPasswordRule } from './plaintext-password.js';
import { privateKeyRule } from './private-key.js';
import { residentIdRule } from './resident-id.js';
import { unencryptedHandoverRule } from './unencrypted-handover.js';

export const RULES: readonly GuardRule[] = [
  unencryptedHandoverRule,
  privateKeyRule,
  connectionStringRule,
  plaintextPasswordRule,
  residentIdRule,
  medicalRecordNumberRule,
  mobileNumberRule,
  patientNameRule,
];

/** Overlap priority of every rule id, secretlint's included (lower wins). */
export const RULE_PRIORITY: Readonly<Record<string, number>> = {
  'unencrypted-handover': 0,
  'private-key': 1,
  'connection-string': 2,
  'basic-auth': 3,
  'secret-token': 4,
  'plaintext-password': 5,
  'resident-id': 6,
  'medical-record-number': 7,
  'mobile-number': 8,
  'patient-name': 9,
};
