// The HTCDS value sets: every code of ours has an HTCDS value, every HTCDS value reads back, and a code
// read back through its value is the same code unless the loss is written down as approximate.
import { describe, expect, it } from 'vitest';
import { fromAlpha2, fromHtcds, manyToHtcds, toAlpha2, toHtcds } from './mapping.js';
import { GENDER, METHODS_OF_CONTROL, VALUE_SETS } from './value-sets.js';

/** The only codes that lose detail on the way to HTCDS; adding one must be a visible decision. */
const KNOWN_APPROXIMATIONS = {
  caseStatus: [],
  gender: ['transgender'],
  formsOfExploitation: ['forced_criminality', 'mixed'],
  sector: ['fishing', 'textiles_garments'],
  meansOfControl: ['isolation'],
  recruitmentChannel: [
    'marriage_agency',
    'mail_order_bride',
    'modelling_agency',
    'escort_service',
    'international_adoption',
  ],
  recruiterRelation: [],
} as const;

describe.each(Object.entries(VALUE_SETS))('the %s value set', (name, { set, codes }) => {
  const values = new Set(set.values.map((entry) => entry.value));

  it('gives every code of ours an HTCDS value of the set', () => {
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(values, `${name}: ${code}`).toContain(toHtcds(set, code));
    expect(Object.keys(set.fromCode).sort()).toEqual([...codes].sort());
  });

  it('reads every HTCDS value back as one of our codes or as "not recorded"', () => {
    expect(values.size).toBe(set.values.length);
    for (const entry of set.values) {
      const code = fromHtcds(set, entry.value);
      expect(code === null || (code !== undefined && codes.includes(code)), `${name}: ${entry.value}`).toBe(
        true,
      );
    }
  });

  it('brings every code back unchanged unless its loss of detail is written down', () => {
    const lost = codes.filter((code) => fromHtcds(set, toHtcds(set, code)) !== code);
    const declared = Object.keys(set.approximate);
    expect(lost.filter((code) => !declared.includes(code))).toEqual([]);
    expect(declared).toEqual(KNOWN_APPROXIMATIONS[name as keyof typeof KNOWN_APPROXIMATIONS]);
    for (const reason of Object.values(set.approximate)) expect(reason.length).toBeGreaterThan(20);
  });

  it('brings an HTCDS value back to itself when its code maps exactly', () => {
    for (const entry of set.values) {
      if (entry.code === null || entry.code in set.approximate) continue;
      const again = toHtcds(set, entry.code);
      if (again !== entry.value) expect(fromHtcds(set, again)).toBe(entry.code);
    }
  });
});

describe('mapping helpers', () => {
  it('refuses a code the value set does not know, and reads an unknown value as undefined', () => {
    expect(() => toHtcds(GENDER, 'nonbinary-typo')).toThrow(/prs_Gender/);
    expect(fromHtcds(GENDER, 'Feminin')).toBeUndefined();
    expect(fromHtcds(GENDER, 'NonSpecifiedUnknown')).toBeNull();
  });

  it('lists several codes once each, in the order of the value set', () => {
    expect(manyToHtcds(METHODS_OF_CONTROL, ['restricted_movement', 'debt_bondage', 'debt_bondage'])).toEqual([
      'DebtBondage',
      'RestrictsMovement',
    ]);
  });

  it('turns countries into the two-letter codes HTCDS uses and back', () => {
    expect(toAlpha2('NPL')).toBe('NP');
    expect(fromAlpha2('NP')).toBe('NPL');
    expect(() => toAlpha2('XXX')).toThrow(/XXX/);
  });
});
