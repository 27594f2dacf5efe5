import { describe, expect, it } from 'vitest';
import {
  activitiesNote,
  automaticReport,
  isAutomaticReport,
  saysTheSame,
  statisticsNote,
  type WantedActual,
  wantedActuals,
} from './automatic-actuals.js';
import { aMeasure, anIndicator, anObjective, aPlan, aTarget } from './testing/plan-factories.js';

const H1 = { start: '2026-01-01', end: '2026-06-30' };
const H2 = { start: '2026-07-01', end: '2026-12-31' };

function planWith(indicators: ReturnType<typeof anIndicator>[]) {
  return aPlan({ objectives: [anObjective({ measures: [aMeasure({ indicators })] })] });
}

const counted = anIndicator({
  id: 'counted',
  source: { kind: 'activities', filter: { pillar: 'protection' } },
  targets: [
    aTarget({ ...H1, value: 4 }),
    aTarget({ ...H2, value: 8 }),
    aTarget({ ...H1, sex: 'female', value: 2 }),
  ],
});
const read = anIndicator({
  id: 'read',
  source: { kind: 'statistics', query: { indicator: 'Detected trafficking victims', country: 'KEN' } },
  targets: [aTarget({ ...H1, value: 100 }), aTarget({ ...H1, sex: 'female', value: 60 })],
});

describe('wantedActuals', () => {
  it('asks for every target period that has begun, and none that has not', () => {
    const wanted = wantedActuals(planWith([counted]), '2026-05-01', ['activities']);
    expect(wanted.map((item) => item.period)).toEqual([H1]);
    expect(wantedActuals(planWith([counted]), '2026-07-01', ['activities']).map((w) => w.period)).toEqual([
      H1,
      H2,
    ]);
  });

  it('counts activities for the whole period only, but reads statistics for each disaggregation', () => {
    const wanted = wantedActuals(planWith([counted, read]), '2026-12-31', ['activities', 'statistics']);
    const counts = wanted.filter((item) => item.kind === 'activities');
    expect(counts.map((item) => item.disaggregation)).toEqual([{}, {}]);
    const figures = wanted.filter((item) => item.kind === 'statistics');
    expect(figures.map((item) => item.disaggregation)).toEqual([{}, { sex: 'female' }]);
  });

  it('leaves manual indicators and the kinds not asked for alone', () => {
    const manual = anIndicator({ id: 'manual' });
    expect(wantedActuals(planWith([manual, read]), '2026-12-31', ['activities'])).toEqual([]);
  });
});

describe('automaticReport', () => {
  const wanted = (indicator = counted, period = H1): WantedActual => ({
    measureId: 'measure-1',
    indicator,
    period,
    disaggregation: {},
    kind: 'activities',
    filter: {},
  });

  it('takes the status the engine computes at the end of an ended period', () => {
    // Baseline 0 on 1 January, target 4 by 30 June: 2 of 4 at the end is half the way, fifty points short.
    const report = automaticReport(
      wanted(),
      { value: 2, sourceNote: activitiesNote('2026-07-10') },
      '2026-07-10',
    );
    expect(report).toMatchObject({ ...H1, indicatorId: 'counted', value: 2, status: 'off_track' });
    expect(automaticReport(wanted(), { value: 4, sourceNote: 'x' }, '2026-07-10').status).toBe('on_track');
  });

  it('judges a running period on the day it is read, not at its end', () => {
    // On 1 April half of the first half-year has passed: 2 of 4 is on track then, off track at the end.
    const early = automaticReport(wanted(), { value: 2, sourceNote: 'x' }, '2026-04-01');
    expect(early.status).toBe('on_track');
  });

  it('says on track when no target or baseline allows a status to be computed', () => {
    const open = anIndicator({
      direction: 'decrease',
      baseline: null,
      targets: [aTarget({ ...H1, value: 10 })],
    });
    expect(automaticReport(wanted(open), { value: 30, sourceNote: 'x' }, '2026-07-10').status).toBe(
      'on_track',
    );
  });

  it('judges a count without a baseline against its target, counting up from nothing', () => {
    const open = anIndicator({ baseline: null, targets: [aTarget({ ...H1, value: 10 })] });
    expect(automaticReport(wanted(open), { value: 3, sourceNote: 'x' }, '2026-07-10').status).toBe(
      'off_track',
    );
  });
});

describe('saysTheSame', () => {
  const next = (value: number, sourceNote: string) => ({
    indicatorId: 'i',
    ...H1,
    value,
    status: 'on_track' as const,
    sourceNote,
  });

  it('keeps a count that did not change, whatever day it was taken', () => {
    const before = { value: 3, status: 'on_track', sourceNote: activitiesNote('2026-07-01') };
    expect(saysTheSame(before, next(3, activitiesNote('2026-07-09')))).toBe(true);
    expect(saysTheSame(before, next(4, activitiesNote('2026-07-09')))).toBe(false);
  });

  it('replaces a figure read from another release, even when the value is the same', () => {
    const earlier = statisticsNote({ label: 'GLOTIP 2024', publisher: 'UNODC' }, 2023);
    const later = statisticsNote({ label: 'GLOTIP 2026', publisher: 'UNODC' }, 2023);
    const before = { value: 120, status: 'on_track', sourceNote: earlier };
    expect(saysTheSame(before, next(120, earlier))).toBe(true);
    expect(saysTheSame(before, next(120, later))).toBe(false);
  });
});

describe('isAutomaticReport', () => {
  it('knows the reports read here from those people submitted or imported', () => {
    const read = statisticsNote({ label: 'GLOTIP 2024', publisher: 'UNODC' }, 2023);
    expect(isAutomaticReport({ submittedBy: null, sourceNote: read })).toBe(true);
    expect(isAutomaticReport({ submittedBy: null, sourceNote: activitiesNote('2026-07-01') })).toBe(true);
    expect(isAutomaticReport({ submittedBy: 'user-1', sourceNote: read })).toBe(false);
    expect(isAutomaticReport({ submittedBy: null, sourceNote: 'Imported from “results.csv”' })).toBe(false);
  });
});
