// One row's fields to an observation: terms remembered across rows map exactly as they did the first time.
import { describe, expect, it } from 'vitest';
import { observationOf, type PublishedRow } from './observation.js';

type Terms = { indicator: string; year: string; sex: string; dimension: string; category: string };

function rowOf(
  rowNo: number,
  terms: Terms,
  columns = { indicator: 'Indicator', year: 'Year' },
): PublishedRow {
  return {
    rowNo,
    indicator: { column: columns.indicator, text: terms.indicator },
    unit: { column: 'Unit of measurement', text: 'Counts' },
    area: { iso3: 'KEN', m49: null },
    year: { column: columns.year, text: terms.year },
    value: { column: 'txtVALUE', text: '7' },
    sex: terms.sex,
    age: 'Total',
    dimension: terms.dimension,
    category: terms.category,
  };
}

const base: Terms = {
  indicator: 'Detected trafficking victims',
  year: '2020',
  sex: 'Female',
  dimension: 'by form of exploitation',
  category: 'Forced labour',
};

describe('observationOf', () => {
  it('maps each row by its own terms whichever of them changed since the previous row', () => {
    // Changes at the first, a middle and the last term, then back to earlier combinations.
    const sequence: Terms[] = [
      base,
      { ...base, category: 'Sexual exploitation' },
      { ...base, sex: 'Male' },
      { ...base, indicator: 'Persons convicted' },
      { ...base, indicator: 'Persons convicted', sex: 'Male', year: '2021' },
      base,
      { ...base, sex: 'Male' },
      { ...base, dimension: 'Total', category: 'Total' },
    ];
    const seen = sequence.map((terms, i) => {
      const outcome = observationOf(rowOf(i + 2, terms));
      if (!('observation' in outcome)) throw new Error(`row ${i + 2} was rejected`);
      const { indicator, year, sex, dimension, category } = outcome.observation;
      return { indicator, year: String(year), sex, dimension, category };
    });
    expect(seen).toEqual(sequence);
  });

  it('names the layout’s own column in a rejection, even for texts another layout sent first', () => {
    const badYear = { ...base, year: '20x0' };
    const first = observationOf(rowOf(2, badYear));
    const second = observationOf(rowOf(3, badYear, { indicator: 'SeriesCode', year: 'TimePeriod' }));
    const again = observationOf(rowOf(4, badYear));
    expect(first).toMatchObject({ rejection: { row: 2, column: 'Year', value: '20x0' } });
    expect(second).toMatchObject({ rejection: { row: 3, column: 'TimePeriod', value: '20x0' } });
    expect(again).toMatchObject({ rejection: { row: 4, column: 'Year', value: '20x0' } });
  });

  it('rejects a category under a "Total" dimension every time the combination comes back', () => {
    const orphan = { ...base, dimension: 'Total', category: 'Forced labour' };
    for (const rowNo of [2, 3]) {
      expect(observationOf(rowOf(rowNo, orphan))).toMatchObject({
        rejection: { row: rowNo, column: 'Category', value: 'Forced labour' },
      });
    }
  });
});
