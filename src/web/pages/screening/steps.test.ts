// The wizard's order of steps: the means step is skipped for a child, kept when the age is not known.
import { describe, expect, it } from 'vitest';
import { parseAge, stepsFor } from './steps.js';

describe('screening wizard steps', () => {
  it('asks about means for an adult and when the age is not known', () => {
    expect(stepsFor(25, 18)).toContain('means');
    expect(stepsFor(null, 18)).toContain('means');
    expect(stepsFor(18, 18)).toContain('means');
  });

  it('skips the means for a child', () => {
    expect(stepsFor(15, 18)).toEqual(['person', 'act', 'purpose', 'border', 'indicators', 'result']);
  });

  it('reads an empty age as not known and refuses what is not a whole number up to 120', () => {
    expect(parseAge(' ')).toEqual({ ok: true, age: null });
    expect(parseAge('17')).toEqual({ ok: true, age: 17 });
    expect(parseAge('17.5')).toEqual({ ok: false });
    expect(parseAge('-1')).toEqual({ ok: false });
    expect(parseAge('121')).toEqual({ ok: false });
  });
});
