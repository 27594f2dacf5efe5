// Invented needs and offers of technical assistance for the engine's tests: each factory fills what a test
// does not care about, so a test states only what it checks.
import type { AssistanceNeed, AssistanceOffer } from '../assistance.js';

export function aNeed(overrides: Partial<AssistanceNeed> = {}): AssistanceNeed {
  return {
    id: 'need-1',
    country: 'KEN',
    pillar: 'prosecution',
    kind: 'training',
    title: 'Train prosecutors on the new trafficking law',
    description: 'Two-day courses for county prosecutors on the offences and victim-witness protection.',
    languages: ['en'],
    wantedBy: '2026-09-30',
    status: 'open',
    postedByOrganisationId: 'org-ministry',
    matchedOfferId: null,
    ...overrides,
  };
}

export function anOffer(overrides: Partial<AssistanceOffer> = {}): AssistanceOffer {
  return {
    id: 'offer-1',
    offeredByOrganisationId: 'org-partner',
    title: 'Courses for prosecutors and judges',
    description: 'A trainer and materials for courses on trafficking cases.',
    pillars: ['prosecution'],
    kinds: ['training'],
    countries: [],
    languages: ['en'],
    availableFrom: '2026-03-01',
    availableUntil: '2026-12-31',
    status: 'open',
    ...overrides,
  };
}
