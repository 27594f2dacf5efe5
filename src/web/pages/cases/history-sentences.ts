// A history event as one sentence in the reader's language: who did what. Pure; the translator is passed in.
import type { HistoryEntry } from '../../api/cases.js';
import type { MessageKey } from '../../i18n/messages.js';
import { actionLabelKey } from '../audit/audit-labels.js';
import {
  decisionKey,
  fieldKey,
  outcomeKey,
  purposeKey,
  referralStatusKey,
  serviceKey,
  statusKey,
} from './case-labels.js';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function historySentence(
  t: Translate,
  entry: HistoryEntry,
  list: (items: string[]) => string,
): string {
  const who = entry.actorName ?? t('cases.someone');
  const fields = (names: string[]) => list(names.map((name) => t(fieldKey(name))));
  switch (entry.event) {
    case 'case_opened':
      return t('cases.history.case_opened', { who });
    case 'case_received':
      return t('cases.history.case_received', { who });
    case 'case_changed': {
      const parts = [
        entry.status ? t('cases.history.statusPart', { status: t(statusKey(entry.status)) }) : null,
        entry.facts.length ? t('cases.history.factsPart', { facts: fields(entry.facts) }) : null,
      ].filter((part): part is string => part !== null);
      return parts.length
        ? t('cases.history.case_changed', { who, what: list(parts) })
        : t('cases.history.case_changed_plain', { who });
    }
    case 'screened':
      return t('cases.history.screened', {
        who,
        outcomes: list(entry.screeningOutcomes.map((each) => t(outcomeKey(each)))),
      });
    case 'consent_recorded':
      return t(
        entry.consent?.recipientName ? 'cases.history.consent_recorded_to' : 'cases.history.consent_recorded',
        {
          who,
          decision: t(decisionKey(entry.consent?.decision ?? '')),
          purpose: t(purposeKey(entry.consent?.purpose ?? '')),
          recipient: entry.consent?.recipientName ?? '',
        },
      );
    case 'worker_assigned':
      return t('cases.history.worker_assigned', { who, worker: entry.workerName ?? t('cases.someone') });
    case 'worker_unassigned':
      return t('cases.history.worker_unassigned', { who, worker: entry.workerName ?? t('cases.someone') });
    case 'person_opened':
      return t('cases.history.person_opened', { who });
    case 'person_changed':
      return entry.personFields.length
        ? t('cases.history.person_changed', { who, fields: fields(entry.personFields) })
        : t('cases.history.person_changed_plain', { who });
    case 'referral_made':
      return t('cases.history.referral_made', {
        who,
        organisation: entry.referral?.toOrganisationName ?? t('cases.someone'),
        service: t(serviceKey(entry.referral?.service ?? '')),
      });
    case 'referral_moved':
      return t('cases.history.referral_moved', {
        who,
        status: t(referralStatusKey(entry.referral?.to ?? '')),
      });
    case 'referral_opened':
      return t('cases.history.referral_opened', { who });
    case 'referral_packaged':
      return t('cases.history.referral_packaged', { who });
    case 'break_glass_requested':
      return t('cases.history.break_glass_requested', { who });
    case 'break_glass_reviewed':
      return t('cases.history.break_glass_reviewed', { who });
    default:
      return t('cases.history.other', { who, action: t(actionLabelKey(entry.action)) });
  }
}
