// Importing publishers' files and querying them, on PGlite and (with TEST_DATABASE_URL) PostgreSQL:
// exact reports, atomic replacement, and the same totals on both engines.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db.js';
import { rowsOf } from '../../src/platform/db.js';
import { demoObservations } from '../../src/statistics/demo.js';
import { CellRegistry } from '../../src/statistics/import/cells.js';
import { openReleaseTable } from '../../src/statistics/import/run-import.js';
import { ObservationWriter } from '../../src/statistics/import/write-observations.js';
import {
  computeShares,
  computeTrends,
  detectedVictimsByCountryAndForm,
  fileFromBuffer,
  type ImportOptions,
  importStatistics,
  listReleases,
  listRevisions,
  parseCsvMapping,
  queryStatistics,
  SharesQuery,
  StatisticsQuery,
  type StatisticsQueryInput,
} from '../../src/statistics/index.js';
import { statisticReleases } from '../../src/statistics/schema.js';
import { TEST_ENGINES, type TestDatabase } from '../support/databases.js';
import { GLOTIP_REPORT_BODY, MAPPED_CSV, MAPPING, sdgCsv, sdgJson } from './fixtures.js';
import { GLOTIP_FIXTURE, type GlotipRow, glotipCsv, glotipXlsx } from './publisher-files.js';

const VICTIMS = 'Detected trafficking victims';

describe.each(TEST_ENGINES)('statistics import and queries on $name', (engine) => {
  let database: TestDatabase;
  let db: Database;
  const run = (options: Omit<ImportOptions, 'source'> & { source?: ImportOptions['source'] }) =>
    importStatistics((work) => db.transaction(work), { source: 'glotip', ...options });
  const query = (input: Partial<StatisticsQueryInput>) =>
    queryStatistics(db, StatisticsQuery.parse({ indicator: VICTIMS, ...input }));
  const csvFile = (rows: (GlotipRow | null)[], name = 'glotip.csv') =>
    fileFromBuffer(name, Buffer.from(glotipCsv(rows)));

  beforeAll(async () => {
    database = await engine.open();
    db = database.db;
  });
  afterAll(() => database?.dispose());

  it('imports the publisher’s CSV with preamble rows, censored values and every dimension, with an exact report', async () => {
    const report = await run({
      file: csvFile(GLOTIP_FIXTURE),
      release: 'GLOTIP 2024',
      publishedOn: '2024-12-11',
    });
    expect(report).toEqual({
      ...GLOTIP_REPORT_BODY,
      release: { id: expect.any(String), label: 'GLOTIP 2024', isReplacement: false },
      file: { name: 'glotip.csv', format: 'csv' },
      isDryRun: false,
      replaced: 0,
      blankRows: 1,
    });
    const [stored] = await rowsOf<{ count: number; censored: number }>(
      db,
      sql`select count(*)::int as count, count(*) filter (where is_censored)::int as censored
          from statistic_observations where release_id = ${report.release.id}`,
    );
    expect(stored).toEqual({ count: 26, censored: 5 });
    const [kept] = await rowsOf<Record<string, unknown>>(
      db,
      sql`select value_lower::int as lower, value_upper::int as upper, value_text as text, sex_code, age_code
          from statistic_observations where release_id = ${report.release.id} and row_no = 9`,
    );
    expect(kept).toEqual({ lower: 0, upper: 4, text: '<5', sex_code: 'male', age_code: 'children' });
  });

  it('reads the same file as XLSX (numbers as numbers, a second sheet ignored) into the same report', async () => {
    const file = fileFromBuffer('glotip.xlsx', await glotipXlsx(GLOTIP_FIXTURE));
    const report = await run({ file, release: 'GLOTIP 2024 (xlsx)', isDryRun: true });
    // Excel keeps no empty rows, so the blank row of the CSV is simply absent.
    expect(report).toEqual({
      ...GLOTIP_REPORT_BODY,
      release: { id: null, label: 'GLOTIP 2024 (xlsx)', isReplacement: false },
      file: { name: 'glotip.xlsx', format: 'xlsx' },
      isDryRun: true,
      replaced: 0,
      blankRows: 0,
    });
  });

  it('writes nothing on a dry run', async () => {
    const before = await listReleases(db);
    const report = await run({ file: csvFile(GLOTIP_FIXTURE), release: 'dry', isDryRun: true });
    expect(report.imported).toBe(26);
    expect(await listReleases(db)).toEqual(before);
  });

  it('sums countries into the world and regions, keeping censored values as bounds', async () => {
    const world = await query({ year: 2020, by: ['sex'] });
    expect(world.rows.map((r) => [r.sex, r.lower, r.upper, r.value, r.isCensored, r.countries])).toEqual([
      ['Female', 80, 84, null, true, 2],
      ['Male', 117, 117, 117, false, 2],
    ]);
    expect(world.figures).toBe('rollup');
    const total = await query({ fromYear: 2020, toYear: 2021 });
    expect(total.rows.map((r) => [r.year, r.lower, r.upper, r.countries])).toEqual([
      [2020, 500, 500, 3],
      [2021, 130, 134, 2],
    ]);
    expect(total.coverage[0]).toMatchObject({ area: '001', year: 2020, reporting: 3 });
    expect(total.coverage[0]?.missing).not.toContain('KEN');
    expect(total.coverage[0]?.missing).toContain('NGA');
  });

  it('groups by any dimension, named as published or by alias, and says which members lack data', async () => {
    const africa = await query({ year: 2020, area: '002', by: ['form'] });
    expect(africa.dimension).toBe('by form of exploitation');
    expect(africa.rows.map((r) => [r.category, r.categoryCode, r.lower, r.upper])).toEqual([
      ['Baby selling', null, 0, 4],
      ['Forced labour', 'forced_labour', 52, 52],
      ['Sexual exploitation', 'sexual_exploitation', 100, 100],
    ]);
    const coverage = africa.coverage[0];
    expect(coverage).toMatchObject({ area: '002', year: 2020, reporting: 2 });
    expect(coverage?.members).toBe((coverage?.missing.length ?? 0) + 2);
    const kenya = await query({ area: 'KEN', year: 2020, by: ['by citizenship'] });
    expect(kenya.rows.map((r) => [r.category, r.categoryCode, r.lower, r.upper])).toEqual([
      ['Kenya', 'KEN', 100, 100],
      ['Other countries', null, 17, 17],
      ['Somalia', 'SOM', 0, 4],
    ]);
    const ages = await query({ area: 'KEN', year: 2020, by: ['sex', 'age'] });
    expect(ages.rows.map((r) => [r.sex, r.age, r.lower, r.upper])).toEqual([
      ['Female', 'Adult', 50, 50],
      ['Female', 'Minor', 30, 30],
      ['Male', 'Adult', 36, 36],
      ['Male', 'Minor', 0, 4],
    ]);
    const published = await query({ area: '002', year: 2020, figures: 'published' });
    expect(published.rows.map((r) => [r.area, r.lower])).toEqual([['002', 1000]]);
  });

  it('refuses an unknown dimension, overlapping areas and an unknown indicator with reasons', async () => {
    await expect(query({ by: ['colour'] })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(query({ area: ['002', '001'] })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(query({ indicator: 'Unicorns seen' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('gives shares over the countries that report the breakdown, and trends as intervals', async () => {
    const kenya = await computeShares(
      db,
      SharesQuery.parse({ indicator: VICTIMS, area: 'KEN', year: 2020, of: 'sex' }),
    );
    expect(kenya.rows.map((r) => [r.sex, r.shareValue, r.denominator])).toEqual([
      ['Female', 0.666666667, 'published_total'],
      ['Male', 0.333333333, 'published_total'],
    ]);
    const world = await computeShares(db, SharesQuery.parse({ indicator: VICTIMS, year: 2020, of: 'sex' }));
    expect(world.rows.map((r) => [r.sex, r.part, r.total, r.share])).toEqual([
      ['Female', { lower: 80, upper: 84 }, { lower: 200, upper: 200 }, { lower: 0.4, upper: 0.42 }],
      ['Male', { lower: 117, upper: 117 }, { lower: 200, upper: 200 }, { lower: 0.585, upper: 0.585 }],
    ]);
    const trend = await computeTrends(db, StatisticsQuery.parse({ indicator: VICTIMS, area: 'UGA' }));
    expect(trend.rows.map((r) => [r.year, r.change])).toEqual([
      [2020, null],
      [2021, { lower: -80, upper: -76 }],
    ]);
  });

  it('replaces a release atomically on re-import, and lists the revisions between releases', async () => {
    const [first] = await listReleases(db, { source: 'glotip' });
    const revised = GLOTIP_FIXTURE.map((row) => (row?.iso3 === 'THA' ? null : row));
    revised[0] = { iso3: 'KEN', country: 'Kenya', indicator: VICTIMS, year: 2020, value: '125' };
    revised.push({ iso3: 'NGA', country: 'Nigeria', indicator: VICTIMS, year: 2020, value: '<5' });
    const second = await run({ file: csvFile(revised, 'glotip-2025.csv'), publishedOn: '2025-12-01' });
    expect(second.release.label).toBe('glotip-2025');
    const changes = await listRevisions(db, {
      from: first?.id ?? '',
      to: second.release.id ?? '',
      limit: 10,
    });
    expect(changes.counts).toEqual({ revised: 1, added: 1, removed: 1, unchanged: 24 });
    expect(
      changes.changes.map((c) => [c.change, c.area, c.before?.text ?? null, c.after?.text ?? null]),
    ).toEqual([
      ['revised', 'KEN', '120', '125'],
      ['added', 'NGA', null, '<5'],
      ['removed', 'THA', '300', null],
    ]);
    // The newest release is now the default.
    expect((await query({ year: 2020 })).release.label).toBe('glotip-2025');

    const again = await run({ file: csvFile(GLOTIP_FIXTURE, 'glotip-2025.csv'), publishedOn: '2025-12-01' });
    expect(again.release).toEqual({ id: second.release.id, label: 'glotip-2025', isReplacement: true });
    expect(again.replaced).toBe(26);
    expect((await query({ year: 2020 })).rows[0]).toMatchObject({ lower: 500, upper: 500 });

    const broken = fileFromBuffer('glotip-2025.csv', Buffer.from('no,header,here\n1,2,3\n'));
    await expect(run({ file: broken, publishedOn: '2025-12-01' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    expect((await query({ year: 2020 })).rows[0]).toMatchObject({ lower: 500, upper: 500 });
  });

  it('keeps each release’s cells under its observations’ numbers, replaced with the release', async () => {
    // Queries look their cells up here before the observations' (iso3, cell_id) index: a cell missing or
    // numbered otherwise would lose figures.
    const cellsOfRows = sql`select distinct release_id, cell_id, indicator, unit, year, sex, age, dimension, category
        from statistic_observations`;
    const cells = sql`select release_id, cell_id, indicator, unit, year, sex, age, dimension, category
        from statistic_cells`;
    const [counts] = await rowsOf<{ rows: number; cells: number }>(
      db,
      sql`select (select count(*) from (${cellsOfRows}) r)::int as rows, (select count(*) from statistic_cells)::int as cells`,
    );
    expect(counts?.rows).toBeGreaterThan(0);
    expect(counts?.cells).toBe(counts?.rows);
    const unmatched = await rowsOf(db, sql`(${cellsOfRows}) except (${cells})`);
    expect(unmatched).toEqual([]);
    const kenya = await query({ area: ['KEN'], year: 2020 });
    const africa = await query({ area: ['002'], by: ['country'], year: 2020 });
    expect(africa.rows.find((row) => row.area === 'KEN')).toEqual(kenya.rows[0]);
  });

  it('gives the coverage analysis detected victims by country and form, mapped to our codes', async () => {
    const rows = await detectedVictimsByCountryAndForm(db, { fromYear: 2020, toYear: 2020 });
    expect(rows.map(({ releaseId: _r, ...row }) => row)).toEqual([
      { iso3: 'KEN', form: 'forced_labour', category: 'Forced labour', year: 2020, lower: 52, upper: 52 },
      {
        iso3: 'KEN',
        form: 'sexual_exploitation',
        category: 'Sexual exploitation',
        year: 2020,
        lower: 60,
        upper: 60,
      },
      { iso3: 'KEN', form: null, category: 'Baby selling', year: 2020, lower: 0, upper: 4 },
      {
        iso3: 'UGA',
        form: 'sexual_exploitation',
        category: 'Sexual exploitation',
        year: 2020,
        lower: 40,
        upper: 40,
      },
    ]);
    expect(
      await detectedVictimsByCountryAndForm(db, { fromYear: 2020, toYear: 2020, iso3: 'UGA' }),
    ).toHaveLength(1);
  });

  it('imports the SDG 16.2.2 series from CSV and JSON alike, forms as a breakdown, M49 codes as areas', async () => {
    const fromCsv = await run({
      source: 'sdg',
      file: fileFromBuffer('VC_HTF.csv', Buffer.from(sdgCsv())),
      release: 'SDG 2025',
    });
    const fromJson = await run({
      source: 'sdg',
      file: fileFromBuffer('VC_HTF.json', Buffer.from(sdgJson())),
      release: 'SDG 2025 json',
      isDryRun: true,
    });
    expect(fromCsv.rejections).toEqual([
      {
        row: 8,
        column: 'GeoAreaCode',
        value: '513',
        reason: 'area 513 (Europe and Northern America) is neither a country nor an M49 geographic area',
      },
    ]);
    expect(
      fromCsv.indicators.map((i) => [i.indicator, i.observations, i.censored, i.countries, i.areas]),
    ).toEqual([
      ['A series this importer has never seen (number)', 1, 0, 1, 0],
      ['Detected victims of human trafficking', 6, 1, 1, 1],
    ]);
    const { release: _a, file: _b, isDryRun: _c, rejections: csvRejections, ...csvRest } = fromCsv;
    const { release: _d, file: _e, isDryRun: _f, rejections: jsonRejections, ...jsonRest } = fromJson;
    expect({ ...jsonRest, headerRow: 1, preambleRows: 0 }).toEqual(csvRest);
    expect(jsonRejections.map((r) => r.row + 1)).toEqual(csvRejections.map((r) => r.row));
    const forms = await queryStatistics(
      db,
      StatisticsQuery.parse({
        indicator: 'Detected victims of human trafficking',
        area: 'KEN',
        by: ['form'],
      }),
    );
    expect(forms.rows.map((r) => [r.category, r.categoryCode, r.lower, r.upper])).toEqual([
      ['Forced labour, servitude and slavery', 'forced_labour', 0, 4],
      ['Sexual exploitation', 'sexual_exploitation', 70, 70],
    ]);
    const sexes = await queryStatistics(
      db,
      StatisticsQuery.parse({ indicator: 'Detected victims of human trafficking', area: 'KEN', by: ['sex'] }),
    );
    expect(sexes.rows.map((r) => [r.sex, r.sexCode, r.lower])).toEqual([['FEMALE', 'female', 90]]);
  });

  it('removes a release’s roll-ups with the release', async () => {
    const report = await run({ file: csvFile(GLOTIP_FIXTURE), release: 'GLOTIP to delete' });
    const rollupsOf = async () =>
      (
        await rowsOf<{ count: number }>(
          db,
          sql`select count(*)::int as count from statistic_rollups where release_id = ${report.release.id}`,
        )
      )[0]?.count;
    expect(await rollupsOf()).toBeGreaterThan(0);
    await db.execute(sql`delete from statistic_releases where id = ${report.release.id}`);
    expect(await rollupsOf()).toBe(0);
  });

  it('swaps a re-imported release’s roll-ups for the new ones, one partition per release', async () => {
    const importAs = (rows: (GlotipRow | null)[]) => run({ file: csvFile(rows), release: 'GLOTIP roll-ups' });
    const first = await importAs(GLOTIP_FIXTURE);
    const rollupsOf = async () =>
      (
        await rowsOf<{ n: number; lower: string; tables: number }>(
          db,
          sql`select count(*)::int as n, coalesce(sum(value_lower), 0)::text as lower,
                (select count(*)::int from pg_inherits i join pg_class c on c.oid = i.inhrelid
                  where i.inhparent = 'statistic_rollups'::regclass
                    and c.relname like ${`statistic_rollups_${first.release.id?.replaceAll('-', '')}%`}) as tables
              from statistic_rollups where release_id = ${first.release.id}`,
        )
      )[0];
    const before = await rollupsOf();
    expect(before?.n).toBeGreaterThan(0);
    expect(before?.tables).toBe(1);
    // Without Kenya's rows, the world and Eastern Africa lose Kenya's figures; twice, to use both names.
    const withoutKenya = GLOTIP_FIXTURE.map((row) => (row?.iso3 === 'KEN' ? null : row));
    await importAs(withoutKenya);
    const after = await importAs(withoutKenya);
    expect(after.release.id).toBe(first.release.id);
    const swapped = await rollupsOf();
    expect(swapped?.tables).toBe(1);
    expect(Number(swapped?.lower)).toBeLessThan(Number(before?.lower));
    await importAs(GLOTIP_FIXTURE);
    expect(await rollupsOf()).toEqual(before);
  });

  it('abandons a half-sent load so that the transaction can still roll back', async () => {
    const outcome = db.transaction(async (tx) => {
      const [release] = await tx
        .insert(statisticReleases)
        .values({ source: 'abort', label: 'abort', publisher: 'test' })
        .returning();
      const table = await openReleaseTable(tx, release?.id ?? '');
      const cells = new CellRegistry();
      const writer = new ObservationWriter(tx, table, release?.id ?? '', cells, 1);
      const row = demoObservations()[0];
      if (!row) throw new Error('no demo row');
      await writer.add(row, cells.register(row).cellId);
      await writer.add({ ...row, rowNo: 2 }, cells.register(row).cellId);
      // Without the abort, the open COPY would hold the connection and the rollback below would hang.
      await writer.abort();
      throw new Error('the file broke half-way');
    });
    await expect(outcome).rejects.toThrow('the file broke half-way');
    expect((await listReleases(db)).some((r) => r.source === 'abort')).toBe(false);
    expect(await rowsOf(db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });

  it('imports any long CSV through a mapping file, combining breakdowns it cannot separate', async () => {
    const report = await run({
      source: 'csv',
      mapping: parseCsvMapping(MAPPING),
      file: fileFromBuffer('kenya.csv', Buffer.from(MAPPED_CSV)),
    });
    expect(report.source).toBe('ministry-kenya');
    expect(report.imported).toBe(3);
    expect(report.rejections).toEqual([
      { row: 5, column: 'country_name', value: 'Atlantis', reason: 'unknown country or area "Atlantis"' },
    ]);
    expect(report.dimensions.map((d) => [d.name, d.kind, d.observations])).toEqual([
      ['sex', 'sex', 2],
      ['Citizenship', 'citizenship', 1],
      ['Form of exploitation', 'form_of_exploitation', 1],
      ['Form of exploitation × Citizenship', 'other', 1],
    ]);
    expect(() => parseCsvMapping({ source: 'Bad Name', columns: {} })).toThrow(
      'The mapping file is not valid.',
    );
  });
});
