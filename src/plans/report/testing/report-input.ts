// An invented regional plan for the report's tests and previews: measures in three pillars (none in the
// fourth), indicators reported for two quarters, an overdue measure and an overdue report, a measure with no
// activity, an activity serving no measure, and funding with a gap, an over-commitment and an unbudgeted measure.
import type { ActivityFacts, Plan } from '../../engine/model.js';
import {
  aFunding,
  aMeasure,
  anActivity,
  anIndicator,
  anObjective,
  aPlan,
  aReport,
  aTarget,
} from '../../engine/testing/plan-factories.js';
import type { PlanReportInput } from '../report-context.js';

const eur = (amountMinor: number) => ({ currency: 'EUR', amountMinor });
const usd = (amountMinor: number) => ({ currency: 'USD', amountMinor });
const Q1 = { start: '2026-01-01', end: '2026-03-31' };
const Q2 = { start: '2026-04-01', end: '2026-06-30' };
const YEAR = { start: '2026-01-01', end: '2026-12-31' };

/** The day the report describes: after both quarters, with Q2 reports due by 30 July. */
export const REPORT_DAY = '2026-08-15';

export function aMonitoredPlan(): Plan {
  return aPlan({
    title: 'Regional plan against trafficking in persons 2026–2027',
    scope: 'regional',
    countries: ['NGA', 'GHA'],
    coordinatorOrganisationId: 'org-coordinator',
    objectives: [
      anObjective({
        id: 'objective-prevention',
        title: 'Fewer people are recruited by deception',
        pillar: 'prevention',
        measures: [awarenessCampaigns()],
      }),
      anObjective({
        id: 'objective-protection',
        title: 'Victims are identified early and assisted',
        pillar: 'protection',
        measures: [officerTraining(), shelter()],
      }),
      anObjective({
        id: 'objective-prosecution',
        title: 'Traffickers are brought to justice',
        pillar: 'prosecution',
        measures: [prosecutionUnit()],
      }),
    ],
  });
}

/** Past its deadline and still in progress; its indicator is on track; a second indicator has no report. */
function awarenessCampaigns() {
  return aMeasure({
    id: 'measure-campaigns',
    title: 'Run awareness campaigns in border districts',
    ownerOrganisationId: 'org-network',
    deadline: '2026-06-30',
    status: 'in_progress',
    countries: ['NGA'],
    activityIds: ['activity-campaign'],
    budget: eur(10_000_000),
    funding: [
      aFunding({ funderOrganisationId: 'org-donor-fund', committed: eur(6_000_000), spent: eur(2_500_000) }),
    ],
    indicators: [
      anIndicator({
        id: 'indicator-reached',
        name: 'People reached by awareness sessions',
        unit: 'people',
        baseline: { value: 0, date: '2026-01-01' },
        targets: [aTarget({ ...YEAR, value: 10_000 })],
        reports: [
          aReport({ id: 'report-reached-q1', ...Q1, value: 2_000, status: 'on_track' }),
          aReport({
            id: 'report-reached-q2',
            ...Q2,
            value: 4_500,
            status: 'on_track',
            approvedAt: '2026-07-20',
          }),
        ],
      }),
      anIndicator({
        id: 'indicator-offers',
        name: 'Job offers checked for warning signs',
        unit: 'job offers',
        baseline: null,
        targets: [aTarget({ ...YEAR, value: 300 })],
      }),
    ],
  });
}

/** No activity behind it; acts in both countries; its officers trained fall behind, women even more. */
function officerTraining() {
  return aMeasure({
    id: 'measure-training',
    title: 'Train border officers to identify victims',
    ownerOrganisationId: 'org-interior',
    budget: usd(5_000_000),
    funding: [
      aFunding({ funderOrganisationId: 'org-un-fund', committed: usd(2_000_000), spent: usd(500_000) }),
    ],
    indicators: [
      anIndicator({
        id: 'indicator-trained',
        name: 'Front-line officers trained to identify victims',
        unit: 'officers',
        disaggregatedBy: ['sex'],
        baseline: { value: 0, date: '2026-01-01' },
        disaggregatedBaselines: [{ sex: 'female', value: 0, date: '2026-01-01' }],
        targets: [aTarget({ ...YEAR, value: 400 }), aTarget({ ...YEAR, sex: 'female', value: 200 })],
        reports: [
          aReport({ id: 'report-trained-q1', ...Q1, value: 40, status: 'at_risk' }),
          // The owner calls it on track; by the plan's rule it is off track, and the report shows both.
          aReport({
            id: 'report-trained-q2',
            ...Q2,
            value: 80,
            status: 'on_track',
            approvedAt: '2026-07-15',
          }),
          aReport({ id: 'report-trained-q2-f', ...Q2, sex: 'female', value: 30, approvedAt: '2026-07-15' }),
        ],
      }),
    ],
  });
}

/** Completed; more committed than budgeted. */
function shelter() {
  return aMeasure({
    id: 'measure-shelter',
    title: 'Open a shelter for women survivors',
    ownerOrganisationId: 'org-refuge',
    deadline: '2026-03-31',
    status: 'completed',
    countries: ['GHA'],
    activityIds: ['activity-shelter'],
    budget: eur(4_000_000),
    funding: [
      aFunding({ funderOrganisationId: 'org-donor-fund', committed: eur(4_500_000), spent: eur(4_000_000) }),
    ],
  });
}

/** Planned, unbudgeted, no activity; its cases pending trial fall slowly and the Q2 report is overdue. */
function prosecutionUnit() {
  return aMeasure({
    id: 'measure-prosecution',
    title: 'Set up a specialised prosecution unit',
    ownerOrganisationId: 'org-interior',
    deadline: '2027-06-30',
    status: 'planned',
    countries: ['NGA'],
    indicators: [
      anIndicator({
        id: 'indicator-cases',
        name: 'Trafficking cases pending trial',
        unit: 'cases',
        direction: 'decrease',
        baseline: { value: 120, date: '2026-01-01' },
        targets: [
          aTarget({ ...Q1, value: 105 }),
          aTarget({ ...Q2, value: 90 }),
          aTarget({ ...YEAR, value: 60 }),
        ],
        reports: [aReport({ id: 'report-cases-q1', ...Q1, value: 115, status: 'at_risk' })],
      }),
    ],
  });
}

export function someActivities(): ActivityFacts[] {
  return [
    anActivity({
      id: 'activity-campaign',
      title: 'Awareness campaign in the northern border districts',
      organisationId: 'org-network',
      pillar: 'prevention',
      country: 'NGA',
    }),
    anActivity({
      id: 'activity-shelter',
      title: 'Shelter for women survivors',
      organisationId: 'org-refuge',
      country: 'GHA',
      period: { start: '2026-01-01', end: '2026-03-31' },
    }),
    anActivity({
      id: 'activity-hotline',
      title: 'National anti-trafficking hotline',
      organisationId: 'org-hotline',
      country: 'NGA',
      period: YEAR,
    }),
    // Outside the plan's countries: neither linked nor listed as serving no measure.
    anActivity({
      id: 'activity-elsewhere',
      title: 'Legal aid clinic',
      organisationId: 'org-hotline',
      country: 'TGO',
    }),
  ];
}

export const ENGLISH_NAMES: PlanReportInput['names'] = {
  organisations: {
    'org-coordinator': 'National Coordination Agency',
    'org-network': 'Safe Migration Network',
    'org-interior': 'Ministry of the Interior',
    'org-refuge': 'Women’s Refuge Association',
    'org-hotline': 'Helpline Foundation',
    'org-donor-fund': 'Northern Donors Fund',
    'org-un-fund': 'Joint Programme Fund',
  },
  countries: { NGA: 'Nigeria', GHA: 'Ghana', TGO: 'Togo' },
};

export const ARABIC_NAMES: PlanReportInput['names'] = {
  organisations: {
    'org-coordinator': 'الوكالة الوطنية للتنسيق',
    'org-network': 'شبكة الهجرة الآمنة',
    'org-interior': 'وزارة الداخلية',
    'org-refuge': 'جمعية ملجأ النساء',
    'org-hotline': 'مؤسسة خط المساعدة',
    'org-donor-fund': 'صندوق المانحين الشماليين',
    'org-un-fund': 'صندوق البرنامج المشترك',
  },
  countries: { NGA: 'نيجيريا', GHA: 'غانا', TGO: 'توغو' },
};

export function aReportInput(overrides: Partial<PlanReportInput> = {}): PlanReportInput {
  return {
    plan: aMonitoredPlan(),
    activities: someActivities(),
    names: ENGLISH_NAMES,
    today: REPORT_DAY,
    lang: 'en',
    generatedAt: '2026-08-15T09:30:00Z',
    ...overrides,
  };
}
