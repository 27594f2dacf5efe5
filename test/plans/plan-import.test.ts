// A new plan drawn up from a results file through the API on both engines: an invented IATI file of two
// activities is previewed (nothing written, the mapping still needed listed), created with a mapping (the
// dashboard then shows its targets and approved actuals), refused whole when the file or the mapping is
// wrong, and a plan's own export becomes a new plan with the same objectives, measures and values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDashboard } from '../../src/plans/dashboard-schemas.js';
import type { PlanImportPreview } from '../../src/plans/plan-import-schemas.js';
import type { PlanView } from '../../src/plans/schemas.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';
import { inventedIatiPlanFile } from './plan-import.fixtures.js';

// Last year's periods: approved today, the actuals count on any later day looked from.
const Y = new Date().getUTCFullYear() - 1;
const TODAY = new Date().toISOString().slice(0, 10);
const FILE = { format: 'iati', fileName: 'example-results.xml', content: inventedIatiPlanFile(Y) };

describe.each(TEST_ENGINES)('a plan imported from a file on $name', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let org: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp(engine, { demoWithout: ['cases'] });
    org = t.organisationIds;
    coordinator = await t.signInAs(demoEmail('coordinator'));
  });

  afterAll(async () => {
    await t?.close();
  });

  async function preview(file: object): Promise<PlanImportPreview> {
    const reply = await t.as(coordinator, 'POST', '/api/v1/plans/imports/preview', file);
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json().data as PlanImportPreview;
  }

  async function planCount(): Promise<number> {
    return (await t.as(coordinator, 'GET', '/api/v1/plans')).json().data.length;
  }

  it('previews an IATI file: objectives, measures, indicators, guesses and what is still to map', async () => {
    const before = await planCount();
    const found = await preview(FILE);
    expect(found.problems).toEqual([]);
    expect(found.plan).toMatchObject({
      title: 'example results',
      countries: ['KEN'],
      period: { start: `${Y}-01-01`, end: `${Y}-12-31` },
    });
    expect(found.objectives.map((o) => [o.title, o.pillar, o.measures[0]?.title])).toEqual([
      ['Victims find safe accommodation', null, 'Shelter capacity programme'],
      ['Traffickers are brought to justice', null, 'Court monitoring'],
    ]);
    const shelter = found.objectives[0]?.measures[0];
    expect(shelter?.owner.suggestion).toEqual({
      id: org.shelter,
      name: 'Safe Harbour Shelter Network (demo)',
    });
    expect(shelter?.status).toBe('in_progress');
    expect(shelter?.indicators[0]).toMatchObject({
      name: 'Shelter places available',
      baseline: { value: 40 },
      targets: [{ value: 60 }, { value: 80 }],
      actuals: [{ value: 55 }, { value: 81 }],
    });
    expect(found.objectives[1]?.measures[0]?.owner).toEqual({
      named: { ref: 'XM-EXAMPLE-CO', name: 'Court Watch Collective' },
      suggestion: null,
    });
    expect(found.needs.map((need) => need.path)).toEqual([
      'mapping.coordinatorOrganisationId',
      'mapping.objectives.0.pillar',
      'mapping.objectives.1.pillar',
      'mapping.objectives.1.measures.0.ownerOrganisationId',
    ]);
    expect(found.needs[1]?.message).toContain(
      '“Victims find safe accommodation” (iati-activity[1]/result[1])',
    );
    expect(await planCount()).toBe(before);
  });

  it('creates the plan with the mapping; its dashboard shows the targets and approved actuals', async () => {
    const { mapping } = await preview(FILE);
    mapping.coordinatorOrganisationId = org.office ?? null;
    const [first, second] = mapping.objectives;
    if (!first || !second?.measures[0]) throw new Error('the preview lost an objective');
    first.pillar = 'protection';
    second.pillar = 'prosecution';
    second.measures[0].ownerOrganisationId = org.legal ?? null;
    const reply = await t.as(coordinator, 'POST', '/api/v1/plans/imports', { ...FILE, mapping });
    expect(reply.statusCode, reply.body).toBe(201);
    const summary = reply.json().data;
    expect(summary).toMatchObject({ objectives: 2, measures: 2, indicators: 2, actuals: 3 });
    const plan = (await t.as(coordinator, 'GET', `/api/v1/plans/${summary.id}`)).json().data as PlanView;
    expect(plan.coordinator.id).toBe(org.office);
    expect(plan.objectives.map((o) => [o.pillar, o.measures[0]?.owner.id])).toEqual([
      ['protection', org.shelter],
      ['prosecution', org.legal],
    ]);
    const dashboard = (
      await t.as(coordinator, 'GET', `/api/v1/plans/${summary.id}/dashboard?asOf=${TODAY}`)
    ).json().data as PlanDashboard;
    const shelter = dashboard.indicators.find((i) => i.name === 'Shelter places available');
    expect(shelter?.rows[0]).toMatchObject({
      baseline: { value: 40 },
      target: { value: 80, end: `${Y}-12-31` },
      actual: { value: 81, end: `${Y}-12-31` },
    });
  });

  it('writes nothing when the file has an error or the mapping leaves a choice open', async () => {
    const before = await planCount();
    const broken = { ...FILE, content: FILE.content.replace('value="55"', 'value="fifty-five"') };
    const { mapping } = await preview(FILE);
    const found = await preview(broken);
    expect(found.problems[0]).toMatchObject({ code: 'invalid_value' });
    expect(found.problems[0]?.path).toMatch(/^iati-activity\[1\]\/result\[1\]\/indicator\[1\]\/period\[1\]/);
    mapping.coordinatorOrganisationId = org.office ?? null;
    for (const objective of mapping.objectives) objective.pillar = 'protection';
    const refused = await t.as(coordinator, 'POST', '/api/v1/plans/imports', { ...broken, mapping });
    expect(refused.statusCode).toBe(400);
    const paths = refused.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toContain('mapping.objectives.1.measures.0.ownerOrganisationId');
    expect(paths.some((path: string) => path.startsWith('iati-activity[1]'))).toBe(true);
    expect(await planCount()).toBe(before);
  });

  it('answers an empty or broken workbook at once with a problem, never waiting on the zip reader', async () => {
    // An empty workbook once left the request waiting for ever: the zip reader never saw an end.
    for (const content of ['', Buffer.from('PK\u0003\u0004\u0014\u0000truncated').toString('base64')]) {
      const found = await preview({ format: 'xlsx', fileName: 'results.xlsx', content, encoding: 'base64' });
      expect(found.problems).toEqual([expect.objectContaining({ path: 'file', code: 'unreadable_file' })]);
      expect(found.problems[0]?.message).toMatch(/not an Excel workbook/);
    }
    // A zip archive with nothing in it gets to the reader, which finds no sheet and says the file is empty.
    const found = await preview({
      format: 'xlsx',
      fileName: 'results.xlsx',
      content: emptyZip(),
      encoding: 'base64',
    });
    expect(found.problems).toEqual([expect.objectContaining({ path: 'file', code: 'empty_file' })]);
  });

  it('round-trips a plan’s own export into a new plan, for each format', async () => {
    const source = await aPlanWithApprovedActual();
    for (const format of ['iati', 'csv', 'xlsx'] as const) {
      const exported = await t.as(coordinator, 'GET', `/api/v1/plans/${source.id}/results?format=${format}`);
      expect(exported.statusCode, exported.body).toBe(200);
      const file = {
        format,
        fileName: `plan.${format}`,
        ...(format === 'xlsx'
          ? { content: exported.rawPayload.toString('base64'), encoding: 'base64' }
          : { content: exported.body }),
      };
      const found = await preview(file);
      // IATI names the coordinator as the publisher and carries the plan's facts; a table carries neither.
      const needs = format === 'iati' ? [] : ['mapping.coordinatorOrganisationId', 'mapping.countries'];
      expect(found.needs.map((need) => need.path)).toEqual(needs);
      const mapping = { ...found.mapping, coordinatorOrganisationId: org.office, countries: ['KEN'] };
      const reply = await t.as(coordinator, 'POST', '/api/v1/plans/imports', { ...file, mapping });
      expect(reply.statusCode, reply.body).toBe(201);
      const copy = (await t.as(coordinator, 'GET', `/api/v1/plans/${reply.json().data.id}`)).json()
        .data as PlanView;
      expect(shapeOf(copy)).toEqual(shapeOf(source));
      if (format === 'iati') expect(copy).toMatchObject({ title: source.title, period: source.period });
    }
  });

  async function aPlanWithApprovedActual(): Promise<PlanView> {
    const created = await t.as(coordinator, 'POST', '/api/v1/plans', {
      title: 'Plan exported to be imported (test)',
      scope: 'national',
      countries: ['KEN'],
      period: { start: `${Y}-01-01`, end: `${Y}-12-31` },
      coordinatorOrganisationId: org.office,
      objectives: [
        {
          title: 'Victims are identified and assisted',
          pillar: 'protection',
          measures: [
            {
              title: 'Train frontline officers',
              ownerOrganisationId: org.shelter,
              indicators: [
                {
                  name: 'Officers trained',
                  unit: 'people',
                  baseline: { value: 0, date: `${Y}-01-01` },
                  targets: [{ start: `${Y}-01-01`, end: `${Y}-06-30`, value: 100 }],
                },
              ],
            },
          ],
        },
        {
          title: 'Laws are enforced',
          pillar: 'prosecution',
          measures: [{ title: 'Draft the amendment', ownerOrganisationId: org.legal }],
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json().data as PlanView;
    const indicatorId = plan.objectives[0]?.measures[0]?.indicators[0]?.id;
    const report = await t.as(
      coordinator,
      'POST',
      `/api/v1/plans/${plan.id}/indicators/${indicatorId}/reports`,
      {
        start: `${Y}-01-01`,
        end: `${Y}-06-30`,
        value: 95,
        status: 'on_track',
        narrative: 'Four sessions',
      },
    );
    expect(report.statusCode, report.body).toBeLessThan(300);
    const reportId = report.json().data.objectives[0].measures[0].indicators[0].reports[0].id;
    const approved = await t.as(coordinator, 'POST', `/api/v1/plans/${plan.id}/reports/${reportId}/approval`);
    expect(approved.statusCode, approved.body).toBeLessThan(300);
    return (await t.as(coordinator, 'GET', `/api/v1/plans/${plan.id}`)).json().data as PlanView;
  }
});

/** What a round trip keeps: objectives, measures and owners, indicators, targets and approved values. */
function shapeOf(plan: PlanView) {
  return plan.objectives.map((objective) => ({
    title: objective.title,
    pillar: objective.pillar,
    measures: objective.measures.map((measure) => ({
      title: measure.title,
      owner: measure.owner.id,
      indicators: measure.indicators.map((indicator) => ({
        name: indicator.name,
        unit: indicator.unit,
        baseline: indicator.baseline,
        targets: indicator.targets,
        approved: indicator.reports
          .filter((report) => report.approvedAt)
          .map((report) => [report.start, report.end, report.value, report.status, report.narrative]),
      })),
    })),
  }));
}

/** A zip archive of no entries: a local header's signature, then the directory's end naming none. */
function emptyZip(): string {
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  return Buffer.concat([local, end]).toString('base64');
}
