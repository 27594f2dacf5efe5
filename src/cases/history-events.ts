// What an audit entry on a case means, as an event of the case's history. Pure: the entry's action, method,
// route and details in, the event and the ids whose names it needs out.

import type { HistoryEvent } from './history-schemas.js';
import { CASE_STATUSES, type CaseStatus, CONSENT_PURPOSES } from './schemas.js';
import { OUTCOMES, type Outcome } from './screening/schemas.js';

export type RawHistoryEntry = {
  action: string;
  resourceType: string | null;
  details: Record<string, unknown>;
};

export type DescribedEntry = {
  event: HistoryEvent;
  status: CaseStatus | null;
  facts: string[];
  personFields: string[];
  workerId: string | null;
  screeningOutcomes: Outcome[];
  consent: { purpose: string; decision: string; recipientId: string | null } | null;
  referral: {
    toOrganisationId: string | null;
    service: string | null;
    from: string | null;
    to: string | null;
    consentOverride: boolean;
  } | null;
};

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

function eventOf(entry: RawHistoryEntry): HistoryEvent {
  const method = text(entry.details.method);
  const route = text(entry.details.route) ?? '';
  switch (entry.action) {
    case 'cases.write':
      if (method === 'PATCH') return 'case_changed';
      if (route.endsWith('/screenings')) return 'screened';
      if (route.endsWith('/consents')) return 'consent_recorded';
      return method === 'POST' ? 'case_opened' : 'other';
    case 'exchange.import':
      return 'case_received';
    case 'cases.assign':
      // Listing whom a case can be assigned to is the same action, and assigns nobody.
      if (method === 'PUT') return 'worker_assigned';
      return method === 'DELETE' ? 'worker_unassigned' : 'other';
    case 'persons.read':
      return 'person_opened';
    case 'persons.write':
      return 'person_changed';
    case 'referrals.open':
      return 'referral_opened';
    case 'referrals.write':
      if (entry.resourceType === 'case') return 'referral_made';
      if ('package' in entry.details) return 'referral_packaged';
      return 'referral_moved';
    case 'break_glass.request':
      return 'break_glass_requested';
    case 'break_glass.approve':
    case 'break_glass.review':
      return 'break_glass_reviewed';
    default:
      return 'other';
  }
}

/** The event an entry stands for, with what the sentence needs; unknown details are left out. */
export function describeHistoryEntry(entry: RawHistoryEntry): DescribedEntry {
  const { details } = entry;
  const event = eventOf(entry);
  // The safety net records the HTTP status as `status` too: only a case status counts here.
  const status = CASE_STATUSES.find((candidate) => candidate === details.status) ?? null;
  const consent = record(details.consent);
  const referral = record(details.referral);
  const purpose = text(consent.purpose);
  return {
    event,
    status: event === 'case_changed' ? status : null,
    facts: event === 'case_changed' ? texts(details.facts) : [],
    personFields: event === 'person_changed' ? texts(details.fields) : [],
    workerId: text(details.assigned) ?? text(details.unassigned),
    screeningOutcomes: texts(details.outcomes).filter((each): each is Outcome =>
      (OUTCOMES as readonly string[]).includes(each),
    ),
    consent:
      event === 'consent_recorded' && purpose && (CONSENT_PURPOSES as readonly string[]).includes(purpose)
        ? {
            purpose,
            decision: text(consent.decision) ?? 'given',
            recipientId: text(consent.recipientOrganisationId),
          }
        : null,
    referral:
      event === 'referral_made' || event === 'referral_moved'
        ? {
            toOrganisationId: text(referral.toOrganisationId),
            service: text(referral.service),
            from: text(details.from),
            to: text(details.to),
            consentOverride: details.consentOverride === true,
          }
        : null,
  };
}
