// The demo's illustrative national plan, on both engines: its measures link to demo activities but one, one is
// overdue, a pillar lacks funding, the first period's reports are approved (one at risk), the indicator counting
// activities was read by the system; and a test that counts its own plans can leave it out.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDashboard } from '../../src/plans/dashboard-schemas.js';
import { DEMO_PLAN_TITLE } from '../../src/plans/demo.js';
import { plans } from '../../src/plans/schema.js';
import type { PlanSummary, PlanView } from '../../src/plans/schemas.js';
import { Sealer } from '../../src/platform/crypto.js';
import { seedDatabase } from '../../src/server/seed.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

describe.each(TEST_ENGINES)('the demo plan on $name', (engine) => {
  let t: TestApp;
  let viewer: Session;
  let plan: PlanView;
  let dashboard: PlanDashboard;

  beforeAll(async () => {
    t = await startTestApp(engine);
    viewer = await t.signInAs(demoEmail('viewer'));
    const list = (await t.as(viewer, 'GET', '/api/v1/plans?country=KEN')).json().data as PlanSummary[];
    const found = list.find((item) => item.title === DEMO_PLAN_TITLE);
    expect(found?.coordinator.name).toMatch(/Coordination Office \(demo\)/);
    plan = (await t.as(viewer, 'GET', `/api/v1/plans/${found?.id}`)).json().data;
    dashboard = (await t.as(viewer, 'GET', `/api/v1/plans/${found?.id}/dashboard`)).json().data;
  });

  afterAll(async () => {
    await t?.close();
  });

  const measures = () => plan.objectives.flatMap((objective) => objective.measures);
  const indicators = () => measures().flatMap((measure) => measure.indicators);

  it('is a national plan for Kenya in the four pillars, said to be illustrative', () => {
    expect(plan.title).toMatch(/illustrative/i);
    expect(plan.description).toMatch(/not real/);
    expect(plan.countries).toEqual(['KEN']);
    expect(plan.objectives.map((objective) => objective.pillar)).toEqual([
      'prevention',
      'protection',
      'prosecution',
      'partnership',
    ]);
    expect(measures().length).toBeGreaterThanOrEqual(6);
    expect(measures().length).toBeLessThanOrEqual(10);
  });

  it('links every measure to demo activities but one, which the dashboard names', () => {
    const unlinked = measures().filter((measure) => measure.activities.length === 0);
    expect(unlinked.map((measure) => measure.title)).toEqual([
      'Draft the amendment on the non-punishment of victims',
    ]);
    expect(
      measures()
        .flatMap((m) => m.activities)
        .every((a) => a.found && a.name.endsWith('(demo)')),
    ).toBe(true);
    expect(dashboard.links.measuresWithoutActivity.map((row) => row.title)).toEqual([
      'Draft the amendment on the non-punishment of victims',
    ]);
  });

  it('shows one overdue measure and a funding gap', () => {
    expect(dashboard.overdueMeasures.map((row) => row.title)).toEqual([
      'Train police officers and prosecutors on trafficking cases',
    ]);
    const gaps = dashboard.funding.gapsByPillar.filter((row) =>
      row.gap.some((money) => money.amountMinor > 0),
    );
    expect(gaps.map((row) => row.pillar).sort()).toEqual(['prevention', 'prosecution']);
  });

  it('holds approved reports for the first period, one at risk, and a count read by the system', () => {
    const reports = indicators().flatMap((indicator) => indicator.reports);
    const byHand = reports.filter((report) => report.submittedBy !== null);
    expect(byHand.length).toBe(5);
    expect(byHand.every((report) => report.approvedAt !== null)).toBe(true);
    expect(byHand.filter((report) => report.status === 'at_risk')).toHaveLength(1);
    const counted = indicators().find((indicator) => indicator.source.kind === 'activities');
    expect(counted?.reports.length).toBeGreaterThan(0);
    expect(counted?.reports[0]?.sourceNote).toMatch(/^Count of 4W activities on /);
    const bySex = indicators().find((indicator) => indicator.disaggregatedBy.includes('sex'));
    expect(bySex?.targets.filter((target) => target.sex === 'female')).toHaveLength(2);
    expect(indicators().every((indicator) => indicator.baseline !== null)).toBe(true);
  });

  it('judges the figure for women and girls against its target, though only the total has a baseline', () => {
    const assisted = dashboard.indicators.find(
      (indicator) => indicator.name === 'Victims assisted in shelters',
    );
    const women = assisted?.rows.find((row) => row.sex === 'female');
    expect(women).toMatchObject({
      baseline: null,
      actual: { value: 131 },
      target: { value: 240 },
      computedStatus: 'on_track',
    });
    expect(assisted?.rows.every((row) => row.computedStatus !== 'no_data')).toBe(true);
  });

  it('is left out when a test asks for the demo without plans', async () => {
    const database = await engine.open();
    try {
      const seeded = await seedDatabase(database.db, {
        demo: true,
        sealer: new Sealer(randomBytes(32)),
        leaveOut: ['cases', 'plans'],
      });
      expect(seeded.demo.records.activities).toBeGreaterThan(0);
      expect(seeded.demo.records).not.toHaveProperty('plans');
      expect(await database.db.select().from(plans)).toEqual([]);
    } finally {
      await database.dispose();
    }
  });
});
