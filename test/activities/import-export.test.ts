// Import and export on both databases: dry runs, all-or-nothing, idempotence and round trips through every format.
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportActivities } from '../../src/activities/export/write-export.js';
import { ImportRejected, importActivities } from '../../src/activities/import/run-import.js';
import { activities, activityVersions } from '../../src/activities/schema.js';
import type { ImportFormat, ImportReport } from '../../src/activities/schemas.js';
import { TEST_ENGINES, type TestDatabase } from '../support/databases.js';
import {
  CSV_WITH_ERRORS,
  CSV_WITH_HXL,
  CSV_WITHOUT_HXL,
  FOREIGN_IATI,
  GOOD_ROWS,
  HXL_ONLY,
  registerTestPartners,
} from './fixtures.js';

const AT = new Date('2026-03-01T12:00:00Z');

async function runImport(db: TestDatabase, body: string | Buffer, format: ImportFormat, dryRun = false) {
  try {
    return await db.db.transaction((tx) =>
      importActivities(tx, Readable.from([body]), {
        format,
        dryRun,
        mayWrite: () => true,
        context: { userId: null, via: 'test', at: AT },
      }),
    );
  } catch (error) {
    if (error instanceof ImportRejected) return error.report;
    throw error;
  }
}

async function runExport(db: TestDatabase, format: ImportFormat): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  const finished = new Promise((resolve) => out.on('finish', resolve));
  await db.db.transaction((tx) => exportActivities(tx, {}, format, out, { now: AT }));
  await finished;
  return Buffer.concat(chunks);
}

const counts = (report: ImportReport) => ({
  created: report.created,
  updated: report.updated,
  unchanged: report.unchanged,
  problems: report.problemCount,
});

describe.each(TEST_ENGINES)('activity import and export on $name', (engine) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await engine.open();
    await registerTestPartners(db.db);
  });
  afterAll(() => db?.dispose());

  it('lists every problem of a dry run by row and column, and writes nothing', async () => {
    const report = await runImport(db, CSV_WITH_ERRORS, 'csv', true);
    expect(report.committed).toBe(false);
    const where = report.problems.map((p) => `${p.row}:${p.column}`);
    expect(where).toEqual(
      expect.arrayContaining([
        '3:activity_type',
        '3:planned_start',
        '4:lead_organisation',
        '5:identifier',
        '5:destination_countries',
      ]),
    );
    expect(report.problems.find((p) => p.column === 'activity_type')?.message).toContain(
      '"shelterz" is not a code',
    );
    expect(await db.db.$count(activities)).toBe(0);
  });

  it('writes nothing from a real run when any row has a problem', async () => {
    const report = await runImport(db, CSV_WITH_ERRORS, 'csv');
    expect(report).toMatchObject({ committed: false, dryRun: false });
    expect(await db.db.$count(activities)).toBe(0);
    expect(await db.db.$count(activityVersions)).toBe(0);
  });

  it('imports a file with an HXL row in one go, and importing it again creates no duplicate', async () => {
    const first = await runImport(db, CSV_WITH_HXL, 'csv');
    expect(first).toMatchObject({ committed: true, hasHxlRow: true, rows: 3 });
    expect(counts(first)).toEqual({ created: 3, updated: 0, unchanged: 0, problems: 0 });
    expect(first.warnings.map((w) => w.message)).toContain(
      '"Example Fund" is not in the registry; kept by name only',
    );
    const again = await runImport(db, CSV_WITH_HXL, 'csv');
    expect(counts(again)).toEqual({ created: 0, updated: 0, unchanged: 3, problems: 0 });
    expect(await db.db.$count(activities)).toBe(3);
    expect(await db.db.$count(activityVersions)).toBe(3);
  });

  it('reads the same file without the HXL row, or with hashtags only, as the same records', async () => {
    expect(counts(await runImport(db, CSV_WITHOUT_HXL, 'csv'))).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
      problems: 0,
    });
    const hashtags = await runImport(db, HXL_ONLY, 'hxl');
    expect(hashtags.hasHxlRow).toBe(true);
    expect(counts(hashtags)).toEqual({ created: 0, updated: 0, unchanged: 3, problems: 0 });
  });

  it('reads every field of a row', async () => {
    const [row] = await db.db.select().from(activities).where(eqIdentifier('T-001'));
    expect(row).toMatchObject({
      title: 'Shelter for women',
      description: 'Beds, meals and counselling',
      pillar: 'protection',
      forms: ['sexual_exploitation'],
      targetGroups: ['women', 'girls'],
      chainStage: 'demand',
      countries: [
        { iso3: 'UGA', role: 'origin', places: [] },
        { iso3: 'KEN', role: 'destination', places: ['Nairobi', 'Kisumu'] },
      ],
      budgetAmount: 120000.5,
      budgetCurrency: 'USD',
      funderName: 'Example Fund',
      peopleReached: { female_children: 12, female_adults: 40 },
      reachedTotal: 52,
      genderMarker: 'principal',
      reportedOn: '2026-02-01',
      isPublished: true,
    });
    expect(row?.participants.map((p) => [p.name, p.role, p.organisationId === null])).toEqual([
      ['Example Fund', 'funding', true],
      ['Beta Legal Aid', 'implementing', false],
    ]);
  });

  it.each(['csv', 'hxl', 'xlsx', 'iati'] as const)(
    'round-trips through %s without changing anything',
    async (format) => {
      const before = (await runExport(db, 'csv')).toString('utf8');
      const file = await runExport(db, format);
      const report = await runImport(db, file, format);
      expect(report.problems).toEqual([]);
      expect(counts(report)).toEqual({ created: 0, updated: 0, unchanged: 3, problems: 0 });
      expect((await runExport(db, 'csv')).toString('utf8')).toBe(before);
    },
  );

  it('exports the rows it imported, field for field', async () => {
    const csv = (await runExport(db, 'csv')).toString('utf8');
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(
      'T-001,Shelter for women,"Beds, meals and counselling",Alpha Shelter Network,Example Fund',
    );
    expect(lines[1]).toContain('KEN:Nairobi|Kisumu');
    expect(GOOD_ROWS).toHaveLength(3);
  });

  it('updates a changed row on re-import and keeps the earlier version', async () => {
    const changed = CSV_WITH_HXL.replace('Legal aid clinic', 'Legal aid clinic (extended)');
    expect(counts(await runImport(db, changed, 'csv'))).toEqual({
      created: 0,
      updated: 1,
      unchanged: 2,
      problems: 0,
    });
    const [row] = await db.db.select().from(activities).where(eqIdentifier('T-002'));
    expect(row).toMatchObject({ title: 'Legal aid clinic (extended)', version: 2 });
    const versions = await db.db.select().from(activityVersions).where(eqActivity(row!.id));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
  });

  it('reads IATI files from other publishers: roles, status, dates, countries, budget, and sector hints', async () => {
    const dry = await runImport(db, FOREIGN_IATI, 'iati', true);
    expect(dry.rows).toBe(2);
    expect(dry.problems.map((p) => `${p.row}:${p.column}`)).toEqual(
      expect.arrayContaining(['2:reporting-org', '2:recipient-country[1]/@code']),
    );
    const good = FOREIGN_IATI.replace(/<iati-activity>[\s\S]*?<\/iati-activity>\n/, '');
    const report = await runImport(db, good, 'iati');
    expect(counts(report)).toEqual({ created: 1, updated: 0, unchanged: 0, problems: 0 });
    expect(report.warnings.map((w) => w.message).join(' ')).toContain('assumed for the protection pillar');
    const [row] = await db.db.select().from(activities).where(eqIdentifier('XM-EXAMPLE-001'));
    expect(row).toMatchObject({
      title: 'Ending violence against girls',
      pillar: 'protection',
      activityType: 'identification',
      targetGroups: ['women', 'girls'],
      forms: ['forced_labour'],
      status: 'implementation',
      plannedStart: '2026-01-01',
      plannedEnd: '2026-12-31',
      countryCodes: ['KEN'],
      budgetAmount: 50000,
      budgetCurrency: 'EUR',
      funderName: 'Example Fund',
      genderMarker: 'principal',
    });
    expect(row?.participants.map((p) => [p.name, p.role, p.ref])).toEqual([
      ['Example Fund', 'funding', 'XM-FUND'],
      ['Beta Legal Aid', 'implementing', null],
    ]);
  });
});

import { eq } from 'drizzle-orm';

function eqIdentifier(identifier: string) {
  return eq(activities.identifier, identifier);
}
function eqActivity(id: string) {
  return eq(activityVersions.activityId, id);
}
