// Day arithmetic on ISO dates: whole days, leap years, timestamps read as their day, bad dates refused.
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, periodsOverlap } from './calendar.js';

describe('calendar days', () => {
  it('counts whole days, leap days included', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });

  it('reads a timestamp as the day it fell on', () => {
    expect(daysBetween('2026-04-10T23:59:00Z', '2026-04-11')).toBe(1);
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 30)).toBe('2027-01-30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('sees periods sharing one day as overlapping, and adjacent ones as not', () => {
    const year = { start: '2026-01-01', end: '2026-12-31' };
    expect(periodsOverlap(year, { start: '2026-12-31', end: '2027-01-31' })).toBe(true);
    expect(periodsOverlap(year, { start: '2027-01-01', end: '2027-01-31' })).toBe(false);
  });

  it('refuses dates that are not on the calendar or not written as YYYY-MM-DD', () => {
    expect(() => daysBetween('2026-02-29', '2026-03-01')).toThrow(/"2026-02-29" is not a calendar date/);
    expect(() => daysBetween('31/12/2026', '2026-03-01')).toThrow(/write it as YYYY-MM-DD/);
  });
});
