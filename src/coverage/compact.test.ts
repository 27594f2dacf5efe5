// The compact matrix holds the same cells as one object per cell, and its CSV is the one written cell by cell.
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import type { CellFigures } from './aggregate.js';
import { codeDictionaries, compactMatrix, matrixCells } from './compact.js';
import { matrixCsv } from './csv.js';

const cell = (overrides: Partial<CellFigures>): CellFigures => ({
  iso3: 'KEN',
  pillar: 'protection',
  activityType: 'shelter',
  targetGroup: null,
  form: null,
  organisations: 1,
  activities: 1,
  peopleReached: null,
  budget: 0,
  budgetOtherCurrencies: 0,
  ...overrides,
});

const CELLS: CellFigures[] = [
  cell({ iso3: 'KEN', targetGroup: null, form: 'forced_labour', peopleReached: 40, budget: 1000.5 }),
  cell({ iso3: 'KEN', targetGroup: 'women', form: null, organisations: 2, activities: 3 }),
  cell({ iso3: 'KEN', targetGroup: 'women', form: 'sexual_exploitation', budgetOtherCurrencies: 2 }),
  cell({ iso3: 'NPL', pillar: 'prevention', activityType: 'awareness_campaign', peopleReached: 0 }),
  // A value that left the code list, with characters that CSV must quote.
  cell({ iso3: 'QAT', activityType: 'retired, "old" practice' as string }),
];

describe('compact coverage matrix', () => {
  it('spells out the same cells, in the same order, as it was given', () => {
    expect(matrixCells(compactMatrix(CELLS))).toEqual(CELLS);
  });

  it('points each cell into sorted dimension lists, none named first', () => {
    const { dimensions, cells } = compactMatrix(CELLS);
    expect(dimensions.iso3).toEqual(['KEN', 'NPL', 'QAT']);
    expect(dimensions.targetGroup[0]).toBeNull();
    expect(dimensions.activityType).toContain('retired, "old" practice');
    expect(cells.iso3).toEqual([0, 0, 0, 1, 2]);
    expect(cells.targetGroup.slice(0, 3).map((code) => dimensions.targetGroup[code])).toEqual([
      null,
      'women',
      'women',
    ]);
    expect(cells.count).toBe(CELLS.length);
  });

  it('lists every code of the code lists, in byte order, and values the lists lack beside them', () => {
    const dictionaries = codeDictionaries({ form: ['zz_unlisted'] });
    expect(dictionaries.pillar).toEqual([...dictionaries.pillar].sort());
    expect(dictionaries.targetGroup[0]).toBe('');
    expect(dictionaries.form.at(-1)).toBe('zz_unlisted');
    expect(dictionaries.activityType).toContain('shelter');
  });

  it('writes the CSV that one row per spelled-out cell gives', () => {
    const matrix = { period: { from: null, to: null }, currency: 'USD', note: '', ...compactMatrix(CELLS) };
    const header = [
      'iso3',
      'pillar',
      'activity_type',
      'target_group',
      'form_of_exploitation',
      'organisations',
      'activities',
      'people_reached',
      'budget_USD',
      'budget_other_currencies',
    ];
    const rows = CELLS.map((c) => [
      c.iso3,
      c.pillar,
      c.activityType,
      c.targetGroup ?? '',
      c.form ?? '',
      c.organisations,
      c.activities,
      c.peopleReached ?? '',
      c.budget,
      c.budgetOtherCurrencies,
    ]);
    expect(matrixCsv(matrix)).toBe(stringify([header, ...rows]));
  });
});
