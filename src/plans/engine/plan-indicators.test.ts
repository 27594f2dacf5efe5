// The plan's indicators against their targets, each under its measure and pillar, in the plan's order.
import { describe, expect, it } from 'vitest';
import { listIndicatorProgress } from './plan-indicators.js';
import { aMeasure, anIndicator, anObjective, aPlan, aReport } from './testing/plan-factories.js';

const FIRST_HALF = { start: '2026-01-01', end: '2026-06-30' };

describe('the plan’s indicators against their targets', () => {
  const plan = aPlan({
    objectives: [
      anObjective({
        pillar: 'prosecution',
        measures: [
          aMeasure({
            id: 'm1',
            ownerOrganisationId: 'org-justice',
            indicators: [
              anIndicator({
                id: 'convictions',
                unit: 'cases',
                reports: [aReport({ ...FIRST_HALF, value: 10 })],
              }),
              anIndicator({ id: 'trained-judges' }),
            ],
          }),
          aMeasure({
            id: 'dropped',
            status: 'cancelled',
            indicators: [anIndicator({ id: 'dropped-indicator' })],
          }),
        ],
      }),
      anObjective({
        pillar: 'prevention',
        measures: [aMeasure({ id: 'm2', indicators: [anIndicator({ id: 'campaign-reach' })] })],
      }),
    ],
  });

  it('places each indicator under its measure and pillar, in the plan’s order, without cancelled measures', () => {
    const rows = listIndicatorProgress(plan, { asOf: '2026-07-15' });
    expect(rows.map((row) => [row.pillar, row.measureId, row.indicatorId])).toEqual([
      ['prosecution', 'm1', 'convictions'],
      ['prosecution', 'm1', 'trained-judges'],
      ['prevention', 'm2', 'campaign-reach'],
    ]);
  });

  it('carries each indicator’s assessment with its name and unit', () => {
    const [convictions, trainedJudges] = listIndicatorProgress(plan, { asOf: '2026-07-15' });
    // 10 of 100 against an expected 0.4945: off track.
    expect(convictions).toMatchObject({
      unit: 'cases',
      ownerOrganisationId: 'org-justice',
      headlineStatus: 'off_track',
    });
    expect(convictions?.rows[0]?.progressShare).toBe(0.1);
    expect(trainedJudges?.headlineStatus).toBe('no_data');
  });

  it('answers an empty plan with no rows', () => {
    expect(listIndicatorProgress(aPlan(), { asOf: '2026-07-15' })).toEqual([]);
  });
});
