// Asking for every country must find what asking country by country finds: the findings of all countries are
// exactly the union of the findings per country, on both engines.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, type Session, startTestApp, type TestApp } from '../../test/support/app.js';
import { TEST_ENGINES } from '../../test/support/databases.js';
import { importActivities } from '../activities/index.js';
import { organisations } from '../partners/schema.js';
import { loadActivityRows } from './load.js';
import { coverageConditions } from './matrix.js';
import type { Finding } from './schemas.js';

const PERIOD = 'from=2026-01-01&to=2026-12-31';
const COLUMNS = [
  'identifier',
  'title',
  'lead_organisation',
  'implementing_organisations',
  'activity_type',
  'forms_of_exploitation',
  'target_groups',
  'chain_stage',
  'origin_countries',
  'destination_countries',
  'planned_start',
  'planned_end',
  'published',
] as const;

type Row = Partial<Record<(typeof COLUMNS)[number], string>>;

const YEAR = { planned_start: '2026-01-01', planned_end: '2026-12-31', published: 'yes' };

/**
 * Two shelters that work side by side in Nepal without any link there, but run a joint project in Bangladesh;
 * and an origin-side project on the Nepal → Qatar corridor, with demand-side work in Qatar that names no origin.
 */
const ROWS: Row[] = [
  {
    identifier: 'UNION-NPL-1',
    title: 'Shelter in Kathmandu',
    lead_organisation: 'Himalaya Shelter (test)',
    activity_type: 'shelter',
    forms_of_exploitation: 'sexual_exploitation',
    target_groups: 'women',
    origin_countries: 'NPL',
    ...YEAR,
  },
  {
    identifier: 'UNION-NPL-2',
    title: 'Women’s refuge in Kathmandu',
    lead_organisation: 'Valley Refuge (test)',
    activity_type: 'shelter',
    forms_of_exploitation: 'sexual_exploitation',
    target_groups: 'women',
    origin_countries: 'NPL',
    ...YEAR,
  },
  {
    identifier: 'UNION-BGD-1',
    title: 'Joint research in Dhaka',
    lead_organisation: 'Himalaya Shelter (test)',
    implementing_organisations: 'Valley Refuge (test)',
    activity_type: 'research_and_data',
    target_groups: 'women',
    origin_countries: 'BGD',
    ...YEAR,
  },
  {
    identifier: 'UNION-NPL-3',
    title: 'Safe migration counselling',
    lead_organisation: 'Himalaya Shelter (test)',
    activity_type: 'awareness_campaign',
    target_groups: 'migrants',
    chain_stage: 'supply',
    origin_countries: 'NPL',
    destination_countries: 'QAT',
    ...YEAR,
  },
  {
    identifier: 'UNION-QAT-1',
    title: 'Labour inspections in Doha',
    lead_organisation: 'Valley Refuge (test)',
    activity_type: 'awareness_campaign',
    target_groups: 'migrants',
    chain_stage: 'demand',
    destination_countries: 'QAT',
    ...YEAR,
  },
];

function csv(rows: Row[]): string {
  return [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((c) => row[c] ?? '').join(','))].join('\n');
}

describe.each(TEST_ENGINES)('findings of all countries and of each country on $name', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  const findingsFor = async (country?: string): Promise<Finding[]> => {
    const reply = await t.as(
      coordinator,
      'GET',
      `/api/v1/coverage/findings?${PERIOD}&limit=10000${country ? `&country=${country}` : ''}`,
    );
    expect(reply.statusCode, reply.body).toBe(200);
    const data = reply.json().data as { gaps: Finding[]; overlaps: Finding[] };
    return [...data.gaps, ...data.overlaps];
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    coordinator = await t.signInAs(demoEmail('coordinator'));
    await t.database.db.insert(organisations).values([
      { name: 'Himalaya Shelter (test)', acronym: 'HST', actorType: 'ngo' },
      { name: 'Valley Refuge (test)', acronym: 'VRT', actorType: 'ngo' },
    ]);
    const result = await t.database.db.transaction((tx) =>
      importActivities(tx, Readable.from([csv(ROWS)]), {
        format: 'csv',
        dryRun: false,
        mayWrite: () => true,
        context: { userId: null, via: 'test', at: new Date('2026-01-01T00:00:00Z') },
      }),
    );
    expect(result.problems).toEqual([]);
  });
  afterAll(() => t?.close());

  it('finds the overlap in Nepal for all countries too, since a joint project elsewhere links nobody here', async () => {
    const inNepal = (findings: Finding[]) =>
      findings.filter((f) => f.rule === 'unlinked_overlap' && f.iso3 === 'NPL').map((f) => f.id);
    const alone = inNepal(await findingsFor('NPL'));
    expect(alone).toHaveLength(1);
    expect(inNepal(await findingsFor())).toEqual(alone);
  });

  it('sees demand-side work at the destination of a corridor whether asked for the origin or every country', async () => {
    const corridor = (findings: Finding[]) =>
      findings.filter((f) => f.rule === 'origin_without_destination' && f.cell.corridor?.origin === 'NPL');
    expect(corridor(await findingsFor())).toEqual([]);
    expect(corridor(await findingsFor('NPL'))).toEqual([]);
  });

  it('answers for all countries exactly the union of the answers per country', async () => {
    const all = await findingsFor();
    const countries = new Set(all.map((f) => f.iso3));
    for (const f of all) if (f.cell.corridor) countries.add(f.cell.corridor.origin);
    for (const iso3 of ['NPL', 'BGD', 'QAT', 'KEN', 'UGA', 'TZA', 'SAU']) countries.add(iso3);
    // Every country where work takes place too: asked alone, a country without findings must find none.
    const listed = await t.as(coordinator, 'GET', '/api/v1/activities?limit=500');
    for (const activity of listed.json().data as { countries: { iso3: string }[] }[])
      for (const country of activity.countries) countries.add(country.iso3);
    const union = new Map<string, Finding>();
    for (const iso3 of [...countries].sort())
      for (const finding of await findingsFor(iso3)) union.set(finding.id, finding);
    const comparable = (f: Finding) => ({
      id: f.id,
      rule: f.rule,
      iso3: f.iso3,
      severity: f.severity,
      cell: f.cell,
      period: f.period,
      activityCount: f.activityCount,
      activityIds: [...f.activityIds].sort(),
      organisationIds: f.organisationIds,
      explanation: f.explanation,
    });
    const sorted = (list: Finding[]) => list.map(comparable).sort((a, b) => a.id.localeCompare(b.id));
    expect(all.map((f) => f.rule)).toEqual(expect.arrayContaining(['unlinked_overlap', 'pillar_absent']));
    expect(sorted([...union.values()])).toEqual(sorted(all));
  });

  it('loads activities chunk by chunk without losing or repeating one', async () => {
    const conditions = coverageConditions({});
    const whole = await loadActivityRows(t.database.db, conditions);
    const chunked = await loadActivityRows(t.database.db, conditions, 3);
    expect(whole.length).toBeGreaterThan(6);
    expect(chunked.map((a) => a.identifier)).toEqual(whole.map((a) => a.identifier));
  });
});
