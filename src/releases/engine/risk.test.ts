import { describe, expect, it } from 'vitest';
import { datasetFromRows } from './dataset.js';
import { ageHierarchy, countryHierarchy } from './hierarchies.js';
import { assessRisk } from './risk.js';
import { seededRandom } from './testing/seeded.js';

const row = (gender: string, age: string, country: string, exploitation: string) => [
  gender,
  age,
  country,
  exploitation,
];
const NAMES = ['gender', 'age', 'citizenship', 'typeOfExploitation'];

describe('disclosure-risk report', () => {
  it('counts classes, records below k, unique records and l-diversity on a small dataset', () => {
    const rows = [
      ...Array.from({ length: 12 }, (_, i) => row('F', '25', 'UA', i % 2 ? 'sexual' : 'labour')),
      ...Array.from({ length: 3 }, () => row('M', '30', 'MD', 'labour')),
      row('M', '', 'MD', 'labour'),
      row('F', '40', 'NG', ''),
    ];
    const report = assessRisk(datasetFromRows(NAMES, rows), {
      quasiIdentifiers: ['gender', 'age', 'citizenship'],
      sensitive: ['typeOfExploitation'],
    });
    expect(report.classCount).toBe(4);
    expect(report.recordsBelowK).toBe(5);
    expect(report.classesBelowK).toBe(3);
    expect(report.uniqueRecords).toBe(2);
    expect(report.smallestClass).toBe(1);
    expect(report.classSizes.find((band) => band.label === '3–4')).toMatchObject({ classes: 1, records: 3 });
    expect(report.diversity[0]).toEqual({
      column: 'typeOfExploitation',
      fewestDistinctValues: 0,
      classesBelowL: 3,
      recordsBelowL: 5,
    });
    expect(report.verdict).toBe('at risk');
    expect(report.sentences[0]).toBe(
      '5 of 17 records (29 %) share their combination of gender, age and citizenship with fewer than 10 others.',
    );
  });

  it('calls a dataset safe when every class reaches k and holds l sensitive values', () => {
    const rows = Array.from({ length: 30 }, (_, i) =>
      row(i < 15 ? 'F' : 'M', '25', 'UA', i % 3 ? 'sexual' : 'labour'),
    );
    const report = assessRisk(datasetFromRows(NAMES, rows), {
      quasiIdentifiers: ['gender', 'citizenship'],
      sensitive: ['typeOfExploitation'],
      k: 15,
    });
    expect(report.verdict).toBe('safe');
    expect(report.suggestions).toEqual([]);
    expect(report.sentences[0]).toMatch(/^Every one of the 30 records .* at least 14 others\.$/);
  });

  it('finds the same classes as counting string keys, on seeded random datasets', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = seededRandom(seed);
      const count = 1 + random.integer(300);
      const cardinalities = [1 + random.integer(4), 1 + random.integer(30), 1 + random.integer(12)];
      const rows = Array.from({ length: count }, () =>
        cardinalities.map((size) => (random.next() < 0.1 ? '' : String(random.skewed(size)))),
      );
      const k = 1 + random.integer(12);
      const report = assessRisk(datasetFromRows(['a', 'b', 'c'], rows), {
        quasiIdentifiers: ['a', 'b', 'c'],
        k,
      });
      const sizes = new Map<string, number>();
      for (const r of rows) sizes.set(r.join('|'), (sizes.get(r.join('|')) ?? 0) + 1);
      const expectedBelow = [...sizes.values()].filter((s) => s < k).reduce((sum, s) => sum + s, 0);
      expect(report.classCount).toBe(sizes.size);
      expect(report.recordsBelowK).toBe(expectedBelow);
      expect(report.uniqueRecords).toBe([...sizes.values()].filter((s) => s === 1).length);
      expect(report.smallestClass).toBe(Math.min(...sizes.values()));
    }
  });

  it('suggests the generalisation that leaves the fewest records below k', () => {
    const random = seededRandom(7);
    const countries = ['UA', 'MD', 'RO', 'BG', 'PL', 'NG', 'GH', 'TH', 'VN', 'PH'];
    const rows = Array.from({ length: 2000 }, () =>
      row(
        random.next() < 0.6 ? 'F' : 'M',
        String(random.integer(70)),
        countries[random.integer(10)] as string,
        'x',
      ),
    );
    const report = assessRisk(datasetFromRows(NAMES, rows), {
      quasiIdentifiers: ['gender', 'age', 'citizenship'],
      hierarchies: { age: ageHierarchy(), citizenship: countryHierarchy() },
    });
    const best = report.suggestions[0];
    expect(best?.column).toBe('age');
    expect(best?.recordsBelowK).toBeLessThan(report.recordsBelowK);
    expect(report.suggestions.map((s) => s.recordsBelowK)).toEqual(
      [...report.suggestions.map((s) => s.recordsBelowK)].sort((a, b) => a - b),
    );
    expect(report.sentences.some((s) => s.startsWith('Generalising age to'))).toBe(true);
    const levelsOfAge = report.suggestions.filter((s) => s.column === 'age');
    expect(levelsOfAge.map((s) => [s.levelName, s.isRemoval]).sort()).toEqual([
      ['age band', false],
      ['any age', true],
      ['child or adult', false],
    ]);
    expect(() => assessRisk(datasetFromRows(NAMES, rows), { quasiIdentifiers: [] })).toThrow(
      /at least one quasi-identifier/,
    );
  });
});
