// The coverage cells kept by triggers answer the matrix exactly as adding up the activities does: for the public
// and for a partner, for every filter and period, after activities are added, changed and deleted.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES, type TestDatabase } from '../../test/support/databases.js';
import { ANONYMOUS_ACTOR, asRequester } from '../access/context.js';
import { importActivities } from '../activities/index.js';
import { organisations } from '../partners/schema.js';
import { rowsOf } from '../platform/db.js';
import { countLeftOut, matrixFromCells } from './cells.js';
import { matrixCells } from './compact.js';
import { computeMatrix, coverageConditions, matrixFromActivities } from './matrix.js';
import { CoverageQuery, type Matrix } from './schemas.js';

const COLUMNS = [
  'identifier',
  'title',
  'lead_organisation',
  'implementing_organisations',
  'activity_type',
  'forms_of_exploitation',
  'target_groups',
  'origin_countries',
  'destination_countries',
  'planned_start',
  'planned_end',
  'status',
  'budget',
  'currency',
  'reached_female_adults',
  'published',
] as const;

type Row = Partial<Record<(typeof COLUMNS)[number], string>>;

const base = { lead_organisation: 'North Shelter (test)', status: 'implementation', published: 'yes' };

/** Activities that touch every way a cell's figures can go: lists, none named, currencies, reach, visibility. */
const ROWS: Row[] = [
  {
    ...base,
    identifier: 'CELLS-1',
    activity_type: 'shelter',
    forms_of_exploitation: 'sexual_exploitation; forced_labour',
    target_groups: 'women; girls',
    origin_countries: 'KEN',
    destination_countries: 'QAT',
    planned_start: '2025-02-01',
    planned_end: '2026-03-31',
    budget: '1000.50',
    currency: 'USD',
    reached_female_adults: '40',
  },
  {
    ...base,
    identifier: 'CELLS-2',
    lead_organisation: 'South Refuge (test)',
    implementing_organisations: 'North Shelter (test)',
    activity_type: 'shelter',
    forms_of_exploitation: 'sexual_exploitation',
    target_groups: 'women',
    origin_countries: 'KEN',
    planned_start: '2026-05-01',
    planned_end: '2026-12-31',
    budget: '250',
    currency: 'EUR',
  },
  {
    ...base,
    identifier: 'CELLS-3',
    lead_organisation: 'South Refuge (test)',
    activity_type: 'shelter',
    origin_countries: 'KEN',
    planned_start: '2027-01-01',
    budget: '99.99',
    currency: 'USD',
    reached_female_adults: '7',
  },
  {
    ...base,
    identifier: 'CELLS-4',
    activity_type: 'awareness_campaign',
    target_groups: 'migrants',
    origin_countries: 'NPL',
    destination_countries: 'KEN',
    planned_end: '2025-06-30',
    reached_female_adults: '0',
  },
  {
    ...base,
    identifier: 'CELLS-5',
    activity_type: 'shelter',
    forms_of_exploitation: 'forced_labour',
    target_groups: 'women',
    origin_countries: 'KEN',
    planned_start: '2026-01-01',
    planned_end: '2026-01-31',
    published: 'no',
    budget: '5',
    currency: 'USD',
  },
  {
    ...base,
    identifier: 'CELLS-6',
    lead_organisation: 'South Refuge (test)',
    activity_type: 'legal_aid',
    target_groups: 'children',
    origin_countries: 'NPL',
    planned_start: '2026-06-01',
    planned_end: '2026-06-30',
    status: 'cancelled',
  },
];

function csv(rows: Row[]): string {
  const line = (row: Row) =>
    COLUMNS.map((c) => (c === 'title' ? `Activity ${row.identifier}` : (row[c] ?? '')));
  return [COLUMNS.join(','), ...rows.map((row) => line(row).join(','))].join('\n');
}

const QUERIES: Partial<CoverageQuery>[] = [
  {},
  { from: '2026-01-01', to: '2026-12-31' },
  { from: '2026-02-01', to: '2026-04-30' },
  { from: '2027-06-01' },
  { to: '2025-12-31' },
  { country: ['KEN'], from: '2026-01-15' },
  { targetGroup: 'women', to: '2026-05-15' },
  { form: 'forced_labour' },
  { pillar: 'protection', from: '2025-07-01', to: '2026-01-31' },
  { activityType: 'shelter', currency: 'EUR' },
];

describe.each(TEST_ENGINES)('coverage cells on $name', (engine) => {
  let database: TestDatabase;
  const partner = { ...ANONYMOUS_ACTOR, userId: randomUUID() };

  /** Each query, for the public and for a partner: from the cells, and by adding up the activities. */
  async function bothWays() {
    const answers = [];
    for (const actor of [ANONYMOUS_ACTOR, partner])
      for (const filters of QUERIES) {
        const query = CoverageQuery.parse(filters);
        answers.push(
          await asRequester(database, actor, async (tx) => ({
            query: { ...filters, signedIn: actor.userId !== null },
            cells: matrixCells(await computeMatrix(tx, query)),
            activities: await matrixFromActivities(tx, query),
          })),
        );
      }
    return answers;
  }

  const expectSameBothWays = async () => {
    for (const answer of await bothWays())
      expect({ query: answer.query, cells: answer.cells }).toEqual({
        query: answer.query,
        cells: answer.activities,
      });
  };

  beforeAll(async () => {
    database = await engine.open({ seed: true });
    await database.db.insert(organisations).values([
      { name: 'North Shelter (test)', acronym: 'NST', actorType: 'ngo' },
      { name: 'South Refuge (test)', acronym: 'SRT', actorType: 'ngo' },
    ]);
    const result = await database.db.transaction((tx) =>
      importActivities(tx, Readable.from([csv(ROWS)]), {
        format: 'csv',
        dryRun: false,
        mayWrite: () => true,
        context: { userId: null, via: 'test', at: new Date('2026-01-01T00:00:00Z') },
      }),
    );
    expect(result.problems).toEqual([]);
  });
  afterAll(() => database?.dispose());

  it('answers every query from the cells as adding up the activities does, for the public and for partners', async () => {
    const answers = await bothWays();
    // The cases are not empty: the unpublished activity shows to partners only, and a period leaves some out.
    const all = answers.find((a) => a.query.signedIn && Object.keys(a.query).length === 1);
    const open = answers.find((a) => !a.query.signedIn && Object.keys(a.query).length === 1);
    const activitiesOf = (answer: typeof all) => answer?.cells.reduce((n, c) => n + c.activities, 0) ?? 0;
    expect(activitiesOf(all)).toBeGreaterThan(activitiesOf(open));
    await expectSameBothWays();
  });

  it('keeps the cells right when activities change, are withdrawn, cancelled or deleted', async () => {
    await rowsOf(
      database.db,
      sql`update activities set target_groups = '{}', reached_total = null where identifier = 'CELLS-1'`,
    );
    await rowsOf(database.db, sql`update activities set is_published = false where identifier = 'CELLS-2'`);
    await rowsOf(database.db, sql`update activities set status = 'cancelled' where identifier = 'CELLS-3'`);
    await rowsOf(database.db, sql`update activities set status = 'closed' where identifier = 'CELLS-6'`);
    await rowsOf(
      database.db,
      sql`update activities set organisation_ids = array[lead_organisation_id] where identifier = 'CELLS-2'`,
    );
    await rowsOf(
      database.db,
      sql`delete from activity_versions where activity_id in (select id from activities where identifier = 'CELLS-4')`,
    );
    await rowsOf(database.db, sql`delete from activities where identifier = 'CELLS-4'`);
    await expectSameBothWays();
  });

  it('keeps a change of budget alone: the same activities, another amount, in dollars or another currency', async () => {
    await rowsOf(
      database.db,
      sql`update activities set budget_amount = budget_amount * 3 + 7 where budget_amount is not null`,
    );
    await rowsOf(
      database.db,
      sql`update activities set budget_currency = case budget_currency when 'USD' then 'EUR' else 'USD' end
          where identifier = 'CELLS-2'`,
    );
    await expectSameBothWays();
  });

  it('counts a value that is in no code list under its own name', async () => {
    await rowsOf(
      database.db,
      sql`update activities set activity_type = 'retired_practice', target_groups = '{"former \\"group\\""}'
          where identifier = 'CELLS-1'`,
    );
    const matrix = await asRequester(database, ANONYMOUS_ACTOR, (tx) =>
      computeMatrix(tx, CoverageQuery.parse({})),
    );
    expect(matrix.dimensions.activityType).toContain('retired_practice');
    expect(matrixCells(matrix).map((c) => c.targetGroup)).toContain('former "group"');
    await expectSameBothWays();
  });

  it('takes away what the period leaves out when an activity lands after the period was first checked', async () => {
    const query = CoverageQuery.parse({ from: '2026-01-01', to: '2026-04-30' });
    const conditions = coverageConditions({ ...query, from: undefined, to: undefined });
    for (const actor of [ANONYMOUS_ACTOR, partner]) {
      const { leftOut, told, added } = await asRequester(database, actor, async (tx) => ({
        leftOut: await countLeftOut(tx, conditions, query, 10),
        // Told that nothing is left out, as when the activities the period leaves out came after the count.
        told: JSON.parse(await matrixFromCells(tx, query, conditions, false)) as Matrix,
        added: await matrixFromActivities(tx, query),
      }));
      expect(leftOut).toBeGreaterThan(0);
      expect(matrixCells(told)).toEqual(added);
    }
  });

  it('lets the public read no cell of unpublished work, whatever the query asks for', async () => {
    const hidden = await asRequester(database, ANONYMOUS_ACTOR, (tx) =>
      rowsOf<{ n: number }>(tx, sql`select count(*)::int as n from coverage_cells where scope = 'all'`),
    );
    expect(hidden[0]?.n).toBe(0);
    const seen = await asRequester(database, partner, (tx) =>
      rowsOf<{ n: number }>(tx, sql`select count(*)::int as n from coverage_cells where scope = 'all'`),
    );
    expect(seen[0]?.n).toBeGreaterThan(0);
  });

  it('keeps the pending changes, which name unpublished work, from every request', async () => {
    for (const actor of [ANONYMOUS_ACTOR, partner])
      await expect(
        asRequester(database, actor, (tx) => rowsOf(tx, sql`select count(*) from coverage_cells_pending`)),
      ).rejects.toThrow();
  });

  it('refuses requests that write cells directly', async () => {
    await expect(
      asRequester(database, partner, (tx) => rowsOf(tx, sql`delete from coverage_cells`)),
    ).rejects.toThrow();
  });
});
