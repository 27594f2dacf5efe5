import { describe, expect, it } from 'vitest';
import { barShares, generalisationsFor, methodPhrase, readEvaluation } from './release-labels.js';

const column = (name: string, values: string[] = []) => ({
  name,
  top: values.map((value) => ({ value, count: 1 })),
});

describe('generalisations offered for a column', () => {
  it('offers age bands and children/adults for an age column, whatever its case', () => {
    expect(generalisationsFor(column('ageBroad')).map((c) => c.value)).toEqual(['age:1', 'age:2']);
    expect(generalisationsFor(column('Victim age')).map((c) => c.value)).toEqual(['age:1', 'age:2']);
  });

  it('does not take a word that merely contains "age" for an age', () => {
    expect(generalisationsFor(column('message', ['a', 'b']))).toEqual([]);
  });

  it('offers country levels for a column named like a country or holding ISO alpha-3 codes', () => {
    expect(generalisationsFor(column('CountryOfExploitation')).map((c) => c.level)).toEqual([1, 2, 3]);
    expect(generalisationsFor(column('origin', ['UKR', 'PHL', ''])).map((c) => c.hierarchy)).toContain(
      'country',
    );
  });

  it('follows the hierarchy the server recognised in the values, whatever the column is called', () => {
    expect(
      generalisationsFor({ ...column('origin', ['Ukraine']), suggestedHierarchy: 'country' }),
    ).toHaveLength(3);
    expect(generalisationsFor({ ...column('q7', ['18-20']), suggestedHierarchy: 'age' })).toHaveLength(2);
  });

  it('offers nothing for a column of flags', () => {
    expect(generalisationsFor(column('isForcedLabour', ['0', '1']))).toEqual([]);
  });
});

describe('reading a release evaluation', () => {
  it('reads errors listed by combination length, in order of length', () => {
    const figures = readEvaluation({
      byLength: [
        { length: 2, meanAbsoluteError: 3.5, meanRelativeError: 0.12, combinations: 40 },
        { length: 1, meanAbsoluteError: 1, meanRelativeError: 0.02, combinations: 8 },
      ],
      preservedShare: 0.8,
      fabricated: 0,
      suppressed: 12,
    });
    expect(figures.byLength.map((row) => row.length)).toEqual([1, 2]);
    expect(figures.byLength[1]?.meanRelativeError).toBe(0.12);
    expect(figures).toMatchObject({ preservedShare: 0.8, fabricated: 0, suppressed: 12 });
  });

  it('reads errors keyed by length', () => {
    const figures = readEvaluation({
      errors: { '3': { meanAbsoluteError: 2 }, '1': { meanAbsoluteError: 1 } },
    });
    expect(figures.byLength.map((row) => [row.length, row.meanAbsoluteError])).toEqual([
      [1, 1],
      [3, 2],
    ]);
  });

  it('reads the per-length utility of a synthesis, with what each length preserved and fabricated', () => {
    const figures = readEvaluation({
      utility: [
        { length: 1, sourceCombinations: 9, meanRelativeError: 0.01, preservedShare: 1, fabricated: 0 },
      ],
    });
    expect(figures.byLength[0]).toMatchObject({
      combinations: 9,
      preservedShare: 1,
      fabricated: 0,
      suppressed: null,
    });
  });

  it('reads the cells and hidden cells of a count table', () => {
    const figures = readEvaluation({ entries: 40, primary: 3, complementary: 2 });
    expect(figures.table).toEqual({
      cells: 40,
      hiddenBelowThreshold: 3,
      hiddenToProtect: 2,
      meanAbsoluteError: null,
    });
    expect(figures.byLength).toEqual([]);
  });

  it('leaves absent or malformed figures empty instead of inventing them', () => {
    const figures = readEvaluation({ byLength: [{ meanAbsoluteError: 1 }, 'x'], fabricated: 'many' });
    expect(figures.byLength).toEqual([]);
    expect(figures.fabricated).toBeNull();
    expect(readEvaluation(undefined).byLength).toEqual([]);
  });
});

describe('the method in words', () => {
  const t = (key: string, params?: Record<string, string | number>) => `${key} ${JSON.stringify(params)}`;
  it('names k for a k-anonymous synthesis and says when a parameter is unknown', () => {
    expect(methodPhrase(t as never, 'k-anonymous', { k: 10 }, String)).toContain('"k":"10"');
    expect(methodPhrase(t as never, 'dp', {}, String)).toContain('"epsilon":"?"');
  });
});

describe('class-size bars', () => {
  it('draws the largest value full width and nothing for an empty chart', () => {
    expect(barShares([2, 8, 4])).toEqual([0.25, 1, 0.5]);
    expect(barShares([0, 0])).toEqual([0, 0]);
  });
});
