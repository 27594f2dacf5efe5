import { describe, expect, it } from 'vitest';
import { AttributeIndex } from './aggregates.js';
import { datasetFromRows, MISSING } from './dataset.js';
import {
  extendCandidates,
  keepPositions,
  type Level,
  RecordCombinations,
  singlesLevel,
} from './dp-combinations.js';
import { RandomBits } from './noise/random.js';

function randomDataset(seed: string) {
  const rng = new RandomBits(seed);
  const names = ['a', 'b', 'c', 'd', 'e'];
  const rows = Array.from({ length: 60 }, () =>
    names.map((name) => (rng.uniformBelow(4) === 0 ? '' : `${name}${rng.uniformBelow(3)}`)),
  );
  return datasetFromRows(names, rows);
}

function combinationsOf(level: Level): number[][] {
  return Array.from({ length: level.size }, (_, p) =>
    Array.from(level.ids.subarray(p * level.length, (p + 1) * level.length)),
  );
}

function subsetsOf<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, i) => subsetsOf(items.slice(i + 1), size - 1).map((rest) => [item, ...rest]));
}

describe('candidate combinations', () => {
  it('are exactly the combinations over distinct columns whose every sub-combination survived', () => {
    for (const seed of ['x', 'y', 'z']) {
      const dataset = randomDataset(seed);
      const index = AttributeIndex.of(dataset);
      const base = index.size;
      const rng = new RandomBits(`keep-${seed}`);
      const singles = singlesLevel(index);
      const survivingPairs = extendCandidates(singles, singles, index, base);
      const keptPairs = keepPositions(
        survivingPairs,
        Array.from({ length: survivingPairs.size }, (_, p) => p).filter(() => rng.uniformBelow(3) > 0),
        base,
      );
      const triples = combinationsOf(extendCandidates(keptPairs, singles, index, base)).map(String);
      const pairSet = new Set(combinationsOf(keptPairs).map(String));
      const expected = subsetsOf(Array.from(singles.ids), 3)
        .filter((ids) => new Set(ids.map((id) => index.column(id))).size === 3)
        .filter((ids) => subsetsOf(ids, 2).every((pair) => pairSet.has(String(pair))))
        .map(String);
      expect(triples.sort()).toEqual(expected.sort());
    }
  });

  it('are walked for each record exactly as the record holds them', () => {
    const dataset = randomDataset('walk');
    const index = AttributeIndex.of(dataset);
    const base = index.size;
    const singles = singlesLevel(index);
    const pairs = extendCandidates(singles, singles, index, base);
    const triples = extendCandidates(pairs, singles, index, base);
    const alive = new Uint8Array(index.size).fill(1);
    const walker = new RecordCombinations(dataset, index, alive, [undefined, singles, pairs], triples, base);
    for (let record = 0; record < dataset.rowCount; record++) {
      const held = dataset.columns.flatMap((column, c) =>
        column.codes[record] === MISSING ? [] : [index.id(c, column.codes[record] as number)],
      );
      const visited: string[] = [];
      walker.forEach(record, (position) => visited.push(String(combinationsOf(triples)[position])));
      expect(visited.sort()).toEqual(subsetsOf(held, 3).map(String).sort());
    }
  });
});
