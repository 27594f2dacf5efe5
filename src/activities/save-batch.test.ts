// The import's set-based batch writer on both engines: stored rows, version rows and refusal of stale batches.
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_WITHOUT_HXL, registerTestPartners } from '../../test/activities/fixtures.js';
import { TEST_ENGINES, type TestDatabase } from '../../test/support/databases.js';
import { rowsOf } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { importActivities } from './import/run-import.js';
import { activityView, valuesOf } from './record.js';
import { findByIdentifiers, SNAPSHOT, saveBatch } from './save-batch.js';
import { activities, activityVersions } from './schema.js';
import { ActivityInput } from './schemas.js';
import { getActivity, listActivityVersions, updateActivity } from './store.js';

const FIRST = new Date('2026-03-01T12:00:00Z');
const SECOND = new Date('2026-04-01T12:00:00Z');

function valuesFor(identifier: string, title: string, lead: string) {
  const input = ActivityInput.parse({
    identifier,
    title,
    leadOrganisationId: lead,
    activityType: 'shelter',
    targetGroups: ['women'],
    countries: [{ iso3: 'KEN', role: 'destination', places: ['Nairobi'] }],
    status: 'implementation',
    plannedStart: '2026-01-01',
    budget: { amount: 1200.5, currency: 'USD', funder: 'Example Fund' },
    peopleReached: { female_adults: 40 },
  });
  return valuesOf({ ...input, identifier }, new Map());
}

/** Activities whose snapshots test every rule of firstSnapshot: rounding, padding, escapes, absent values. */
function oddValues(lead: string) {
  const texts = [
    'Quote " and backslash \\ here',
    'Tab\tand\nline',
    'Ünïcödé ✓ 日本 😀',
    'Lone \ud800 surrogate',
    '\\N',
  ];
  const amounts = [1.005, 0.1 + 0.2, 99_999_999_999_999.98, 1e15, 0, 1e-7, 1200.5, 2.675, 123_456_789.125];
  return amounts.map((amount, i) => {
    const input = ActivityInput.parse({
      identifier: `ODD-${i}`,
      title: `Odd ${i}`,
      description: i % 2 === 0 ? null : texts[(i + 1) % texts.length],
      leadOrganisationId: lead,
      participants: [
        { organisationId: lead, name: 'Alpha', role: 'implementing' },
        { name: 'Outside the registry', role: 'funding', ref: 'XM-1' },
      ],
      activityType: i === 3 ? null : 'shelter',
      classificationHints:
        i === 3 ? [{ source: 'sector 15180', isTraffickingSignal: false, pillar: 'protection' }] : [],
      forms: ['forced_labour', 'sexual_exploitation'],
      targetGroups: i % 3 === 0 ? [] : ['women'],
      chainStage: i % 2 === 0 ? 'demand' : null,
      countries: [
        { iso3: 'KEN', role: 'destination', places: ['Nairobi', 'Ünïcödé'] },
        { iso3: 'UGA', role: 'origin', places: [], percentage: 12.5 },
      ],
      recipientRegions:
        i === 2 ? [{ code: '298', vocabulary: '1', vocabularyUri: null, percentage: 40 }] : [],
      narratives:
        i === 2
          ? { title: [{ lang: 'fr', text: 'Titre' }], description: [{ lang: null, text: 'x', type: '1' }] }
          : {},
      plannedStart: '2026-01-01',
      plannedEnd: i % 2 === 0 ? '2026-12-31' : null,
      actualStart: i === 4 ? '0999-02-28' : null,
      status: 'implementation',
      budget: { amount, currency: i % 2 === 0 ? 'USD' : 'EUR', funder: i % 2 === 0 ? null : 'Example Fund' },
      peopleTargeted: i % 2 === 0 ? {} : { female_children: 3, male_adults: 0 },
      peopleReached: { female_adults: 40 + i },
      genderMarker: i % 2 === 0 ? 'significant' : null,
      provenance: { source: 'Report', reportedBy: null, reportedOn: '2026-02-01' },
      isPublished: i % 2 === 0,
    });
    const values = valuesOf({ ...input, identifier: `ODD-${i}` }, new Map([[lead, 'Alpha']]));
    // Text the API would refuse reaches the writer from other paths; it must come back as stored all the same.
    const odd = texts[i % texts.length] as string;
    return {
      ...values,
      title: odd,
      source: odd,
      funderName: values.funderName && odd,
      identifier: `ODD-${i}`,
    };
  });
}

describe.each(TEST_ENGINES)('the activity batch writer on $name', (engine) => {
  let db: TestDatabase;
  let lead: string;

  beforeAll(async () => {
    db = await engine.open();
    lead = (await registerTestPartners(db.db)).alpha;
  });
  afterAll(() => db?.dispose());

  it('stores new and changed activities with one version each whose snapshot is the stored activity', async () => {
    const context = (at: Date) => ({ userId: null, via: 'test', at });
    const first = [valuesFor('B-1', 'Shelter', lead), valuesFor('B-2', 'Hotline', lead)];
    const created = await db.db.transaction(async (tx) =>
      saveBatch(tx, first, await findByIdentifiers(tx, ['B-1', 'B-2']), context(FIRST)),
    );
    expect(created).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const second = [
      valuesFor('B-1', 'Shelter and counselling', lead),
      first[1]!,
      valuesFor('B-3', 'Clinic', lead),
    ];
    const saved = await db.db.transaction(async (tx) =>
      saveBatch(tx, second, await findByIdentifiers(tx, ['B-1', 'B-2', 'B-3']), context(SECOND)),
    );
    expect(saved).toEqual({ created: 1, updated: 1, unchanged: 1 });

    const stored = await findByIdentifiers(db.db, ['B-1', 'B-2', 'B-3']);
    const changed = stored.get('B-1')!;
    expect(changed).toMatchObject({
      title: 'Shelter and counselling',
      version: 2,
      createdAt: FIRST,
      updatedAt: SECOND,
    });
    expect(stored.get('B-2')).toMatchObject({ version: 1, updatedAt: FIRST });
    const versions = await listActivityVersions(db.db, changed.id, { isSignedIn: true });
    expect(versions.map((v) => [v.version, v.change])).toEqual([
      [2, 'updated'],
      [1, 'created'],
    ]);
    expect(versions[0]?.snapshot).toEqual(activityView(await getActivity(db.db, changed.id)));
    expect(await db.db.$count(activityVersions)).toBe(4);
  });

  it('refuses a batch read before someone else changed one of its activities, and writes none of it', async () => {
    const before = await db.db.$count(activityVersions);
    const attempt = db.db.transaction(async (tx) => {
      const existing = await findByIdentifiers(tx, ['B-2', 'B-4']);
      const b2 = existing.get('B-2')!;
      // Another writer's change between the read and the write.
      await updateActivity(
        tx,
        b2.id,
        { title: 'Hotline, renamed by hand' },
        { userId: null, via: 'api', at: SECOND },
      );
      await saveBatch(
        tx,
        [valuesFor('B-4', 'New one', lead), valuesFor('B-2', 'Hotline from the file', lead)],
        existing,
        { userId: null, via: 'test', at: SECOND },
      );
    });
    await expect(attempt).rejects.toSatisfy(
      (error) => error instanceof AppError && error.code === 'conflict',
    );
    expect((await findByIdentifiers(db.db, ['B-2'])).get('B-2')).toMatchObject({
      title: 'Hotline',
      version: 1,
    });
    expect(await db.db.$count(activities)).toBe(3);
    expect(await db.db.$count(activityVersions)).toBe(before);
  });

  it('refuses a batch whose new identifier someone created since it was looked up, and writes none of it', async () => {
    const before = await db.db.$count(activityVersions);
    const attempt = db.db.transaction(async (tx) => {
      const existing = await findByIdentifiers(tx, ['B-5', 'B-6']);
      // Another writer creates B-6 between the look-up and the write.
      await saveBatch(tx, [valuesFor('B-6', 'Created by hand', lead)], new Map(), {
        userId: null,
        via: 'api',
        at: SECOND,
      });
      await saveBatch(
        tx,
        [valuesFor('B-5', 'New one', lead), valuesFor('B-6', 'From the file', lead)],
        existing,
        { userId: null, via: 'test', at: SECOND },
      );
    });
    await expect(attempt).rejects.toSatisfy(
      (error) => error instanceof AppError && error.code === 'conflict',
    );
    expect(await findByIdentifiers(db.db, ['B-5', 'B-6'])).toEqual(new Map());
    expect(await db.db.$count(activityVersions)).toBe(before);
  });

  it('imports a file batch by batch, one written while the next is read, with every activity and version', async () => {
    const options = (batchSize: number) => ({
      format: 'csv' as const,
      dryRun: false,
      mayWrite: () => true,
      context: { userId: null, via: 'test', at: FIRST },
      batchSize,
    });
    const before = await db.db.$count(activityVersions);
    const report = await db.db.transaction((tx) =>
      importActivities(tx, Readable.from([CSV_WITHOUT_HXL]), options(1)),
    );
    expect(report).toMatchObject({ committed: true, created: 3, updated: 0, unchanged: 0 });
    expect(await db.db.$count(activityVersions)).toBe(before + 3);
    const stored = await findByIdentifiers(db.db, ['T-001', 'T-002', 'T-003']);
    expect([...stored.values()].map((row) => row.version)).toEqual([1, 1, 1]);
    const again = await db.db.transaction((tx) =>
      importActivities(tx, Readable.from([CSV_WITHOUT_HXL]), options(2)),
    );
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('writes a new activity’s first snapshot exactly as the database builds one from the stored row', async () => {
    const batch = oddValues(lead);
    await db.db.transaction(async (tx) =>
      saveBatch(tx, batch, new Map(), { userId: null, via: 'test', at: FIRST }),
    );
    const rows = await rowsOf<{ identifier: string; same: boolean; staged: string; built: string }>(
      db.db,
      sql.raw(`select w.identifier, v.snapshot::text = (${SNAPSHOT})::text as same, v.snapshot::text as staged,
          (${SNAPSHOT})::text as built
        from activities w join activity_versions v on v.activity_id = w.id and v.version = 1
        where w.identifier like 'ODD-%' order by w.identifier`),
    );
    expect(rows).toHaveLength(batch.length);
    for (const row of rows) expect(row.staged, row.identifier).toBe(row.built);
    expect(rows.every((row) => row.same)).toBe(true);
    for (const values of batch) {
      const stored = (await findByIdentifiers(db.db, [values.identifier])).get(values.identifier)!;
      const [version] = await listActivityVersions(db.db, stored.id, { isSignedIn: true });
      expect(version?.snapshot).toEqual(activityView(stored));
    }
  });
});
