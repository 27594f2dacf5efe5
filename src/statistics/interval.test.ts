// Censored arithmetic: sums, differences, ratios and shares as intervals that always hold the truth.
import { describe, expect, it } from 'vitest';
import {
  divide,
  exact,
  pointOf,
  relativeChange,
  shareOfSum,
  shareOfTotal,
  subtract,
  sumIntervals,
} from './interval.js';

const censored = { lower: 0, upper: 4 };

describe('censored arithmetic', () => {
  it('sums lower bounds and upper bounds, and keeps an open bound open', () => {
    expect(sumIntervals([exact(10), censored, exact(3)])).toEqual({ lower: 13, upper: 17 });
    expect(sumIntervals([exact(10), { lower: 1001, upper: null }])).toEqual({ lower: 1011, upper: null });
    expect(sumIntervals([])).toEqual({ lower: 0, upper: 0 });
  });

  it('subtracts from opposite ends', () => {
    expect(subtract(exact(10), censored)).toEqual({ lower: 6, upper: 10 });
    expect(subtract({ lower: 5, upper: null }, exact(2))).toEqual({ lower: 3, upper: null });
  });

  it('divides non-negative figures, leaving the upper bound open when the divisor may be 0', () => {
    expect(divide(exact(10), { lower: 2, upper: 5 })).toEqual({ lower: 2, upper: 5 });
    expect(divide(exact(10), censored)).toEqual({ lower: 2.5, upper: null });
  });

  it('gives the share of a part in a total that contains it, within [0, 1]', () => {
    expect(shareOfTotal(exact(80), exact(120))).toEqual({ lower: 0.666666667, upper: 0.666666667 });
    expect(shareOfTotal(censored, exact(80))).toEqual({ lower: 0, upper: 0.05 });
    expect(shareOfTotal(exact(80), { lower: 80, upper: 84 })).toEqual({ lower: 0.952380952, upper: 1 });
    expect(shareOfTotal(exact(0), exact(0))).toBeNull();
  });

  it('gives the share of a part in a sum of parts from opposite ends', () => {
    expect(shareOfSum(exact(1), exact(3))).toEqual({ lower: 0.25, upper: 0.25 });
    expect(shareOfSum(censored, exact(76))).toEqual({ lower: 0, upper: 0.05 });
  });

  it('reads a point only from an exact interval, and relative change as an interval', () => {
    expect(pointOf(exact(3))).toBe(3);
    expect(pointOf(censored)).toBeNull();
    expect(relativeChange(exact(100), exact(130))).toEqual({ lower: 0.3, upper: 0.3 });
    expect(relativeChange(censored, exact(10))).toBeNull();
  });
});
