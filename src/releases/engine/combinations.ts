// Counts every combination of 1 to L attributes (values of distinct columns, missing values excluded): the
// hot loop of every release. Up to three columns at a time it counts per tuple of columns in a dense typed
// array indexed by the codes, walking only the rows where the tuple's sparsest column is present, and makes
// a key string only for a combination that is kept; longer combinations are enumerated record by record.
import { type Aggregates, AttributeIndex } from './aggregates.js';
import { type Dataset, MISSING } from './dataset.js';

/** Tuples of columns whose product of cardinalities is at most this are counted in a dense array. */
const DENSE_CELLS = 1 << 22;

/** How many records have each combination of codes of some columns; a cell index is Σ code × stride. */
export type TupleCounts = {
  columns: number[];
  strides: number[];
  cardinalities: number[];
  dense: Int32Array | null;
  sparse: Map<number, number> | null;
  /** Cells of `dense` in use (its prefix). */
  cells: number;
};

/** Counts tuples of columns of one dataset, reusing one dense buffer; a TupleCounts lives until the next call. */
export class TupleCounter {
  private readonly presentRows: (Uint32Array | undefined)[];
  private buffer = new Int32Array(0);

  constructor(private readonly dataset: Dataset) {
    this.presentRows = dataset.columns.map(() => undefined);
  }

  /** The rows where a column has a value: walking them skips the mostly empty flags of sparse files. */
  rowsWith(column: number): Uint32Array {
    const known = this.presentRows[column];
    if (known) return known;
    const codes = this.dataset.columns[column]?.codes as Uint32Array;
    let present = 0;
    for (let row = 0; row < codes.length; row++) if (codes[row] !== MISSING) present++;
    const rows = new Uint32Array(present);
    let next = 0;
    for (let row = 0; row < codes.length; row++) if (codes[row] !== MISSING) rows[next++] = row;
    this.presentRows[column] = rows;
    return rows;
  }

  count(columns: number[], reuse = true): TupleCounts {
    const cardinalities = columns.map((column) => this.dataset.columns[column]?.values.length as number);
    const strides: number[] = [];
    let cells = 1;
    for (let i = columns.length - 1; i >= 0; i--) {
      strides[i] = cells;
      cells *= cardinalities[i] as number;
    }
    const sparsest = columns.reduce((best, column) =>
      this.rowsWith(column).length < this.rowsWith(best).length ? column : best,
    );
    const rows = this.rowsWith(sparsest);
    const codes = columns.map((column) => this.dataset.columns[column]?.codes as Uint32Array);
    const tuple: TupleCounts = { columns, strides, cardinalities, dense: null, sparse: null, cells };
    if (cells <= DENSE_CELLS) {
      tuple.dense = this.denseArray(cells, reuse);
      countDense(tuple.dense, rows, codes, strides);
    } else {
      tuple.sparse = countSparse(rows, codes, strides);
    }
    return tuple;
  }

  private denseArray(cells: number, reuse: boolean): Int32Array {
    if (!reuse) return new Int32Array(cells);
    if (this.buffer.length < cells) this.buffer = new Int32Array(Math.max(cells, 1 << 16));
    else this.buffer.fill(0, 0, cells);
    return this.buffer;
  }
}

function countDense(counts: Int32Array, rows: Uint32Array, codes: Uint32Array[], strides: number[]): void {
  const width = codes.length;
  const [c0, c1, c2] = codes as [Uint32Array, Uint32Array | undefined, Uint32Array | undefined];
  const [s0, s1] = strides as [number, number];
  if (width === 1)
    for (const row of rows) {
      const cell = c0[row] as number;
      counts[cell] = (counts[cell] as number) + 1;
    }
  else if (width === 2 && c1) {
    for (const row of rows) {
      const b = c1[row] as number;
      if (b === MISSING) continue;
      const cell = (c0[row] as number) * s0 + b;
      counts[cell] = (counts[cell] as number) + 1;
    }
  } else if (width === 3 && c1 && c2) {
    for (const row of rows) {
      const a = c0[row] as number;
      const b = c1[row] as number;
      const c = c2[row] as number;
      if (a === MISSING || b === MISSING || c === MISSING) continue;
      const cell = a * s0 + b * s1 + c;
      counts[cell] = (counts[cell] as number) + 1;
    }
  } else throw new RangeError('dense counting takes one to three columns');
}

function countSparse(rows: Uint32Array, codes: Uint32Array[], strides: number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const row of rows) {
    let index = 0;
    let isComplete = true;
    for (let i = 0; i < codes.length; i++) {
      const code = (codes[i] as Uint32Array)[row] as number;
      if (code === MISSING) {
        isComplete = false;
        break;
      }
      index += code * (strides[i] as number);
    }
    if (isComplete) counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  return counts;
}

/** Calls `visit` with each cell that counts at least one record, its codes decoded into `codes`. */
export function forEachCell(
  tuple: TupleCounts,
  visit: (codes: number[], count: number, index: number) => void,
): void {
  const codes = tuple.columns.map(() => 0);
  const decode = (index: number) => {
    for (let i = 0; i < codes.length; i++)
      codes[i] = Math.floor(index / (tuple.strides[i] as number)) % (tuple.cardinalities[i] as number);
  };
  if (tuple.dense) {
    const dense = tuple.dense;
    for (let index = 0; index < tuple.cells; index++) {
      const count = dense[index] as number;
      if (count === 0) continue;
      decode(index);
      if (codes.includes(MISSING)) continue;
      visit(codes, count, index);
    }
  } else {
    for (const [index, count] of tuple.sparse as Map<number, number>) {
      decode(index);
      visit(codes, count, index);
    }
  }
}

/** Every ascending tuple of `size` distinct numbers below `n`. */
export function* columnTuples(n: number, size: number): Generator<number[]> {
  const tuple = Array.from({ length: size }, (_, i) => i);
  if (size > n || size === 0) return;
  for (;;) {
    yield [...tuple];
    let i = size - 1;
    while (i >= 0 && (tuple[i] as number) === n - size + i) i--;
    if (i < 0) return;
    tuple[i] = (tuple[i] as number) + 1;
    for (let j = i + 1; j < size; j++) tuple[j] = (tuple[j - 1] as number) + 1;
  }
}

export type CountOptions = {
  reportingLength: number;
  /** Which counts to keep (all by default); only kept combinations get a key string. */
  keep?: ((count: number) => boolean) | undefined;
  /**
   * Count only this share of the tuples of columns of up to three (every `of`-th, from the `index`-th), so
   * that shares counted side by side and put together make the whole; longer combinations go with share 0.
   */
  share?: { index: number; of: number } | undefined;
};

/** The count of every kept combination of 1 to reportingLength attributes from distinct columns. */
export function countCombinations(dataset: Dataset, options: CountOptions): Aggregates {
  const attributes = AttributeIndex.of(dataset);
  const keep = options.keep ?? (() => true);
  const counts = new Map<string, number>();
  const counter = new TupleCounter(dataset);
  const shortest = Math.min(options.reportingLength, 3);
  const share = options.share ?? { index: 0, of: 1 };
  let tupleIndex = 0;
  for (let size = 1; size <= shortest; size++) {
    for (const columns of columnTuples(dataset.columns.length, size)) {
      if (tupleIndex++ % share.of !== share.index) continue;
      const offsets = columns.map((column) => (attributes.offsets[column] as number) - 1);
      forEachCell(counter.count(columns), (codes, count) => {
        if (!keep(count)) return;
        // Columns ascend and attribute ids ascend with them, so the ids are already in key order.
        let key = String((offsets[0] as number) + (codes[0] as number));
        for (let i = 1; i < codes.length; i++) key += `,${(offsets[i] as number) + (codes[i] as number)}`;
        counts.set(key, count);
      });
    }
  }
  if (options.reportingLength > 3 && share.index === 0)
    countLongCombinations(dataset, attributes, options.reportingLength, keep, counts);
  return { attributes, reportingLength: options.reportingLength, recordCount: dataset.rowCount, counts };
}

/** Combinations of 4 to L attributes, enumerated record by record: slower, and rarely asked for. */
function countLongCombinations(
  dataset: Dataset,
  attributes: AttributeIndex,
  reportingLength: number,
  keep: (count: number) => boolean,
  into: Map<string, number>,
): void {
  const all = new Map<string, number>();
  const ids: number[] = [];
  for (let row = 0; row < dataset.rowCount; row++) {
    ids.length = 0;
    dataset.columns.forEach((column, index) => {
      const code = column.codes[row] as number;
      if (code !== MISSING) ids.push(attributes.id(index, code));
    });
    for (let size = 4; size <= Math.min(reportingLength, ids.length); size++) {
      for (const picks of columnTuples(ids.length, size)) {
        const key = picks.map((pick) => ids[pick]).join(',');
        all.set(key, (all.get(key) ?? 0) + 1);
      }
    }
  }
  for (const [key, count] of all) if (keep(count)) into.set(key, count);
}
