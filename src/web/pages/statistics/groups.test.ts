// The five groups, the bounded share of women and girls, and sparse years, from rows as the API sends them.
import { describe, expect, it } from 'vitest';
import type { QueryRow } from '../../../statistics/schemas.js';
import { defaultYear, fiveGroups, womenAndGirlsShare, yearCoverage } from './groups.js';

function row(sexCode: string | null, ageCode: string | null, lower: number, upper: number | null = lower) {
  return { year: 2020, sexCode, ageCode, lower, upper, isCensored: lower !== upper } as QueryRow;
}

describe('groups of detected victims', () => {
  it('puts every sex × age row in one of women, girls, men, boys and unknown', () => {
    const groups = fiveGroups([
      row('female', 'adults', 10),
      row('female', 'children', 0, 4),
      row('male', 'adults', 6),
      row('male', 'children', 2),
      row('other_unknown', 'unknown_age', 3),
      row('female', 'unknown_age', 1),
      row(null, 'children', 5),
    ]);
    expect([...groups.keys()].sort()).toEqual(['boys', 'girls', 'men', 'unknown', 'women']);
    expect(groups.get('girls')).toEqual({ lower: 0, upper: 4 });
    expect(groups.get('unknown')).toEqual({ lower: 9, upper: 9 });
  });

  it('gives the share of women and girls with bounds that never pass 100 %', () => {
    const share = womenAndGirlsShare([
      row('female', 'adults', 77),
      row('male', 'adults', 0, 4),
      row('male', 'children', 0, 4),
    ]);
    expect(share?.upper).toBe(1);
    expect(share?.lower).toBeCloseTo(77 / 85);
    const exact = womenAndGirlsShare([
      row('female', 'children', 20),
      row('female', 'unknown_age', 10),
      row('male', 'adults', 70),
      row('other_unknown', 'unknown_age', 50),
    ]);
    expect(exact).toMatchObject({ lower: 0.3, upper: 0.3, isExact: true });
    expect(womenAndGirlsShare([row('other_unknown', 'unknown_age', 4)])).toBeNull();
  });

  it('marks years in which fewer than half as many countries reported, and opens on the latest good year', () => {
    const years = yearCoverage([
      { area: '001', year: 2021, members: 200, reporting: 55, missing: [] },
      { area: '001', year: 2019, members: 200, reporting: 130, missing: [] },
      { area: '001', year: 2020, members: 200, reporting: 120, missing: [] },
    ]);
    expect(years.map((y) => [y.year, y.isSparse])).toEqual([
      [2019, false],
      [2020, false],
      [2021, true],
    ]);
    expect(defaultYear(years)).toBe(2020);
    expect(defaultYear([])).toBeNull();
  });
});
