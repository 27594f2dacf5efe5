import { describe, expect, it } from 'vitest';
import { checkTotal, leastTotal, parseTotal, percentSpent, roundRho } from './budget-figures.js';

describe('budget figures', () => {
  it('shows ρ to three significant digits', () => {
    expect(roundRho(0.308412)).toBe(0.308);
    expect(roundRho(0.5)).toBe(0.5);
    expect(roundRho(0)).toBe(0);
  });

  it('offers as the least total a rounded figure that is never below what is spent', () => {
    expect(leastTotal(0.308412)).toBe(0.309);
    expect(leastTotal(0.308)).toBe(0.308);
    expect(leastTotal(0.3)).toBe(0.3);
    expect(leastTotal(1.23456)).toBe(1.24);
    for (const spent of [0.000123456, 0.1, 0.7777, 2.71])
      expect(leastTotal(spent)).toBeGreaterThanOrEqual(spent);
  });

  it('reads a total with a comma or a point, and refuses what is not a number', () => {
    expect(parseTotal('0,75')).toBe(0.75);
    expect(parseTotal(' 1.5 ')).toBe(1.5);
    expect(parseTotal('2')).toBe(2);
    expect(parseTotal('')).toBeNull();
    expect(parseTotal('abc')).toBeNull();
    expect(parseTotal('1e3')).toBeNull();
  });

  it('refuses a total below what is spent, of zero, or above 100', () => {
    expect(checkTotal(0.2, 0.3)).toBe('below_spent');
    expect(checkTotal(0, 0)).toBe('below_spent');
    expect(checkTotal(101, 0.3)).toBe('too_big');
    expect(checkTotal(null, 0.3)).toBe('not_a_number');
    expect(checkTotal(0.3, 0.3)).toBe('ok');
  });

  it('gives the share spent in whole per cent', () => {
    expect(percentSpent(0.25, 0.5)).toBe(50);
    expect(percentSpent(0.5, 0.5)).toBe(100);
    expect(percentSpent(0, 0.5)).toBe(0);
  });
});
