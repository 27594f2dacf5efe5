import { describe, expect, it } from 'vitest';
import { innerToEntry, linesOf, shapeOf, type TableDimension, tableFromCells } from './count-tables.js';
import { epsilonForRho } from './noise/accountant.js';
import { noisyTable } from './noisy-table.js';

const dimension = (name: string, size: number): TableDimension => ({
  name,
  categories: Array.from({ length: size }, (_, i) => `${name}${i}`),
});

function noiseOf(sizes: number[], count: number, options: Parameters<typeof noisyTable>[1]) {
  const dimensions = sizes.map((size, d) => dimension(`d${d}`, size));
  const cellCount = sizes.reduce((product, size) => product * size, 1);
  const table = tableFromCells(dimensions, new Array(cellCount).fill(count));
  const result = noisyTable(table, options);
  const shape = shapeOf(dimensions);
  const noise = Array.from(
    { length: cellCount },
    (_, cell) => (result.table.values[innerToEntry(shape, cell)] as number) - count,
  );
  return { result, noise };
}

const meanOf = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const varianceOf = (values: number[]) => {
  const mean = meanOf(values);
  return values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1);
};

describe('differentially private count tables', () => {
  it('publishes margins that are the sums of the noisy cells, never a negative count, the same for the same seed', () => {
    const table = tableFromCells(
      [dimension('a', 6), dimension('b', 5)],
      Array.from({ length: 30 }, (_, i) => i % 4),
    );
    const first = noisyTable(table, { mechanism: 'laplace', epsilon: 0.5, seed: 'release-1' });
    const again = noisyTable(table, { mechanism: 'laplace', epsilon: 0.5, seed: 'release-1' });
    const other = noisyTable(table, { mechanism: 'laplace', epsilon: 0.5, seed: 'release-2' });
    expect(Array.from(again.table.values)).toEqual(Array.from(first.table.values));
    expect(Array.from(other.table.values)).not.toEqual(Array.from(first.table.values));
    for (const value of first.table.values) expect(value).toBeGreaterThanOrEqual(0);
    for (const { entries } of linesOf(shapeOf(table.dimensions))) {
      const cells = Array.from(entries.subarray(0, -1), (e) => first.table.values[e] as number);
      expect(cells.reduce((s, v) => s + v, 0)).toBe(first.table.values[entries.at(-1) as number]);
    }
    expect(first.cellsRoundedUp).toBeGreaterThan(0);
    expect(first.sentences[1]).toMatch(/published as 0/);
  });

  it('adds discrete Laplace noise of the variance its ε implies and spends ε²/2 in zCDP', () => {
    const { result, noise } = noiseOf([100, 100], 1000, {
      mechanism: 'laplace',
      epsilon: 0.5,
      seed: 'laplace',
    });
    const decay = Math.exp(-0.5);
    const expected = (2 * decay) / (1 - decay) ** 2;
    expect(Math.abs(meanOf(noise))).toBeLessThan(0.1);
    expect(varianceOf(noise) / expected).toBeGreaterThan(0.95);
    expect(varianceOf(noise) / expected).toBeLessThan(1.05);
    expect(noise.every(Number.isInteger)).toBe(true);
    expect(result.epsilon).toBeLessThanOrEqual(0.5);
    expect(result.epsilon).toBeGreaterThan(0.4999);
    expect(result.rho).toBeCloseTo(0.125, 6);
    expect(result.delta).toBeNull();
  });

  it('adds discrete Gaussian noise whose ρ converts back to no more than the ε and δ asked for', () => {
    const { result, noise } = noiseOf([100, 100], 1000, {
      mechanism: 'gaussian',
      epsilon: 1,
      delta: 1e-6,
      seed: 'g',
    });
    expect(varianceOf(noise) / result.noiseScale).toBeGreaterThan(0.95);
    expect(varianceOf(noise) / result.noiseScale).toBeLessThan(1.05);
    expect(result.rho).toBeCloseTo(1 / (2 * result.noiseScale), 9);
    expect(epsilonForRho(result.rho, 1e-6)).toBeLessThanOrEqual(1);
    expect(result.epsilon).toBeLessThanOrEqual(1);
    expect(result.delta).toBe(1e-6);
  });

  it('refuses the Gaussian mechanism without δ and a non-positive ε', () => {
    const table = tableFromCells([dimension('a', 2)], [5, 6]);
    expect(() => noisyTable(table, { mechanism: 'gaussian', epsilon: 1 })).toThrow(/needs δ/);
    expect(() => noisyTable(table, { mechanism: 'laplace', epsilon: 0 })).toThrow(/positive/);
  });
});
