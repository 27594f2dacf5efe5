import { describe, expect, it } from 'vitest';
import { wrapLabel } from './BarChart.js';
import { classOf, formatBounds, niceTicks, quantileBreaks, yearTicks } from './figures.js';
import { pivot } from './pivot.js';

const plain = (n: number) => String(n);

describe('formatBounds', () => {
  it('shows an exact figure as it is', () => {
    expect(formatBounds({ lower: 12, upper: 12 }, plain, { isCount: true })).toBe('12');
  });
  it('shows a count published as 0–4 as "<5", never as a made-up number', () => {
    expect(formatBounds({ lower: 0, upper: 4 }, plain, { isCount: true })).toBe('<5');
  });
  it('shows a sum of censored counts as a range', () => {
    expect(formatBounds({ lower: 12, upper: 36 }, plain, { isCount: true })).toBe('12–36');
  });
  it('shows an open interval as a floor', () => {
    expect(formatBounds({ lower: 7, upper: null }, plain)).toBe('≥ 7');
  });
});

describe('axis and classes', () => {
  it('gives round ticks that reach the maximum', () => {
    expect(niceTicks(2772)).toEqual([0, 1000, 2000, 3000]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
  it('splits values into classes and places each value in one', () => {
    const breaks = quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(breaks).toEqual([2, 4, 6, 8, 10]);
    expect(classOf(5, breaks)).toBe(2);
    expect(classOf(11, breaks)).toBe(4);
  });
});

describe('pivot', () => {
  it('puts one dimension down the rows and another across, leaving gaps empty', () => {
    const table = pivot(
      [
        { dims: { year: { key: '2021', label: '2021' }, sex: { key: 'f', label: 'F' } }, text: '1' },
        { dims: { year: { key: '2022', label: '2022' }, sex: { key: 'm', label: 'M' } }, text: '<5' },
      ],
      'year',
      'sex',
    );
    expect(table.rows.map((r) => r.label)).toEqual(['2021', '2022']);
    expect(table.columns.map((c) => c.label)).toEqual(['F', 'M']);
    expect(table.cells).toEqual([
      ['1', null],
      [null, '<5'],
    ]);
  });
});

describe('wrapLabel', () => {
  it('breaks a long label at spaces and keeps a short one whole', () => {
    expect(wrapLabel('الإكراه على ارتكاب أنشطة إجرامية')).toEqual(['الإكراه على ارتكاب', 'أنشطة إجرامية']);
    expect(wrapLabel('Women')).toEqual(['Women']);
  });
});

describe('yearTicks', () => {
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('labels every year when the labels fit, and thins 19 years so that no two labels overlap', () => {
    expect(yearTicks(range(2018, 2022), 494)).toEqual(range(2018, 2022));
    const ticks = yearTicks(range(2003, 2021), 494);
    expect(ticks).toEqual([2003, 2005, 2007, 2009, 2011, 2013, 2015, 2017, 2019, 2021]);
    const gaps = ticks.slice(1).map((year, i) => ((year - (ticks[i] as number)) / 18) * 494);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(40);
  });

  it('always labels the last year, dropping the tick that would crowd it', () => {
    const ticks = yearTicks(range(2000, 2021), 300);
    expect(ticks.at(-1)).toBe(2021);
    const gaps = ticks.slice(1).map((year, i) => ((year - (ticks[i] as number)) / 21) * 300);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(40);
    expect(yearTicks([2020], 300)).toEqual([2020]);
  });
});
