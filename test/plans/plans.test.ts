// Plans of action through the API on both engines: a coordinator draws up a plan with measures, indicators
// and two reporting periods; owners report, the coordinator approves; the dashboard shows the right status,
// the measure with no activity and the funding gap; results round-trip through IATI XML and CSV; the report
// prints as PDF, in Chinese with a font that has its characters.
import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDashboard } from '../../src/plans/dashboard-schemas.js';
import { DEMO_PLAN_TITLE } from '../../src/plans/demo.js';
import type { PlanView } from '../../src/plans/schemas.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

// Next year's periods: approvals happen today, and only reports approved by the day looked from count.
const Y = new Date().getUTCFullYear() + 1;
const H1 = { start: `${Y}-01-01`, end: `${Y}-06-30` };
const H2 = { start: `${Y}-07-01`, end: `${Y}-12-31` };
const on = (monthDay: string, years = 0) => `${Y + years}-${monthDay}`;

describe.each(TEST_ENGINES)('plans on $name', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let shelterEditor: Session;
  let viewer: Session;
  let org: Record<string, string>;
  let activityId: string;

  function planDocument() {
    return {
      title: 'National plan of action against trafficking in persons (test)',
      scope: 'national',
      countries: ['KEN'],
      period: { start: on('01-01'), end: on('12-31', 1) },
      coordinatorOrganisationId: org.office,
      objectives: [
        {
          title: 'Victims are identified and assisted',
          pillar: 'protection',
          measures: [
            {
              title: 'Train frontline officers in victim identification',
              ownerOrganisationId: org.shelter,
              contributingOrganisationIds: [org.legal],
              deadline: on('12-31'),
              budget: { amountMinor: 10_000_000, currency: 'USD' },
              status: 'in_progress',
              activityIds: [activityId],
              funding: [
                {
                  funderOrganisationId: org.institute,
                  currency: 'USD',
                  committedMinor: 6_000_000,
                  spentMinor: 2_000_000,
                },
              ],
              indicators: [
                {
                  name: 'Officers trained',
                  unit: 'people',
                  baseline: { value: 0, date: on('01-01') },
                  targets: [
                    { ...H1, value: 100 },
                    { ...H2, value: 200 },
                  ],
                },
              ],
            },
          ],
        },
        {
          title: 'Traffickers are prosecuted',
          pillar: 'prosecution',
          measures: [
            {
              title: 'Draft the amendment on victims’ non-punishment',
              ownerOrganisationId: org.legal,
              deadline: on('03-31'),
              budget: { amountMinor: 5_000_000, currency: 'USD' },
            },
          ],
        },
      ],
    };
  }

  beforeAll(async () => {
    t = await startTestApp(engine, { demoWithout: ['cases'] });
    org = t.organisationIds;
    coordinator = await t.signInAs(demoEmail('coordinator'));
    shelterEditor = await t.signInAs(demoEmail('editor'));
    viewer = await t.signInAs(demoEmail('viewer'));
    const activities = await t.as(coordinator, 'GET', '/api/v1/activities/?country=KEN&limit=5');
    expect(activities.statusCode, activities.body).toBe(200);
    activityId = activities.json().data[0].id;
  });

  afterAll(async () => {
    await t?.close();
  });

  async function created(): Promise<PlanView> {
    const reply = await t.as(coordinator, 'POST', '/api/v1/plans', planDocument());
    expect(reply.statusCode, reply.body).toBe(201);
    return reply.json().data as PlanView;
  }

  const firstIndicator = (plan: PlanView) => plan.objectives[0]?.measures[0]?.indicators[0];

  async function dashboard(plan: PlanView, asOf: string): Promise<PlanDashboard> {
    const reply = await t.as(viewer, 'GET', `/api/v1/plans/${plan.id}/dashboard?asOf=${asOf}`);
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json().data as PlanDashboard;
  }

  it('keeps a plan whole, with names in place of ids, for every signed-in partner but not the public', async () => {
    const plan = await created();
    expect(plan.coordinator.name).toMatch(/Coordination Office/);
    const measure = plan.objectives[0]?.measures[0];
    expect(measure?.owner.name).toMatch(/Shelter/);
    expect(measure?.activities[0]).toMatchObject({ id: activityId, found: true });
    expect(measure?.funding[0]?.funder.name).toMatch(/Institute/);
    expect(plan.can).toEqual({ edit: true, delete: true, approve: true });
    expect((await t.as(null, 'GET', `/api/v1/plans/${plan.id}`)).statusCode).toBe(401);
    const asViewer = (await t.as(viewer, 'GET', `/api/v1/plans/${plan.id}`)).json().data as PlanView;
    expect(asViewer.can.edit).toBe(false);
    const list = (await t.as(viewer, 'GET', '/api/v1/plans?country=KEN')).json().data;
    expect(list.find((item: { id: string }) => item.id === plan.id)).toMatchObject({
      measureCount: 2,
      completedMeasures: 0,
    });
  });

  it('refuses a plan pointing to organisations or activities that do not exist, naming each place', async () => {
    const document = planDocument();
    const measure = document.objectives[0]?.measures[0] as {
      ownerOrganisationId: string;
      activityIds: string[];
    };
    measure.ownerOrganisationId = '00000000-0000-4000-8000-000000000001';
    measure.activityIds = ['00000000-0000-4000-8000-000000000002'];
    const reply = await t.as(coordinator, 'POST', '/api/v1/plans', document);
    expect(reply.statusCode).toBe(400);
    const paths = reply.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual([
      'body.objectives.0.measures.0.ownerOrganisationId',
      'body.objectives.0.measures.0.activityIds.0',
    ]);
  });

  it('lets an owner report, the coordinator approve, and shows the status of each reporting period', async () => {
    const plan = await created();
    const indicator = firstIndicator(plan);
    const url = `/api/v1/plans/${plan.id}/indicators/${indicator?.id}/reports`;
    const h1 = await t.as(shelterEditor, 'POST', url, {
      ...H1,
      value: 95,
      status: 'on_track',
      narrative: 'Four sessions held',
    });
    expect(h1.statusCode, h1.body).toBe(201);
    const h2 = await t.as(shelterEditor, 'POST', url, { ...H2, value: 120, status: 'at_risk' });
    expect(h2.statusCode, h2.body).toBe(201);
    // Not approved yet: reports do not count.
    expect((await dashboard(plan, on('07-15'))).indicators[0]?.headlineStatus).toBe('no_data');

    const reports = firstIndicator(h2.json().data as PlanView)?.reports ?? [];
    expect(reports.map((report) => report.can.approve)).toEqual([false, false]);
    const refused = await t.as(
      shelterEditor,
      'POST',
      `/api/v1/plans/${plan.id}/reports/${reports[0]?.id}/approval`,
    );
    expect(refused.statusCode).toBe(403);
    for (const report of reports) {
      const approved = await t.as(
        coordinator,
        'POST',
        `/api/v1/plans/${plan.id}/reports/${report.id}/approval`,
      );
      expect(approved.statusCode, approved.body).toBe(200);
    }
    const again = await t.as(
      coordinator,
      'POST',
      `/api/v1/plans/${plan.id}/reports/${reports[0]?.id}/approval`,
    );
    expect(again.json().code).toBe('invalid_transition');

    const midYear = await dashboard(plan, on('07-15'));
    expect(midYear.indicators[0]).toMatchObject({ name: 'Officers trained', headlineStatus: 'on_track' });
    const yearEnd = await dashboard(plan, on('01-15', 1));
    expect(yearEnd.indicators[0]?.headlineStatus).toBe('off_track');
    expect(yearEnd.indicators[0]?.rows[0]?.actual).toEqual({ value: 120, ...H2 });
  });

  it('refuses a report from an organisation that neither owns nor contributes to the measure', async () => {
    const plan = await created();
    const other = plan.objectives[1]?.measures[0];
    expect(other?.can.report).toBe(true); // the coordinator may
    const asEditor = (await t.as(shelterEditor, 'GET', `/api/v1/plans/${plan.id}`)).json().data as PlanView;
    expect(asEditor.objectives[1]?.measures[0]?.can.report).toBe(false);
    const status = await t.as(shelterEditor, 'PUT', `/api/v1/plans/${plan.id}/measures/${other?.id}/status`, {
      status: 'completed',
    });
    expect(status.statusCode).toBe(403);
    const own = plan.objectives[0]?.measures[0];
    const mine = await t.as(shelterEditor, 'PUT', `/api/v1/plans/${plan.id}/measures/${own?.id}/status`, {
      status: 'completed',
    });
    expect(mine.statusCode, mine.body).toBe(200);
  });

  it('shows overdue measures, the measure with no activity and the funding gap per pillar', async () => {
    const plan = await created();
    const board = await dashboard(plan, on('07-15'));
    expect(board.overdueMeasures).toEqual([
      expect.objectContaining({ title: 'Draft the amendment on victims’ non-punishment', daysOverdue: 106 }),
    ]);
    expect(board.links.measuresWithoutActivity.map((row) => [row.title, row.reason])).toEqual([
      ['Draft the amendment on victims’ non-punishment', 'names_no_activity'],
    ]);
    expect(board.links.activitiesServingNoMeasure.every((activity) => activity.id !== activityId)).toBe(true);
    const gap = (pillar: string) => board.funding.gapsByPillar.find((row) => row.pillar === pillar)?.gap;
    expect(gap('protection')).toEqual([{ amountMinor: 4_000_000, currency: 'USD' }]);
    expect(gap('prosecution')).toEqual([{ amountMinor: 5_000_000, currency: 'USD' }]);
    expect(board.funding.measures[0]?.byFunder[0]).toMatchObject({
      funder: { name: expect.stringMatching(/Institute/) },
      spent: [{ amountMinor: 2_000_000, currency: 'USD' }],
    });
    expect(board.implementation.byPillar.map((row) => row.pillar)).toEqual([
      'prevention',
      'protection',
      'prosecution',
      'partnership',
    ]);
  });

  it('keeps reports while their indicator keeps its id, and refuses a save over someone else’s', async () => {
    const plan = await created();
    const indicator = firstIndicator(plan);
    await t.as(shelterEditor, 'POST', `/api/v1/plans/${plan.id}/indicators/${indicator?.id}/reports`, {
      ...H1,
      value: 40,
      status: 'at_risk',
    });
    const fresh = (await t.as(coordinator, 'GET', `/api/v1/plans/${plan.id}`)).json().data as PlanView;
    const document = documentOf(fresh);
    document.title = 'Renamed plan (test)';
    const saved = await t.as(coordinator, 'PUT', `/api/v1/plans/${plan.id}`, {
      ...document,
      version: fresh.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(firstIndicator(saved.json().data)?.reports).toHaveLength(1);
    const stale = await t.as(coordinator, 'PUT', `/api/v1/plans/${plan.id}`, {
      ...document,
      version: fresh.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await t.as(shelterEditor, 'PUT', `/api/v1/plans/${plan.id}`, { ...document, version: 2 })).statusCode,
    ).toBe(403);
  });

  it('round-trips results through IATI XML and CSV: importing the export changes nothing', async () => {
    const plan = await created();
    const indicator = firstIndicator(plan);
    const report = await t.as(
      shelterEditor,
      'POST',
      `/api/v1/plans/${plan.id}/indicators/${indicator?.id}/reports`,
      {
        ...H1,
        value: 95,
        status: 'on_track',
        narrative: 'Four sessions',
      },
    );
    const reportId = firstIndicator(report.json().data)?.reports[0]?.id;
    await t.as(coordinator, 'POST', `/api/v1/plans/${plan.id}/reports/${reportId}/approval`);
    const before = (await dashboard(plan, on('07-15'))).indicators;

    for (const format of ['iati', 'csv'] as const) {
      const exported = await t.as(coordinator, 'GET', `/api/v1/plans/${plan.id}/results?format=${format}`);
      expect(exported.statusCode, exported.body).toBe(200);
      expect(exported.body).toContain('Officers trained');
      const imported = await t.as(coordinator, 'POST', `/api/v1/plans/${plan.id}/results`, {
        format,
        fileName: `results.${format}`,
        content: exported.body,
      });
      expect(imported.statusCode, imported.body).toBe(200);
      expect(imported.json().data).toMatchObject({ indicators: 1, reports: 1 });
      const after = (await t.as(coordinator, 'GET', `/api/v1/plans/${plan.id}`)).json().data as PlanView;
      expect(firstIndicator(after)?.id).toBe(indicator?.id);
      expect(firstIndicator(after)?.reports.map((row) => [row.value, row.status, row.narrative])).toEqual([
        [95, 'on_track', 'Four sessions'],
      ]);
      expect((await dashboard(plan, on('07-15'))).indicators).toEqual(before);
    }
  });

  it('prints the plan report as HTML in the reader’s language and as PDF', async () => {
    const plan = await created();
    const html = await t.as(
      viewer,
      'GET',
      `/api/v1/plans/${plan.id}/report.html?lang=ar&asOf=${on('07-15')}`,
    );
    expect(html.statusCode, html.body).toBe(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html.body).toContain('Train frontline officers in victim identification');
    expect(html.body).not.toContain(plan.id);
    expect(html.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
    const pdf = await t.as(viewer, 'GET', `/api/v1/plans/${plan.id}/report.pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('prints the plan report in Chinese, embedding a font that has Chinese characters', async (context) => {
    const plan = await created();
    const pdf = await t.as(viewer, 'GET', `/api/v1/plans/${plan.id}/report.pdf?lang=zh`);
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const families = chineseFontFamilies();
    context.skip(
      families.length === 0,
      'no font for Chinese on this machine (`fc-list :lang=zh` lists none): install fonts-noto-cjk, as .ci/run does',
    );
    const text = pdfText(pdf.rawPayload).toLowerCase();
    expect(families.some((family) => text.includes(family.replaceAll(' ', '').toLowerCase()))).toBe(true);
  });

  it('joins the plan’s progress to the country report for partners, not for the public', async () => {
    // A title of its own: the other tests' plans share the document's title and change their measures.
    const title = 'Plan read in the country report';
    const reply = await t.as(coordinator, 'POST', '/api/v1/plans', { ...planDocument(), title });
    expect(reply.statusCode, reply.body).toBe(201);
    const plan = reply.json().data as PlanView;
    const report = await t.as(viewer, 'GET', '/api/v1/reports/countries/KEN?format=json');
    expect(report.statusCode, report.body).toBe(200);
    const progress = report.json().data.plans.filter((row: { title: string }) => row.title === plan.title);
    expect(progress[0]).toMatchObject({ measures: { total: 2, completed: 0 } });
    // Every plan covering the country is read at once, each keeping its own measures.
    const demo = report.json().data.plans.find((row: { title: string }) => row.title === DEMO_PLAN_TITLE);
    expect(demo).toMatchObject({ measures: { total: 7, completed: 1, overdue: 1 } });
    const publicReport = await t.as(null, 'GET', '/api/v1/reports/countries/KEN?format=json');
    expect(publicReport.json().data.plans).toEqual([]);
  });

  it('imports nothing from a file whose result names no measure of the plan', async () => {
    const plan = await created();
    const other = await created();
    const exported = await t.as(coordinator, 'GET', `/api/v1/plans/${other.id}/results?format=csv`);
    const reply = await t.as(coordinator, 'POST', `/api/v1/plans/${plan.id}/results`, {
      format: 'csv',
      fileName: 'other.csv',
      content: exported.body,
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().errors[0].code).toBe('unmatched_result');
    const after = (await t.as(coordinator, 'GET', `/api/v1/plans/${plan.id}`)).json().data as PlanView;
    expect(after.version).toBe(plan.version);
  });
});

/** The document that saves a plan as read, ids kept. */
function documentOf(plan: PlanView) {
  return {
    title: plan.title,
    description: plan.description,
    scope: plan.scope,
    countries: plan.countries,
    period: plan.period,
    coordinatorOrganisationId: plan.coordinator.id,
    objectives: plan.objectives.map((objective) => ({
      id: objective.id,
      title: objective.title,
      pillar: objective.pillar,
      measures: objective.measures.map((measure) => ({
        id: measure.id,
        title: measure.title,
        ownerOrganisationId: measure.owner.id,
        contributingOrganisationIds: measure.contributors.map((item) => item.id),
        deadline: measure.deadline,
        budget: measure.budget,
        status: measure.status,
        countries: measure.countries,
        activityIds: measure.activities.map((item) => item.id),
        funding: measure.funding.map((item) => ({
          funderOrganisationId: item.funder.id,
          currency: item.currency,
          committedMinor: item.committedMinor,
          spentMinor: item.spentMinor,
        })),
        indicators: measure.indicators.map(({ reports: _reports, ...indicator }) => indicator),
      })),
    })),
  };
}

/** The families of the fonts that cover Chinese here, as fontconfig names them; none without fontconfig. */
function chineseFontFamilies(): string[] {
  try {
    const listed = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
    return [...new Set(listed.split(/[,\n]/).map((family) => family.trim()))].filter(Boolean);
  } catch {
    return [];
  }
}

/** A PDF's bytes with its compressed streams inflated, where the embedded fonts' names are. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts = [raw];
  for (const match of raw.matchAll(/(?<!end)stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) continue;
    try {
      parts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not every stream is deflated (images, some font files): the raw bytes above already hold it.
    }
  }
  return parts.join('\n');
}
