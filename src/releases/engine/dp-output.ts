// Turns the surviving noisy marginals into consistent aggregates, as true counts are: no single
// attribute counts more than the records, no combination counts more than any of its sub-combinations,
// every count a non-negative integer. Lowering a count to the smallest of its sub-combinations only
// reads released counts, so it is post-processing and costs no privacy. Pure: no I/O here.
import { type Aggregates, AttributeIndex, combinationKey } from './aggregates.js';
import type { Dataset } from './dataset.js';
import type { Level } from './dp-combinations.js';

export type Survivors = {
  dataset: Dataset;
  attributes: AttributeIndex;
  base: number;
  /** survivors[length], with their noisy counts in noisy[length]. */
  survivors: readonly (Level | undefined)[];
  noisy: readonly (Int32Array | undefined)[];
};

/** consistent[length][position], for the survivors of each length, shortest first. */
export function consistentCounts(
  survivors: readonly (Level | undefined)[],
  noisy: readonly (Int32Array | undefined)[],
  recordCount: number,
  base: number,
): Int32Array[] {
  const consistent: Int32Array[] = [];
  survivors.forEach((level, length) => {
    if (!level) return;
    const counts = Int32Array.from(noisy[length] ?? [], (value) => Math.max(0, Math.min(value, recordCount)));
    const below = survivors[length - 1];
    const belowCounts = consistent[length - 1];
    if (length > 1 && below && belowCounts) capBySubCombinations(level, counts, below, belowCounts, base);
    consistent[length] = counts;
  });
  return consistent;
}

function capBySubCombinations(
  level: Level,
  counts: Int32Array,
  below: Level,
  belowCounts: Int32Array,
  base: number,
) {
  const length = level.length;
  for (let position = 0; position < level.size; position++) {
    const offset = position * length;
    let cap = counts[position] as number;
    for (let skip = 0; skip < length; skip++) {
      let key = 0;
      for (let i = 0; i < length; i++) if (i !== skip) key = key * base + (level.ids[offset + i] as number);
      const sub = below.positions.get(key);
      // every candidate's sub-combinations survived, so a missing one would be a bug upstream
      if (sub === undefined) throw new Error('a combination survived without one of its sub-combinations');
      cap = Math.min(cap, belowCounts[sub] as number);
    }
    counts[position] = cap;
  }
}

/** Consistent counts keyed by combinationKey, over an attribute index of the surviving values only. */
export function outputAggregates(run: Survivors, recordCount: number, reportingLength: number): Aggregates {
  const singles = run.survivors[1] as Level;
  const kept = new Set(singles.ids);
  const columns = run.dataset.columns.map((column, columnIndex) => ({
    name: column.name,
    values: column.values.filter((_, code) => code === 0 || kept.has(run.attributes.id(columnIndex, code))),
  }));
  const attributes = new AttributeIndex(columns);
  const renumber = new Map<number, number>();
  for (const id of singles.ids) {
    const column = run.attributes.column(id);
    const value = run.dataset.columns[column]?.values[run.attributes.code(id)] ?? '';
    renumber.set(id, attributes.id(column, (columns[column]?.values ?? []).indexOf(value)));
  }
  const counts = new Map<string, number>();
  const consistent = consistentCounts(run.survivors, run.noisy, recordCount, run.base);
  run.survivors.forEach((level, length) => {
    if (!level) return;
    for (let position = 0; position < level.size; position++) {
      const ids = Array.from(
        level.ids.subarray(position * length, (position + 1) * length),
        (id) => renumber.get(id) as number,
      );
      counts.set(combinationKey(ids), consistent[length]?.[position] as number);
    }
  });
  return { attributes, reportingLength, recordCount, counts };
}
