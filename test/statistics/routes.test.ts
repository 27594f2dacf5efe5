// The statistics API through the whole application: public reads, imports by the roles that may, CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';
import { GLOTIP_REPORT_BODY } from './fixtures.js';
import { GLOTIP_FIXTURE, glotipCsv, glotipXlsx } from './publisher-files.js';

describe.each(TEST_ENGINES)('statistics API on $name', (engine) => {
  let t: TestApp;
  let analyst: Session;
  let viewer: Session;

  beforeAll(async () => {
    t = await startTestApp(engine);
    analyst = await t.signInAs(demoEmail('analyst'));
    viewer = await t.signInAs(demoEmail('viewer'));
  });
  afterAll(() => t?.close());

  it('lists the synthetic demo release, labelled so, to anyone', async () => {
    const reply = await t.as(null, 'GET', '/api/v1/statistics/releases');
    expect(reply.statusCode).toBe(200);
    const [demo] = reply.json().data;
    expect(demo).toMatchObject({
      source: 'demo',
      label: 'synthetic demo data 2026.1',
      isSynthetic: true,
      isDefault: true,
    });
    const catalogue = await t.as(null, 'GET', `/api/v1/statistics/releases/${demo.id}/catalogue`);
    const [indicator] = catalogue.json().data.indicators;
    expect(indicator.indicator).toBe('Detected trafficking victims');
    expect(indicator.dimensions.map((d: { name: string }) => d.name)).toEqual([
      'sex',
      'age',
      'by form of exploitation',
    ]);
  });

  it('answers a world query grouped by year × sex × form from the demo data, and its share and trend', async () => {
    const reply = await t.as(
      null,
      'GET',
      '/api/v1/statistics/query?indicator=Detected%20trafficking%20victims&by=sex&by=form',
    );
    expect(reply.statusCode).toBe(200);
    const result = reply.json().data;
    expect(result.release.isSynthetic).toBe(true);
    expect(result.rows).toHaveLength(5 * 2 * 4);
    expect(result.coverage[0]).toMatchObject({ area: '001', year: 2018, reporting: 8 });
    const shares = await t.as(
      null,
      'GET',
      '/api/v1/statistics/shares?indicator=Detected%20trafficking%20victims&of=sex&year=2020',
    );
    const female = shares.json().data.rows.find((r: { sex: string }) => r.sex === 'Female');
    expect(female.share.lower).toBeGreaterThan(0);
    expect(female.share.upper).toBeLessThanOrEqual(1);
    const trends = await t.as(
      null,
      'GET',
      '/api/v1/statistics/trends?indicator=Detected%20trafficking%20victims&area=KEN',
    );
    expect(trends.json().data.rows.map((r: { year: number }) => r.year)).toEqual([
      2018, 2019, 2020, 2021, 2022,
    ]);
  });

  it('downloads a query as CSV', async () => {
    const reply = await t.as(
      null,
      'GET',
      '/api/v1/statistics/query.csv?indicator=Detected%20trafficking%20victims&area=KEN&by=sex',
    );
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/csv/);
    const lines = reply.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'indicator,year,area,sex,age,category,unit,lower,upper,value,censored,countries,release,source',
    );
    expect(lines).toHaveLength(1 + 5 * 2);
    expect(lines[1]).toMatch(/^Detected trafficking victims,2018,KEN,Female,Total,Total,Counts,/);
  });

  it('imports a publisher’s file for an analyst, exactly as the CLI would, and refuses a viewer', async () => {
    const body = {
      source: 'glotip',
      fileName: 'glotip.csv',
      content: glotipCsv(GLOTIP_FIXTURE),
      release: 'GLOTIP test',
    };
    const refused = await t.as(viewer, 'POST', '/api/v1/statistics/imports', body);
    expect(refused.statusCode).toBe(403);
    const reply = await t.as(analyst, 'POST', '/api/v1/statistics/imports', body);
    expect(reply.statusCode).toBe(201);
    expect(reply.json().data).toEqual({
      ...GLOTIP_REPORT_BODY,
      release: { id: expect.any(String), label: 'GLOTIP test', isReplacement: false },
      file: { name: 'glotip.csv', format: 'csv' },
      isDryRun: false,
      replaced: 0,
      blankRows: 1,
    });
    const xlsx = await t.as(analyst, 'POST', '/api/v1/statistics/imports', {
      source: 'glotip',
      fileName: 'glotip.xlsx',
      content: (await glotipXlsx(GLOTIP_FIXTURE)).toString('base64'),
      encoding: 'base64',
      release: 'GLOTIP test',
      dryRun: true,
    });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.json().data).toMatchObject({
      isDryRun: true,
      imported: 26,
      release: { isReplacement: true },
    });
    const query = await t.as(null, 'GET', '/api/v1/statistics/query?indicator=Persons%20convicted&area=KEN');
    expect(query.json().data.rows).toMatchObject([{ year: 2020, lower: 15, upper: 15, value: 15 }]);
  });

  it('says what is wrong with a bad request', async () => {
    const badArea = await t.as(
      null,
      'GET',
      '/api/v1/statistics/query?indicator=Detected%20trafficking%20victims&area=XX9',
    );
    expect(badArea.statusCode).toBe(400);
    expect(badArea.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'querystring.area.0' }],
    });
    const badFormat = await t.as(analyst, 'POST', '/api/v1/statistics/imports', {
      source: 'glotip',
      fileName: 'glotip.pdf',
      content: 'x',
    });
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.json().errors[0]).toMatchObject({ path: 'file', code: 'unsupported_format' });
    const unknown = await t.as(null, 'GET', '/api/v1/statistics/query?indicator=Nothing%20at%20all');
    expect(unknown.statusCode).toBe(404);
  });

  it('lists a release’s publisher areas and answers a query for one of them, to anyone', async () => {
    const csv = glotipCsv([
      { iso3: 'KEN', country: 'Kenya', indicator: 'Detected trafficking victims', year: 2020, value: '40' },
      {
        iso3: 'SAM',
        country: '',
        region: '',
        subregion: '',
        indicator: 'Detected trafficking victims',
        year: 2020,
        value: '900',
      },
    ]);
    const imported = await t.as(analyst, 'POST', '/api/v1/statistics/imports', {
      source: 'glotip',
      fileName: 'regions.csv',
      content: csv,
      release: 'with regions',
    });
    expect(imported.statusCode).toBe(201);
    const id = imported.json().data.release.id;
    const areas = await t.as(null, 'GET', `/api/v1/statistics/releases/${id}/areas`);
    expect(areas.statusCode).toBe(200);
    expect(areas.json().data).toEqual([
      expect.objectContaining({ code: 'SAM', kind: 'region', sameAsM49: '005', observations: 1 }),
    ]);
    const answer = await t.as(
      null,
      'GET',
      `/api/v1/statistics/query?indicator=Detected%20trafficking%20victims&release=${id}&area=SAM`,
    );
    expect(answer.json().data).toMatchObject({ figures: 'published', rows: [{ area: 'SAM', value: 900 }] });
    const unknown = await t.as(
      null,
      'GET',
      `/api/v1/statistics/query?indicator=Detected%20trafficking%20victims&release=${id}&area=NOPE`,
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ code: 'unknown_area' });
    expect(unknown.json().errors[0].message).toContain('SAM');
  });
});
