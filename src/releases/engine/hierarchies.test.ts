import { describe, expect, it } from 'vitest';
import { datasetFromRows } from './dataset.js';
import { ageHierarchy, countryHierarchy, generalise, mappingHierarchy } from './hierarchies.js';

const valuesOf = (dataset: ReturnType<typeof datasetFromRows>, column: number) => {
  const c = dataset.columns[column];
  return Array.from(c?.codes ?? [], (code) => c?.values[code]);
};

describe('generalisation hierarchies', () => {
  it('puts ages and age labels into CTDC age bands, then children and adults', () => {
    const age = ageHierarchy();
    expect(
      ['5', '17', '18', '22', '47', '63', '18--20', '9-17', '48+'].map((v) => age.generalise(v, 1)),
    ).toEqual(['0–8', '9–17', '18–20', '21–23', '39–47', '48+', '18–20', '9–17', '48+']);
    expect(['5', '17', '18', '9--17', 'Minor', 'adult'].map((v) => age.generalise(v, 2))).toEqual([
      'child',
      'child',
      'adult',
      'child',
      'child',
      'adult',
    ]);
    expect(age.generalise('10-30', 2)).toBeUndefined();
    expect(age.generalise('unknown', 1)).toBeUndefined();
  });

  it('places countries given by alpha-2, alpha-3 or name in their M49 sub-region and region', () => {
    const country = countryHierarchy();
    expect(country.generalise('UA', 1)).toBe('Eastern Europe');
    expect(country.generalise('ukr', 2)).toBe('Europe');
    expect(country.generalise('Nigeria', 1)).toBe('Sub-Saharan Africa');
    expect(country.generalise("Côte d'Ivoire", 2)).toBe('Africa');
    expect(country.generalise('PHL', 3)).toBe('World');
    expect(country.generalise('Atlantis', 1)).toBeUndefined();
  });

  it('follows a mapping table up several levels and refuses a loop', () => {
    const sector = mappingHierarchy('sector', { fishing: 'primary', farming: 'primary', primary: 'economy' });
    expect(sector.levels).toHaveLength(3);
    expect(sector.generalise('fishing', 1)).toBe('primary');
    expect(sector.generalise('fishing', 2)).toBe('economy');
    expect(sector.generalise('primary', 2)).toBe('economy');
    expect(() => mappingHierarchy('loop', { a: 'b', b: 'a' })).toThrow(/loops/);
  });

  it('replaces a column and counts the values it could not generalise, keeping missing ones missing', () => {
    const dataset = datasetFromRows(
      ['gender', 'citizenship'],
      [
        ['F', 'UA'],
        ['M', 'MDA'],
        ['F', 'Atlantis'],
        ['F', ''],
        ['M', 'Atlantis'],
      ],
    );
    const result = generalise(dataset, 'citizenship', countryHierarchy(), 2);
    expect(valuesOf(result.dataset, 1)).toEqual(['Europe', 'Europe', 'Atlantis', '', 'Atlantis']);
    expect(result.unknownValues).toEqual(['Atlantis']);
    expect(result.unknownRecords).toBe(2);
    expect(valuesOf(result.dataset, 0)).toEqual(['F', 'M', 'F', 'F', 'M']);
    expect(valuesOf(dataset, 1)).toEqual(['UA', 'MDA', 'Atlantis', '', 'Atlantis']);
    expect(() => generalise(dataset, 'age', countryHierarchy(), 1)).toThrow(/no column "age"/);
  });
});
