import { describe, expect, it } from 'vitest';
import {
  ageOf,
  decimalOf,
  directionOfAscending,
  iatiMeasureOf,
  isIsoDate,
  sexOf,
  unitOfIatiMeasure,
} from './results-vocabulary.js';

describe('results vocabulary', () => {
  it('maps percentages and qualitative units to their IATI measure, and any other unit to a count of units', () => {
    expect(iatiMeasureOf('Percent')).toBe('2');
    expect(iatiMeasureOf('qualitative')).toBe('5');
    expect(iatiMeasureOf('people')).toBe('1');
    expect(unitOfIatiMeasure('2')).toBe('percent');
    expect(unitOfIatiMeasure(undefined)).toBe('number');
    expect(unitOfIatiMeasure('9')).toBeNull();
  });

  it('reads ascending as a direction, higher being better when it is absent', () => {
    expect(directionOfAscending('0')).toBe('decrease');
    expect(directionOfAscending('true')).toBe('increase');
    expect(directionOfAscending(undefined)).toBe('increase');
    expect(directionOfAscending('maybe')).toBeNull();
  });

  it("reads publishers' spellings of sex and age groups", () => {
    expect(sexOf(' Women ')).toBe('female');
    expect(sexOf('M')).toBe('male');
    expect(sexOf('unknown')).toBeNull();
    expect(ageOf('adult')).toBe('adults');
    expect(ageOf('Under 18')).toBe('children');
  });

  it('accepts numbers with a dot and dates that exist, nothing else', () => {
    expect(decimalOf(' 12.5 ')).toBe(12.5);
    expect(decimalOf('-3')).toBe(-3);
    expect(decimalOf('1,200')).toBeNull();
    expect(decimalOf('12 people')).toBeNull();
    expect(decimalOf('')).toBeNull();
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
  });
});
