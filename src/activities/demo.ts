// Illustrative 4W activities for the demo organisations, with gaps and overlaps planted for the analysis to find.
import { eq } from 'drizzle-orm';
import { coordinationMechanisms, demoOrganisationIds } from '../partners/index.js';
import type { Queryable } from '../platform/db.js';
import { valuesOf } from './record.js';
import { activities } from './schema.js';
import { ActivityInput } from './schemas.js';
import { appendVersions } from './store.js';

type Org = 'office' | 'shelter' | 'legal' | 'institute';
type DemoActivity = Omit<Partial<ActivityInput>, 'leadOrganisationId' | 'participants'> & {
  identifier: string;
  title: string;
  lead: Org;
  implementing?: Org[];
  activityType: ActivityInput['activityType'];
  countries: ActivityInput['countries'];
  underTaskForce?: boolean;
};

/**
 * Planted on purpose: in UGA the shelter network and the legal aid centre both counsel girls who survived sexual
 * exploitation in Kampala at the same time, sharing no mechanism (an overlap); TZA has protection but no
 * prosecution; the UGA → SAU corridor is worked from the origin side only; in KEN the two awareness campaigns
 * overlap but their organisations sit in the same task force (no finding).
 */
export const DEMO_ACTIVITIES: DemoActivity[] = [
  {
    identifier: 'DEMO-KEN-001',
    title: 'Shelter for women and girls (demo)',
    lead: 'shelter',
    activityType: 'shelter',
    targetGroups: ['women', 'girls'],
    forms: ['sexual_exploitation'],
    chainStage: 'demand',
    countries: [
      { iso3: 'KEN', role: 'destination', places: ['Nairobi'] },
      { iso3: 'UGA', role: 'origin', places: [] },
    ],
    plannedStart: '2026-01-01',
    plannedEnd: '2026-12-31',
    budget: { amount: 180000, currency: 'USD', funder: 'Example Foundation (demo)' },
    peopleTargeted: { female_adults: 200, female_children: 60 },
    peopleReached: { female_adults: 110, female_children: 40 },
    genderMarker: 'principal',
    underTaskForce: true,
  },
  {
    identifier: 'DEMO-KEN-002',
    title: 'National awareness campaign (demo)',
    lead: 'office',
    activityType: 'awareness_campaign',
    targetGroups: ['general_public'],
    countries: [{ iso3: 'KEN', role: 'origin', places: [] }],
    plannedStart: '2026-03-01',
    plannedEnd: '2026-09-30',
    budget: { amount: 40000, currency: 'USD', funder: null },
    peopleReached: { other_unknown_unknown_age: 25000 },
    genderMarker: 'significant',
    underTaskForce: true,
  },
  {
    identifier: 'DEMO-KEN-003',
    title: 'Community awareness in schools (demo)',
    lead: 'shelter',
    activityType: 'awareness_campaign',
    targetGroups: ['general_public'],
    countries: [{ iso3: 'KEN', role: 'origin', places: ['Mombasa'] }],
    plannedStart: '2026-04-01',
    plannedEnd: '2026-10-31',
    peopleReached: { female_children: 900, male_children: 850 },
    genderMarker: 'significant',
    underTaskForce: true,
  },
  {
    identifier: 'DEMO-KEN-004',
    title: 'Training police and prosecutors (demo)',
    lead: 'office',
    implementing: ['legal'],
    activityType: 'law_enforcement_training',
    targetGroups: ['police', 'prosecutors_judges'],
    forms: ['sexual_exploitation', 'forced_labour'],
    countries: [{ iso3: 'KEN', role: 'destination', places: [] }],
    plannedStart: '2026-02-01',
    plannedEnd: '2026-06-30',
    peopleReached: { female_adults: 45, male_adults: 80 },
    genderMarker: 'significant',
  },
  {
    identifier: 'DEMO-KEN-005',
    title: 'Coordination of the national referral mechanism (demo)',
    lead: 'office',
    activityType: 'coordination_mechanism',
    countries: [{ iso3: 'KEN', role: 'destination', places: [] }],
    plannedStart: '2025-01-01',
    plannedEnd: '2027-12-31',
    underTaskForce: true,
  },
  {
    identifier: 'DEMO-KEN-006',
    title: 'Legal aid for survivors in Nairobi (demo)',
    lead: 'legal',
    activityType: 'legal_aid',
    targetGroups: ['women'],
    forms: ['sexual_exploitation', 'domestic_servitude'],
    chainStage: 'demand',
    countries: [{ iso3: 'KEN', role: 'destination', places: ['Nairobi'] }],
    plannedStart: '2026-01-15',
    plannedEnd: '2026-12-15',
    peopleReached: { female_adults: 70 },
  },
  {
    identifier: 'DEMO-UGA-001',
    title: 'Counselling for girls in Kampala (demo)',
    lead: 'shelter',
    activityType: 'counselling',
    targetGroups: ['girls'],
    forms: ['sexual_exploitation'],
    countries: [{ iso3: 'UGA', role: 'origin', places: ['Kampala'] }],
    plannedStart: '2026-02-01',
    plannedEnd: '2026-11-30',
    peopleReached: { female_children: 35 },
    genderMarker: 'principal',
  },
  {
    identifier: 'DEMO-UGA-002',
    title: 'Psychosocial counselling for returnees (demo)',
    lead: 'legal',
    activityType: 'counselling',
    targetGroups: ['girls', 'women'],
    forms: ['sexual_exploitation'],
    countries: [{ iso3: 'UGA', role: 'origin', places: ['Kampala'] }],
    plannedStart: '2026-05-01',
    plannedEnd: '2027-04-30',
    peopleReached: { female_children: 20, female_adults: 30 },
    genderMarker: 'principal',
  },
  {
    identifier: 'DEMO-UGA-003',
    title: 'Pre-departure briefings for domestic workers going to the Gulf (demo)',
    lead: 'legal',
    activityType: 'pre_departure_briefing',
    targetGroups: ['domestic_workers', 'migrants'],
    forms: ['domestic_servitude', 'forced_labour'],
    chainStage: 'supply',
    countries: [
      { iso3: 'UGA', role: 'origin', places: ['Entebbe'] },
      { iso3: 'SAU', role: 'destination', places: [] },
    ],
    plannedStart: '2026-01-01',
    plannedEnd: '2026-12-31',
    peopleReached: { female_adults: 400, male_adults: 60 },
    genderMarker: 'significant',
  },
  {
    identifier: 'DEMO-UGA-004',
    title: 'Specialised anti-trafficking unit support (demo)',
    lead: 'legal',
    activityType: 'specialised_units',
    countries: [{ iso3: 'UGA', role: 'origin', places: [] }],
    plannedStart: '2026-01-01',
    plannedEnd: '2026-12-31',
  },
  {
    identifier: 'DEMO-TZA-001',
    title: 'Reintegration of survivors (demo)',
    lead: 'institute',
    activityType: 'reintegration',
    targetGroups: ['women', 'children'],
    forms: ['forced_labour', 'domestic_servitude'],
    countries: [{ iso3: 'TZA', role: 'origin', places: ['Dar es Salaam'] }],
    plannedStart: '2026-01-01',
    plannedEnd: '2026-12-31',
    peopleReached: { female_adults: 25, female_children: 10, male_children: 12 },
  },
  {
    identifier: 'DEMO-TZA-002',
    title: 'Study of recruitment routes (demo)',
    lead: 'institute',
    activityType: 'research_and_data',
    countries: [
      { iso3: 'TZA', role: 'origin', places: [] },
      { iso3: 'KEN', role: 'transit', places: [] },
    ],
    plannedStart: '2025-06-01',
    plannedEnd: '2026-05-31',
    status: 'finalisation',
  },
];

export async function loadDemoActivities(tx: Queryable): Promise<number> {
  const ids = await demoOrganisationIds(tx);
  const [taskForce] = await tx
    .select({ id: coordinationMechanisms.id })
    .from(coordinationMechanisms)
    .where(eq(coordinationMechanisms.acronym, 'NTF'));
  const at = new Date('2026-01-10T09:00:00Z');
  const values = DEMO_ACTIVITIES.map(({ lead, implementing, underTaskForce, ...demo }) => {
    const input = ActivityInput.parse({
      ...demo,
      leadOrganisationId: ids[lead],
      participants: (implementing ?? []).map((key) => ({ organisationId: ids[key], role: 'implementing' })),
      coordinationMechanismId: underTaskForce ? (taskForce?.id ?? null) : null,
      provenance: {
        source: 'Illustrative demo data',
        reportedBy: 'Concerted demo',
        reportedOn: '2026-01-10',
      },
      isPublished: true,
    });
    return valuesOf({ ...input, identifier: demo.identifier }, new Map());
  });
  const rows = await tx
    .insert(activities)
    .values(values.map((v) => ({ ...v, isIllustrative: true, createdAt: at, updatedAt: at })))
    .returning();
  await appendVersions(
    tx,
    rows.map((row) => ({ row, change: 'created' as const })),
    { userId: null, via: 'demo', at },
  );
  return rows.length;
}
