// The findings the database finds (the findings routes) are exactly those of the reference engine over activities
// loaded into memory (the full report), on a generated register with planted overlaps and gaps, on both engines.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, type Session, startTestApp, type TestApp } from '../../test/support/app.js';
import { TEST_ENGINES } from '../../test/support/databases.js';
import { ANONYMOUS_ACTOR, asActor } from '../access/context.js';
import { importActivities } from '../activities/index.js';
import { coordinationMechanisms, mechanismMembers, organisations } from '../partners/schema.js';
import { analyseCoverage } from './analysis.js';
import { loadAnalysisInput } from './load.js';
import { REPORT_FINDINGS_LIMIT } from './report.js';
import { coverageNeeds } from './schema.js';
import { CoverageQuery, type CoverageReport, type Finding, type Findings } from './schemas.js';

const ORGANISATIONS = ['Amber', 'Birch', 'Cedar', 'Dune', 'Elm', 'Fern', 'Grove'].map(
  (n) => `${n} Aid (agree)`,
);
const COUNTRIES = ['KEN', 'UGA', 'NPL', 'QAT'];
const TYPES = ['shelter', 'counselling', 'legal_aid', 'awareness_campaign', 'law_enforcement_training'];
const GROUPS = ['women', 'girls', 'children', 'migrants', ''];
const FORMS = ['sexual_exploitation', 'forced_labour', 'mixed', ''];
const PLACES = ['Capital', 'capital', 'North', ''];
const COLUMNS = [
  'identifier',
  'title',
  'lead_organisation',
  'implementing_organisations',
  'funding_organisations',
  'activity_type',
  'forms_of_exploitation',
  'target_groups',
  'chain_stage',
  'origin_countries',
  'destination_countries',
  'places',
  'planned_start',
  'planned_end',
  'status',
  'reached_female_adults',
  'coordination_mechanism',
  'published',
] as const;

/** Mulberry32: the same register on every run. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A register where overlaps are common: few organisations, types and groups. Bangladesh has protection work only
 * (protection without prosecution); Nepal → Qatar corridors are worked at origin only; shelters in Kenya for women
 * form one group of more than fifty activities; some activities have open dates, places in two cases, partners, a
 * mechanism, or are cancelled.
 */
function register(): string {
  const next = seeded(4242);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  // The last two organisations work only in the planted Kenyan group: nothing else links them.
  const some = ORGANISATIONS.slice(0, 5);
  const rows: string[][] = [];
  const add = (values: Partial<Record<(typeof COLUMNS)[number], string>>) =>
    rows.push(COLUMNS.map((c) => values[c] ?? ''));
  for (let i = 0; i < 260; i++) {
    const origin = pick(COUNTRIES);
    const corridor = origin === 'NPL' && next() < 0.5;
    const month = 1 + Math.floor(next() * 12);
    const endMonth = Math.min(12, month + Math.floor(next() * 6));
    const start = `2026-${String(month).padStart(2, '0')}-01`;
    const place = pick(PLACES);
    add({
      identifier: `AGREE-${String(i).padStart(3, '0')}`,
      title: `Generated work ${i}`,
      lead_organisation: pick(some),
      implementing_organisations: next() < 0.15 ? pick(some) : '',
      funding_organisations: next() < 0.1 ? pick(some) : '',
      activity_type: pick(TYPES),
      forms_of_exploitation: [...new Set([pick(FORMS), next() < 0.3 ? pick(FORMS) : ''])]
        .filter(Boolean)
        .join(';'),
      target_groups: [...new Set([pick(GROUPS), next() < 0.3 ? pick(GROUPS) : ''])].filter(Boolean).join(';'),
      chain_stage: corridor ? 'supply' : '',
      origin_countries: origin,
      destination_countries: corridor ? 'QAT' : '',
      places: place ? `${origin}:${place}` : '',
      planned_start: next() < 0.05 ? '' : start,
      planned_end: next() < 0.1 ? '' : `2026-${String(endMonth).padStart(2, '0')}-28`,
      status: next() < 0.05 ? 'cancelled' : 'implementation',
      reached_female_adults: next() < 0.5 ? String(Math.floor(next() * 50)) : '',
      coordination_mechanism: origin === 'UGA' && next() < 0.2 ? 'Agreement task force (test)' : '',
      published: 'yes',
    });
  }
  for (let i = 0; i < 60; i++)
    add({
      identifier: `AGREE-KEN-SHELTER-${String(i).padStart(2, '0')}`,
      title: `Kenya shelter ${i}`,
      lead_organisation: ORGANISATIONS[5 + (i % 2)],
      activity_type: 'shelter',
      forms_of_exploitation: 'sexual_exploitation',
      target_groups: 'women',
      origin_countries: 'KEN',
      planned_start: `2026-0${1 + (i % 9)}-15`,
      planned_end: '2026-12-31',
      status: 'implementation',
      published: 'yes',
    });
  for (let i = 0; i < 5; i++)
    add({
      identifier: `AGREE-BGD-${i}`,
      title: `Bangladesh counselling ${i}`,
      lead_organisation: ORGANISATIONS[i % 3],
      activity_type: 'counselling',
      target_groups: 'women',
      origin_countries: 'BGD',
      planned_start: '2026-02-01',
      planned_end: '2026-10-31',
      status: 'implementation',
      published: 'yes',
    });
  return [COLUMNS.join(','), ...rows.map((row) => row.join(','))].join('\n');
}

const QUERIES = [
  'from=2026-01-01&to=2026-12-31',
  'from=2026-01-01&to=2026-12-31&country=KEN',
  'from=2026-01-01&to=2026-12-31&country=NPL,QAT',
  'from=2026-01-01&to=2026-12-31&country=BGD',
  'from=2026-04-01&to=2026-06-30&pillar=protection&minActivities=4',
  'activityType=shelter&minReachedShare=0.9',
  'targetGroup=women&form=sexual_exploitation',
];

describe.each(TEST_ENGINES)('the database finds what the reference engine finds, on $name', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  const get = async <T>(url: string): Promise<T> => {
    const reply = await t.as(coordinator, 'GET', url);
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json().data as T;
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    coordinator = await t.signInAs(demoEmail('coordinator'));
    const orgs = await t.database.db
      .insert(organisations)
      .values(ORGANISATIONS.map((name, i) => ({ name, acronym: `AGR${i}`, actorType: 'ngo' })))
      .returning({ id: organisations.id });
    const [kenya, everywhere] = await t.database.db
      .insert(coordinationMechanisms)
      .values([
        { name: 'Agreement task force (test)', kind: 'national_task_force', countries: ['KEN', 'UGA'] },
        { name: 'Agreement network (test)', kind: 'national_task_force', countries: [] },
      ])
      .returning({ id: coordinationMechanisms.id });
    await t.database.db.insert(mechanismMembers).values([
      { mechanismId: kenya!.id, organisationId: orgs[0]!.id },
      { mechanismId: kenya!.id, organisationId: orgs[1]!.id },
      { mechanismId: everywhere!.id, organisationId: orgs[2]!.id },
      { mechanismId: everywhere!.id, organisationId: orgs[3]!.id },
    ]);
    await t.database.db.insert(coverageNeeds).values([
      {
        iso3: 'KEN',
        pillar: 'protection',
        form: 'sexual_exploitation',
        fromYear: 2026,
        toYear: 2026,
        level: 'high',
        peopleInNeed: 100000,
      },
      { iso3: 'UGA', targetGroup: 'girls', fromYear: 2026, toYear: 2026, level: 'medium', peopleInNeed: 50 },
      {
        iso3: 'NPL',
        pillar: 'prosecution',
        form: 'forced_marriage',
        fromYear: 2026,
        toYear: 2026,
        level: 'low',
      },
      { iso3: 'BGD', pillar: 'protection', targetGroup: 'boys', fromYear: 2026, toYear: 2026, level: 'high' },
    ]);
    const result = await t.database.db.transaction((tx) =>
      importActivities(tx, Readable.from([register()]), {
        format: 'csv',
        dryRun: false,
        mayWrite: () => true,
        context: { userId: null, via: 'test', at: new Date('2026-01-01T00:00:00Z') },
      }),
    );
    expect(result.problems).toEqual([]);
  });
  afterAll(() => t?.close());

  /** The reference engine over every activity loaded into memory, as a signed-in partner sees them. */
  const referenceFor = (query: string) =>
    asActor(t.database.db, { ...ANONYMOUS_ACTOR, userId: coordinator.userId }, async (tx) => {
      const input = await loadAnalysisInput(
        tx,
        CoverageQuery.parse(Object.fromEntries(new URLSearchParams(query))),
      );
      return { ...analyseCoverage(input), needSources: input.needSources };
    });

  it.each(QUERIES)('gives the same gaps, overlaps and country profiles for %s', async (query) => {
    const reference = await referenceFor(query);
    const found = await get<Findings>(`/api/v1/coverage/findings?${query}&limit=10000`);
    expect(found.gaps).toEqual(reference.findings.gaps);
    expect(found.overlaps).toEqual(reference.findings.overlaps);
    expect(found.needSources).toEqual(reference.needSources);
    const report = await get<CoverageReport>(`/api/v1/coverage?${query}`);
    expect(report.profiles).toEqual(reference.profiles);
    expect(report.findings.gaps).toEqual(reference.findings.gaps.slice(0, REPORT_FINDINGS_LIMIT));
    expect(report.findingTotals).toEqual({
      gaps: reference.findings.gaps.length,
      overlaps: reference.findings.overlaps.length,
    });
  });

  it('finds the planted overlaps and gaps, and lists at most fifty activities of a large group', async () => {
    const found = await get<Findings>('/api/v1/coverage/findings?from=2026-01-01&to=2026-12-31&limit=10000');
    const rules = new Set([...found.gaps, ...found.overlaps].map((f) => f.rule));
    for (const rule of [
      'unlinked_overlap',
      'protection_without_prosecution',
      'origin_without_destination',
      'need_uncovered',
      'need_under_covered',
    ])
      expect(rules, rule).toContain(rule);
    const shelters = found.overlaps.find(
      (f: Finding) => f.iso3 === 'KEN' && f.cell.activityType === 'shelter' && f.activityCount > 50,
    );
    expect(shelters?.activityIds).toHaveLength(50);
    expect(shelters?.activities.map((a) => a.id)).toEqual(shelters?.activityIds);
  });
});
