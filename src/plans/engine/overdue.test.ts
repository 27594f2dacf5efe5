// Overdue progress reports: periods ended more than the grace days ago with no approved report for the same
// people. Days past due are counted by hand from the dates in each test.
import { describe, expect, it } from 'vitest';
import type { Indicator, Measure } from './model.js';
import { DEFAULT_REPORTING_GRACE_DAYS, findOverdueReports } from './overdue.js';
import { aMeasure, anIndicator, anObjective, aPlan, aReport, aTarget } from './testing/plan-factories.js';

const Q1 = { start: '2026-01-01', end: '2026-03-31' };
const Q2 = { start: '2026-04-01', end: '2026-06-30' };
const YEAR = { start: '2026-01-01', end: '2026-12-31' };

function planWith(indicators: Indicator[], measure: Partial<Measure> = {}) {
  return aPlan({ objectives: [anObjective({ measures: [aMeasure({ indicators, ...measure })] })] });
}

const quarterly = anIndicator({
  targets: [aTarget({ ...Q1, value: 25 }), aTarget({ ...Q2, value: 50 }), aTarget({ ...YEAR, value: 100 })],
  reports: [aReport({ ...Q1, value: 20 })],
});

describe('overdue progress reports', () => {
  it('waits thirty days by default', () => {
    expect(DEFAULT_REPORTING_GRACE_DAYS).toBe(30);
  });

  it('lists an ended period without an approved report once the grace days have passed', () => {
    // Q2 is due 2026-07-30; 2026-08-15 is 16 days later. Q1 has its report; the year has not ended.
    expect(findOverdueReports(planWith([quarterly]), '2026-08-15')).toEqual([
      {
        measureId: 'measure-1',
        ownerOrganisationId: 'org-ministry',
        pillar: 'protection',
        indicatorId: 'indicator-1',
        indicatorName: 'Front-line officers trained to identify victims',
        period: Q2,
        disaggregation: {},
        dueDate: '2026-07-30',
        daysPastDue: 16,
      },
    ]);
  });

  it('is not overdue on the due date itself, and is one day overdue the day after', () => {
    expect(findOverdueReports(planWith([quarterly]), '2026-07-30')).toEqual([]);
    expect(findOverdueReports(planWith([quarterly]), '2026-07-31').map((r) => r.daysPastDue)).toEqual([1]);
  });

  it('takes the grace days as a parameter', () => {
    const late = findOverdueReports(planWith([quarterly]), '2026-07-01', 0);
    expect(late.map((r) => [r.period.end, r.dueDate, r.daysPastDue])).toEqual([
      ['2026-06-30', '2026-06-30', 1],
    ]);
  });

  it('still counts a period whose only report awaits approval', () => {
    const drafted = {
      ...quarterly,
      reports: [...quarterly.reports, aReport({ ...Q2, value: 40, approvedAt: null })],
    };
    expect(findOverdueReports(planWith([drafted]), '2026-08-15').map((r) => r.period)).toEqual([Q2]);
  });

  it('accepts a narrative-only approved report as a report', () => {
    const narrated = { ...quarterly, reports: [...quarterly.reports, aReport({ ...Q2, value: null })] };
    expect(findOverdueReports(planWith([narrated]), '2026-08-15')).toEqual([]);
  });

  it('accepts a report for the last quarter for the year, but not one for the first half', () => {
    const yearly = anIndicator({ targets: [aTarget(YEAR)] });
    const withLastQuarter = {
      ...yearly,
      reports: [aReport({ start: '2026-10-01', end: '2026-12-31', value: 90 })],
    };
    const withFirstHalf = {
      ...yearly,
      reports: [aReport({ start: '2026-01-01', end: '2026-06-30', value: 40 })],
    };
    expect(findOverdueReports(planWith([withLastQuarter]), '2027-03-01')).toEqual([]);
    // Due 2027-01-30; to 2027-03-01 is 1 day of January, 28 of February and 1 of March.
    expect(findOverdueReports(planWith([withFirstHalf]), '2027-03-01').map((r) => r.daysPastDue)).toEqual([
      30,
    ]);
  });

  it('expects a report for each disaggregation a target names', () => {
    const bySex = anIndicator({
      targets: [aTarget({ ...Q2, sex: 'female', value: 30 }), aTarget({ ...Q2, sex: 'male', value: 20 })],
      reports: [aReport({ ...Q2, sex: 'female', value: 12 }), aReport({ ...Q2, value: 30 })],
    });
    expect(findOverdueReports(planWith([bySex]), '2026-08-15').map((r) => r.disaggregation)).toEqual([
      { sex: 'male' },
    ]);
  });

  it('expects one report for a period however many targets repeat it', () => {
    const repeated = anIndicator({ targets: [aTarget({ ...Q2, value: 10 }), aTarget({ ...Q2, value: 12 })] });
    expect(findOverdueReports(planWith([repeated]), '2026-08-15')).toHaveLength(1);
  });

  it('asks nothing of cancelled measures but still of completed ones', () => {
    expect(findOverdueReports(planWith([quarterly], { status: 'cancelled' }), '2026-08-15')).toEqual([]);
    expect(findOverdueReports(planWith([quarterly], { status: 'completed' }), '2026-08-15')).toHaveLength(1);
  });

  it('puts the most overdue first across measures and indicators', () => {
    const noReports = { ...quarterly, id: 'indicator-2', reports: [] };
    const plan = aPlan({
      objectives: [
        anObjective({ measures: [aMeasure({ id: 'm-b', indicators: [quarterly] })] }),
        anObjective({ pillar: 'prevention', measures: [aMeasure({ id: 'm-a', indicators: [noReports] })] }),
      ],
    });
    // Q1 is due 2026-04-30: 107 days before 2026-08-15; Q2 due 2026-07-30: 16 days.
    expect(
      findOverdueReports(plan, '2026-08-15').map((r) => [r.measureId, r.period.end, r.daysPastDue]),
    ).toEqual([
      ['m-a', '2026-03-31', 107],
      ['m-a', '2026-06-30', 16],
      ['m-b', '2026-06-30', 16],
    ]);
  });

  it('finds nothing in an empty plan or an indicator without targets', () => {
    expect(findOverdueReports(aPlan(), '2026-08-15')).toEqual([]);
    expect(findOverdueReports(planWith([anIndicator({ targets: [] })]), '2026-08-15')).toEqual([]);
  });

  it('refuses a negative or fractional grace period with a sentence', () => {
    expect(() => findOverdueReports(aPlan(), '2026-08-15', -1)).toThrow(/whole number of days, 0 or more/);
    expect(() => findOverdueReports(aPlan(), '2026-08-15', 1.5)).toThrow(/whole number of days/);
  });
});
