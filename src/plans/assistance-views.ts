// Needs and offers as the API shows them: names rather than ids, and what the reader may do next, so that
// the screen offers only the buttons that work.
import { decide, type Principal } from '../access/policy.js';
import type { NeedView, OfferView } from './assistance-schemas.js';
import type { NeedRecord, OfferRecord } from './assistance-store.js';
import { canMoveNeed } from './engine/assistance.js';

function mayWriteFor(principal: Principal, organisationId: string): boolean {
  return decide(principal, 'assistance.write', { organisationId }).allowed;
}

export function offerView(record: OfferRecord, principal: Principal): OfferView {
  return {
    id: record.id,
    organisation: { id: record.offeredByOrganisationId, name: record.organisationName },
    title: record.title,
    description: record.description,
    pillars: record.pillars,
    kinds: record.kinds,
    countries: record.countries,
    languages: record.languages,
    availableFrom: record.availableFrom,
    availableUntil: record.availableUntil,
    status: record.status,
    createdAt: record.createdAt.toISOString(),
    can: { withdraw: record.status === 'open' && mayWriteFor(principal, record.offeredByOrganisationId) },
  };
}

export function needView(record: NeedRecord, principal: Principal): NeedView {
  const mayWrite = mayWriteFor(principal, record.postedByOrganisationId);
  const matched = record.matchedOffer;
  return {
    id: record.id,
    organisation: { id: record.postedByOrganisationId, name: record.organisationName },
    country: record.country,
    pillar: record.pillar,
    kind: record.kind,
    title: record.title,
    description: record.description,
    languages: record.languages,
    wantedBy: record.wantedBy,
    status: record.status,
    matchedOffer: matched
      ? {
          id: matched.id,
          title: matched.title,
          organisation: { id: matched.organisationId, name: matched.organisationName },
        }
      : null,
    deliveredAt: record.deliveredAt?.toISOString() ?? null,
    createdAt: record.createdAt.toISOString(),
    can: {
      decide: mayWrite && canMoveNeed(record, 'matched'),
      deliver: mayWrite && canMoveNeed(record, 'delivered'),
      withdraw: mayWrite && canMoveNeed(record, 'withdrawn'),
    },
  };
}
