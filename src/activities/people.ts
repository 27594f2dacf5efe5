// People targeted and reached, disaggregated by sex and age: the cells, their totals. Pure; no I/O.
import { codesOf } from '../reference/vocabulary.js';

/** `<sex>_<age group>` for every pair of the sex and age_group code lists, in display order. */
export const PEOPLE_CELLS: readonly string[] = codesOf('sex').flatMap((sex) =>
  codesOf('age_group').map((age) => `${sex}_${age}`),
);

export type PeopleCounts = Partial<Record<string, number>>;

/** The sum of the cells, or null when no cell has a number (unknown is not zero). */
export function totalOf(counts: PeopleCounts): number | null {
  let total: number | null = null;
  for (const cell of PEOPLE_CELLS) {
    const value = counts[cell];
    if (typeof value === 'number') total = (total ?? 0) + value;
  }
  return total;
}

/** The counts with only known cells that hold a number, in display order (a stable shape for versions). */
export function tidyCounts(counts: PeopleCounts): PeopleCounts {
  const tidy: PeopleCounts = {};
  for (const cell of PEOPLE_CELLS) if (typeof counts[cell] === 'number') tidy[cell] = counts[cell];
  return tidy;
}
