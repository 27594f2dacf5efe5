// Periods: blank when no date is known, never "None – None".
import { describe, expect, it } from 'vitest';
import { formatPeriod } from './period.js';

const day = (iso: string) => iso.split('-').reverse().join('/');

describe('formatPeriod', () => {
  it('is blank when neither end is known', () => {
    expect(formatPeriod(null, null, day)).toBe('');
  });

  it('shows both ends, or the one that is known with the other left open', () => {
    expect(formatPeriod('2026-01-01', '2026-12-31', day)).toBe('01/01/2026 – 31/12/2026');
    expect(formatPeriod('2026-01-01', null, day)).toBe('01/01/2026 –');
    expect(formatPeriod(null, '2026-12-31', day)).toBe('– 31/12/2026');
  });
});
