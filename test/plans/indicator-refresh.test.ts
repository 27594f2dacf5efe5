// Measures that check themselves, on both engines: an indicator reading official statistics gets its actual when a
// publisher's file is imported, naming the release; an indicator counting 4W activities follows the register;
// reading again when nothing changed writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanView, ProgressReportView } from '../../src/plans/schemas.js';
import { glotipCsv } from '../statistics/publisher-files.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

const THIS_YEAR = new Date().getUTCFullYear();
const LAST_YEAR = THIS_YEAR - 1;
const LAST = { start: `${LAST_YEAR}-01-01`, end: `${LAST_YEAR}-12-31` };
const NOW = { start: `${THIS_YEAR}-01-01`, end: `${THIS_YEAR}-12-31` };
const NEXT = { start: `${THIS_YEAR + 1}-01-01`, end: `${THIS_YEAR + 1}-12-31` };
const VICTIMS = 'Detected trafficking victims';

describe.each(TEST_ENGINES)('self-checking indicators on $name', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let analyst: Session;
  let editor: Session;
  let viewer: Session;
  let plan: PlanView;

  beforeAll(async () => {
    // Without the demo's statistics, the release imported here is the only one holding the indicator.
    t = await startTestApp(engine, { demoWithout: ['cases', 'statistics'] });
    coordinator = await t.signInAs(demoEmail('coordinator'));
    analyst = await t.signInAs(demoEmail('analyst'));
    editor = await t.signInAs(demoEmail('editor'));
    viewer = await t.signInAs(demoEmail('viewer'));
    const reply = await t.as(coordinator, 'POST', '/api/v1/plans', planDocument(t.organisationIds));
    expect(reply.statusCode, reply.body).toBe(201);
    plan = reply.json().data;
  });

  afterAll(async () => {
    await t?.close();
  });

  const indicatorNamed = (view: PlanView, name: string) =>
    view.objectives.flatMap((o) => o.measures.flatMap((m) => m.indicators)).find((i) => i.name === name);

  async function reportsOf(name: string): Promise<ProgressReportView[]> {
    await t.app.indicatorRefresher.settled();
    const reply = await t.as(viewer, 'GET', `/api/v1/plans/${plan.id}`);
    expect(reply.statusCode, reply.body).toBe(200);
    return indicatorNamed(reply.json().data, name)?.reports ?? [];
  }

  it('reads the actual of a statistics indicator when a file is imported, naming the release', async () => {
    expect(await reportsOf('Victims detected')).toEqual([]);
    const imported = await t.as(analyst, 'POST', '/api/v1/statistics/imports', {
      source: 'glotip',
      fileName: 'glotip.csv',
      release: 'GLOTIP test release',
      content: glotipCsv([
        { iso3: 'KEN', country: 'Kenya', indicator: VICTIMS, year: LAST_YEAR, value: '140' },
        { iso3: 'KEN', country: 'Kenya', indicator: VICTIMS, sex: 'Female', year: LAST_YEAR, value: '90' },
        { iso3: 'KEN', country: 'Kenya', indicator: VICTIMS, year: LAST_YEAR - 1, value: '100' },
      ]),
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const reports = await reportsOf('Victims detected');
    const total = reports.find((report) => report.sex === null);
    expect(total).toMatchObject({ ...LAST, value: 140, submittedBy: null, approvedAt: expect.any(String) });
    expect(total?.sourceNote).toBe(
      `Statistics release “GLOTIP test release” (UNODC (Global Report on Trafficking in Persons)), figure for ${LAST_YEAR}`,
    );
    // From 100 towards 150 by the end of the year, 140 is four fifths of the way: twenty points short.
    expect(total?.status).toBe('at_risk');
    expect(reports.find((report) => report.sex === 'female')).toMatchObject({
      value: 90,
      status: 'on_track',
    });
    // Targets whose period has not begun are not read.
    expect(reports.map((report) => report.start)).not.toContain(NEXT.start);
  });

  it('counts activities on demand, follows a new activity, and changes nothing when read again', async () => {
    const url = `/api/v1/plans/${plan.id}/indicators/refresh`;
    expect((await t.as(viewer, 'POST', url)).statusCode).toBe(403);
    const first = await t.as(coordinator, 'POST', url);
    expect(first.statusCode, first.body).toBe(200);
    const [counted] = await reportsOf('Protection activities running');
    expect(counted).toMatchObject({ ...NOW, submittedBy: null, sex: null });
    expect(counted?.sourceNote).toMatch(/^Count of 4W activities on \d{4}-\d{2}-\d{2}$/);
    const before = counted?.value as number;

    const added = await t.as(editor, 'POST', '/api/v1/activities', {
      title: 'Safe house for adolescents (test)',
      leadOrganisationId: t.organisationIds.shelter,
      activityType: 'shelter',
      countries: [{ iso3: 'KEN', role: 'destination' }],
      plannedStart: NOW.start,
      plannedEnd: NOW.end,
    });
    expect(added.statusCode, added.body).toBe(201);
    const after = await reportsOf('Protection activities running');
    expect(after).toHaveLength(1);
    expect(after[0]?.value).toBe(before + 1);

    const again = await t.as(coordinator, 'POST', url);
    expect(again.json().refreshed).toMatchObject({ written: 0, unchanged: 3 });
    const ids = (await reportsOf('Protection activities running')).map((report) => report.id);
    expect(ids).toEqual(after.map((report) => report.id));
  });
});

function planDocument(org: Record<string, string>) {
  return {
    title: 'National plan with measures that check themselves (test)',
    scope: 'national',
    countries: ['KEN'],
    period: { start: LAST.start, end: NEXT.end },
    coordinatorOrganisationId: org.office,
    objectives: [
      {
        title: 'Victims are identified and protected',
        pillar: 'protection',
        measures: [
          {
            title: 'Strengthen victim identification',
            ownerOrganisationId: org.shelter,
            indicators: [
              {
                name: 'Victims detected',
                unit: 'people',
                baseline: { value: 100, date: `${LAST_YEAR - 1}-12-31` },
                disaggregatedBy: ['sex'],
                targets: [
                  { ...LAST, value: 150 },
                  { ...LAST, sex: 'female', value: 80 },
                  { ...NEXT, value: 200 },
                ],
                source: { kind: 'statistics', query: { indicator: VICTIMS } },
              },
              {
                name: 'Protection activities running',
                unit: 'activities',
                baseline: { value: 0, date: NOW.start },
                targets: [
                  { ...NOW, value: 1000 },
                  { ...NEXT, value: 2000 },
                ],
                source: { kind: 'activities', filter: { pillar: 'protection' } },
              },
            ],
          },
        ],
      },
    ],
  };
}
