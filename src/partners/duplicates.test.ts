// Likely duplicate organisations: what is flagged, why, and what is not.
import { describe, expect, it } from 'vitest';
import { compareOrganisations, findLikelyDuplicates, jaroWinkler, normaliseName } from './duplicates.js';

const existing = [
  { id: '1', name: 'Safe Harbour Shelter Network', acronym: 'SHSN' },
  {
    id: '2',
    name: 'International Organization for Migration',
    acronym: 'IOM',
    names: { fr: 'Organisation internationale pour les migrations' },
  },
  { id: '3', name: 'Regional Legal Aid Centre', acronym: 'RLAC' },
];

describe('likely duplicates', () => {
  it('sets case, accents, punctuation and generic words aside', () => {
    expect(normaliseName('  The Café-Shelter, Ltd. ')).toBe('cafe shelter');
    expect(
      compareOrganisations({ name: 'safe harbour shelter network', acronym: null }, existing[0]!)?.score,
    ).toBe(1);
  });

  it('flags a misspelt name with how alike it is', () => {
    const [found] = findLikelyDuplicates({ name: 'Safe Harbor Shelter Netwrk', acronym: null }, existing);
    expect(found).toMatchObject({ id: '1' });
    expect(found?.reason).toMatch(/similar name \(\d+% alike\)/);
  });

  it('flags the same acronym, and an acronym that spells the initials of a registered name', () => {
    expect(
      findLikelyDuplicates({ name: 'Something else entirely', acronym: 'I.O.M.' }, existing)[0],
    ).toMatchObject({
      id: '2',
      reason: 'same acronym IOM',
    });
    expect(
      findLikelyDuplicates({ name: 'Rural Legal Advice Council', acronym: 'RLAC' }, existing).map(
        (d) => d.id,
      ),
    ).toEqual(['3']);
    expect(
      findLikelyDuplicates(
        { name: 'Regional Legal Aid Centre for East Africa', acronym: 'RLACEA' },
        existing,
      )[0]?.id,
    ).toBe('3');
  });

  it('compares names in other languages too', () => {
    expect(
      findLikelyDuplicates(
        { name: 'Organisation Internationale pour les Migrations', acronym: null },
        existing,
      )[0]?.id,
    ).toBe('2');
  });

  it('does not flag organisations that merely share words', () => {
    expect(findLikelyDuplicates({ name: 'Harbour Workers Union', acronym: 'HWU' }, existing)).toEqual([]);
    expect(findLikelyDuplicates({ name: 'National Shelter Alliance', acronym: 'NSA' }, existing)).toEqual([]);
  });

  it('leaves the organisation itself out when checking a change of name', () => {
    expect(
      findLikelyDuplicates({ name: 'Safe Harbour Shelter Network', acronym: 'SHSN' }, existing, '1'),
    ).toEqual([]);
  });

  it('computes Jaro-Winkler as published (MARTHA/MARHTA = 0.961)', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
});
