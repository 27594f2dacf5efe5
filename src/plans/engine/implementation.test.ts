// Implementation by pillar and owner: measures by status, completed share, overdue measures and indicators by
// computed status, on a small invented plan whose figures are counted by hand in the comments.
import { describe, expect, it } from 'vitest';
import { assessImplementation } from './implementation.js';
import { aMeasure, anIndicator, anObjective, aPlan, aReport } from './testing/plan-factories.js';

const TODAY = '2026-07-15';
const FIRST_HALF = { start: '2026-01-01', end: '2026-06-30' };
const onTrack = anIndicator({ id: 'on-track', reports: [aReport({ ...FIRST_HALF, value: 45 })] });
const offTrack = anIndicator({ id: 'off-track', reports: [aReport({ ...FIRST_HALF, value: 10 })] });
const unreported = anIndicator({ id: 'unreported' });

const plan = aPlan({
  objectives: [
    anObjective({
      id: 'awareness',
      pillar: 'prevention',
      measures: [
        aMeasure({ id: 'm1', ownerOrganisationId: 'org-a', status: 'completed', indicators: [offTrack] }),
        // 2026-05-31 to 2026-07-15: 30 days of June and 15 of July.
        aMeasure({ id: 'm2', ownerOrganisationId: 'org-a', deadline: '2026-05-31', indicators: [onTrack] }),
        aMeasure({
          id: 'm3',
          ownerOrganisationId: 'org-b',
          status: 'cancelled',
          deadline: '2026-01-31',
          indicators: [onTrack],
        }),
      ],
    }),
    anObjective({
      id: 'shelter',
      pillar: 'protection',
      measures: [
        aMeasure({
          id: 'm4',
          ownerOrganisationId: 'org-b',
          status: 'planned',
          deadline: TODAY,
          indicators: [unreported],
        }),
        aMeasure({ id: 'm5', ownerOrganisationId: 'org-b', status: 'planned', deadline: null }),
        aMeasure({ id: 'm6', ownerOrganisationId: 'org-c', deadline: '2026-07-14' }),
      ],
    }),
  ],
});

describe('implementation of the whole plan', () => {
  const { overall } = assessImplementation(plan, TODAY);

  it('counts measures by status', () => {
    expect(overall.measureCount).toBe(6);
    expect(overall.measuresByStatus).toEqual({ planned: 2, in_progress: 2, completed: 1, cancelled: 1 });
  });

  it('gives the completed share among measures not cancelled', () => {
    expect(overall.completedShare).toBe(1 / 5);
  });

  it('lists measures past their deadline, most overdue first, leaving out cancelled and due-today ones', () => {
    expect(overall.overdueMeasures).toEqual([
      {
        measureId: 'm2',
        title: 'Train border officers',
        ownerOrganisationId: 'org-a',
        pillar: 'prevention',
        deadline: '2026-05-31',
        daysOverdue: 45,
      },
      expect.objectContaining({ measureId: 'm6', pillar: 'protection', daysOverdue: 1 }),
    ]);
  });

  it('does not call a completed measure overdue', () => {
    const late = aPlan({
      objectives: [anObjective({ measures: [aMeasure({ status: 'completed', deadline: '2026-01-01' })] })],
    });
    expect(assessImplementation(late, TODAY).overall.overdueMeasures).toEqual([]);
  });

  it('counts indicators by computed status, leaving out those of cancelled measures', () => {
    expect(overall.indicatorsByStatus).toEqual({ on_track: 1, at_risk: 0, off_track: 1, no_data: 1 });
  });
});

describe('implementation by pillar', () => {
  const { byPillar } = assessImplementation(plan, TODAY);

  it('shows all four pillars in order, even those without measures', () => {
    expect(byPillar.map((row) => row.pillar)).toEqual([
      'prevention',
      'protection',
      'prosecution',
      'partnership',
    ]);
    expect(byPillar[2]).toMatchObject({ measureCount: 0, completedShare: null, overdueMeasures: [] });
  });

  it('summarises each pillar from its own measures', () => {
    const [prevention, protection] = byPillar;
    expect(prevention).toMatchObject({ measureCount: 3, completedShare: 0.5 });
    expect(prevention?.overdueMeasures.map((item) => item.measureId)).toEqual(['m2']);
    expect(prevention?.indicatorsByStatus).toEqual({ on_track: 1, at_risk: 0, off_track: 1, no_data: 0 });
    expect(protection).toMatchObject({ measureCount: 3, completedShare: 0 });
    expect(protection?.measuresByStatus).toEqual({ planned: 2, in_progress: 1, completed: 0, cancelled: 0 });
    expect(protection?.overdueMeasures.map((item) => item.measureId)).toEqual(['m6']);
  });
});

describe('implementation by owner organisation', () => {
  it('gives one row per owner, in order, from that owner’s measures', () => {
    const { byOwner } = assessImplementation(plan, TODAY);
    expect(byOwner.map((row) => [row.ownerOrganisationId, row.measureCount, row.completedShare])).toEqual([
      ['org-a', 2, 0.5],
      ['org-b', 3, 0],
      ['org-c', 1, 0],
    ]);
    expect(byOwner[1]?.measuresByStatus.cancelled).toBe(1);
  });
});

describe('plans with nothing to count', () => {
  it('answers an empty plan with zeros, no share and the four empty pillars', () => {
    const result = assessImplementation(aPlan(), TODAY);
    expect(result.overall).toEqual({
      measureCount: 0,
      measuresByStatus: { planned: 0, in_progress: 0, completed: 0, cancelled: 0 },
      completedShare: null,
      overdueMeasures: [],
      indicatorsByStatus: { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 },
    });
    expect(result.byPillar).toHaveLength(4);
    expect(result.byOwner).toEqual([]);
  });

  it('has no completed share when every measure was cancelled', () => {
    const cancelled = aPlan({ objectives: [anObjective({ measures: [aMeasure({ status: 'cancelled' })] })] });
    expect(assessImplementation(cancelled, TODAY).overall.completedShare).toBeNull();
  });
});
