// The shapes of technical assistance requests: what a form may send and what is refused with a field error.
import { describe, expect, it } from 'vitest';
import { codesOf } from '../reference/vocabulary.js';
import { NeedRequest, OfferRequest, Pillar } from './assistance-schemas.js';

const ORG = '00000000-0000-4000-8000-000000000001';

describe('technical assistance shapes', () => {
  it('knows the same pillars as the shared code list', () => {
    expect(Pillar.options).toEqual(codesOf('pillar'));
  });

  it('fills a need’s description, languages and date when they are left out', () => {
    const need = NeedRequest.parse({
      organisationId: ORG,
      country: 'KEN',
      pillar: 'prosecution',
      kind: 'legislation',
      title: 'Review the draft law',
    });
    expect(need).toMatchObject({ description: '', languages: [], wantedBy: null });
  });

  it('refuses a need in a language the UN does not use, or naming a language twice', () => {
    const base = { organisationId: ORG, country: 'KEN', pillar: 'prosecution', kind: 'training', title: 'T' };
    expect(NeedRequest.safeParse({ ...base, languages: ['sw'] }).success).toBe(false);
    expect(NeedRequest.safeParse({ ...base, languages: ['en', 'en'] }).success).toBe(false);
  });

  it('refuses an offer ending before it starts, pointing at its last day', () => {
    const result = OfferRequest.safeParse({
      organisationId: ORG,
      title: 'Courses',
      pillars: ['prosecution'],
      kinds: ['training'],
      availableFrom: '2026-06-01',
      availableUntil: '2026-05-01',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['availableUntil']);
  });

  it('refuses an offer without a pillar or without a kind', () => {
    const base = { organisationId: ORG, title: 'Courses', pillars: ['prosecution'], kinds: ['training'] };
    expect(OfferRequest.safeParse({ ...base, pillars: [] }).success).toBe(false);
    expect(OfferRequest.safeParse({ ...base, kinds: [] }).success).toBe(false);
  });
});
