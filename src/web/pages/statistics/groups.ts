// Women, girls, men, boys and "unknown" from a sex × age breakdown; the share of women and girls with
// its bounds; which years few countries reported. Pure: censored figures stay intervals throughout.
import type { AreaCoverage, QueryRow } from '../../../statistics/schemas.js';
import type { Bounds } from '../../components/charts/figures.js';

export const GROUPS = ['women', 'girls', 'men', 'boys', 'unknown'] as const;
export type Group = (typeof GROUPS)[number];

const GROUP_OF: Readonly<Record<string, Group>> = {
  'female|adults': 'women',
  'female|children': 'girls',
  'male|adults': 'men',
  'male|children': 'boys',
};

/** Sums bounds; a sum with an open bound stays open. */
export function addBounds(a: Bounds, b: Bounds): Bounds {
  return { lower: a.lower + b.lower, upper: a.upper === null || b.upper === null ? null : a.upper + b.upper };
}

const ZERO: Bounds = { lower: 0, upper: 0 };

/**
 * Each row of a sex × age breakdown in exactly one of the five groups: what is neither a woman, a girl,
 * a man nor a boy (sex or age unknown or other) is "unknown", so the five add up to every victim counted.
 */
export function fiveGroups(rows: readonly QueryRow[]): Map<Group, Bounds> {
  const groups = new Map<Group, Bounds>();
  for (const row of rows) {
    const group = GROUP_OF[`${row.sexCode ?? ''}|${row.ageCode ?? ''}`] ?? 'unknown';
    groups.set(group, addBounds(groups.get(group) ?? ZERO, { lower: row.lower, upper: row.upper }));
  }
  return groups;
}

export type Share = { lower: number; upper: number; isExact: boolean; known: Bounds };

/**
 * Women and girls among the victims whose sex is known (any age), as bounds: the share f / (f + m) grows
 * with f and falls with m, so its lowest value is f.lower / (f.lower + m.upper) and its highest
 * f.upper / (f.upper + m.lower). Never above 1, whatever the censoring. Null when no sex is known.
 */
export function womenAndGirlsShare(rows: readonly QueryRow[]): Share | null {
  let female = ZERO;
  let male = ZERO;
  for (const row of rows) {
    const bounds = { lower: row.lower, upper: row.upper };
    if (row.sexCode === 'female') female = addBounds(female, bounds);
    else if (row.sexCode === 'male') male = addBounds(male, bounds);
  }
  const known = addBounds(female, male);
  if (known.upper === 0) return null;
  const ratio = (f: number, m: number) => (f + m === 0 ? 0 : f / (f + m));
  const lower = male.upper === null ? 0 : ratio(female.lower, male.upper);
  const upper = female.upper === null ? 1 : ratio(female.upper, male.lower);
  return { lower, upper: Math.min(1, upper), isExact: lower === upper, known };
}

export type YearCoverage = { year: number; reporting: number; isSparse: boolean };

/**
 * A year is sparse when fewer than half as many countries reported as in the best-covered year: sums
 * over such a year fall because countries are missing, not because fewer victims were detected.
 */
export function yearCoverage(coverage: readonly AreaCoverage[]): YearCoverage[] {
  const most = Math.max(0, ...coverage.map((c) => c.reporting));
  return [...coverage]
    .sort((a, b) => a.year - b.year)
    .map((c) => ({ year: c.year, reporting: c.reporting, isSparse: c.reporting < most / 2 }));
}

/** The latest year with good coverage; the latest year at all when every year is sparse. */
export function defaultYear(years: readonly YearCoverage[]): number | null {
  const good = years.filter((y) => !y.isSparse);
  return (good.at(-1) ?? years.at(-1))?.year ?? null;
}
