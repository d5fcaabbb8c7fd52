/**
 * The guard's own content rules, in reporting priority order (when two
 * findings overlap, the earlier rule wins: a password inside a connection
 * string is one `connection-string` finding, not two).
 */
import type { GuardRule } from '../types.js';
import { bankCardRule } from './bank-card.js';
import { basicAuthHeaderRule } from './basic-auth-header.js';
import { commandPasswordRule } from './command-password.js';
import { connectionStringRule } from './connection-string.js';
import { medicalRecordNumberRule } from './medical-record-number.js';
import { mobileNumberRule } from './mobile-number.js';
import { patientNameRule } from './patient-name.js';
import { plaintextPasswordRule } from './plaintext-password.js';
import { passwordTableRule } from './password-table.js';
import { privateKeyRule } from './private-key.js';
import { residentIdRule } from './resident-id.js';
import { unencryptedHandoverRule } from './unencrypted-handover.js';

export const RULES: readonly GuardRule[] = [
  unencryptedHandoverRule,
  privateKeyRule,
  connectionStringRule,
  basicAuthHeaderRule,
  commandPasswordRule,
  passwordTableRule,
  plaintextPasswordRule,
  residentIdRule,
  bankCardRule,
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
  'bank-card': 7,
  'medical-record-number': 8,
  'mobile-number': 9,
  'patient-name': 10,
};
