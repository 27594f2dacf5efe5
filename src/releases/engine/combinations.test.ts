import { describe, expect, it } from 'vitest';
import { type Aggregates, combinationIds } from './aggregates.js';
import { columnTuples, countCombinations } from './combinations.js';
import { datasetFromRows } from './dataset.js';
import { bruteForceCounts, randomDataset } from './testing/random-dataset.js';

/** The counts keyed as "column=value|column=value", comparable with the brute-force counts. */
function readable(aggregates: Aggregates): Map<string, number> {
  const names = aggregates.attributes.columns;
  const out = new Map<string, number>();
  for (const [key, count] of aggregates.counts) {
    const parts = combinationIds(key).map((id) => {
      const column = names[aggregates.attributes.column(id)];
      return `${column?.name}=${column?.values[aggregates.attributes.code(id)]}`;
    });
    out.set(parts.join('|'), count);
  }
  return out;
}

describe('countCombinations', () => {
  it('counts every combination of 1 to 3 attributes of distinct columns, missing values left out', () => {
    const dataset = datasetFromRows(
      ['a', 'b'],
      [
        ['x', 'p'],
        ['x', ''],
        ['y', 'p'],
      ],
    );
    const counts = readable(countCombinations(dataset, { reportingLength: 3 }));
    expect(Object.fromEntries(counts)).toEqual({ 'a=x': 2, 'a=y': 1, 'b=p': 2, 'a=x|b=p': 1, 'a=y|b=p': 1 });
  });

  it('matches a brute-force count on seeded random datasets, skewed and sparse, up to length 4', () => {
    for (let trial = 0; trial < 40; trial++) {
      const columns = 2 + (trial % 5);
      const dataset = randomDataset(`combinations-${trial}`, {
        rows: 50 + trial * 7,
        cardinalities: Array.from({ length: columns }, (_, i) => 1 + ((trial + i * 3) % 7)),
        missing: Array.from({ length: columns }, (_, i) => (i % 2 === 0 ? 0 : 0.6)),
        skew: trial % 3,
      });
      const length = 1 + (trial % 4);
      expect(readable(countCombinations(dataset, { reportingLength: length }))).toEqual(
        bruteForceCounts(dataset, length),
      );
    }
  });

  it('counts tuples too large for a dense array in a hash, with the same result', () => {
    const dataset = randomDataset('wide', { rows: 3000, cardinalities: [200, 200, 200], skew: 0.3 });
    expect(dataset.columns.every((column) => column.values.length > 160)).toBe(true);
    expect(readable(countCombinations(dataset, { reportingLength: 3 }))).toEqual(
      bruteForceCounts(dataset, 3),
    );
  });

  it('keeps only the combinations the predicate accepts', () => {
    const dataset = randomDataset('keep', { rows: 500, cardinalities: [3, 4, 5], skew: 1.5 });
    const kept = countCombinations(dataset, { reportingLength: 3, keep: (count) => count >= 10 });
    const all = bruteForceCounts(dataset, 3);
    const expected = new Map([...all].filter(([, count]) => count >= 10));
    expect(readable(kept)).toEqual(expected);
    expect(kept.counts.size).toBeLessThan(all.size);
  });
});

describe('columnTuples', () => {
  it('lists each ascending tuple once', () => {
    expect([...columnTuples(4, 2)]).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
    expect([...columnTuples(2, 3)]).toEqual([]);
  });
});
