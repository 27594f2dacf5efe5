import { describe, expect, it } from 'vitest';
import { datasetFromRows } from './dataset.js';
import { evaluateSynthesis } from './evaluation.js';
import { synthesizeKAnonymous } from './k-anonymous.js';
import { randomDataset } from './testing/random-dataset.js';

const repeat = (row: string[], times: number) => Array.from({ length: times }, () => row);

describe('evaluateSynthesis', () => {
  it('computes errors, preserved, fabricated and suppressed combinations on a hand-checked example', () => {
    const source = datasetFromRows(['a', 'b'], [...repeat(['x', 'p'], 4), ...repeat(['y', 'q'], 2)]);
    // The output's own dictionary differs (q before p, and a value the source never had).
    const output = datasetFromRows(
      ['a', 'b'],
      [...repeat(['x', 'q'], 1), ...repeat(['x', 'p'], 2), ['z', 'p']],
    );
    const result = evaluateSynthesis(source, output, { reportingLength: 2 });
    const [ones, twos] = result.lengths;
    // Singles: x 4→3, y 2→0, z 0→1, p 4→3, q 2→1.
    expect(ones).toMatchObject({ sourceCombinations: 4, outputCombinations: 4, unionCombinations: 5 });
    expect(ones?.meanAbsoluteError).toBeCloseTo((1 + 2 + 1 + 1 + 1) / 5);
    expect(ones?.meanRelativeError).toBeCloseTo((1 / 4 + 1 + 1 / 4 + 1 / 2) / 4);
    expect(ones).toMatchObject({ fabricated: 1, suppressed: 1, preservedShare: 3 / 4 });
    // Pairs: xp 4→2, yq 2→0, xq 0→1, zp 0→1.
    expect(twos).toMatchObject({ unionCombinations: 4, fabricated: 2, suppressed: 1, preservedShare: 1 / 2 });
    expect(twos?.meanRelativeError).toBeCloseTo((2 / 4 + 1) / 2);
    expect(result.privacy.smallestSourceCount).toBe(0);
  });

  it('counts the output combinations below k, and only source combinations of k or more for relative error', () => {
    const source = datasetFromRows(['a'], [...repeat(['x'], 12), ...repeat(['y'], 3)]);
    const output = datasetFromRows(['a'], [...repeat(['x'], 12), ...repeat(['y'], 1)]);
    const result = evaluateSynthesis(source, output, { reportingLength: 1, k: 10 });
    expect(result.privacy).toEqual({ smallestSourceCount: 3, combinationsBelowK: 1 });
    expect(result.lengths[0]?.meanRelativeError).toBe(0);
    expect(result.lengths[0]?.preservedShare).toBe(1);
  });

  it('finds no error in a dataset compared with itself', () => {
    const dataset = randomDataset('itself', { rows: 800, cardinalities: [4, 7, 3], missing: [0, 0.5, 0.2] });
    for (const length of evaluateSynthesis(dataset, dataset, { reportingLength: 3 }).lengths)
      expect(length).toMatchObject({
        meanAbsoluteError: 0,
        meanRelativeError: 0,
        preservedShare: 1,
        fabricated: 0,
      });
  });

  it('confirms on the output that k-anonymous synthesis reached k', () => {
    const dataset = randomDataset('reached', { rows: 5000, cardinalities: [5, 8, 3, 12, 2], skew: 1.2 });
    const { synthetic } = synthesizeKAnonymous(dataset, { k: 10, seed: 'r' });
    const result = evaluateSynthesis(dataset, synthetic, { reportingLength: 3, k: 10 });
    expect(result.privacy.combinationsBelowK).toBe(0);
    expect(result.privacy.smallestSourceCount).toBeGreaterThanOrEqual(10);
    expect(result.lengths.map((length) => length.fabricated)).toEqual([0, 0, 0]);
    expect(result.lengths[1]?.meanRelativeError).toBeLessThan(0.5);
  });
});
