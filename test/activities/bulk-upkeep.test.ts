// A bulk import leaves the database as saving the same activities one by one does: the same activities and
// first versions, the same coverage cells, and a data version raised by each committed write and by nothing else.
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importActivities } from '../../src/activities/index.js';
import { activityView, inputOf } from '../../src/activities/record.js';
import { activities } from '../../src/activities/schema.js';
import { createActivity, listActivityVersions } from '../../src/activities/store.js';
import { coordinationMechanisms, organisations } from '../../src/partners/schema.js';
import { rowsOf } from '../../src/platform/db.js';
import { TEST_ENGINES, type TestDatabase } from '../support/databases.js';
import { CSV_WITHOUT_HXL, registerTestPartners } from './fixtures.js';

const AT = new Date('2026-03-01T12:00:00Z');
const context = { userId: null, via: 'test', at: AT };

/** Each table of cells, organisations named instead of ids (they differ between the two databases). */
async function cellsOf(db: TestDatabase) {
  await rowsOf(db.db, sql`select coverage_cells_catch_up()`);
  const cells = await rowsOf(
    db.db,
    sql`select scope, iso3, pillar, activity_type, target_group, form, activities, organisations,
          reached_activities, reached::text, budgeted_activities
        from coverage_cells where activities <> 0 order by 1, 2, 3, 4, 5, 6`,
  );
  const members = await rowsOf(
    db.db,
    sql`select c.scope, c.iso3, c.pillar, c.activity_type, c.target_group, c.form, o.name, c.activities
        from coverage_cell_organisations c join organisations o on o.id = c.organisation_id
        where c.activities <> 0 order by 1, 2, 3, 4, 5, 6, 7`,
  );
  const budgets = await rowsOf(
    db.db,
    sql`select scope, iso3, pillar, activity_type, target_group, form, currency, activities, amount::text
        from coverage_cell_budgets where activities <> 0 order by 1, 2, 3, 4, 5, 6, 7`,
  );
  return { cells, members, budgets };
}

/** Each coverage slot by country and identifier, and each activity's countries as its row lists them. */
async function slotsOf(db: TestDatabase) {
  const slots = await rowsOf(
    db.db,
    sql`select s.iso3, a.identifier, s.is_published from coverage_slots s join activities a on a.id = s.activity_id
        order by 1, 2`,
  );
  const countries = await rowsOf(
    db.db,
    sql`select distinct c.iso3, a.identifier, a.is_published from activities a cross join unnest(a.country_codes) c(iso3)
        order by 1, 2`,
  );
  return { slots, countries };
}

/** The stored activities and their first versions, without what differs by database (ids, organisations' ids). */
async function activitiesOf(db: TestDatabase) {
  const names = new Map(
    [
      ...(await db.db.select().from(organisations)),
      ...(await db.db.select().from(coordinationMechanisms)),
    ].map((o) => [o.id, o.name]),
  );
  const rows = await db.db.select().from(activities).orderBy(activities.identifier);
  const comparable = (view: Record<string, unknown>) =>
    JSON.parse(
      JSON.stringify(view, (key, value) =>
        key === 'id' ? undefined : typeof value === 'string' && names.has(value) ? names.get(value) : value,
      ),
    );
  return Promise.all(
    rows.map(async (row) => {
      const versions = await listActivityVersions(db.db, row.id, { isSignedIn: true });
      return {
        activity: comparable(activityView(row)),
        versions: versions.map((v) => ({
          version: v.version,
          change: v.change,
          snapshot: comparable(v.snapshot),
        })),
      };
    }),
  );
}

describe.each(TEST_ENGINES)('a bulk import against saves one by one on $name', (engine) => {
  let bulk: TestDatabase;
  let single: TestDatabase;

  beforeAll(async () => {
    [bulk, single] = await Promise.all([engine.open(), engine.open()]);
    await registerTestPartners(bulk.db);
    await registerTestPartners(single.db);
  });
  afterAll(async () => {
    await bulk?.dispose();
    await single?.dispose();
  });

  it('stores the same activities, first versions and coverage cells, and raises the data version once', async () => {
    const before = await bulk.readDataVersion();
    const report = await bulk.db.transaction((tx) =>
      importActivities(tx, Readable.from([CSV_WITHOUT_HXL]), {
        format: 'csv',
        dryRun: false,
        mayWrite: () => true,
        context,
        // One row per batch: the third is written from the buffer the first was, as in a long import.
        batchSize: 1,
      }),
    );
    expect(report).toMatchObject({ committed: true, created: 3 });
    expect(BigInt(await bulk.readDataVersion())).toBe(BigInt(before) + 1n);

    // The same activities saved one by one, each in its own transaction, led by the same organisations.
    const namesOf = async (db: TestDatabase) => [
      ...(await db.db.select().from(organisations)),
      ...(await db.db.select().from(coordinationMechanisms)),
    ];
    const ids = new Map((await namesOf(single)).map((o) => [o.name, o.id] as [string, string]));
    const names = new Map((await namesOf(bulk)).map((o) => [o.id, o.name]));
    const mapped = (id: string | null) => (id ? (ids.get(names.get(id) ?? '') ?? id) : id);
    for (const row of await bulk.db.select().from(activities).orderBy(activities.identifier)) {
      const input = inputOf(activityView(row));
      await single.db.transaction((tx) =>
        createActivity(
          tx,
          {
            ...input,
            leadOrganisationId: mapped(input.leadOrganisationId) as string,
            coordinationMechanismId: mapped(input.coordinationMechanismId),
            participants: input.participants.map((p) => ({ ...p, organisationId: mapped(p.organisationId) })),
          },
          context,
        ),
      );
    }

    expect(await activitiesOf(bulk)).toEqual(await activitiesOf(single));
    const cells = await cellsOf(bulk);
    expect(cells.cells.length).toBeGreaterThan(0);
    expect(cells).toEqual(await cellsOf(single));
    const slots = await slotsOf(bulk);
    expect(slots.slots).toEqual(slots.countries);
    expect(slots).toEqual(await slotsOf(single));
  });

  it('leaves the data version and the cells alone when a dry run or a refused file writes nothing', async () => {
    const version = await bulk.readDataVersion();
    const cells = await cellsOf(bulk);
    const changed = CSV_WITHOUT_HXL.replace('Shelter for women', 'Shelter for women and girls');
    await bulk.db.transaction((tx) =>
      importActivities(tx, Readable.from([changed]), {
        format: 'csv',
        dryRun: true,
        mayWrite: () => true,
        context,
      }),
    );
    const refused = `${changed}\nT-999,No country,,ASN,,,shelter,,,,,,,,,,,,,,,,,,,,,`;
    await expect(
      bulk.db.transaction((tx) =>
        importActivities(tx, Readable.from([refused]), {
          format: 'csv',
          dryRun: false,
          mayWrite: () => true,
          context,
        }),
      ),
    ).rejects.toThrow(/problems/);
    expect(await bulk.readDataVersion()).toBe(version);
    expect(await cellsOf(bulk)).toEqual(cells);
  });

  it('moves the coverage slots of activities whose countries a later import changes', async () => {
    // T-001 leaves Uganda for Tanzania and becomes unpublished; T-003 gains Kenya as a destination.
    const changed = CSV_WITHOUT_HXL.replace(',UGA,KEN,KEN:Nairobi|Kisumu,', ',TZA,KEN,KEN:Nairobi|Kisumu,')
      .replace('2026-02-01,yes', '2026-02-01,no')
      .replace(',UGA,SAU,UGA:Entebbe,', ',UGA,SAU; KEN,UGA:Entebbe,');
    const report = await bulk.db.transaction((tx) =>
      importActivities(tx, Readable.from([changed]), {
        format: 'csv',
        dryRun: false,
        mayWrite: () => true,
        context,
        batchSize: 2,
      }),
    );
    expect(report).toMatchObject({ committed: true, updated: 2, unchanged: 1 });
    const { slots, countries } = await slotsOf(bulk);
    expect(slots).toEqual(countries);
    expect(slots).toContainEqual({ iso3: 'TZA', identifier: 'T-001', is_published: false });
    expect(slots).not.toContainEqual(expect.objectContaining({ iso3: 'UGA', identifier: 'T-001' }));
    expect(slots).toContainEqual({ iso3: 'KEN', identifier: 'T-003', is_published: false });
  });
});
