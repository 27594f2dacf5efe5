// The hand-written check that lets most table rows skip zod: it never vouches for a row zod would refuse or change.
import { describe, expect, it } from 'vitest';
import { ActivityInput } from '../schemas.js';
import { type FlatCandidate, isSurelyValid } from './flat-guard.js';

const ORG = '0192d4c8-8f3a-7b2c-9d4e-123456789abc';

function base(): FlatCandidate {
  return {
    identifier: 'KEN-2026-001',
    title: 'Hotline for presumed victims',
    description: 'Answers calls\nday and night',
    leadOrganisationId: ORG,
    participants: [{ organisationId: ORG, name: 'Example NGO', ref: null, role: 'implementing' }],
    pillar: 'protection',
    activityType: 'shelter',
    forms: ['sexual_exploitation'],
    targetGroups: ['women', 'girls'],
    chainStage: null,
    countries: [{ iso3: 'KEN', role: 'destination', places: ['Nairobi', 'Mombasa'] }],
    plannedStart: '2026-01-01',
    plannedEnd: '2026-12-31',
    actualStart: null,
    actualEnd: null,
    status: 'implementation',
    budget: { amount: 250000.5, currency: 'USD', funder: 'Example Fund' },
    peopleTargeted: { female_adults: 10 },
    peopleReached: { female_adults: 5, male_children: 2 },
    genderMarker: null,
    coordinationMechanismId: null,
    provenance: { source: 'Annual report', reportedBy: null, reportedOn: '2026-02-01' },
    isPublished: true,
  };
}

/** Values on the edge of what ActivityInput takes, and just past it. */
const ODD_TEXTS = [
  '',
  ' ',
  'a'.repeat(200),
  'a'.repeat(201),
  'a'.repeat(300),
  'a'.repeat(301),
  'a'.repeat(500),
  'a'.repeat(501),
  'two words',
  'tab\there',
  'nul\u0000',
  'bell\u0007',
  'rtl\u202e',
  'isolate\u2066',
  'line\nbreak',
  ' padded ',
  'Ünïcödé ✓ 日本',
  'emoji 😀',
  'lone \ud800',
];
const ODD_IDS = [
  ORG,
  ORG.toUpperCase(),
  '00000000-0000-0000-0000-000000000000',
  'not-an-id',
  '12345678-1234-0234-8234-123456789abc',
];
const ODD_DATES = [
  '2026-01-01',
  '2024-02-29',
  '2026-02-29',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '2026-13-01',
];
const ODD_NUMBERS = [0, 1, 1.5, 1e9, 1e9 + 1, 1e15, 1e15 + 2, -1, Number.NaN, Number.POSITIVE_INFINITY];

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One to three random changes to a valid candidate. */
function mutated(next: () => number): FlatCandidate {
  const c = structuredClone(base());
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const changes: (() => void)[] = [
    () => (c.identifier = pick(ODD_TEXTS)),
    () => (c.title = pick(ODD_TEXTS)),
    () => (c.description = pick([...ODD_TEXTS, 'x'.repeat(20_001)])),
    () => (c.leadOrganisationId = pick(ODD_IDS)),
    () => (c.coordinationMechanismId = pick(ODD_IDS)),
    () => ((c.participants[0] as FlatCandidate['participants'][number]).name = pick(ODD_TEXTS)),
    () => ((c.participants[0] as FlatCandidate['participants'][number]).organisationId = pick(ODD_IDS)),
    () => (c.participants = Array.from({ length: pick([200, 201]) }, () => ({ ...base().participants[0]! }))),
    () => (c.forms = Array.from({ length: pick([20, 21]) }, () => 'forced_labour')),
    () => (c.targetGroups = Array.from({ length: pick([40, 41]) }, () => 'women')),
    () => (c.countries[0]!.places = [pick(ODD_TEXTS)]),
    () => (c.countries[0]!.places = Array.from({ length: pick([100, 101]) }, () => 'Nairobi')),
    () => (c.plannedStart = pick(ODD_DATES)),
    () => (c.actualEnd = pick(ODD_DATES)),
    () => (c.provenance.reportedOn = pick(ODD_DATES)),
    () => (c.budget = { amount: pick(ODD_NUMBERS), currency: 'USD', funder: pick(ODD_TEXTS) }),
    () => (c.peopleReached = { female_adults: pick(ODD_NUMBERS) }),
    () => (c.provenance.source = pick(ODD_TEXTS)),
    () => (c.provenance.reportedBy = pick(ODD_TEXTS)),
  ];
  for (let n = 1 + Math.floor(next() * 3); n > 0; n--) pick(changes)();
  return c;
}

describe('the table-row guard', () => {
  it('vouches for an ordinary row, which zod reads back unchanged', () => {
    expect(isSurelyValid(base())).toBe(true);
    const parsed = ActivityInput.parse(base());
    expect(parsed).toEqual({ ...base(), recipientRegions: [], narratives: {}, classificationHints: [] });
  });

  it('vouches only for rows that zod accepts and gives back as they are, over 20,000 changed rows', () => {
    const next = seeded(2026);
    let vouched = 0;
    let refused = 0;
    for (let i = 0; i < 20_000; i++) {
      const candidate = mutated(next);
      const parsed = ActivityInput.safeParse(candidate);
      if (!isSurelyValid(candidate)) {
        if (!parsed.success) refused++;
        continue;
      }
      vouched++;
      expect(parsed.success, JSON.stringify([candidate, parsed.error?.issues]).slice(-900)).toBe(true);
      expect(parsed.data).toEqual({
        ...candidate,
        recipientRegions: [],
        narratives: {},
        classificationHints: [],
      });
    }
    // Both kinds occur, so the test reaches both sides of every limit.
    expect(vouched).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(1000);
  });
});
