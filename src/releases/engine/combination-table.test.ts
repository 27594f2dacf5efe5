import { describe, expect, it } from 'vitest';
import { combinationIds } from './aggregates.js';
import { CombinationTable } from './combination-table.js';
import { countCombinations } from './combinations.js';
import { randomDataset } from './testing/random-dataset.js';

function expectSameCounts(table: CombinationTable, counts: Map<string, number>): void {
  for (const [key, count] of counts) {
    const ids = combinationIds(key);
    expect(table.count(ids.reverse()), key).toBe(count);
  }
}

describe('CombinationTable', () => {
  it('answers every count of the aggregates, in any order of ids, and 0 for an absent combination', () => {
    const dataset = randomDataset('table', {
      rows: 2000,
      cardinalities: [5, 9, 4, 3, 6],
      skew: 1,
      missing: [0, 0.3, 0, 0.5, 0],
    });
    const aggregates = countCombinations(dataset, { reportingLength: 4 });
    const table = new CombinationTable(aggregates);
    expectSameCounts(table, aggregates.counts);
    // Two values of the same column never occur together.
    expect(table.pair(0, 1)).toBe(0);
    expect(table.triple(0, 1, 2)).toBe(0);
  });

  it('holds the pairs in a hash when there are too many attributes for a dense array', () => {
    const dataset = randomDataset('many', { rows: 12000, cardinalities: [9000, 3, 4], skew: 0 });
    const aggregates = countCombinations(dataset, { reportingLength: 3 });
    expect(aggregates.attributes.size).toBeGreaterThan(4096);
    const table = new CombinationTable(aggregates);
    expect(table.densePairs).toBeNull();
    expectSameCounts(table, aggregates.counts);
  });

  it('lays out triple rows so that each pair, in either order, finds its third attributes', () => {
    const dataset = randomDataset('rows', { rows: 1500, cardinalities: [3, 4, 5], skew: 0.5 });
    const aggregates = countCombinations(dataset, { reportingLength: 3 });
    const table = new CombinationTable(aggregates);
    const rows = table.tripleRows as Float32Array;
    for (const [key, count] of aggregates.counts) {
      const ids = combinationIds(key);
      if (ids.length !== 3) continue;
      const [a, b, c] = ids as [number, number, number];
      for (const [x, y, z] of [
        [a, b, c],
        [b, a, c],
        [a, c, b],
        [c, a, b],
        [b, c, a],
        [c, b, a],
      ] as const)
        expect(rows[table.tripleRowStart(x, y) + z]).toBe(count);
    }
  });
});
