import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { combinationIds, combinationKey } from './aggregates.js';
import { datasetFromRows, MISSING } from './dataset.js';
import { generatedCases } from './dp-marginals.fixtures.js';
import { type DpMarginals, dpMarginals } from './dp-marginals.js';
import { epsilonForRho, rhoForEpsilonDelta } from './noise/accountant.js';
import { RandomBits } from './noise/random.js';

const small = generatedCases(5000, 'small');

/** Every proper sub-combination one attribute shorter. */
function subCombinations(key: string): string[] {
  const ids = combinationIds(key);
  if (ids.length === 1) return [];
  return ids.map((_, skip) => combinationKey(ids.filter((__, i) => i !== skip)));
}

function singleCounts(result: DpMarginals): Map<string, number> {
  const byName = new Map<string, number>();
  for (const [key, count] of result.counts) {
    const ids = combinationIds(key);
    if (ids.length === 1) byName.set(result.attributes.describe(ids[0] as number), count);
  }
  return byName;
}

describe('differentially private marginals', () => {
  it('gives the same aggregates for the same seed and different ones for another seed', () => {
    const first = dpMarginals(small, { seed: 'release-1' });
    const again = dpMarginals(small, { seed: 'release-1' });
    const other = dpMarginals(small, { seed: 'release-2' });
    expect([...again.counts]).toEqual([...first.counts]);
    expect(again.recordCount).toBe(first.recordCount);
    expect([...other.counts]).not.toEqual([...first.counts]);
  });

  it('records a fresh seed when none is given, which reproduces the release', () => {
    const fresh = dpMarginals(small, { reportingLength: 2 });
    const replay = dpMarginals(small, { reportingLength: 2, seed: fresh.seed });
    expect([...replay.counts]).toEqual([...fresh.counts]);
  });

  it('never lets a combination count more than any of its sub-combinations, nor a value more than the records', () => {
    for (const [seed, epsilon] of [
      ['a', 4],
      ['b', 1],
      ['c', 0.3],
      ['d', 10],
    ] as const) {
      const result = dpMarginals(generatedCases(3000, `consistency-${seed}`), { epsilon, seed });
      expect(result.counts.size).toBeGreaterThan(5);
      for (const [key, count] of result.counts) {
        expect(Number.isInteger(count) && count >= 0).toBe(true);
        expect(count).toBeLessThanOrEqual(result.recordCount);
        for (const sub of subCombinations(key)) {
          expect(result.counts.has(sub)).toBe(true);
          expect(count).toBeLessThanOrEqual(result.counts.get(sub) as number);
        }
      }
    }
  });

  it('keeps the output consistent on random small datasets and parameters (property)', () => {
    const datasetArbitrary = fc.record({
      columns: fc.integer({ min: 2, max: 5 }),
      records: fc.integer({ min: 50, max: 400 }),
      values: fc.integer({ min: 1, max: 4 }),
      epsilon: fc.double({ min: 0.5, max: 20, noNaN: true }),
      reportingLength: fc.integer({ min: 1, max: 3 }),
      seed: fc.string({ maxLength: 8 }),
    });
    fc.assert(
      fc.property(datasetArbitrary, ({ columns, records, values, epsilon, reportingLength, seed }) => {
        const rng = new RandomBits(`data-${seed}`);
        const names = Array.from({ length: columns }, (_, c) => `column${c}`);
        const rows = Array.from({ length: records }, () =>
          names.map(() => (rng.uniformBelow(values + 1) === 0 ? '' : `v${rng.uniformBelow(values)}`)),
        );
        const length = Math.min(reportingLength, columns);
        const result = dpMarginals(datasetFromRows(names, rows), { epsilon, reportingLength: length, seed });
        for (const [key, count] of result.counts) {
          const ids = combinationIds(key);
          expect(ids.length).toBeLessThanOrEqual(length);
          expect(new Set(ids.map((id) => result.attributes.column(id))).size).toBe(ids.length);
          expect(Number.isInteger(count) && count >= 0 && count <= result.recordCount).toBe(true);
          for (const sub of subCombinations(key))
            expect(count).toBeLessThanOrEqual(result.counts.get(sub) ?? -1);
        }
        expect(result.epsilon).toBeLessThanOrEqual(epsilon * (1 + 1e-9));
      }),
      { seed: 19, numRuns: 150 },
    );
  });

  it('reports the ε and δ that the accountant gives for the ρ it spent, within the target', () => {
    const result = dpMarginals(small, { epsilon: 2, seed: 'accounting' });
    expect(result.epsilon).toBe(epsilonForRho(result.rho, result.deltaConversion));
    expect(result.delta).toBe(result.deltaConversion + result.deltaThreshold);
    expect(result.epsilon).toBeLessThanOrEqual(2);
    expect(result.epsilon).toBeGreaterThan(1.99);
    expect(result.rho).toBeLessThanOrEqual(rhoForEpsilonDelta(2, result.deltaConversion) * (1 + 1e-12));
    const levelsRho = result.levels.reduce((sum, level) => sum + level.rho, 0);
    expect(levelsRho).toBeLessThan(result.rho);
    const n = result.recordCount;
    expect(result.deltaRule).toBe('1/(n ln n) of the noisy record count');
    expect(result.delta).toBeCloseTo(1 / (n * Math.log(n)), 15);
  });

  it('uses a δ that is given instead of deriving one', () => {
    const result = dpMarginals(small, { epsilon: 1, delta: 1e-8, seed: 'given-delta', reportingLength: 2 });
    expect(result.deltaRule).toBe('given');
    expect(result.delta).toBe(1e-8);
    expect(result.epsilon).toBe(epsilonForRho(result.rho, 5e-9));
  });

  it('keeps single-attribute counts close to the true ones at ε = 4 and far from them at a tiny ε', () => {
    const data = generatedCases(60_000, 'accuracy');
    const truth = new Map<string, number>();
    for (const column of data.columns) {
      for (const code of column.codes) {
        const name = `${column.name} = ${column.values[code]}`;
        if (code !== MISSING) truth.set(name, (truth.get(name) ?? 0) + 1);
      }
    }
    const relativeError = (result: DpMarginals) => {
      const noisy = singleCounts(result);
      const errors = [...truth].map(([name, count]) => Math.abs((noisy.get(name) ?? 0) - count) / count);
      return errors.reduce((sum, error) => sum + error, 0) / errors.length;
    };
    const accurate = dpMarginals(data, { epsilon: 4, seed: 'accuracy' });
    expect(Math.abs(accurate.recordCount - 60_000)).toBeLessThan(100);
    expect(relativeError(accurate)).toBeLessThan(0.02);
    expect(relativeError(dpMarginals(data, { epsilon: 0.005, seed: 'accuracy' }))).toBeGreaterThan(0.2);
  });

  it('leaves out a value that a single record holds, so the output cannot name it', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [
      i % 2 ? 'Female' : 'Male',
      i % 3 ? 'Atlantis' : 'Borduria',
    ]);
    rows.push(['Female', 'Zembla']);
    const result = dpMarginals(datasetFromRows(['gender', 'citizenship'], rows), {
      seed: 'unique',
      reportingLength: 2,
    });
    const citizenships = result.attributes.columns[1]?.values ?? [];
    expect(citizenships).toContain('Atlantis');
    expect(citizenships).not.toContain('Zembla');
    expect(result.levels[0]?.candidates).toBeNull();
    expect(result.counts.size).toBe(result.attributes.size + result.levels[1]!.kept);
  });

  it('refuses options it cannot honour, saying which and how to fix it', () => {
    const refused = (options: Parameters<typeof dpMarginals>[1], message: RegExp) => {
      try {
        dpMarginals(small, options);
        expect.unreachable('the options must be refused');
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('validation_failed');
        expect((error as AppError).message).toMatch(message);
      }
    };
    refused({ epsilon: 0 }, /ε must be a number above 0/);
    refused({ delta: 1 }, /δ must lie strictly between 0 and 1/);
    refused(
      { reportingLength: 9 },
      /reporting length must be a whole number from 1 to the number of columns \(7\)/,
    );
    refused({ percentile: 0 }, /percentile must be a whole number/);
  });
});
