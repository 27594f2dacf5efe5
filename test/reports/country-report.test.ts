// The country report through the API on both engines, against the demo data: Kenya's partners, activities,
// findings and official figures, as a page and as data; what the public may not see stays out of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountryReport } from '../../src/reports/schemas.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

const UNPUBLISHED_TITLE = 'Invented night outreach, not yet published (test)';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe.each(TEST_ENGINES)('country report on $name', (engine) => {
  let t: TestApp;
  let editor: Session;
  let viewer: Session;

  beforeAll(async () => {
    t = await startTestApp(engine, { demoWithout: ['cases'] });
    editor = await t.signInAs(demoEmail('editor'));
    viewer = await t.signInAs(demoEmail('viewer'));
    const created = await t.as(editor, 'POST', '/api/v1/activities', {
      title: UNPUBLISHED_TITLE,
      leadOrganisationId: t.organisationIds.shelter,
      activityType: 'shelter',
      countries: [{ iso3: 'KEN', role: 'destination' }],
      // The latest start of all, so that it is among the few listed under its pillar for those who may see it.
      plannedStart: '2027-01-01',
      isPublished: false,
    });
    expect(created.statusCode, created.body).toBe(201);
  });

  afterAll(async () => {
    await t?.close();
  });

  async function reportAs(session: Session | null, query = 'format=json'): Promise<CountryReport> {
    const reply = await t.as(session, 'GET', `/api/v1/reports/countries/KEN?${query}`);
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json().data as CountryReport;
  }

  const titles = (report: CountryReport) =>
    report.activities.byPillar.flatMap((group) => group.shown.map((activity) => activity.title));

  it('shows a country with demo activities: its partners, activities by pillar, findings and statistics', async () => {
    const report = await reportAs(null);
    expect(report.country).toEqual({ name: 'Kenya', region: 'Africa', subregion: 'Sub-Saharan Africa' });
    const partners = report.partners.shown.map((partner) => partner.name);
    expect(partners).toContain('Safe Harbour Shelter Network (demo)');
    expect(partners).toContain('National Anti-Trafficking Coordination Office (demo)');
    const shelter = report.partners.shown.find((p) => p.name === 'Safe Harbour Shelter Network (demo)');
    expect(shelter?.leads).toBeGreaterThan(0);
    expect(report.activities.total).toBeGreaterThanOrEqual(6);
    expect(report.activities.byPillar.map((group) => group.pillar)).toContain('protection');
    expect(titles(report)).toContain('Shelter for women and girls (demo)');
    for (const group of report.activities.byPillar)
      for (const activity of group.shown) expect(activity.leadOrganisation.name).not.toBe('');
    expect(report.findings.gaps.total + report.findings.overlaps.total).toBeGreaterThan(0);
    expect([...report.findings.gaps.shown, ...report.findings.overlaps.shown].length).toBeGreaterThan(0);
    const victims = report.statistics.find((figure) => figure.measure === 'detected_victims');
    expect(victims?.release).toMatchObject({ label: 'synthetic demo data 2026.1', isSynthetic: true });
    expect(victims?.year).toBe(2022);
    expect(victims?.total?.lower).toBeGreaterThan(0);
    expect(victims?.cells.some((cell) => cell.sexCode === 'female' && cell.ageCode === 'children')).toBe(
      true,
    );
    expect(report.statistics.map((figure) => figure.measure).sort()).toEqual([
      'convicted',
      'detected_victims',
      'prosecuted',
    ]);
    expect(report.plans).toEqual([]);
  });

  it('prints the page: self-contained HTML under a policy of its own, with names and no ids', async () => {
    const reply = await t.as(null, 'GET', '/api/v1/reports/countries/ken');
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(String(reply.headers['content-security-policy'])).toMatch(/style-src 'sha256-[^']+'/);
    expect(String(reply.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(reply.body).toContain('<h1 id="country-1">Kenya</h1>');
    expect(reply.body).toContain('Safe Harbour Shelter Network (demo)');
    expect(reply.body).toContain('Detected victims');
    expect(reply.body).not.toMatch(UUID);
    expect(reply.body).not.toContain('<script');
  });

  it('prints the page in Arabic, right to left', async () => {
    const reply = await t.as(null, 'GET', '/api/v1/reports/countries/KEN?lang=ar');
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.body).toContain('<html lang="ar" dir="rtl">');
    expect(reply.body).toContain('كينيا');
    expect(reply.body).toContain('تقييم قطري');
  });

  it('shows an anonymous visitor no unpublished activity, and a signed-in partner all of them', async () => {
    const visitor = await reportAs(null);
    expect(titles(visitor)).not.toContain(UNPUBLISHED_TITLE);
    for (const group of visitor.activities.byPillar)
      for (const activity of group.shown) expect(activity.isPublished).toBe(true);
    const page = await t.as(null, 'GET', '/api/v1/reports/countries/KEN');
    expect(page.body).not.toContain(UNPUBLISHED_TITLE);

    const partner = await reportAs(viewer);
    expect(titles(partner)).toContain(UNPUBLISHED_TITLE);
    expect(partner.activities.total).toBe(visitor.activities.total + 1);
    const shown = partner.activities.byPillar.flatMap((group) => group.shown);
    expect(shown.find((activity) => activity.title === UNPUBLISHED_TITLE)?.isPublished).toBe(false);
  });

  it('answers 404 with a sentence for a code no country has, and 400 for one that is no code', async () => {
    const unknown = await t.as(null, 'GET', '/api/v1/reports/countries/XYZ');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'not_found' });
    expect(unknown.json().detail).toMatch(/^No country has the code XYZ;/);
    const malformed = await t.as(null, 'GET', '/api/v1/reports/countries/K1N');
    expect(malformed.statusCode).toBe(400);
  });
});
