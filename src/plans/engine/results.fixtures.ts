// Invented measures with indicators, targets and reports, for the results import and export tests.
import type { Indicator, Measure, ProgressReport } from './model.js';
import { aMeasure as aFactoryMeasure, aReport as aFactoryReport } from './testing/plan-factories.js';

/** A report on the whole of 2025, approved in January 2026. */
export function aReport(overrides: Partial<ProgressReport> = {}): ProgressReport {
  return aFactoryReport({
    start: '2025-01-01',
    end: '2025-12-31',
    value: 40,
    narrative: 'Two sessions were held in the northern provinces.',
    approvedAt: '2026-01-15T10:00:00Z',
    ...overrides,
  });
}

/** An indicator broken down by sex and age, with targets and approved reports over two years. */
export function aDisaggregatedIndicator(): Indicator {
  return {
    id: 'indicator-judges',
    name: 'Judges and prosecutors trained on trafficking cases',
    definition: 'People who completed the five-day course, counted once.',
    unit: 'people',
    direction: 'increase',
    baseline: { value: 12, date: '2024-06-30' },
    disaggregatedBy: ['sex', 'age'],
    source: { kind: 'manual' },
    targets: [
      { start: '2025-01-01', end: '2025-12-31', value: 100 },
      { start: '2025-01-01', end: '2025-12-31', sex: 'female', value: 50 },
      { start: '2025-01-01', end: '2025-12-31', sex: 'female', age: 'adults', value: 48.5 },
      { start: '2026-01-01', end: '2026-12-31', value: 200 },
    ],
    reports: [
      aReport({
        id: 'report-total',
        value: 90,
        evidenceLinks: ['https://example.org/report?year=2025&part=1'],
      }),
      aReport({
        id: 'report-female',
        sex: 'female',
        value: 41,
        status: 'at_risk',
        sourceNote: 'Course register',
      }),
      aReport({ id: 'report-female-adults', sex: 'female', age: 'adults', value: 39.5, narrative: '' }),
      aReport({
        id: 'report-narrative',
        start: '2026-01-01',
        end: '2026-06-30',
        value: null,
        status: 'off_track',
        narrative: 'The course was postponed: "no venue" & <no trainers>.',
      }),
      aReport({ id: 'report-draft', start: '2026-01-01', end: '2026-12-31', value: 10, approvedAt: null }),
    ],
  };
}

export function aPercentageIndicator(): Indicator {
  return {
    id: 'indicator-share',
    name: 'Share of cases pending trial after a year',
    definition: '',
    unit: 'percent',
    direction: 'decrease',
    baseline: { sex: 'male', value: 61.25, date: '2024-12-31' },
    disaggregatedBy: ['sex'],
    source: { kind: 'statistics', query: { dataset: 'court-cases', measure: 'pending' } },
    targets: [{ start: '2025-01-01', end: '2025-12-31', sex: 'male', value: 40 }],
    reports: [aReport({ id: 'report-share', sex: 'male', value: 55 })],
  };
}

export function aMeasure(overrides: Partial<Measure> = {}): Measure {
  return aFactoryMeasure({
    id: 'measure-7',
    title: 'Train judges & prosecutors',
    ownerOrganisationId: 'org-justice',
    indicators: [aDisaggregatedIndicator(), aPercentageIndicator()],
    ...overrides,
  });
}

/** What an import gives back for what was exported: approved reports only, awaiting approval again. */
export function asImported(indicator: Indicator): Indicator {
  return inOrder({
    ...indicator,
    reports: indicator.reports.filter((r) => r.approvedAt).map((r) => ({ ...r, approvedAt: null })),
  });
}

const orderKey = (v: { start: string; end: string; sex?: string | undefined; age?: string | undefined }) =>
  `${v.start}/${v.end}/${v.sex ?? ''}/${v.age ?? ''}`;

/** Targets and reports by period and group, so that two indicators compare whatever order they were read in. */
export function inOrder(indicator: Indicator): Indicator {
  const byKey = (a: Parameters<typeof orderKey>[0], b: Parameters<typeof orderKey>[0]) =>
    orderKey(a).localeCompare(orderKey(b));
  return {
    ...indicator,
    targets: [...indicator.targets].sort(byKey),
    reports: [...indicator.reports].sort(byKey),
  };
}
