// Reading published values: exact numbers, censored ones with honest bounds, and what is not a value.
import { describe, expect, it } from 'vitest';
import { isCountUnit, parseValue } from './values.js';

const count = (text: string) => parseValue(text, { isCount: true });

describe('parseValue', () => {
  it('reads whole and decimal numbers as exact, with thousands separators', () => {
    expect(count('120')).toEqual({ lower: 120, upper: 120, isCensored: false, text: '120' });
    expect(count(' 1,234 ')).toEqual({ lower: 1234, upper: 1234, isCensored: false, text: '1,234' });
    expect(parseValue('0.35', { isCount: false })).toMatchObject({ lower: 0.35, upper: 0.35 });
  });

  it('keeps "<5" censored as 0 to 4 for counts, never a made-up number', () => {
    expect(count('<5')).toEqual({ lower: 0, upper: 4, isCensored: true, text: '<5' });
    expect(count('< 5')).toMatchObject({ lower: 0, upper: 4, isCensored: true });
    expect(parseValue('<0.5', { isCount: false })).toMatchObject({ lower: 0, upper: 0.5, isCensored: true });
    expect(count('<=10')).toMatchObject({ lower: 0, upper: 10 });
  });

  it('reads ">1000" as open above and "1-4" as a range', () => {
    expect(count('>1000')).toEqual({ lower: 1001, upper: null, isCensored: true, text: '>1000' });
    expect(count('1-4')).toEqual({ lower: 1, upper: 4, isCensored: true, text: '1-4' });
  });

  it('says why a value cannot be read', () => {
    expect(count('..')).toEqual({ problem: 'no value published ("..")' });
    expect(count('')).toEqual({ problem: 'no value published' });
    expect(count('-3')).toEqual({ problem: '"-3" is negative; counts and rates cannot be' });
    expect(count('<0')).toEqual({ problem: '"<0" leaves no possible value' });
    expect(count('4-1')).toMatchObject({ problem: expect.stringContaining('lower end exceeds') });
    expect(count('about ten')).toMatchObject({ problem: expect.stringContaining('neither a number') });
  });

  it('knows which units count whole things', () => {
    expect(isCountUnit('Counts')).toBe(true);
    expect(isCountUnit('NUMBER')).toBe(true);
    expect(isCountUnit('Rate per 100,000 population')).toBe(false);
  });
});
