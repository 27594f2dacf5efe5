import { describe, expect, it } from 'vitest';
import { AttributeIndex } from './aggregates.js';
import { datasetFromRows } from './dataset.js';
import { extendCandidates, RecordCombinations, singlesLevel } from './dp-combinations.js';
import { clippedCounts, combinationsHeld } from './dp-contributions.js';
import { RandomBits } from './noise/random.js';

function pairsWalker(seed: string) {
  const rng = new RandomBits(seed);
  const names = ['a', 'b', 'c', 'd', 'e', 'f'];
  const rows = Array.from({ length: 400 }, () =>
    names.map((name) => (rng.uniformBelow(3) === 0 ? '' : `${name}${rng.uniformBelow(2)}`)),
  );
  const dataset = datasetFromRows(names, rows);
  const index = AttributeIndex.of(dataset);
  const singles = singlesLevel(index);
  const pairs = extendCandidates(singles, singles, index, index.size);
  const alive = new Uint8Array(index.size).fill(1);
  return {
    pairs,
    walker: new RecordCombinations(dataset, index, alive, [undefined, singles], pairs, index.size),
  };
}

describe('record contributions', () => {
  it('let each record add at most the bound, and all it holds when it holds no more', () => {
    for (const bound of [1, 3, 6, 15]) {
      const { pairs, walker } = pairsWalker(`bound-${bound}`);
      const held = combinationsHeld(400, walker, pairs.size);
      const counts = clippedCounts(new RandomBits(`clip-${bound}`), walker, held, bound);
      const expectedTotal = held.perRecord.reduce((sum, holds) => sum + Math.min(holds, bound), 0);
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(expectedTotal);
      counts.forEach((count, position) => {
        expect(count).toBeGreaterThanOrEqual(0);
        expect(count).toBeLessThanOrEqual(held.totals[position] as number);
      });
      if (bound === 15) expect([...counts]).toEqual([...held.totals]);
    }
  });

  it('choose a record’s kept combinations uniformly among those it holds', () => {
    // one record holding all 15 pairs of 6 attributes, clipped to 5: each pair kept with probability 1/3
    const dataset = datasetFromRows(['a', 'b', 'c', 'd', 'e', 'f'], [['a', 'b', 'c', 'd', 'e', 'f']]);
    const index = AttributeIndex.of(dataset);
    const singles = singlesLevel(index);
    const pairs = extendCandidates(singles, singles, index, index.size);
    const walker = new RecordCombinations(
      dataset,
      index,
      new Uint8Array(6).fill(1),
      [undefined, singles],
      pairs,
      6,
    );
    const held = combinationsHeld(1, walker, pairs.size);
    const kept = new Array(pairs.size).fill(0);
    const rng = new RandomBits('uniform-choice');
    for (let trial = 0; trial < 3000; trial++) {
      clippedCounts(rng, walker, held, 5).forEach((count, position) => {
        kept[position] += count;
      });
    }
    for (const times of kept) expect(Math.abs(times - 1000)).toBeLessThan(120);
  });
});
