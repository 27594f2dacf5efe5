// Normalised identifiers: the same person written differently gives the same form, and so the same key.
import { describe, expect, it } from 'vitest';
import { findIdentifiers } from '../follow-up/identifying-text.js';
import { matchKeysOf } from './match-keys.js';
import { normaliseDateOfBirth, normaliseDocumentNumber, normaliseName } from './normalise.js';

const secret = { id: 'pm_test', key: Buffer.alloc(32, 7) };

describe('normalised names', () => {
  it('ignores case, diacritics, punctuation and the order of the names', () => {
    expect(normaliseName('José  María Núñez')).toBe('jose maria nunez');
    expect(normaliseName('NUÑEZ, Maria-José')).toBe('jose maria nunez');
    expect(normaliseName('Ångström Zoë')).toBe('angstrom zoe');
  });

  it('keeps names written in other scripts, without their vowel marks', () => {
    expect(normaliseName('فَاطِمَة علي')).toBe(normaliseName('علي فاطمة'));
    expect(normaliseName('Анна Петрова')).toBe('анна петрова');
    expect(normaliseName('王 小明')).toBe('小明 王');
  });

  it('keeps different names apart', () => {
    expect(normaliseName('Maria Jose')).not.toBe(normaliseName('Maria Josefa'));
  });
});

describe('normalised document numbers and dates of birth', () => {
  it('keeps letters and digits only, in upper case', () => {
    expect(normaliseDocumentNumber('kq 883-3107')).toBe('KQ8833107');
    expect(normaliseDocumentNumber(' KQ8833107 ')).toBe('KQ8833107');
  });

  it('takes a date of birth only in ISO form', () => {
    expect(normaliseDateOfBirth('2001-07-19')).toBe('2001-07-19');
    expect(normaliseDateOfBirth('19/07/2001')).toBeNull();
  });
});

describe('match keys', () => {
  it('gives the same keys to the same person however written, and none of the plain text', () => {
    const a = matchKeysOf(
      {
        names: [{ kind: 'name', value: 'José Núñez' }],
        identityDocuments: [{ kind: 'passport', number: 'kq-88' }],
      },
      secret,
    );
    const b = matchKeysOf(
      {
        names: [{ kind: 'name', value: 'NUNEZ Jose' }],
        identityDocuments: [{ kind: 'passport', number: 'KQ88' }],
      },
      secret,
    );
    expect(a.map((key) => key.digest.toString('hex'))).toEqual(b.map((key) => key.digest.toString('hex')));
    for (const key of a) expect(key.digest.toString('latin1')).not.toContain('nunez');
  });

  it('keeps kinds apart and changes with the key', () => {
    const asName = matchKeysOf({ names: [{ kind: 'name', value: '12345' }] }, secret)[0];
    const asDocument = matchKeysOf({ identityDocuments: [{ kind: 'other', number: '12345' }] }, secret)[0];
    expect(asName?.digest.equals(asDocument?.digest ?? Buffer.alloc(0))).toBe(false);
    const otherKey = matchKeysOf(
      { names: [{ kind: 'name', value: '12345' }] },
      { id: 'x', key: Buffer.alloc(32, 8) },
    )[0];
    expect(asName?.digest.equals(otherKey?.digest ?? Buffer.alloc(0))).toBe(false);
  });

  it('hashes a name given twice (name and alias alike) once', () => {
    const keys = matchKeysOf(
      {
        names: [
          { kind: 'name', value: 'Ana Lima' },
          { kind: 'alias', value: 'lima ana' },
        ],
        dateOfBirth: '1999-01-02',
      },
      secret,
    );
    expect(keys.map((key) => key.kind)).toEqual(['name', 'date_of_birth']);
  });
});

describe('identifying text', () => {
  const person = {
    names: [{ kind: 'name' as const, value: 'Orsolya Fennimore' }],
    dateOfBirth: '2001-07-19',
    contacts: [{ kind: 'other' as const, value: 'orsi-77' }],
    identityDocuments: [{ kind: 'passport' as const, number: 'XV-4417' }],
  };

  it('finds the person’s own names, numbers, contacts and date of birth, and any email or long number', () => {
    expect(findIdentifiers('Spoke with ORSOLYA today', person)).toEqual(['name']);
    expect(findIdentifiers('document xv4417 kept', person)).toEqual(['document']);
    expect(findIdentifiers('handle Orsi-77 online', person)).toEqual(['contact']);
    expect(findIdentifiers('born 2001-07-19', person)).toEqual(['long_number', 'date_of_birth']);
    expect(findIdentifiers('mail a@b.org', person)).toEqual(['email']);
    expect(findIdentifiers('phone 555 013 321', person)).toEqual(['long_number']);
  });

  it('lets through what does not identify anyone', () => {
    expect(findIdentifiers('Three nights of emergency accommodation, 2 meals a day', person)).toEqual([]);
  });
});
