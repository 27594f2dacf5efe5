// Compares the pay offered with the destination's legal minimum. Amounts are compared per hour when their
// periods differ or the person gave their hours, with the conversions stated; currencies are never converted,
// because a rate picked here would be a guess presented as a fact.
import type { MinimumWage, Money, OfferAnswers } from './schemas.js';

/** 52 weeks over 12 months: the usual payroll convention, between 4 and 5 weeks a month. */
export const WEEKS_PER_MONTH = 52 / 12;

/** The ILO's standard week (Forty-Hour Week Convention, 1935, No. 47), used when a minimum's source gives none. */
export const STANDARD_WEEK = { days: 5, hoursPerWeek: 40 } as const;

/** Relative slack for comparing amounts reached through divisions, so that equal pay never reads as less. */
const TOLERANCE = 1e-9;

export type WorkingWeek = { days: number; hoursPerDay: number };

export type PayCheck =
  | { kind: 'not_answered' }
  | { kind: 'unknown' }
  | { kind: 'no_minimum'; offered: Money }
  | { kind: 'other_currency'; offered: Money; minimum: MinimumWage }
  | PayComparisonFacts;

export type PayComparisonFacts = {
  kind: 'compared';
  offered: Money;
  minimum: MinimumWage;
  isBelowMinimum: boolean;
  /** Null when both amounts are for the same period and the person gave no hours: compared as they are. */
  perHour: { offered: number; minimum: number; offeredWeek: WorkingWeek; minimumWeek: WorkingWeek } | null;
  isOfferedWeekGiven: boolean;
  isMinimumWeekDefault: boolean;
};

export function hoursPerWeek(week: WorkingWeek): number {
  return week.days * week.hoursPerDay;
}

export function hoursIn(period: Money['period'], week: WorkingWeek): number {
  switch (period) {
    case 'hour':
      return 1;
    case 'day':
      return week.hoursPerDay;
    case 'week':
      return hoursPerWeek(week);
    case 'month':
      return hoursPerWeek(week) * WEEKS_PER_MONTH;
  }
}

export function perHour(amount: number, period: Money['period'], week: WorkingWeek): number {
  return amount / hoursIn(period, week);
}

/** The week the minimum is set for, as its source says, else the ILO standard week. */
export function minimumWeekOf(minimum: MinimumWage): WorkingWeek {
  const days = minimum.daysPerWeek ?? STANDARD_WEEK.days;
  return { days, hoursPerDay: (minimum.hoursPerWeek ?? STANDARD_WEEK.hoursPerWeek) / days };
}

/** The person's week as they gave it; what they left out is taken from the minimum's week. */
export function offeredWeekOf(answers: OfferAnswers, standard: WorkingWeek): WorkingWeek {
  const days = answers.work_days_per_week;
  const hours = answers.work_hours_per_day;
  return {
    days: typeof days === 'number' ? days : standard.days,
    hoursPerDay: typeof hours === 'number' ? hours : standard.hoursPerDay,
  };
}

function isWeekGiven(answers: OfferAnswers): boolean {
  return typeof answers.work_days_per_week === 'number' && typeof answers.work_hours_per_day === 'number';
}

function isAnyHourGiven(answers: OfferAnswers): boolean {
  return typeof answers.work_days_per_week === 'number' || typeof answers.work_hours_per_day === 'number';
}

function isLess(value: number, than: number): boolean {
  return value < than * (1 - TOLERANCE);
}

/** What can be said about the pay; `minimum` is the destination's entry, or null when there is none. */
export function checkPay(answers: OfferAnswers, minimum: MinimumWage | null): PayCheck {
  const offered = answers.pay;
  if (offered === undefined) return { kind: 'not_answered' };
  if (offered === 'unknown') return { kind: 'unknown' };
  if (!minimum) return { kind: 'no_minimum', offered };
  if (offered.currency !== minimum.currency) return { kind: 'other_currency', offered, minimum };
  return compareSameCurrency(answers, offered, minimum);
}

function compareSameCurrency(
  answers: OfferAnswers,
  offered: Money,
  minimum: MinimumWage,
): PayComparisonFacts {
  const common = {
    kind: 'compared' as const,
    offered,
    minimum,
    isOfferedWeekGiven: isWeekGiven(answers),
    isMinimumWeekDefault: minimum.hoursPerWeek === undefined,
  };
  // Same period and no hours given: any week assumed would cancel out, so none is stated.
  if (offered.period === minimum.period && !isAnyHourGiven(answers))
    return { ...common, isBelowMinimum: offered.amount < minimum.amount, perHour: null };
  const minimumWeek = minimumWeekOf(minimum);
  const offeredWeek = offeredWeekOf(answers, minimumWeek);
  const offeredPerHour = perHour(offered.amount, offered.period, offeredWeek);
  const minimumPerHour = perHour(minimum.amount, minimum.period, minimumWeek);
  return {
    ...common,
    isBelowMinimum: isLess(offeredPerHour, minimumPerHour),
    perHour: { offered: offeredPerHour, minimum: minimumPerHour, offeredWeek, minimumWeek },
  };
}
