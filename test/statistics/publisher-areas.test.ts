// A file in the UNODC layout with UNODC's regional codes, a joint area, a territory without an ISO code,
// age categories and citizenship as free text: every row kept, none rejected, none double-counted.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, rowsOf } from '../../src/platform/db.js';
import {
  fileFromBuffer,
  type ImportReport,
  importStatistics,
  listPublisherAreas,
  queryStatistics,
  StatisticsQuery,
  type StatisticsQueryInput,
} from '../../src/statistics/index.js';
import { TEST_ENGINES, type TestDatabase } from '../support/databases.js';
import { glotipCsv } from './publisher-files.js';
import { PLACES, publisherLayoutRows, REGION_CODES, VICTIMS } from './publisher-layout.js';

const ROWS = publisherLayoutRows();

describe.each(TEST_ENGINES)('publisher areas and terms on $name', (engine) => {
  let database: TestDatabase;
  let db: Database;
  let report: ImportReport;
  const query = (input: Partial<StatisticsQueryInput>) =>
    queryStatistics(db, StatisticsQuery.parse({ indicator: VICTIMS, ...input }));

  beforeAll(async () => {
    database = await engine.open();
    db = database.db;
    report = await importStatistics((work) => db.transaction(work), {
      source: 'glotip',
      file: fileFromBuffer('data_glotip.csv', Buffer.from(glotipCsv(ROWS))),
      release: 'GLOTIP layout',
    });
  });
  afterAll(() => database?.dispose());

  it('imports every row of the file, with no row rejected', async () => {
    expect(report.rejected).toBe(0);
    expect(report.rejections).toEqual([]);
    expect(report.rowsRead).toBe(ROWS.length);
    expect(report.imported).toBe(ROWS.length);
    const [stored] = await rowsOf<{ count: number }>(
      db,
      sql`select count(*)::int as count from statistic_observations where release_id = ${report.release.id}`,
    );
    expect(stored?.count).toBe(ROWS.length);
  });

  it('keeps UNODC’s regional codes, the joint area and Sark as areas the publisher defines', async () => {
    const codes = report.publisherAreas.map((a) => [a.code, a.kind]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ...REGION_CODES.map((code) => [code, 'region']),
        ['ABW+CUW', 'joint'],
        ['SARK', 'territory'],
      ]),
    );
    expect(report.publisherAreas).toHaveLength(REGION_CODES.length + 2);
    const areas = await listPublisherAreas(db, report.release.id as string);
    const southAmerica = areas.find((a) => a.code === 'SAM');
    expect(southAmerica).toMatchObject({ sameAsM49: '005', parentM49: '419' });
    expect(southAmerica?.names.fr).toBe('Amérique du Sud');
    expect(southAmerica?.members).toContain('BRA');
    expect(southAmerica?.members).not.toContain('MEX');
    const joint = areas.find((a) => a.code === 'ABW+CUW');
    expect(joint?.members).toEqual(['ABW', 'CUW']);
    expect(joint?.names.en).toBe('Aruba / Curaçao');
    const sark = areas.find((a) => a.code === 'SARK');
    expect(sark).toMatchObject({ kind: 'territory', members: [], parentM49: '154' });
    expect(sark?.names.fr).toBe('Sercq');
  });

  it('answers a query for a publisher’s area with its own figures, never our sum', async () => {
    const published = ROWS.find((r) => r.iso3 === 'SAM' && r.year === 2020 && !r.sex);
    const answer = await query({ area: 'SAM', year: 2020 });
    expect(answer.figures).toBe('published');
    expect(answer.rows.map((r) => [r.area, r.value])).toEqual([['SAM', Number(published?.value)]]);
    const ours = await query({ area: '005', year: 2020 });
    const brazil = ROWS.find((r) => r.iso3 === 'BRA' && r.year === 2020 && !r.sex && !r.dimension);
    const bolivia = ROWS.find((r) => r.iso3 === 'BOL' && r.year === 2020 && !r.sex && !r.dimension);
    expect(ours.rows.map((r) => r.value)).toEqual([Number(brazil?.value) + Number(bolivia?.value)]);
  });

  it('sums only countries into the world, leaving out the publisher’s areas', async () => {
    const totals = ROWS.filter(
      (r) => r.year === 2019 && !r.sex && !r.age && !r.dimension && r.indicator === VICTIMS,
    );
    const countries = totals.filter((r) => PLACES.some((p) => p.iso3 === r.iso3));
    expect(totals.length).toBeGreaterThan(countries.length);
    const world = await query({ year: 2019 });
    expect(world.rows.map((r) => [r.value, r.countries])).toEqual([
      [countries.reduce((sum, r) => sum + Number(r.value), 0), PLACES.length],
    ]);
  });

  it('maps UNODC’s age categories to children and adults', async () => {
    const ages = await query({ area: 'KEN', year: 2020, by: ['sex', 'age'] });
    expect(ages.rows.map((r) => [r.sex, r.age, r.sexCode, r.ageCode])).toEqual([
      ['Female', '0 to 17 years', 'female', 'children'],
      ['Female', '18 years or over', 'female', 'adults'],
      ['Male', '0 to 17 years', 'male', 'children'],
      ['Male', '18 years or over', 'male', 'adults'],
      ['Unknown', 'Unknown', 'other_unknown', 'unknown_age'],
    ]);
    const age = report.dimensions.find((d) => d.name === 'age');
    expect(age?.unmapped).toEqual([]);
  });

  it('matches citizenship and repatriation written as names to countries, and lists the rest as kept as published', async () => {
    const citizenship = await query({ area: 'KEN', year: 2020, by: ['by citizenship'] });
    expect(citizenship.rows.map((r) => [r.category, r.categoryCode])).toEqual([
      ["Cote d'Ivoire", 'CIV'],
      ['Nigeria', 'NGA'],
      ['Other countries', null],
      ['Own country', null],
      ['Unknown', null],
      ['Viet Nam', 'VNM'],
    ]);
    const summary = report.dimensions.find((d) => d.name === 'by citizenship');
    expect(summary?.unmapped.map((u) => u.category)).toEqual(['Other countries', 'Own country', 'Unknown']);
    const repatriation = report.dimensions.find((d) => d.name === 'by country of repatriation');
    expect(repatriation?.unmapped).toEqual([]);
  });

  it('reports countries and areas apart, per indicator', async () => {
    const victims = report.indicators.find((i) => i.indicator === VICTIMS);
    expect(victims?.countries).toBe(PLACES.length);
    expect(victims?.areas).toBe(REGION_CODES.length + 2);
  });
});
