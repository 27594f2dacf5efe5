// Count tables over any columns, held together with all their margins: each dimension gets one more
// index, its total, so a cell, a row total and the grand total are entries of one array, and every
// published equation is a line (all indices fixed but one) whose entries sum to its total entry.
import { AppError } from '../../platform/errors.js';
import { columnIndex, type Dataset, MISSING } from './dataset.js';

/** The category a missing value is counted under when missing values are kept. */
export const NOT_RECORDED = 'not recorded';
export const TOTAL = 'Total';

export type TableDimension = { name: string; categories: string[] };

export type CountTable = {
  dimensions: TableDimension[];
  /**
   * Every entry, row-major (last dimension fastest) over sizes categories.length + 1: index
   * categories.length along a dimension is the total along it.
   */
  values: Float64Array;
};

export type TableShape = { sizes: number[]; strides: number[]; entryCount: number };

export function shapeOf(dimensions: readonly TableDimension[]): TableShape {
  const sizes = dimensions.map((d) => d.categories.length + 1);
  const strides = sizes.map(() => 1);
  for (let d = sizes.length - 2; d >= 0; d--)
    strides[d] = (strides[d + 1] as number) * (sizes[d + 1] as number);
  return { sizes, strides, entryCount: sizes.reduce((product, size) => product * size, 1) };
}

export function coordinateOf(shape: TableShape, entry: number, dimension: number): number {
  return Math.floor(entry / (shape.strides[dimension] as number)) % (shape.sizes[dimension] as number);
}

/** True for a margin: an entry that is a total along at least one dimension. */
export function isMargin(shape: TableShape, entry: number): boolean {
  return shape.sizes.some((size, d) => coordinateOf(shape, entry, d) === size - 1);
}

/**
 * Every line of the table: the entries along one dimension with the others fixed, the total last.
 * Lines are numbered dimension by dimension.
 */
export function linesOf(shape: TableShape): { dimension: number; entries: Int32Array }[] {
  const lines: { dimension: number; entries: Int32Array }[] = [];
  shape.sizes.forEach((size, dimension) => {
    const stride = shape.strides[dimension] as number;
    for (let base = 0; base < shape.entryCount; base++) {
      if (coordinateOf(shape, base, dimension) !== 0) continue;
      lines.push({ dimension, entries: Int32Array.from({ length: size }, (_, j) => base + j * stride) });
    }
  });
  return lines;
}

/** A table from its inner cells (row-major, without totals): margins are summed here. */
export function tableFromCells(dimensions: TableDimension[], cells: ArrayLike<number>): CountTable {
  const shape = shapeOf(dimensions);
  const innerCount = dimensions.reduce((product, d) => product * d.categories.length, 1);
  if (cells.length !== innerCount) {
    throw new RangeError(
      `a table of ${dimensions.map((d) => d.categories.length).join(' × ')} needs ${innerCount} cells, not ${cells.length}`,
    );
  }
  const values = new Float64Array(shape.entryCount);
  for (let cell = 0; cell < innerCount; cell++) values[innerToEntry(shape, cell)] = cells[cell] as number;
  return { dimensions, values: withMargins(shape, values) };
}

/** The entry of the n-th inner cell (cells numbered row-major without totals). */
export function innerToEntry(shape: TableShape, cell: number): number {
  let entry = 0;
  let rest = cell;
  for (let d = shape.sizes.length - 1; d >= 0; d--) {
    const size = (shape.sizes[d] as number) - 1;
    entry += (rest % size) * (shape.strides[d] as number);
    rest = Math.floor(rest / size);
  }
  return entry;
}

/**
 * Sums totals dimension after dimension. Totals along later dimensions are still zero when an earlier
 * dimension is summed, and are summed (from correct entries) when their turn comes.
 */
export function withMargins(shape: TableShape, values: Float64Array): Float64Array {
  for (const { entries } of linesOf(shape)) {
    let sum = 0;
    for (let j = 0; j < entries.length - 1; j++) sum += values[entries[j] as number] as number;
    values[entries[entries.length - 1] as number] = sum;
  }
  return values;
}

export type CountedTable = { table: CountTable; excludedRecords: number };

/**
 * Counts records by the given columns. Missing values are a category of their own ('not recorded') by
 * default; with `missing: 'exclude'` records missing any of the columns are left out and counted.
 */
export function countTable(
  dataset: Dataset,
  columns: string[],
  options: { missing?: 'category' | 'exclude' } = {},
): CountedTable {
  if (columns.length === 0) {
    throw new AppError('validation_failed', 'A count table needs at least one column to count by.', [
      { path: 'dimensions', message: 'choose at least one column', code: 'too_small', minimum: 1 },
    ]);
  }
  const keepMissing = (options.missing ?? 'category') === 'category';
  const sources = columns.map((name) => getColumn(dataset, name));
  const dimensions = sources.map((column) => ({
    name: column.name,
    categories: [
      ...column.values.slice(1),
      ...(keepMissing && column.codes.includes(MISSING) ? [NOT_RECORDED] : []),
    ],
  }));
  const shape = shapeOf(dimensions);
  const values = new Float64Array(shape.entryCount);
  let excludedRecords = 0;
  for (let row = 0; row < dataset.rowCount; row++) {
    let entry = 0;
    for (let d = 0; d < sources.length; d++) {
      const code = sources[d]?.codes[row] as number;
      if (code === MISSING && !keepMissing) {
        entry = -1;
        break;
      }
      // Code c ≥ 1 is category c - 1; missing is the last category before the total.
      const category = code === MISSING ? (shape.sizes[d] as number) - 2 : code - 1;
      entry += category * (shape.strides[d] as number);
    }
    if (entry < 0) excludedRecords++;
    else values[entry] = (values[entry] as number) + 1;
  }
  return { table: { dimensions, values: withMargins(shape, values) }, excludedRecords };
}

function getColumn(dataset: Dataset, name: string) {
  const column = dataset.columns[columnIndex(dataset, name)];
  if (column) return column;
  throw new AppError(
    'validation_failed',
    `The dataset has no column "${name}"; choose among: ${dataset.columns.map((c) => c.name).join(', ')}.`,
    [{ path: 'dimensions', message: `no column "${name}"`, code: 'unknown_column' }],
  );
}

/** "gender = Female, citizenship = Total", for people reading a report. */
export function describeEntry(table: CountTable, entry: number): string {
  const shape = shapeOf(table.dimensions);
  return table.dimensions
    .map(
      (dimension, d) => `${dimension.name} = ${dimension.categories[coordinateOf(shape, entry, d)] ?? TOTAL}`,
    )
    .join(', ');
}
