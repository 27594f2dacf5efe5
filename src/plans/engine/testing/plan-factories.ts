// Invented plans, measures, indicators and activities for the plan engine's tests: each factory fills what a
// test does not care about, so a test states only what it checks.
import type {
  ActivityFacts,
  Funding,
  Indicator,
  Measure,
  Objective,
  Plan,
  ProgressReport,
  Target,
} from '../model.js';

export function aReport(overrides: Partial<ProgressReport> = {}): ProgressReport {
  return {
    id: 'report-1',
    start: '2026-01-01',
    end: '2026-03-31',
    value: null,
    narrative: 'Training sessions held in three provinces.',
    evidenceLinks: [],
    status: 'on_track',
    approvedAt: '2026-04-10T09:00:00Z',
    ...overrides,
  };
}

export function aTarget(overrides: Partial<Target> = {}): Target {
  return { start: '2026-01-01', end: '2026-12-31', value: 100, ...overrides };
}

export function anIndicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    id: 'indicator-1',
    name: 'Front-line officers trained to identify victims',
    definition: 'Officers who completed the two-day course.',
    unit: 'people',
    direction: 'increase',
    baseline: { value: 0, date: '2026-01-01' },
    targets: [aTarget()],
    disaggregatedBy: [],
    source: { kind: 'manual' },
    reports: [],
    ...overrides,
  };
}

export function aFunding(overrides: Partial<Funding> = {}): Funding {
  return {
    funderOrganisationId: 'funder-a',
    committed: { amountMinor: 0, currency: 'EUR' },
    spent: { amountMinor: 0, currency: 'EUR' },
    ...overrides,
  };
}

export function aMeasure(overrides: Partial<Measure> = {}): Measure {
  return {
    id: 'measure-1',
    title: 'Train border officers',
    ownerOrganisationId: 'org-ministry',
    contributingOrganisationIds: [],
    deadline: '2026-12-31',
    budget: null,
    status: 'in_progress',
    countries: [],
    activityIds: [],
    funding: [],
    indicators: [],
    ...overrides,
  };
}

export function anObjective(overrides: Partial<Objective> = {}): Objective {
  return {
    id: 'objective-1',
    title: 'Victims are identified early',
    pillar: 'protection',
    measures: [],
    ...overrides,
  };
}

export function aPlan(overrides: Partial<Plan> = {}): Plan {
  return {
    id: 'plan-1',
    title: 'National plan against trafficking 2026–2027',
    scope: 'national',
    countries: ['NGA'],
    period: { start: '2026-01-01', end: '2027-12-31' },
    coordinatorOrganisationId: 'org-coordinator',
    objectives: [],
    ...overrides,
  };
}

export function anActivity(overrides: Partial<ActivityFacts> = {}): ActivityFacts {
  return {
    id: 'activity-1',
    title: 'Shelter for women survivors',
    organisationId: 'org-shelter',
    pillar: 'protection',
    country: 'NGA',
    period: { start: '2026-02-01', end: '2026-11-30' },
    funding: [],
    ...overrides,
  };
}
