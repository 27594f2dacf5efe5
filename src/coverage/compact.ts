// The coverage matrix's compact form (dimension lists and columns of codes and figures) and back. Pure.
import { type CodeListName, codesOf } from '../reference/vocabulary.js';
import type { CellFigures } from './aggregate.js';
import type { Matrix, MatrixCell, MatrixColumns, MatrixDimensions } from './schemas.js';

type DimensionName = keyof MatrixDimensions;

/** The dimensions whose values come from a code list; '' stands for "the activities name none". */
export type CodedDimension = Exclude<DimensionName, 'iso3'>;
export type Dictionaries = Record<CodedDimension, readonly string[]>;

const CODE_LISTS: Record<CodedDimension, { list: CodeListName; hasNone: boolean }> = {
  pillar: { list: 'pillar', hasNone: false },
  activityType: { list: 'activity_type', hasNone: false },
  targetGroup: { list: 'target_group', hasNone: true },
  form: { list: 'form_of_exploitation', hasNone: true },
};

/** Byte order: the order of the cell tables' "C" collation, in which '' (none named) comes first. */
const byBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Each coded dimension's values in byte order: its code list, and any other value the cells hold (a code that
 * left the list still counts under its own name). A cell's code is its value's place in the list.
 */
export function codeDictionaries(
  present: Partial<Record<CodedDimension, Iterable<string>>> = {},
): Dictionaries {
  const dictionary = (name: CodedDimension) => {
    const { list, hasNone } = CODE_LISTS[name];
    const values = new Set([...(hasNone ? [''] : []), ...codesOf(list), ...(present[name] ?? [])]);
    return [...values].sort(byBytes);
  };
  return {
    pillar: dictionary('pillar'),
    activityType: dictionary('activityType'),
    targetGroup: dictionary('targetGroup'),
    form: dictionary('form'),
  };
}

/** The dimensions as the API lists them: '' (none named) is null. */
export function matrixDimensions(iso3: readonly string[], dictionaries: Dictionaries): MatrixDimensions {
  const named = (values: readonly string[]) => values.map((value) => (value === '' ? null : value));
  return {
    iso3: [...iso3],
    pillar: named(dictionaries.pillar),
    activityType: named(dictionaries.activityType),
    targetGroup: named(dictionaries.targetGroup),
    form: named(dictionaries.form),
  } as MatrixDimensions;
}

/**
 * Cells (sorted by their dimensions) as the compact matrix: the countries they hold and the code lists, and the
 * cells as columns that point into them. The database writes the same form from the coverage cells.
 */
export function compactMatrix(cells: readonly CellFigures[]): Pick<Matrix, 'dimensions' | 'cells'> {
  const valuesOf = (name: DimensionName) => new Set(cells.map((cell) => cell[name] ?? ''));
  const dimensions = matrixDimensions(
    [...valuesOf('iso3')].sort(byBytes),
    codeDictionaries({
      pillar: valuesOf('pillar'),
      activityType: valuesOf('activityType'),
      targetGroup: valuesOf('targetGroup'),
      form: valuesOf('form'),
    }),
  );
  const codes = (name: DimensionName) => {
    const placeOf = new Map<string | null, number>(dimensions[name].map((value, i) => [value, i]));
    return cells.map((cell) => placeOf.get(cell[name]) as number);
  };
  const columns: MatrixColumns = {
    count: cells.length,
    iso3: codes('iso3'),
    pillar: codes('pillar'),
    activityType: codes('activityType'),
    targetGroup: codes('targetGroup'),
    form: codes('form'),
    organisations: cells.map((cell) => cell.organisations),
    activities: cells.map((cell) => cell.activities),
    peopleReached: cells.map((cell) => cell.peopleReached),
    budget: cells.map((cell) => cell.budget),
    budgetOtherCurrencies: cells.map((cell) => cell.budgetOtherCurrencies),
  };
  return { dimensions, cells: columns };
}

/** The compact matrix spelled out, one object per cell, in its order. */
export function matrixCells(matrix: Pick<Matrix, 'dimensions' | 'cells'>): MatrixCell[] {
  const { dimensions: d, cells: c } = matrix;
  const value = <T>(list: readonly T[], at: number | undefined) => list[at as number] as T;
  return Array.from({ length: c.count }, (_, i) => ({
    iso3: value(d.iso3, c.iso3[i]),
    pillar: value(d.pillar, c.pillar[i]),
    activityType: value(d.activityType, c.activityType[i]),
    targetGroup: value(d.targetGroup, c.targetGroup[i]),
    form: value(d.form, c.form[i]),
    organisations: c.organisations[i] as number,
    activities: c.activities[i] as number,
    peopleReached: c.peopleReached[i] ?? null,
    budget: c.budget[i] as number,
    budgetOtherCurrencies: c.budgetOtherCurrencies[i] as number,
  }));
}
