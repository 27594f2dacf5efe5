import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { combinationIds } from './aggregates.js';
import { writeDatasetCsv } from './csv.js';
import { type Dataset, datasetFromRows, MISSING } from './dataset.js';
import { withImpliedZeros } from './dp-implied-zeros.js';
import { type DpMarginals, dpMarginals } from './dp-marginals.js';
import { rhoForEpsilonDelta } from './noise/accountant.js';
import { RandomBits } from './noise/random.js';
import { synthesizeFromAggregates } from './synthesize.js';

const NAMES = ['citizenship', 'isForcedLabour', 'isSexualExploit', 'severity'];

/** Invented cases: a flag recorded in 80 % of them, another in all, and a 0–2 scale that is no flag. */
function flaggedCases(records: number, seed: string): Dataset {
  const rng = new RandomBits(seed);
  const rows = Array.from({ length: records }, () => {
    const recorded = rng.uniformBelow(10) < 8;
    return [
      ['Atlantis', 'Borduria', 'Carpania'][rng.uniformBelow(3)] as string,
      recorded ? String(Number(rng.uniformBelow(10) < 3)) : '',
      String(Number(rng.uniformBelow(10) < 4)),
      String(rng.uniformBelow(3)),
    ];
  });
  return datasetFromRows(NAMES, rows);
}

function valuesOf(result: DpMarginals, name: string): readonly string[] {
  const column = result.attributes.columns.find((candidate) => candidate.name === name);
  return column?.values ?? [];
}

function countOf(dataset: Dataset, name: string, value: string): number {
  const column = dataset.columns.find((candidate) => candidate.name === name);
  if (!column) return 0;
  const code = column.values.indexOf(value);
  return column.codes.filter((each) => each === code).length;
}

describe('implied zeros of 0/1 flags', () => {
  const data = flaggedCases(20_000, 'flags');

  it("leaves a flag's 0 out of every combination and reports its count", () => {
    const result = dpMarginals(data, { seed: 'implied' });
    expect(valuesOf(result, 'isForcedLabour')).toEqual(['', '1']);
    expect(valuesOf(result, 'isSexualExploit')).toEqual(['', '1']);
    expect(valuesOf(result, 'severity')).toContain('0');
    expect(result.impliedZeros.map((zero) => zero.column)).toEqual(['isForcedLabour', 'isSexualExploit']);
    for (const zero of result.impliedZeros) {
      const truth = countOf(data, zero.column, '0');
      expect(Math.abs(zero.zeros - truth)).toBeLessThan(0.02 * truth);
    }
    for (const key of result.counts.keys()) {
      for (const id of combinationIds(key)) expect(result.attributes.describe(id)).not.toMatch(/^is.* = 0$/);
    }
  });

  it("counts every column's 0 with 'all', and a listed flag's 0 while implying the others", () => {
    const all = dpMarginals(data, { seed: 'implied', sensitiveZeros: 'all' });
    expect(all.impliedZeros).toEqual([]);
    expect(valuesOf(all, 'isForcedLabour')).toContain('0');
    const listed = dpMarginals(data, { seed: 'implied', sensitiveZeros: ['isSexualExploit'] });
    expect(listed.impliedZeros.map((zero) => zero.column)).toEqual(['isForcedLabour']);
    expect(valuesOf(listed, 'isSexualExploit')).toContain('0');
  });

  it('decides from released counts, so a value that one record holds does not stop a column being a flag', () => {
    const rows = Array.from({ length: 4000 }, (_, i) => ['Atlantis', String(i % 3 === 0 ? 1 : 0), '0', '0']);
    rows.push(['Atlantis', '7', '0', '0']);
    const result = dpMarginals(datasetFromRows(NAMES, rows), { seed: 'unique', reportingLength: 2 });
    expect(result.impliedZeros.map((zero) => zero.column)).toContain('isForcedLabour');
    expect(valuesOf(result, 'isForcedLabour')).toEqual(['', '1']);
  });

  it('counts the zeros apart, on a tenth of the single values budget, and leaves out a zero one record holds', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [
      'Atlantis',
      String(i % 4 === 0 ? 1 : 0),
      '1',
      'low',
    ]);
    rows.push(['Borduria', '0', '0', '0']);
    const result = dpMarginals(datasetFromRows(NAMES, rows), { seed: 'apart', reportingLength: 2 });
    const [zeros, others] = result.levels;
    expect(zeros?.values).toBe('zeros');
    expect(others?.values).toBe('others');
    expect((zeros?.rho as number) / (others?.rho as number)).toBeCloseTo(1 / 9, 2);
    expect(valuesOf(result, 'severity')).toEqual(['', 'low']);
    expect(valuesOf(result, 'isSexualExploit')).toEqual(['', '1']);
    expect(result.impliedZeros.map((zero) => zero.column)).toEqual(['isForcedLabour']);
    const all = dpMarginals(datasetFromRows(NAMES, rows), { seed: 'apart', sensitiveZeros: 'all' });
    expect(all.levels[0]?.values).toBeUndefined();
  });

  it('writes the zeros back in the released share, keeps the 1s, and repeats for the same seed', () => {
    const result = dpMarginals(data, { seed: 'write-back' });
    const synthetic = withImpliedZeros(
      synthesizeFromAggregates(result, { seed: 'write-back' }),
      result.impliedZeros,
      result.recordCount,
      'write-back',
    );
    for (const name of ['isForcedLabour', 'isSexualExploit']) {
      const truth = countOf(data, name, '0');
      expect(Math.abs(countOf(synthetic, name, '0') - truth)).toBeLessThan(0.05 * truth);
      expect(Math.abs(countOf(synthetic, name, '1') - countOf(data, name, '1'))).toBeLessThan(
        0.1 * countOf(data, name, '1'),
      );
    }
    // The flag recorded in 80 % of the source stays missing in about 20 % of the synthetic records.
    const missing = countOf(synthetic, 'isForcedLabour', '');
    expect(missing / synthetic.rowCount).toBeGreaterThan(0.15);
    expect(missing / synthetic.rowCount).toBeLessThan(0.25);
    const again = withImpliedZeros(
      synthesizeFromAggregates(result, { seed: 'write-back' }),
      result.impliedZeros,
      result.recordCount,
      'write-back',
    );
    expect(again.columns.map((column) => [...column.codes])).toEqual(
      synthetic.columns.map((column) => [...column.codes]),
    );
  });

  it('writes 0 in the CSV for a flag a synthetic record lacks, and leaves it blank about where the source did', () => {
    const result = dpMarginals(data, { seed: 'csv' });
    const synthetic = withImpliedZeros(
      synthesizeFromAggregates(result, { seed: 'csv' }),
      result.impliedZeros,
      result.recordCount,
      'csv',
    );
    const lines = [...writeDatasetCsv(synthetic)].join('').trim().split(/\r?\n/);
    const column = (lines[0] as string).split(',').indexOf('isSexualExploit');
    const cells = lines.slice(1).map((line) => line.split(',')[column]);
    // Recorded in every source record: blank only where noise put the released 0s and 1s a little short.
    expect(cells.filter((cell) => cell === '').length).toBeLessThan(0.01 * cells.length);
    expect(cells.filter((cell) => cell === '0').length).toBeGreaterThan(0.5 * cells.length);
    const forcedLabour = (lines[0] as string).split(',').indexOf('isForcedLabour');
    expect(new Set(lines.slice(1).map((line) => line.split(',')[forcedLabour]))).toEqual(
      new Set(['', '0', '1']),
    );
  });

  it('leaves datasets without implied zeros as they are', () => {
    const synthetic = datasetFromRows(['flag'], [['1'], ['']]);
    expect(withImpliedZeros(synthetic, [], 2, 'none')).toBe(synthetic);
    const written = withImpliedZeros(synthetic, [{ column: 'flag', zeros: 1, ones: 1 }], 2, 'all-zero');
    expect(written.columns[0]?.values).toEqual(['', '1', '0']);
    expect([...(written.columns[0]?.codes ?? [])]).toEqual([1, 2]);
    expect(written.columns[0]?.codes).not.toContain(MISSING);
  });

  it('refuses sensitive zeros of columns the dataset does not have', () => {
    try {
      dpMarginals(data, { sensitiveZeros: ['isForcedLabor'] });
      expect.unreachable('an unknown column must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toMatch(/do(es)? not have: isForcedLabor/);
    }
  });

  it('never spends more than the budget, whatever the flags, weights and seed (property)', () => {
    const cases = fc.record({
      records: fc.integer({ min: 50, max: 600 }),
      flags: fc.integer({ min: 1, max: 4 }),
      epsilon: fc.double({ min: 0.3, max: 12, noNaN: true }),
      weights: fc.array(fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: 0, maxLength: 3 }),
      seed: fc.string({ maxLength: 6 }),
    });
    fc.assert(
      fc.property(cases, ({ records, flags, epsilon, weights, seed }) => {
        const rng = new RandomBits(`flags-${seed}`);
        const names = ['country', ...Array.from({ length: flags }, (_, f) => `flag${f}`)];
        const rows = Array.from({ length: records }, () => [
          `c${rng.uniformBelow(3)}`,
          ...Array.from({ length: flags }, () => ['', '0', '0', '1'][rng.uniformBelow(4)] as string),
        ]);
        const result = dpMarginals(datasetFromRows(names, rows), {
          ...{ epsilon, seed, levelWeights: weights, reportingLength: Math.min(3, names.length) },
        });
        expect(result.rho).toBeLessThanOrEqual(
          rhoForEpsilonDelta(epsilon, result.deltaConversion) * (1 + 1e-12),
        );
        expect(result.epsilon).toBeLessThanOrEqual(epsilon * (1 + 1e-9));
        for (const zero of result.impliedZeros) {
          expect(Number.isInteger(zero.zeros) && zero.zeros >= 0 && zero.zeros <= result.recordCount).toBe(
            true,
          );
        }
      }),
      { seed: 7, numRuns: 80 },
    );
  });
});
