// Grouping activities into coverage cells.
import { describe, expect, it } from 'vitest';
import { aggregateMatrix, type CompactActivity } from './aggregate.js';

const rows: CompactActivity[] = [
  [
    ['KEN', 'UGA'],
    'protection',
    'shelter',
    ['women', 'girls'],
    ['sexual_exploitation'],
    ['a', 'b'],
    10,
    1000,
    'USD',
  ],
  [['KEN'], 'protection', 'shelter', ['women'], ['sexual_exploitation'], ['b'], null, 500, 'EUR'],
  [['KEN'], 'protection', 'shelter', [], [], ['c'], 5, null, null],
];

describe('the coverage matrix', () => {
  it('counts each activity in every cell it touches, organisations once, budgets in one currency', () => {
    const cells = aggregateMatrix(rows, { currency: 'USD' });
    expect(cells.map((c) => [c.iso3, c.targetGroup, c.form])).toEqual([
      ['KEN', null, null],
      ['KEN', 'girls', 'sexual_exploitation'],
      ['KEN', 'women', 'sexual_exploitation'],
      ['UGA', 'girls', 'sexual_exploitation'],
      ['UGA', 'women', 'sexual_exploitation'],
    ]);
    expect(cells[2]).toEqual({
      iso3: 'KEN',
      pillar: 'protection',
      activityType: 'shelter',
      targetGroup: 'women',
      form: 'sexual_exploitation',
      organisations: 2,
      activities: 2,
      peopleReached: 10,
      budget: 1000,
      budgetOtherCurrencies: 1,
    });
    expect(cells[0]).toMatchObject({ activities: 1, peopleReached: 5, budget: 0, budgetOtherCurrencies: 0 });
  });

  it('keeps only the cells of the countries, group and form asked for', () => {
    const cells = aggregateMatrix(rows, { currency: 'USD', countries: ['UGA'], targetGroup: 'girls' });
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ iso3: 'UGA', targetGroup: 'girls', activities: 1 });
  });

  it('says "unknown" (null) for people reached when no activity in the cell reports it', () => {
    expect(aggregateMatrix([rows[1]!], { currency: 'EUR' })[0]).toMatchObject({
      peopleReached: null,
      budget: 500,
    });
  });
});
