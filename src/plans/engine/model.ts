// The shape of a plan of action as its pure logic sees it: plan → objectives (by pillar) → measures →
// indicators → targets and progress reports by period, after IATI's result structure (result → indicator →
// baseline → period target and actual, with sex and age dimensions) and DHIS2's indicator model. Money is
// held in minor units (cents) as whole numbers with its currency, so that sums are exact. Pure: no I/O.

export type PlanScope = 'national' | 'regional' | 'un_system';
export type Pillar = 'prevention' | 'protection' | 'prosecution' | 'partnership';

/** A measure's own status, as its owner reports it. */
export type MeasureStatus = 'planned' | 'in_progress' | 'completed' | 'cancelled';

/** How a reporting period went, as the report says and the plan's coordinator approves. */
export type ProgressStatus = 'on_track' | 'at_risk' | 'off_track';

/** Whether higher values are better (people trained) or lower ones (cases pending trial). */
export type IndicatorDirection = 'increase' | 'decrease';

/** A disaggregation of a value: all people, or one sex, or one age group, or both. */
export type Disaggregation = {
  sex?: 'female' | 'male' | 'other' | undefined;
  age?: 'children' | 'adults' | undefined;
};

/** A period of reporting: ISO dates, start and end included. */
export type Period = { start: string; end: string };

export type Money = { amountMinor: number; currency: string };

/** Where an indicator's actual values come from. */
export type IndicatorSource =
  | { kind: 'manual' }
  /** A statistics query: the figure it answers for the period is the actual value. */
  | { kind: 'statistics'; query: Record<string, unknown> }
  /** A count of 4W activities matching a filter, active during the period. */
  | { kind: 'activities'; filter: Record<string, unknown> };

export type Target = Period & Disaggregation & { value: number };

export type ProgressReport = Period &
  Disaggregation & {
    id: string;
    /** The measured value for the period (null when the report is narrative only). */
    value: number | null;
    narrative: string;
    evidenceLinks: string[];
    status: ProgressStatus;
    /** Set once the plan's coordinator approves the report; only approved reports count. */
    approvedAt: string | null;
    /** For values that came from a data source: which release or import they were read from. */
    sourceNote?: string | undefined;
  };

export type Indicator = {
  id: string;
  name: string;
  definition: string;
  unit: string;
  direction: IndicatorDirection;
  baseline: (Disaggregation & { value: number; date: string }) | null;
  /** Baselines for single disaggregations (women, children…), when the indicator is measured by sex or age. */
  disaggregatedBaselines?: (Disaggregation & { value: number; date: string })[] | undefined;
  targets: Target[];
  /** Which disaggregations the indicator asks for (empty: totals only). */
  disaggregatedBy: ('sex' | 'age')[];
  source: IndicatorSource;
  reports: ProgressReport[];
};

export type Funding = {
  funderOrganisationId: string;
  committed: Money;
  spent: Money;
};

export type Measure = {
  id: string;
  title: string;
  ownerOrganisationId: string;
  contributingOrganisationIds: string[];
  /** ISO date; null when the measure is open-ended. */
  deadline: string | null;
  budget: Money | null;
  status: MeasureStatus;
  /** ISO 3166-1 alpha-3 codes of the countries where the measure acts (empty: the plan's). */
  countries: string[];
  /** Ids of 4W activities that implement the measure. */
  activityIds: string[];
  funding: Funding[];
  indicators: Indicator[];
};

export type Objective = {
  id: string;
  title: string;
  pillar: Pillar;
  measures: Measure[];
};

export type Plan = {
  id: string;
  title: string;
  scope: PlanScope;
  /** The countries the plan covers (one for a national plan). */
  countries: string[];
  period: Period;
  coordinatorOrganisationId: string;
  objectives: Objective[];
};

/** The 4W activity facts the plan's logic needs: enough to link, count and fund, nothing personal. */
export type ActivityFacts = {
  id: string;
  title: string;
  organisationId: string;
  pillar: Pillar;
  country: string;
  period: Period;
  funding: Funding[];
};
