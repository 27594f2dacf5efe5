// An indicator's progress: the latest approved actual against baseline and target, per disaggregation, with a
// status computed by the stated rule beside the reported one. Expected values are worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  AT_RISK_MAX_SHORTFALL,
  assessIndicatorProgress,
  elapsedShare,
  ON_TRACK_MAX_SHORTFALL,
  progressShare,
  statusFrom,
} from './indicator-progress.js';
import { anIndicator, aReport, aTarget } from './testing/plan-factories.js';

// From the baseline on 2026-01-01 to the end of June is 180 days of the 364 to 2026-12-31.
const HALF_YEAR_ELAPSED = 180 / 364;
const FIRST_HALF = { start: '2026-01-01', end: '2026-06-30' };
const AS_OF_JULY = { asOf: '2026-07-15' };

function totalRow(progress: ReturnType<typeof assessIndicatorProgress>) {
  return progress.rows[0]!;
}

describe('the share of the way from baseline to target', () => {
  it('measures an increase from the baseline', () => {
    expect(progressShare('increase', 20, 120, 70).raw).toBe(0.5);
  });

  it('measures a decrease the same way round, so falling values count as progress', () => {
    expect(progressShare('decrease', 200, 100, 150).raw).toBe(0.5);
    expect(progressShare('decrease', 200, 100, 220).raw).toBeCloseTo(-0.2, 10);
  });

  it('is unknown without a baseline unless the target is already reached', () => {
    expect(progressShare('increase', null, 100, 40).raw).toBeNull();
    expect(progressShare('increase', null, 100, 100).raw).toBe(1);
    expect(progressShare('decrease', null, 10, 8).raw).toBe(1);
  });

  it('is all or nothing when the target is to hold the baseline', () => {
    expect(progressShare('decrease', 0, 0, 0).raw).toBe(1);
    expect(progressShare('decrease', 0, 0, 3).raw).toBe(0);
  });

  it('refuses a target on the wrong side of the baseline for the direction', () => {
    expect(progressShare('increase', 50, 40, 45)).toEqual({ raw: null, isTargetAgainstDirection: true });
    expect(progressShare('decrease', 50, 60, 45)).toEqual({ raw: null, isTargetAgainstDirection: true });
  });
});

describe('the elapsed share and the status rule', () => {
  it('counts days from the baseline to the end of the target period', () => {
    expect(elapsedShare('2026-01-01', '2026-12-31', '2026-06-30')).toBeCloseTo(HALF_YEAR_ELAPSED, 12);
    expect(elapsedShare('2026-01-01', '2026-12-31', '2025-12-01')).toBe(0);
    expect(elapsedShare('2026-01-01', '2026-12-31', '2027-03-01')).toBe(1);
    expect(elapsedShare('2026-06-01', '2026-06-01', '2026-06-01')).toBe(1);
  });

  it('states its thresholds as ten and twenty-five points of shortfall', () => {
    expect(ON_TRACK_MAX_SHORTFALL).toBe(0.1);
    expect(AT_RISK_MAX_SHORTFALL).toBe(0.25);
  });

  it('grades the shortfall against the expected share, the limits included', () => {
    expect(statusFrom(0.4, 0.5)).toBe('on_track');
    expect(statusFrom(0.39, 0.5)).toBe('at_risk');
    expect(statusFrom(0.25, 0.5)).toBe('at_risk');
    expect(statusFrom(0.24, 0.5)).toBe('off_track');
    expect(statusFrom(1.2, 1)).toBe('on_track');
    expect(statusFrom(null, 0.5)).toBe('no_data');
  });
});

describe('assessing an indicator', () => {
  it('compares the latest approved actual with the target of the year', () => {
    const indicator = anIndicator({
      reports: [
        aReport({ id: 'q1', start: '2026-01-01', end: '2026-03-31', value: 20 }),
        aReport({ id: 'q2', start: '2026-04-01', end: '2026-06-30', value: 40, approvedAt: '2026-07-05' }),
      ],
    });
    const row = totalRow(assessIndicatorProgress(indicator, AS_OF_JULY));
    expect(row.actual).toEqual({
      value: 40,
      period: { start: '2026-04-01', end: '2026-06-30' },
      reportId: 'q2',
    });
    expect(row.target?.value).toBe(100);
    expect(row.baseline).toEqual({ value: 0, date: '2026-01-01' });
    expect(row.progressShare).toBe(0.4);
    // 0.4945 expected − 0.4 = 0.0945 short: within ten points.
    expect(row.expectedShare).toBeCloseTo(HALF_YEAR_ELAPSED, 12);
    expect(row.computedStatus).toBe('on_track');
    expect(row.missing).toEqual([]);
  });

  it('moves to at risk and off track as the actual falls behind the calendar', () => {
    const statusFor = (value: number) =>
      totalRow(
        assessIndicatorProgress(anIndicator({ reports: [aReport({ ...FIRST_HALF, value })] }), AS_OF_JULY),
      ).computedStatus;
    expect(statusFor(30)).toBe('at_risk'); // 0.4945 − 0.30 = 0.1945
    expect(statusFor(20)).toBe('off_track'); // 0.4945 − 0.20 = 0.2945
  });

  it('ignores reports the coordinator has not approved', () => {
    const indicator = anIndicator({
      reports: [
        aReport({ id: 'approved', ...FIRST_HALF, value: 40 }),
        aReport({ id: 'draft', start: '2026-07-01', end: '2026-07-10', value: 95, approvedAt: null }),
      ],
    });
    const row = totalRow(assessIndicatorProgress(indicator, AS_OF_JULY));
    expect(row.actual?.reportId).toBe('approved');
  });

  it('as of a day, leaves out reports approved later or for periods not yet over', () => {
    const indicator = anIndicator({
      reports: [
        aReport({ id: 'approved-late', ...FIRST_HALF, value: 40, approvedAt: '2026-07-20T08:00:00Z' }),
        aReport({
          id: 'running',
          start: '2026-07-01',
          end: '2026-09-30',
          value: 60,
          approvedAt: '2026-07-10',
        }),
      ],
    });
    const row = totalRow(assessIndicatorProgress(indicator, AS_OF_JULY));
    expect(row.actual).toBeNull();
    expect(row.computedStatus).toBe('no_data');
    expect(row.missing).toEqual(['actual']);
    expect(totalRow(assessIndicatorProgress(indicator, { asOf: '2026-07-20' })).actual?.reportId).toBe(
      'approved-late',
    );
  });

  it('treats a decrease-direction indicator as progressing when its value falls', () => {
    const indicator = anIndicator({
      name: 'Trafficking cases pending trial for over a year',
      direction: 'decrease',
      baseline: { value: 200, date: '2026-01-01' },
      targets: [aTarget({ value: 100 })],
      reports: [aReport({ ...FIRST_HALF, value: 150 })],
    });
    const row = totalRow(assessIndicatorProgress(indicator, AS_OF_JULY));
    expect(row.progressShare).toBe(0.5);
    expect(row.computedStatus).toBe('on_track');
  });

  it('clamps a move the wrong way to zero for display but keeps the raw share and calls it off track', () => {
    const indicator = anIndicator({
      direction: 'decrease',
      baseline: { value: 200, date: '2026-01-01' },
      targets: [aTarget({ value: 100 })],
      reports: [aReport({ ...FIRST_HALF, value: 220 })],
    });
    const row = totalRow(assessIndicatorProgress(indicator, AS_OF_JULY));
    expect(row.progressShare).toBe(0);
    expect(row.rawProgressShare).toBeCloseTo(-0.2, 10);
    expect(row.computedStatus).toBe('off_track');
  });

  it('clamps a target passed to one and calls it on track', () => {
    const indicator = anIndicator({ reports: [aReport({ ...FIRST_HALF, value: 130 })] });
    const row = totalRow(assessIndicatorProgress(indicator, AS_OF_JULY));
    expect(row.progressShare).toBe(1);
    expect(row.rawProgressShare).toBe(1.3);
    expect(row.computedStatus).toBe('on_track');
  });

  it('says the baseline is missing, and judges an increase against its target counting up from nothing', () => {
    const without = (value: number) =>
      totalRow(
        assessIndicatorProgress(
          anIndicator({ baseline: null, reports: [aReport({ ...FIRST_HALF, value })] }),
          AS_OF_JULY,
        ),
      );
    // From nothing on the target's first day, 2026-01-01: half the year elapsed, as with a zero baseline.
    expect(without(40)).toMatchObject({
      baseline: null,
      progressShare: 0.4,
      expectedShare: HALF_YEAR_ELAPSED,
      computedStatus: 'on_track',
      missing: ['baseline'],
    });
    expect(without(20)).toMatchObject({ computedStatus: 'off_track', missing: ['baseline'] });
    expect(without(100)).toMatchObject({
      progressShare: 1,
      computedStatus: 'on_track',
      missing: ['baseline'],
    });
  });

  it('measures a figure without a baseline from the first day of its own target', () => {
    const indicator = anIndicator({
      baseline: null,
      targets: [aTarget({ start: '2026-04-01', end: '2026-12-31', value: 100 })],
      reports: [aReport({ ...FIRST_HALF, value: 30 })],
    });
    // 90 of the 274 days from 2026-04-01 to 2026-12-31 had passed at the end of June.
    const row = totalRow(assessIndicatorProgress(indicator, AS_OF_JULY));
    expect(row.expectedShare).toBeCloseTo(90 / 274, 12);
    expect(row.computedStatus).toBe('on_track');
  });

  it('gives no status to a decrease without a baseline until it reaches its target', () => {
    const decrease = (value: number) =>
      totalRow(
        assessIndicatorProgress(
          anIndicator({
            direction: 'decrease',
            baseline: null,
            targets: [aTarget({ value: 10 })],
            reports: [aReport({ ...FIRST_HALF, value })],
          }),
          AS_OF_JULY,
        ),
      );
    expect(decrease(40)).toMatchObject({ progressShare: null, computedStatus: 'no_data' });
    expect(decrease(8)).toMatchObject({ progressShare: 1, computedStatus: 'on_track' });
  });

  it('says the target is missing when the indicator has none', () => {
    const indicator = anIndicator({ targets: [], reports: [aReport({ ...FIRST_HALF, value: 40 })] });
    const progress = assessIndicatorProgress(indicator, AS_OF_JULY);
    expect(progress.rows).toHaveLength(1);
    expect(totalRow(progress)).toMatchObject({
      target: null,
      computedStatus: 'no_data',
      missing: ['target'],
    });
    expect(progress.headlineStatus).toBe('no_data');
  });

  it('flags a target against the direction instead of computing a share', () => {
    const indicator = anIndicator({
      baseline: { value: 50, date: '2026-01-01' },
      targets: [aTarget({ value: 40 })],
      reports: [aReport({ ...FIRST_HALF, value: 45 })],
    });
    const row = totalRow(assessIndicatorProgress(indicator, AS_OF_JULY));
    expect(row.isTargetAgainstDirection).toBe(true);
    expect(row.computedStatus).toBe('no_data');
  });

  it('shows the reported status beside the computed one when they differ', () => {
    const indicator = anIndicator({ reports: [aReport({ ...FIRST_HALF, value: 20, status: 'on_track' })] });
    const row = totalRow(assessIndicatorProgress(indicator, AS_OF_JULY));
    expect(row).toMatchObject({
      computedStatus: 'off_track',
      reportedStatus: 'on_track',
      statusDiffers: true,
    });
  });

  it('does not call statuses different when it cannot compute one', () => {
    const indicator = anIndicator({
      direction: 'decrease',
      baseline: null,
      targets: [aTarget({ value: 10 })],
      reports: [aReport({ ...FIRST_HALF, value: 20 })],
    });
    const row = totalRow(assessIndicatorProgress(indicator, AS_OF_JULY));
    expect(row).toMatchObject({
      computedStatus: 'no_data',
      reportedStatus: 'on_track',
      statusDiffers: false,
    });
  });

  it('takes the reported status from a later narrative-only report and the value from the last one with a value', () => {
    const indicator = anIndicator({
      reports: [
        aReport({ id: 'valued', start: '2026-01-01', end: '2026-03-31', value: 30, status: 'on_track' }),
        aReport({ id: 'narrative', start: '2026-04-01', end: '2026-06-30', value: null, status: 'at_risk' }),
      ],
    });
    const row = totalRow(assessIndicatorProgress(indicator, AS_OF_JULY));
    expect(row.actual?.reportId).toBe('valued');
    expect(row.reportedStatus).toBe('at_risk');
  });

  it('of two approved reports for one period, keeps the one approved last', () => {
    const indicator = anIndicator({
      reports: [
        aReport({ id: 'first', ...FIRST_HALF, value: 30, approvedAt: '2026-07-02' }),
        aReport({ id: 'correction', ...FIRST_HALF, value: 35, approvedAt: '2026-07-09' }),
      ],
    });
    expect(totalRow(assessIndicatorProgress(indicator, AS_OF_JULY)).actual?.value).toBe(35);
  });
});

describe('targets by period', () => {
  const phased = anIndicator({
    targets: [
      aTarget({ start: '2026-01-01', end: '2026-06-30', value: 50 }),
      aTarget({ start: '2026-01-01', end: '2026-12-31', value: 100 }),
      aTarget({ start: '2027-01-01', end: '2027-12-31', value: 250 }),
    ],
    reports: [aReport({ ...FIRST_HALF, value: 45 })],
  });

  it('for a period, uses the target set for exactly that period', () => {
    const row = totalRow(assessIndicatorProgress(phased, { period: FIRST_HALF }));
    expect(row.target?.value).toBe(50);
    expect(row.progressShare).toBe(0.9);
    // The half-year target ends the day the actual was measured: all its time has passed, 10 points short.
    expect(row.expectedShare).toBe(1);
    expect(row.computedStatus).toBe('on_track');
  });

  it('as of a day, uses the next target to fall due', () => {
    const row = totalRow(assessIndicatorProgress(phased, AS_OF_JULY));
    expect(row.target?.value).toBe(100);
  });

  it('after every target has passed, keeps to the last one', () => {
    const row = totalRow(assessIndicatorProgress(phased, { asOf: '2028-03-01' }));
    expect(row.target?.value).toBe(250);
  });

  it('for a period, counts only reports that end within it', () => {
    const withLaterReport = {
      ...phased,
      reports: [...phased.reports, aReport({ id: 'q3', start: '2026-07-01', end: '2026-09-30', value: 70 })],
    };
    expect(totalRow(assessIndicatorProgress(withLaterReport, { period: FIRST_HALF })).actual?.value).toBe(45);
    const secondHalf = { start: '2026-07-01', end: '2026-12-31' };
    expect(totalRow(assessIndicatorProgress(withLaterReport, { period: secondHalf })).actual?.value).toBe(70);
  });
});

describe('disaggregation by sex and age', () => {
  const bySex = anIndicator({
    name: 'Survivors given shelter',
    disaggregatedBy: ['sex'],
    baseline: { value: 0, date: '2026-01-01' },
    disaggregatedBaselines: [
      { sex: 'female', value: 0, date: '2026-01-01' },
      { sex: 'male', value: 0, date: '2026-01-01' },
    ],
    targets: [
      aTarget({ value: 100 }),
      aTarget({ sex: 'female', value: 60 }),
      aTarget({ sex: 'male', value: 40 }),
    ],
    reports: [
      aReport({ id: 'female', ...FIRST_HALF, sex: 'female', value: 30 }),
      aReport({ id: 'male', ...FIRST_HALF, sex: 'male', value: 5 }),
    ],
  });

  it('gives a row for all people first, then one per disaggregation, each with its own target', () => {
    const progress = assessIndicatorProgress(bySex, AS_OF_JULY);
    expect(progress.rows.map((row) => row.disaggregation)).toEqual([{}, { sex: 'female' }, { sex: 'male' }]);
    expect(progress.rows.map((row) => row.target?.value)).toEqual([100, 60, 40]);
  });

  it('judges each disaggregation on its own figures', () => {
    const [total, female, male] = assessIndicatorProgress(bySex, AS_OF_JULY).rows;
    expect(total?.actual).toBeNull();
    expect(female).toMatchObject({ progressShare: 0.5, computedStatus: 'on_track' });
    // 5 of 40 is 0.125: 0.37 short of the 0.4945 expected.
    expect(male).toMatchObject({ progressShare: 0.125, computedStatus: 'off_track' });
  });

  it('headlines the worst disaggregation when the total has no data', () => {
    expect(assessIndicatorProgress(bySex, AS_OF_JULY).headlineStatus).toBe('off_track');
  });

  it('headlines the total when it has a status of its own', () => {
    const withTotal = {
      ...bySex,
      reports: [...bySex.reports, aReport({ id: 'all', ...FIRST_HALF, value: 45 })],
    };
    expect(assessIndicatorProgress(withTotal, AS_OF_JULY).headlineStatus).toBe('on_track');
  });

  it('does not share a total baseline out among disaggregations that have none, but judges them on their targets', () => {
    const byAge = anIndicator({
      baseline: { value: 40, date: '2026-01-01' },
      targets: [aTarget({ value: 100 }), aTarget({ age: 'children', value: 30 })],
      reports: [aReport({ ...FIRST_HALF, age: 'children', value: 10 })],
    });
    const children = assessIndicatorProgress(byAge, AS_OF_JULY).rows[1]!;
    expect(children.disaggregation).toEqual({ age: 'children' });
    // 10 of 30 from nothing is a third of the way, 0.16 short of the 0.4945 expected.
    expect(children).toMatchObject({ baseline: null, computedStatus: 'at_risk', missing: ['baseline'] });
    expect(children.progressShare).toBeCloseTo(1 / 3, 12);
  });

  it('keeps sex and age together apart from either alone', () => {
    const crossed = anIndicator({
      targets: [
        aTarget({ sex: 'female', age: 'children', value: 10 }),
        aTarget({ sex: 'female', value: 50 }),
      ],
    });
    const keys = assessIndicatorProgress(crossed, AS_OF_JULY).rows.map((row) => row.disaggregation);
    expect(keys).toEqual([{}, { sex: 'female' }, { sex: 'female', age: 'children' }]);
  });
});

describe('bad dates', () => {
  it('names a date that is not on the calendar and how to write it', () => {
    const indicator = anIndicator({ reports: [aReport({ end: '2026-02-30', value: 1 })] });
    expect(() => assessIndicatorProgress(indicator, AS_OF_JULY)).toThrow(
      /"2026-02-30" is not a calendar date/,
    );
  });
});
