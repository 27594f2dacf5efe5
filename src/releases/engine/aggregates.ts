// Counts of attribute combinations: the aggregates that seed synthetic data. The k-anonymous mode
// keeps the combinations that occur at least k times; the differentially private mode keeps noisy
// counts. Both hand the same shape to the synthesizer. Pure: no I/O here.
import { type Dataset, MISSING } from './dataset.js';

/**
 * An attribute is a present value of one column (never a missing one). Attribute ids are dense, column
 * after column: the id of (column, code) is offsets[column] + code - 1.
 */
export class AttributeIndex {
  readonly offsets: number[];
  readonly size: number;
  private readonly columnOf: Uint16Array;

  constructor(readonly columns: readonly { name: string; values: readonly string[] }[]) {
    this.offsets = [];
    let next = 0;
    for (const column of columns) {
      this.offsets.push(next);
      next += column.values.length - 1;
    }
    this.size = next;
    this.columnOf = new Uint16Array(next);
    columns.forEach((column, index) => {
      const start = this.offsets[index] as number;
      this.columnOf.fill(index, start, start + column.values.length - 1);
    });
  }

  static of(dataset: Dataset): AttributeIndex {
    return new AttributeIndex(dataset.columns);
  }

  id(column: number, code: number): number {
    if (code === MISSING) throw new RangeError('a missing value is not an attribute');
    return (this.offsets[column] as number) + code - 1;
  }

  column(id: number): number {
    return this.columnOf[id] as number;
  }

  code(id: number): number {
    return id - (this.offsets[this.column(id)] as number) + 1;
  }

  /** "column = value", for people reading a report. */
  describe(id: number): string {
    const column = this.columns[this.column(id)];
    return `${column?.name} = ${column?.values[this.code(id)]}`;
  }
}

/** The key of a combination: its attribute ids in ascending order, joined by commas. */
export function combinationKey(ids: readonly number[]): string {
  return [...ids].sort((a, b) => a - b).join(',');
}

export function combinationIds(key: string): number[] {
  return key.split(',').map(Number);
}

export type Aggregates = {
  attributes: AttributeIndex;
  reportingLength: number;
  /** How many records the aggregates describe (noisy in the private mode). */
  recordCount: number;
  /** Count of each combination of 1 to reportingLength attributes from distinct columns. */
  counts: Map<string, number>;
};
