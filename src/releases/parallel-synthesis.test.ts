import { describe, expect, it } from 'vitest';
import { dpMarginals } from './engine/dp-marginals.js';
import { kAnonymousSynthesisOptions, reportableAggregates } from './engine/k-anonymous.js';
import { synthesizeFromAggregates } from './engine/synthesize.js';
import { randomDataset } from './engine/testing/random-dataset.js';
import { reportableAggregatesInParallel, synthesizeInParallel } from './parallel-synthesis.js';

/** Large enough that the parts really run in a worker thread. */
const ROWS = 24_000;

describe('synthesizeInParallel', () => {
  const dataset = randomDataset('parallel', { rows: ROWS, cardinalities: [4, 9, 30, 3, 3, 12], skew: 0.8 });

  it('counts the same reportable combinations in two shares side by side as in one pass', async () => {
    const inParallel = await reportableAggregatesInParallel(dataset, 10, 3);
    const inOnePass = reportableAggregates(dataset, 10, 3);
    expect(inParallel.recordCount).toBe(inOnePass.recordCount);
    expect(inParallel.counts.size).toBeGreaterThan(500);
    expect(new Map([...inParallel.counts].sort())).toEqual(new Map([...inOnePass.counts].sort()));
  });

  it('makes exactly the records of the synthesis run part after part, for the k-anonymous mode', async () => {
    const aggregates = await reportableAggregatesInParallel(dataset, 10, 3);
    const options = kAnonymousSynthesisOptions('same records');
    const inParallel = await synthesizeInParallel(aggregates, options);
    const inTurn = synthesizeFromAggregates(aggregates, options);
    expect(inParallel.rowCount).toBeGreaterThanOrEqual(ROWS - (ROWS % 10));
    expect(inParallel.rowCount).toBe(inTurn.rowCount);
    expect(inParallel.columns.map((column) => column.name)).toEqual(
      inTurn.columns.map((column) => column.name),
    );
    inParallel.columns.forEach((column, index) => {
      expect(column.values).toEqual(inTurn.columns[index]?.values);
      expect(
        Buffer.from(column.codes.buffer).equals(
          Buffer.from(inTurn.columns[index]?.codes.buffer as ArrayBuffer),
        ),
      ).toBe(true);
    });
  });

  it('makes exactly the records of the synthesis run part after part, from noisy private counts', async () => {
    const marginals = dpMarginals(dataset, { epsilon: 4, reportingLength: 3, seed: 'noisy' });
    const inParallel = await synthesizeInParallel(marginals, { seed: 'private' });
    const inTurn = synthesizeFromAggregates(marginals, { seed: 'private' });
    expect(inParallel.rowCount).toBe(inTurn.rowCount);
    inParallel.columns.forEach((column, index) => {
      expect([...column.codes]).toEqual([...(inTurn.columns[index]?.codes ?? [])]);
    });
  });
});
