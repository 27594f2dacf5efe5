// Audit actions and record kinds in the reader's words: each recorded code has a message, and a code
// without one (an older or newer release's) gets a generic label rather than the code itself.
import { ACTIONS } from '../../../access/policy.js';
import { ENGLISH, type MessageKey } from '../../i18n/messages.js';

/** Actions one can filter by: every action the policy knows, and the request without one. */
export const ACTION_CODES: readonly string[] = [...Object.keys(ACTIONS), 'unknown'];

/** The kinds of record the server names in audit entries. */
export const RECORD_KINDS: readonly string[] = [
  'activity',
  'activity_import',
  'api_token',
  'assistance_need',
  'assistance_offer',
  'break_glass_grant',
  'case',
  'case_export',
  'commitment',
  'coordination_mechanism',
  'coverage_need',
  'exchange_partner',
  'import_job',
  'intermediary_agency',
  'intermediary_import',
  'knowledge_item',
  'membership',
  'membership_invitation',
  'organisation',
  'organisation_members',
  'person',
  'plan',
  'plan_measure',
  'plan_progress_report',
  'referral',
  'release',
  'release_budget',
  'service',
  'service_import',
  'statistic_release',
  'user',
];

function knownKey(key: string): key is MessageKey {
  return Object.hasOwn(ENGLISH, key);
}

/** The message naming an action; "Another action" for a code this release does not know. */
export function actionLabelKey(code: string): MessageKey {
  const key = `auditAction.${code}`;
  return knownKey(key) ? key : 'auditAction.other';
}

/** The message naming a kind of record; "Another kind of record" for one this release does not know. */
export function recordKindKey(kind: string): MessageKey {
  const key = `auditRecord.${kind}`;
  return knownKey(key) ? key : 'auditRecord.other';
}
