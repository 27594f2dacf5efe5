// An illustrative national plan of action for the demo (Kenya, where most demo activities run), coordinated by
// the demo coordination office: objectives in the four pillars, measures linked to demo activities (one to none,
// so the dashboard shows it), one overdue, a funding gap, indicators with baselines and two periods of targets,
// and approved reports for the first period (one at risk). Its dates count from the day it is seeded, so that
// the demo stays current; the indicator counting activities is read as the system reads it.
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { DEMO_USERS } from '../access/demo.js';
import { users } from '../access/schema.js';
import { activities } from '../activities/index.js';
import { demoOrganisationIds } from '../partners/index.js';
import type { Queryable } from '../platform/db.js';
import { addDays } from './engine/calendar.js';
import { refreshIndicators } from './refresh-indicators.js';
import { createPlan } from './save-plan.js';
import { planProgressReports } from './schema.js';
import { type IndicatorInput, type MeasureInput, PlanInput } from './schemas.js';

export const DEMO_PLAN_TITLE = 'National plan of action against trafficking in persons, Kenya (illustrative)';

type Org = Awaited<ReturnType<typeof demoOrganisationIds>>;
type Periods = { first: { start: string; end: string }; second: { start: string; end: string } };
type DemoReport = {
  indicatorId: string;
  value: number;
  status: 'on_track' | 'at_risk';
  sex?: 'female';
  /** The measure's owner reports: the shelter's editor for the shelter's measure, the coordinator otherwise. */
  by: 'editor' | 'coordinator';
};

const usd = (dollars: number) => ({ amountMinor: dollars * 100, currency: 'USD' });
const funded = (funder: string, committed: number, spent: number) => ({
  funderOrganisationId: funder,
  currency: 'USD',
  committedMinor: committed * 100,
  spentMinor: spent * 100,
});

function indicator(periods: Periods, values: Partial<IndicatorInput> & { first: number; second: number }) {
  const { first, second, ...rest } = values;
  return {
    id: randomUUID(),
    unit: 'people',
    direction: 'increase' as const,
    baseline: { value: 0, date: periods.first.start },
    targets: [
      { ...periods.first, value: first },
      { ...periods.second, value: second },
    ],
    ...rest,
  } as IndicatorInput & { id: string; name: string };
}

export async function loadDemoPlan(tx: Queryable, today: string): Promise<number> {
  const org = await demoOrganisationIds(tx);
  const activityIds = await demoActivityIds(tx);
  const periods: Periods = {
    first: { start: addDays(today, -365), end: addDays(today, -31) },
    second: { start: addDays(today, -30), end: addDays(today, 335) },
  };
  const { input, reports } = demoPlanDocument(org, activityIds, periods, today);
  const planId = await createPlan(tx, PlanInput.parse(input), null);
  const people = await demoUserIds(tx);
  await tx.insert(planProgressReports).values(
    reports.map((report) => ({
      planId,
      indicatorId: report.indicatorId,
      periodStart: periods.first.start,
      periodEnd: periods.first.end,
      sex: report.sex ?? null,
      value: report.value,
      narrative: report.status === 'at_risk' ? 'Fewer courses ran than planned: two trainers left.' : '',
      status: report.status,
      submittedBy: people[report.by],
      approvedBy: people.coordinator,
      approvedAt: new Date(`${addDays(periods.first.end, 14)}T10:00:00Z`),
    })),
  );
  const read = await refreshIndicators(tx, { today, planId });
  const measures = input.objectives.flatMap((objective) => objective.measures);
  return 1 + measures.length + reports.length + read.written;
}

function demoPlanDocument(org: Org, activity: Map<string, string>, periods: Periods, today: string) {
  const linked = (...identifiers: string[]) =>
    identifiers.flatMap((identifier) => activity.get(identifier) ?? []);
  const reached = indicator(periods, {
    name: 'People reached by awareness sessions',
    first: 10000,
    second: 30000,
  });
  const assisted = indicator(periods, {
    name: 'Victims assisted in shelters',
    disaggregatedBy: ['sex'],
    first: 150,
    second: 300,
  });
  assisted.targets.push(
    { ...periods.first, sex: 'female', value: 120 },
    { ...periods.second, sex: 'female', value: 240 },
  );
  const trained = indicator(periods, {
    name: 'Police officers and prosecutors trained',
    first: 200,
    second: 400,
  });
  const referred = indicator(periods, {
    name: 'Cases referred through the national referral mechanism',
    unit: 'cases',
    baseline: { value: 40, date: periods.first.start },
    first: 60,
    second: 100,
  });
  const counted = indicator(periods, {
    name: 'Protection activities running in Kenya',
    unit: 'activities',
    first: 2,
    second: 3,
    source: { kind: 'activities', filter: { pillar: 'protection' } },
  });
  const measure = (values: Partial<MeasureInput> & { title: string; ownerOrganisationId: string }) => values;
  const input = {
    title: DEMO_PLAN_TITLE,
    description:
      'Illustrative demo data: an invented plan to show how a plan of action is drawn up and monitored. Its measures, figures and reports are not real.',
    scope: 'national',
    countries: ['KEN'],
    period: { start: periods.first.start, end: addDays(today, 3 * 365) },
    coordinatorOrganisationId: org.office,
    objectives: [
      {
        title: 'Fewer people are recruited by deception',
        pillar: 'prevention',
        measures: [
          measure({
            title: 'Run a national awareness campaign on deceptive recruitment',
            ownerOrganisationId: org.office,
            contributingOrganisationIds: [org.shelter],
            deadline: addDays(today, 200),
            budget: usd(60000),
            status: 'in_progress',
            activityIds: linked('DEMO-KEN-002', 'DEMO-KEN-003'),
            funding: [funded(org.office, 40000, 15000)],
            indicators: [reached],
          }),
        ],
      },
      {
        title: 'Victims are identified, sheltered and assisted',
        pillar: 'protection',
        measures: [
          measure({
            title: 'Shelter and assist women and girls who survived trafficking',
            ownerOrganisationId: org.shelter,
            contributingOrganisationIds: [org.legal],
            deadline: addDays(today, 300),
            budget: usd(180000),
            status: 'in_progress',
            activityIds: linked('DEMO-KEN-001'),
            funding: [funded(org.office, 180000, 90000)],
            indicators: [assisted, counted],
          }),
          measure({
            title: 'Provide legal aid to survivors in Nairobi',
            ownerOrganisationId: org.legal,
            deadline: addDays(today, 330),
            budget: usd(50000),
            status: 'in_progress',
            activityIds: linked('DEMO-KEN-006'),
            funding: [funded(org.office, 50000, 20000)],
          }),
        ],
      },
      {
        title: 'Traffickers are prosecuted and convicted',
        pillar: 'prosecution',
        measures: [
          measure({
            title: 'Train police officers and prosecutors on trafficking cases',
            ownerOrganisationId: org.office,
            contributingOrganisationIds: [org.legal],
            deadline: addDays(today, -20),
            budget: usd(75000),
            status: 'in_progress',
            activityIds: linked('DEMO-KEN-004'),
            funding: [funded(org.office, 75000, 60000)],
            indicators: [trained],
          }),
          measure({
            title: 'Draft the amendment on the non-punishment of victims',
            ownerOrganisationId: org.legal,
            deadline: addDays(today, 150),
            budget: usd(20000),
            status: 'planned',
          }),
        ],
      },
      {
        title: 'Partners act together through the national referral mechanism',
        pillar: 'partnership',
        measures: [
          measure({
            title: 'Coordinate the national referral mechanism',
            ownerOrganisationId: org.office,
            contributingOrganisationIds: [org.shelter, org.legal],
            deadline: addDays(today, 700),
            budget: usd(30000),
            status: 'in_progress',
            activityIds: linked('DEMO-KEN-005'),
            funding: [funded(org.office, 30000, 12000)],
            indicators: [referred],
          }),
          measure({
            title: 'Map recruitment routes through Kenya',
            ownerOrganisationId: org.institute,
            deadline: addDays(today, 60),
            budget: usd(25000),
            status: 'completed',
            activityIds: linked('DEMO-TZA-002'),
            funding: [funded(org.institute, 25000, 25000)],
          }),
        ],
      },
    ],
  };
  const reports: DemoReport[] = [
    { indicatorId: reached.id, value: 9600, status: 'on_track', by: 'coordinator' },
    { indicatorId: assisted.id, value: 160, status: 'on_track', by: 'editor' },
    { indicatorId: assisted.id, value: 131, status: 'on_track', sex: 'female', by: 'editor' },
    { indicatorId: trained.id, value: 120, status: 'at_risk', by: 'coordinator' },
    { indicatorId: referred.id, value: 62, status: 'on_track', by: 'coordinator' },
  ];
  return { input, reports };
}

async function demoActivityIds(tx: Queryable): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: activities.id, identifier: activities.identifier })
    .from(activities)
    .where(
      inArray(activities.identifier, [
        'DEMO-KEN-001',
        'DEMO-KEN-002',
        'DEMO-KEN-003',
        'DEMO-KEN-004',
        'DEMO-KEN-005',
        'DEMO-KEN-006',
        'DEMO-TZA-002',
      ]),
    );
  return new Map(rows.map((row) => [row.identifier, row.id]));
}

/** Who submitted and who approved the demo's reports: the demo editor and coordinator, where they exist. */
export async function demoUserIds(
  tx: Queryable,
): Promise<{ editor: string | null; coordinator: string | null }> {
  const emailOf = (role: string) => DEMO_USERS.find((user) => user.role === role)?.email ?? '';
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [emailOf('editor'), emailOf('coordinator')]));
  const idOf = (role: string) => rows.find((row) => row.email === emailOf(role))?.id ?? null;
  return { editor: idOf('editor'), coordinator: idOf('coordinator') };
}
