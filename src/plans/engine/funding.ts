// The plan's resources: money committed and spent per measure and per activity, by funder, and the funding gap
// per pillar and per country. Every figure is an exact sum per currency; currencies are never added together.
import type { ActivityFacts, Funding, Measure, Money, Pillar, Plan } from './model.js';
import { type MoneySums, MoneyTally } from './money-sums.js';
import { countriesOfMeasure, listPlanMeasures, PILLARS, type PlacedMeasure } from './plan-measures.js';

export type FunderMoney = { funderOrganisationId: string; committed: MoneySums; spent: MoneySums };

export type FundingBreakdown = { committed: MoneySums; spent: MoneySums; byFunder: FunderMoney[] };

export type MeasureFunding = FundingBreakdown & { measureId: string; budget: Money | null };
export type ActivityFunding = FundingBreakdown & { activityId: string };

export function fundingOfMeasures(plan: Plan): MeasureFunding[] {
  return listPlanMeasures(plan).map(({ measure }) => ({
    measureId: measure.id,
    budget: measure.budget,
    ...breakDownFunding(measure.funding),
  }));
}

export function fundingOfActivities(activities: readonly ActivityFacts[]): ActivityFunding[] {
  return activities.map((activity) => ({ activityId: activity.id, ...breakDownFunding(activity.funding) }));
}

/** Totals and one row per funder, in order of the funder's id. */
export function breakDownFunding(funding: readonly Funding[]): FundingBreakdown {
  const funders = [...new Set(funding.map((item) => item.funderOrganisationId))].sort();
  return {
    ...committedAndSpent(funding),
    byFunder: funders.map((funderOrganisationId) => ({
      funderOrganisationId,
      ...committedAndSpent(funding.filter((item) => item.funderOrganisationId === funderOrganisationId)),
    })),
  };
}

function committedAndSpent(funding: readonly Funding[]): { committed: MoneySums; spent: MoneySums } {
  return {
    committed: new MoneyTally().addAll(funding.map((item) => item.committed)).sums(),
    spent: new MoneyTally().addAll(funding.map((item) => item.spent)).sums(),
  };
}

/**
 * A measure's gap is its budget minus what funders committed in the budget's currency. The gap of a pillar or
 * country is the sum of its measures' gaps, not its budget minus its commitments: money promised to one
 * measure does not fund another, so a surplus here must not hide a shortfall there. The surplus is reported
 * as over-commitment instead, and the headline gap is never negative.
 */
export type FundingGap = {
  budget: MoneySums;
  committed: MoneySums;
  spent: MoneySums;
  /** One entry per budget currency, zero when fully covered. */
  gap: MoneySums;
  /** Only currencies where some measure has more committed than budgeted. */
  overCommitment: MoneySums;
  overCommittedMeasureIds: string[];
  /** Measures with funding or not, but no budget: their gap cannot be known. */
  unbudgetedMeasureIds: string[];
  /** Committed in a currency other than the measure's budget: kept apart, as no rate converts it here. */
  committedInOtherCurrencies: MoneySums;
  /** Committed to cancelled measures, which are left out of budgets and gaps: money perhaps to reassign. */
  committedToCancelledMeasures: MoneySums;
};

export function fundingGapsByPillar(plan: Plan): (FundingGap & { pillar: Pillar })[] {
  const placed = listPlanMeasures(plan);
  return PILLARS.map((pillar) => ({
    pillar,
    ...fundingGapOf(placed.filter((item) => item.pillar === pillar)),
  }));
}

/**
 * One row per country of the plan (and any other a measure names), in code order, then a row with country
 * null for measures acting in several countries: a multi-country budget has no per-country split, and
 * counting it whole in each would make the rows add up to more than the plan.
 */
export function fundingGapsByCountry(plan: Plan): (FundingGap & { country: string | null })[] {
  const placed = listPlanMeasures(plan);
  const countryOf = (item: PlacedMeasure) => {
    const countries = [...new Set(countriesOfMeasure(item.measure, plan))];
    return countries.length === 1 ? countries[0]! : null;
  };
  const singles = new Set([
    ...plan.countries,
    ...placed.map(countryOf).filter((c): c is string => c !== null),
  ]);
  const rows: (FundingGap & { country: string | null })[] = [...singles]
    .sort()
    .map((country) => ({ country, ...fundingGapOf(placed.filter((item) => countryOf(item) === country)) }));
  const shared = placed.filter((item) => countryOf(item) === null);
  if (shared.length > 0) rows.push({ country: null, ...fundingGapOf(shared) });
  return rows;
}

type GapTallies = Record<
  | 'budget'
  | 'committed'
  | 'spent'
  | 'gap'
  | 'overCommitment'
  | 'committedInOtherCurrencies'
  | 'committedToCancelledMeasures',
  MoneyTally
> & { overCommittedMeasureIds: string[]; unbudgetedMeasureIds: string[] };

export function fundingGapOf(placed: readonly PlacedMeasure[]): FundingGap {
  const tallies: GapTallies = {
    budget: new MoneyTally(),
    committed: new MoneyTally(),
    spent: new MoneyTally(),
    gap: new MoneyTally(),
    overCommitment: new MoneyTally(),
    committedInOtherCurrencies: new MoneyTally(),
    committedToCancelledMeasures: new MoneyTally(),
    overCommittedMeasureIds: [],
    unbudgetedMeasureIds: [],
  };
  for (const { measure } of placed) addMeasureToGap(tallies, measure);
  return {
    budget: tallies.budget.sums(),
    committed: tallies.committed.sums(),
    spent: tallies.spent.sums(),
    gap: tallies.gap.sums(),
    overCommitment: tallies.overCommitment.sums(),
    overCommittedMeasureIds: tallies.overCommittedMeasureIds,
    unbudgetedMeasureIds: tallies.unbudgetedMeasureIds,
    committedInOtherCurrencies: tallies.committedInOtherCurrencies.sums(),
    committedToCancelledMeasures: tallies.committedToCancelledMeasures.sums(),
  };
}

function addMeasureToGap(tallies: GapTallies, measure: Measure): void {
  const committed = measure.funding.map((item) => item.committed);
  if (measure.status === 'cancelled') {
    tallies.committedToCancelledMeasures.addAll(committed);
    return;
  }
  tallies.committed.addAll(committed);
  tallies.spent.addAll(measure.funding.map((item) => item.spent));
  if (measure.budget === null) {
    tallies.unbudgetedMeasureIds.push(measure.id);
    return;
  }
  const gap = measureGap(measure, measure.budget);
  tallies.budget.add(measure.budget);
  tallies.gap.add(gap.gap);
  tallies.committedInOtherCurrencies.addAll(gap.committedInOtherCurrencies);
  if (gap.overCommitment.amountMinor > 0) {
    tallies.overCommitment.add(gap.overCommitment);
    tallies.overCommittedMeasureIds.push(measure.id);
  }
}

export function measureGap(
  measure: Measure,
  budget: Money,
): { gap: Money; overCommitment: Money; committedInOtherCurrencies: Money[] } {
  const committed = new MoneyTally().addAll(measure.funding.map((item) => item.committed));
  const inBudgetCurrency = committed.amountIn(budget.currency);
  const difference = budget.amountMinor - inBudgetCurrency;
  return {
    gap: { currency: budget.currency, amountMinor: Math.max(0, difference) },
    overCommitment: { currency: budget.currency, amountMinor: Math.max(0, -difference) },
    committedInOtherCurrencies: committed.sums().filter((money) => money.currency !== budget.currency),
  };
}
