// People targeted and reached, disaggregated by sex and age: the cells, their totals. Pure; no I/O.
import { codesOf } from '../reference/vocabulary.js';

/** `<sex>_<age group>` for every pair of the sex and age_group code lists, in display order. */
export const PEOPLE_CELLS: readonly string[] = codesOf('sex').flatMap((sex) =>
  codesOf('age_group').map((age) => `${sex}_${age}`),
);

export type PeopleCounts = Partial<Record<string, number>>;

/** The sum of the cells, or null when no cell has a number (unknown is not zero). */
export function totalOf(counts: PeopleCounts): number | null {
  const values = PEOPLE_CELLS.map((cell) => counts[cell]).filter((v): v is number => typeof v === 'number');
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0);
}

/** The counts with only known cells that hold a number, in display order (a stable shape for versions). */
export function tidyCounts(counts: PeopleCounts): PeopleCounts {
  const tidy: PeopleCounts = {};
  for (const cell of PEOPLE_CELLS) if (typeof counts[cell] === 'number') tidy[cell] = counts[cell];
  return tidy;
}
