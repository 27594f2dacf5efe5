import { describe, expect, it } from 'vitest';
import type { Aggregates } from './aggregates.js';
import { countCombinations } from './combinations.js';
import type { Dataset } from './dataset.js';
import { reportableAggregates, synthesizeKAnonymous } from './k-anonymous.js';
import { Prng } from './prng.js';
import { synthesizeFromAggregates } from './synthesize.js';
import { randomDataset } from './testing/random-dataset.js';

/** Seeded random datasets of many shapes: a few columns or many, skewed or flat, full or sparse. */
function shapes(count: number): { seed: string; dataset: Dataset }[] {
  const prng = new Prng('synthesis-shapes');
  return Array.from({ length: count }, (_, trial) => {
    const columns = 2 + Math.floor(prng.next() * 7);
    const dataset = randomDataset(`synthesis-${trial}`, {
      rows: 100 + Math.floor(prng.next() * 1500),
      cardinalities: Array.from({ length: columns }, () => 1 + Math.floor(prng.next() * 12)),
      missing: Array.from({ length: columns }, () => (prng.next() < 0.4 ? prng.next() * 0.9 : 0)),
      skew: prng.next() * 2.5,
    });
    return { seed: `seed-${trial}`, dataset };
  });
}

/** Output combinations, of 1 to L attributes, that the aggregates do not report with a positive count. */
function unreportedCombinations(synthetic: Dataset, aggregates: Aggregates): string[] {
  const output = countCombinations(synthetic, { reportingLength: aggregates.reportingLength });
  return [...output.counts.keys()].filter((key) => !((aggregates.counts.get(key) ?? 0) > 0));
}

describe('synthesizeKAnonymous', () => {
  it('emits no combination of 1 to L attributes that fewer than k source records share', () => {
    for (const [trial, { seed, dataset }] of shapes(160).entries()) {
      const k = 2 + (trial % 12);
      const reportingLength = 1 + (trial % 4);
      const { synthetic } = synthesizeKAnonymous(dataset, { k, reportingLength, seed });
      const source = countCombinations(dataset, { reportingLength });
      const output = countCombinations(synthetic, { reportingLength });
      const belowK = [...output.counts.keys()].filter((key) => (source.counts.get(key) ?? 0) < k);
      expect(belowK, `trial ${trial}, k ${k}, L ${reportingLength}`).toEqual([]);
    }
  });

  it('uses each attribute at most its source count rounded down to a multiple of k, and exactly that without a record limit', () => {
    for (const { seed, dataset } of shapes(40)) {
      const k = 5;
      const { synthetic, aggregates } = synthesizeKAnonymous(dataset, { k, reportingLength: 3, seed });
      const unlimited = synthesizeFromAggregates(aggregates, { seed, recordCount: Number.POSITIVE_INFINITY });
      const source = countCombinations(dataset, { reportingLength: 1 });
      const output = countCombinations(synthetic, { reportingLength: 1 });
      const all = countCombinations(unlimited, { reportingLength: 1 });
      for (const [key, count] of source.counts) {
        const rounded = count - (count % k);
        expect(output.counts.get(key) ?? 0).toBeLessThanOrEqual(rounded);
        expect(all.counts.get(key) ?? 0).toBe(rounded);
        if (rounded > 0) expect(aggregates.counts.get(key)).toBe(rounded);
      }
    }
  });

  it('makes no more records than the aggregates count when capped, as the private mode is', () => {
    for (const [trial, { seed, dataset }] of shapes(60).entries()) {
      const k = 2 + (trial % 9);
      const synthetic = synthesizeFromAggregates(reportableAggregates(dataset, k, 3), { seed });
      expect(synthetic.rowCount, `trial ${trial}`).toBeLessThanOrEqual(
        dataset.rowCount - (dataset.rowCount % k),
      );
    }
  });

  it('gives identical records for the same seed and different records for another', () => {
    const dataset = randomDataset('determinism', { rows: 3000, cardinalities: [4, 6, 3, 9, 2], skew: 1 });
    const first = synthesizeKAnonymous(dataset, { k: 5, seed: 'one' }).synthetic;
    const again = synthesizeKAnonymous(dataset, { k: 5, seed: 'one' }).synthetic;
    const other = synthesizeKAnonymous(dataset, { k: 5, seed: 'two' }).synthetic;
    expect(again).toEqual(first);
    expect(other.columns.map((column) => [...column.codes])).not.toEqual(
      first.columns.map((column) => [...column.codes]),
    );
  });

  it('keeps the strong associations of the source', () => {
    // b copies a nine times out of ten: the synthetic pairs must mostly agree too.
    const prng = new Prng('association');
    const rows = Array.from({ length: 4000 }, () => {
      const a = Math.floor(prng.next() * 4);
      return [a, prng.next() < 0.9 ? a : Math.floor(prng.next() * 4)];
    });
    const dataset = randomDataset('unused', { rows: 0, cardinalities: [1, 1] });
    dataset.columns = ['a', 'b'].map((name, column) => ({
      name,
      values: ['', '0', '1', '2', '3'],
      codes: Uint32Array.from(rows.map((row) => (row[column] as number) + 1)),
    }));
    dataset.rowCount = rows.length;
    const { synthetic } = synthesizeKAnonymous(dataset, { k: 10, seed: 'x' });
    const [a, b] = synthetic.columns as [Dataset['columns'][0], Dataset['columns'][0]];
    let agree = 0;
    for (let row = 0; row < synthetic.rowCount; row++) if (a.codes[row] === b.codes[row]) agree++;
    expect(agree / synthetic.rowCount).toBeGreaterThan(0.85);
  });
});

describe('synthesizeFromAggregates', () => {
  it('serves any aggregates, noisy ones included: never a combination they do not report', () => {
    for (const [trial, { seed, dataset }] of shapes(60).entries()) {
      const reportingLength = 1 + (trial % 3);
      const aggregates = countCombinations(dataset, { reportingLength });
      const noise = new Prng(`noise-${trial}`);
      for (const [key, count] of aggregates.counts) {
        const noisy = count + (noise.next() - 0.5) * 12;
        if (noise.next() < 0.2) aggregates.counts.delete(key);
        else aggregates.counts.set(key, noisy);
      }
      const synthetic = synthesizeFromAggregates(aggregates, { seed });
      expect(unreportedCombinations(synthetic, aggregates), `trial ${trial}`).toEqual([]);
    }
  });

  it('stops at the record count asked for', () => {
    const dataset = randomDataset('limit', { rows: 500, cardinalities: [3, 3] });
    const aggregates = countCombinations(dataset, { reportingLength: 2 });
    expect(synthesizeFromAggregates(aggregates, { seed: 's', recordCount: 120 }).rowCount).toBe(120);
  });
});
