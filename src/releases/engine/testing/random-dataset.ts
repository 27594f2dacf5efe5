// Seeded random categorical datasets for the engine's property tests: skewed, sparse, sometimes both.
import { type Dataset, datasetFromRows } from '../dataset.js';
import { Prng } from '../prng.js';

export type RandomDatasetShape = {
  rows: number;
  /** Distinct values per column. */
  cardinalities: number[];
  /** Share of missing cells per column (0 by default). */
  missing?: number[];
  /** Larger is more skewed: value i is drawn with weight 1 / (i + 1)^skew. */
  skew?: number;
};

export function randomDataset(seed: string, shape: RandomDatasetShape): Dataset {
  const prng = new Prng(seed);
  const names = shape.cardinalities.map((_, index) => `c${index}`);
  const weights = shape.cardinalities.map((size) =>
    Array.from({ length: size }, (_, i) => 1 / (i + 1) ** (shape.skew ?? 1)),
  );
  const rows: string[][] = [];
  for (let row = 0; row < shape.rows; row++) {
    rows.push(
      weights.map((column, index) => {
        if (prng.next() < (shape.missing?.[index] ?? 0)) return '';
        return `v${prng.pickWeighted(column)}`;
      }),
    );
  }
  return datasetFromRows(names, rows);
}

/** Every combination of 1..L attributes of each record, counted the slow obvious way. */
export function bruteForceCounts(dataset: Dataset, reportingLength: number): Map<string, number> {
  const found = new Map<string, number>();
  for (let row = 0; row < dataset.rowCount; row++) {
    const present = dataset.columns
      .map((column) => ({ name: column.name, value: column.values[column.codes[row] as number] as string }))
      .filter((cell) => cell.value !== '')
      .map((cell) => `${cell.name}=${cell.value}`);
    const visit = (start: number, picked: string[]) => {
      if (picked.length > 0) {
        const key = picked.join('|');
        found.set(key, (found.get(key) ?? 0) + 1);
      }
      if (picked.length === reportingLength) return;
      for (let i = start; i < present.length; i++) visit(i + 1, [...picked, present[i] as string]);
    };
    visit(0, []);
  }
  return found;
}
