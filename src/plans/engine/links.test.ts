// Measures with no activity behind them and activities that serve no measure, on invented plans and 4W facts.
import { describe, expect, it } from 'vitest';
import {
  findActivitiesServingNoMeasure,
  findMeasuresWithoutActivity,
  linkPlanToActivities,
} from './links.js';
import { aMeasure, anActivity, anObjective, aPlan } from './testing/plan-factories.js';

const shelter = anActivity({ id: 'act-shelter' });
const hotline = anActivity({ id: 'act-hotline', pillar: 'prevention' });

function planWith(...measures: ReturnType<typeof aMeasure>[]) {
  return aPlan({ objectives: [anObjective({ measures })] });
}

describe('measures with no activity behind them', () => {
  it('lists a measure that names no activity', () => {
    const plan = planWith(aMeasure({ id: 'm1', activityIds: [] }));
    expect(findMeasuresWithoutActivity(plan, [shelter])).toEqual([
      {
        measureId: 'm1',
        title: 'Train border officers',
        pillar: 'protection',
        ownerOrganisationId: 'org-ministry',
        reason: 'names_no_activity',
        unknownActivityIds: [],
      },
    ]);
  });

  it('lists a measure whose named activities are all unknown, with their ids', () => {
    const plan = planWith(aMeasure({ id: 'm1', activityIds: ['act-gone', 'act-gone', 'act-elsewhere'] }));
    expect(findMeasuresWithoutActivity(plan, [shelter])).toEqual([
      expect.objectContaining({
        measureId: 'm1',
        reason: 'named_activities_not_found',
        unknownActivityIds: ['act-gone', 'act-elsewhere'],
      }),
    ]);
  });

  it('leaves out a measure with at least one known activity', () => {
    const plan = planWith(aMeasure({ activityIds: ['act-gone', 'act-shelter'] }));
    expect(findMeasuresWithoutActivity(plan, [shelter])).toEqual([]);
  });

  it('leaves out cancelled measures but keeps completed ones', () => {
    const plan = planWith(
      aMeasure({ id: 'cancelled', status: 'cancelled' }),
      aMeasure({ id: 'done', status: 'completed' }),
    );
    expect(findMeasuresWithoutActivity(plan, []).map((item) => item.measureId)).toEqual(['done']);
  });

  it('keeps the plan’s order across objectives', () => {
    const plan = aPlan({
      objectives: [
        anObjective({ id: 'o1', pillar: 'prosecution', measures: [aMeasure({ id: 'z' })] }),
        anObjective({ id: 'o2', pillar: 'prevention', measures: [aMeasure({ id: 'a' })] }),
      ],
    });
    expect(findMeasuresWithoutActivity(plan, []).map((item) => [item.measureId, item.pillar])).toEqual([
      ['z', 'prosecution'],
      ['a', 'prevention'],
    ]);
  });
});

describe('activities that serve no measure', () => {
  it('lists activities in the plan’s countries and period that no measure names, by id', () => {
    const plan = planWith(aMeasure({ activityIds: ['act-shelter'] }));
    const other = anActivity({ id: 'act-another' });
    expect(findActivitiesServingNoMeasure(plan, [hotline, shelter, other]).map((a) => a.id)).toEqual([
      'act-another',
      'act-hotline',
    ]);
  });

  it('leaves out activities in other countries', () => {
    const plan = planWith();
    expect(findActivitiesServingNoMeasure(plan, [anActivity({ country: 'GHA' })])).toEqual([]);
  });

  it('leaves out activities wholly before or after the plan, keeping those that overlap it by a day', () => {
    const plan = planWith();
    const before = anActivity({ id: 'before', period: { start: '2025-01-01', end: '2025-12-31' } });
    const after = anActivity({ id: 'after', period: { start: '2028-01-01', end: '2028-06-30' } });
    const lastDay = anActivity({ id: 'last-day', period: { start: '2027-12-31', end: '2028-06-30' } });
    expect(findActivitiesServingNoMeasure(plan, [before, after, lastDay]).map((a) => a.id)).toEqual([
      'last-day',
    ]);
  });

  it('counts a link from a cancelled measure as serving the plan', () => {
    const plan = planWith(aMeasure({ status: 'cancelled', activityIds: ['act-shelter'] }));
    expect(findActivitiesServingNoMeasure(plan, [shelter])).toEqual([]);
  });

  it('reads a regional plan’s countries', () => {
    const plan = aPlan({ scope: 'regional', countries: ['NGA', 'GHA', 'BEN'], objectives: [] });
    const ghana = anActivity({ id: 'act-ghana', country: 'GHA' });
    const niger = anActivity({ id: 'act-niger', country: 'NER' });
    expect(findActivitiesServingNoMeasure(plan, [ghana, niger]).map((a) => a.id)).toEqual(['act-ghana']);
  });
});

describe('both lists together', () => {
  it('answers an empty plan with every activity in scope unserved and no measure to list', () => {
    expect(linkPlanToActivities(aPlan(), [shelter, hotline])).toEqual({
      measuresWithoutActivity: [],
      activitiesServingNoMeasure: [hotline, shelter],
    });
  });

  it('answers a fully linked plan with two empty lists', () => {
    const plan = planWith(
      aMeasure({ id: 'm1', activityIds: ['act-shelter'] }),
      aMeasure({ id: 'm2', activityIds: ['act-hotline'] }),
    );
    expect(linkPlanToActivities(plan, [shelter, hotline])).toEqual({
      measuresWithoutActivity: [],
      activitiesServingNoMeasure: [],
    });
  });
});
