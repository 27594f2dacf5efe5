// Funding per measure and activity by funder, and the gap per pillar and country, with exact sums per
// currency. Amounts are in cents; each expected figure is added up by hand from the plan below.
import { describe, expect, it } from 'vitest';
import {
  breakDownFunding,
  fundingGapOf,
  fundingGapsByCountry,
  fundingGapsByPillar,
  fundingOfActivities,
  fundingOfMeasures,
} from './funding.js';
import { listPlanMeasures } from './plan-measures.js';
import { aFunding, aMeasure, anActivity, anObjective, aPlan } from './testing/plan-factories.js';

const eur = (amountMinor: number) => ({ currency: 'EUR', amountMinor });
const usd = (amountMinor: number) => ({ currency: 'USD', amountMinor });

const plan = aPlan({
  scope: 'regional',
  countries: ['NGA', 'GHA'],
  objectives: [
    anObjective({
      pillar: 'prevention',
      measures: [
        aMeasure({
          id: 'm1',
          budget: eur(10_000_000),
          countries: ['NGA'],
          funding: [
            aFunding({ funderOrganisationId: 'funder-a', committed: eur(6_000_000), spent: eur(2_500_000) }),
            aFunding({ funderOrganisationId: 'funder-b', committed: eur(1_000_000), spent: eur(0) }),
            aFunding({ funderOrganisationId: 'funder-b', committed: usd(500_000), spent: usd(100_000) }),
          ],
        }),
        aMeasure({
          id: 'm2',
          budget: usd(2_000_000),
          countries: ['GHA'],
          funding: [
            aFunding({ funderOrganisationId: 'funder-a', committed: usd(2_500_000), spent: usd(1_000_000) }),
          ],
        }),
      ],
    }),
    anObjective({
      pillar: 'protection',
      measures: [
        // No countries of its own: it acts in both of the plan's.
        aMeasure({
          id: 'm3',
          budget: eur(4_000_000),
          funding: [
            aFunding({ funderOrganisationId: 'funder-c', committed: eur(1_000_000), spent: eur(999_999) }),
          ],
        }),
        aMeasure({
          id: 'm4',
          budget: null,
          countries: ['NGA'],
          funding: [aFunding({ committed: eur(300_000), spent: eur(0) })],
        }),
        aMeasure({
          id: 'm5',
          status: 'cancelled',
          budget: eur(5_000_000),
          countries: ['NGA'],
          funding: [aFunding({ funderOrganisationId: 'funder-b', committed: eur(2_000_000), spent: eur(0) })],
        }),
      ],
    }),
  ],
});

const NOTHING = {
  budget: [],
  committed: [],
  spent: [],
  gap: [],
  overCommitment: [],
  overCommittedMeasureIds: [],
  unbudgetedMeasureIds: [],
  committedInOtherCurrencies: [],
  committedToCancelledMeasures: [],
};

describe('funding per measure and per activity, by funder', () => {
  it('sums a measure’s commitments and spending per currency and per funder', () => {
    const [m1] = fundingOfMeasures(plan);
    expect(m1).toEqual({
      measureId: 'm1',
      budget: eur(10_000_000),
      committed: [eur(7_000_000), usd(500_000)],
      spent: [eur(2_500_000), usd(100_000)],
      byFunder: [
        { funderOrganisationId: 'funder-a', committed: [eur(6_000_000)], spent: [eur(2_500_000)] },
        {
          funderOrganisationId: 'funder-b',
          committed: [eur(1_000_000), usd(500_000)],
          spent: [eur(0), usd(100_000)],
        },
      ],
    });
  });

  it('gives every measure of the plan a row, in the plan’s order', () => {
    expect(fundingOfMeasures(plan).map((row) => row.measureId)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('sums an activity’s funding the same way', () => {
    const activity = anActivity({
      id: 'act-1',
      funding: [
        aFunding({ funderOrganisationId: 'funder-z', committed: usd(150), spent: usd(50) }),
        aFunding({ funderOrganisationId: 'funder-y', committed: usd(250), spent: usd(0) }),
        aFunding({ funderOrganisationId: 'funder-z', committed: usd(1), spent: usd(1) }),
      ],
    });
    expect(fundingOfActivities([activity])).toEqual([
      {
        activityId: 'act-1',
        committed: [usd(401)],
        spent: [usd(51)],
        byFunder: [
          { funderOrganisationId: 'funder-y', committed: [usd(250)], spent: [usd(0)] },
          { funderOrganisationId: 'funder-z', committed: [usd(151)], spent: [usd(51)] },
        ],
      },
    ]);
  });

  it('answers no funding with empty sums', () => {
    expect(breakDownFunding([])).toEqual({ committed: [], spent: [], byFunder: [] });
  });
});

describe('the funding gap per pillar', () => {
  const [prevention, protection, prosecution] = fundingGapsByPillar(plan);

  it('keeps currencies apart and reports over-commitment beside a gap that is never negative', () => {
    expect(prevention).toEqual({
      pillar: 'prevention',
      budget: [eur(10_000_000), usd(2_000_000)],
      committed: [eur(7_000_000), usd(3_000_000)],
      spent: [eur(2_500_000), usd(1_100_000)],
      gap: [eur(3_000_000), usd(0)],
      overCommitment: [usd(500_000)],
      overCommittedMeasureIds: ['m2'],
      unbudgetedMeasureIds: [],
      // m1's dollars cannot be set against its budget in euros.
      committedInOtherCurrencies: [usd(500_000)],
      committedToCancelledMeasures: [],
    });
  });

  it('leaves cancelled measures out of budget and gap, and names measures without a budget', () => {
    expect(protection).toEqual({
      pillar: 'protection',
      budget: [eur(4_000_000)],
      committed: [eur(1_300_000)],
      spent: [eur(999_999)],
      gap: [eur(3_000_000)],
      overCommitment: [],
      overCommittedMeasureIds: [],
      unbudgetedMeasureIds: ['m4'],
      committedInOtherCurrencies: [],
      committedToCancelledMeasures: [eur(2_000_000)],
    });
  });

  it('shows pillars without measures with empty sums', () => {
    expect(prosecution).toEqual({ pillar: 'prosecution', ...NOTHING });
  });

  it('does not let one measure’s surplus fill another’s gap', () => {
    const measures = listPlanMeasures(
      aPlan({
        objectives: [
          anObjective({
            measures: [
              aMeasure({ id: 'rich', budget: eur(100), funding: [aFunding({ committed: eur(150) })] }),
              aMeasure({ id: 'poor', budget: eur(100), funding: [aFunding({ committed: eur(50) })] }),
            ],
          }),
        ],
      }),
    );
    expect(fundingGapOf(measures)).toMatchObject({
      budget: [eur(200)],
      committed: [eur(200)],
      gap: [eur(50)],
      overCommitment: [eur(50)],
      overCommittedMeasureIds: ['rich'],
    });
  });

  it('gives a zero gap for a budget committed to the cent', () => {
    const measures = listPlanMeasures(
      aPlan({
        objectives: [
          anObjective({
            measures: [aMeasure({ budget: usd(999), funding: [aFunding({ committed: usd(999) })] })],
          }),
        ],
      }),
    );
    expect(fundingGapOf(measures)).toMatchObject({ gap: [usd(0)], overCommitment: [] });
  });
});

describe('the funding gap per country', () => {
  it('gives each country its single-country measures and puts measures across countries in a row of their own', () => {
    const rows = fundingGapsByCountry(plan);
    expect(rows.map((row) => row.country)).toEqual(['GHA', 'NGA', null]);
    const [ghana, nigeria, several] = rows;
    expect(ghana).toMatchObject({ budget: [usd(2_000_000)], gap: [usd(0)], overCommitment: [usd(500_000)] });
    expect(nigeria).toMatchObject({
      budget: [eur(10_000_000)],
      committed: [eur(7_300_000), usd(500_000)],
      gap: [eur(3_000_000)],
      unbudgetedMeasureIds: ['m4'],
      committedToCancelledMeasures: [eur(2_000_000)],
    });
    expect(several).toMatchObject({ budget: [eur(4_000_000)], gap: [eur(3_000_000)] });
  });

  it('counts a measure naming the same country twice as a single-country measure', () => {
    const single = aPlan({
      objectives: [anObjective({ measures: [aMeasure({ countries: ['NGA', 'NGA'], budget: eur(10) })] })],
    });
    expect(fundingGapsByCountry(single).map((row) => [row.country, row.gap])).toEqual([['NGA', [eur(10)]]]);
  });

  it('shows each of an empty plan’s countries with empty sums and no shared row', () => {
    expect(fundingGapsByCountry(aPlan({ countries: ['NGA', 'BEN'] }))).toEqual([
      { country: 'BEN', ...NOTHING },
      { country: 'NGA', ...NOTHING },
    ]);
  });
});

describe('amounts that cannot be added exactly', () => {
  it('refuses fractions of a cent with a sentence saying how to enter money', () => {
    const measures = listPlanMeasures(
      aPlan({ objectives: [anObjective({ measures: [aMeasure({ budget: eur(10.5) })] })] }),
    );
    expect(() => fundingGapOf(measures)).toThrow(/10.5 EUR is not a whole number of minor units/);
  });

  it('refuses a currency that is not an ISO 4217 code', () => {
    expect(() => breakDownFunding([aFunding({ committed: { currency: 'euro', amountMinor: 1 } })])).toThrow(
      /"euro" is not a currency code/,
    );
  });

  it('refuses a total beyond exact integer range instead of rounding it', () => {
    const huge = usd(Number.MAX_SAFE_INTEGER);
    expect(() => breakDownFunding([aFunding({ committed: huge }), aFunding({ committed: usd(1) })])).toThrow(
      /too large to add exactly/,
    );
  });
});
