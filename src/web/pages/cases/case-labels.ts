// Codes of the case API in the reader's words: each code has a message under `cases.`, named here once.
import type { CaseStatus } from '../../../cases/schemas.js';
import type { Outcome } from '../../../cases/screening/schemas.js';
import { ENGLISH, type MessageKey } from '../../i18n/messages.js';

function known(key: string, fallback: MessageKey): MessageKey {
  return Object.hasOwn(ENGLISH, key) ? (key as MessageKey) : fallback;
}

export const statusKey = (status: CaseStatus) => known(`cases.statusName.${status}`, 'cases.unknownValue');
export const outcomeKey = (outcome: Outcome) => known(`cases.outcome.${outcome}`, 'cases.unknownValue');
export const purposeKey = (purpose: string) => known(`cases.purpose.${purpose}`, 'cases.unknownValue');
export const decisionKey = (decision: string) => known(`cases.decision.${decision}`, 'cases.unknownValue');
export const giverKey = (giver: string) => known(`cases.givenBy.${giver}`, 'cases.unknownValue');
export const genderKey = (gender: string) => known(`cases.gender.${gender}`, 'cases.unknownValue');
export const relationKey = (relation: string) => known(`cases.relation.${relation}`, 'cases.unknownValue');
/** A fact or person field by its name in the API. */
export const fieldKey = (field: string) => known(`cases.field.${field}`, 'cases.unknownValue');
export const serviceKey = (service: string) => known(`cases.service.${service}`, 'cases.unknownValue');
export const referralStatusKey = (status: string) =>
  known(`cases.referralStatus.${status}`, 'cases.unknownValue');
export const contactKey = (kind: string) => known(`cases.contact.${kind}`, 'cases.unknownValue');
export const documentKey = (kind: string) => known(`cases.document.${kind}`, 'cases.unknownValue');
