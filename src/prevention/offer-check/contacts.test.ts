import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../reference/schemas.js';
import { checkOffer } from './check-offer.js';
import {
  DemoContactsRefused,
  findDestinationContacts,
  loadDemoContacts,
  parseContactsDirectory,
  resolveContacts,
} from './contacts.js';
import demoFile from './data/contacts.demo.json' with { type: 'json' };
import { CLEAN_OFFER, exampleContext } from './offer.fixtures.js';

/** Ranges set aside for fiction: Ofcom's drama numbers (UK) and 555-0100 to 555-0199 (North America). */
const FICTIONAL_NUMBERS = [/^\+44 20 7946 0\d{3}$/, /^\+44 7700 900\d{3}$/, /^\+1 \d{3} 555 01\d{2}$/];

const demo = loadDemoContacts();
const britain = findDestinationContacts(demo, 'GBR');

describe('the example contacts', () => {
  it('are refused unless example data is asked for', () => {
    expect(() => parseContactsDirectory(demoFile)).toThrow(DemoContactsRefused);
    expect(() => parseContactsDirectory(demoFile, { allowDemo: true })).not.toThrow();
  });

  it('are all marked as examples, with numbers only from ranges reserved for fiction', () => {
    expect(demo.isDemo).toBe(true);
    for (const destination of demo.destinations) {
      expect(destination.isDemo).toBe(true);
      for (const contact of destination.contacts) {
        expect(contact.name.en).toMatch(/\(demo\)$/);
        if (contact.phone)
          expect(FICTIONAL_NUMBERS.some((range) => range.test(contact.phone ?? ''))).toBe(true);
        if (contact.email) expect(contact.email).toMatch(/\.example\.org$/);
        if (contact.website) expect(new URL(contact.website).hostname).toMatch(/(^|\.)example\.org$/);
      }
    }
  });

  it('come with a notice in the reader’s language', () => {
    expect(resolveContacts(britain, null, 'en').demoNotice).toBe(
      'Example contacts for demonstration only. These are not real numbers: do not call them.',
    );
    expect(resolveContacts(britain, null, 'ru').demoNotice).toMatch(
      /^Примерные контакты только для демонстрации/,
    );
  });
});

describe('a checked directory', () => {
  const checked = {
    version: '2026.1',
    isDemo: false,
    note: 'Test directory',
    destinations: [
      {
        country: 'FRA',
        isDemo: false,
        checkedOn: '2026-02-01',
        source: 'Invented for a test',
        contacts: [{ kind: 'embassy', name: { en: 'An embassy' } }],
      },
    ],
  };

  it('must say whose each embassy is', () => {
    expect(() => parseContactsDirectory(checked)).toThrow(/forCitizensOf/);
    const fixed = structuredClone(checked);
    Object.assign(fixed.destinations[0]?.contacts[0] ?? {}, { forCitizensOf: 'MDA' });
    expect(parseContactsDirectory(fixed).destinations[0]?.contacts[0]?.forCitizensOf).toBe('MDA');
  });
});

describe('the contacts a person is shown', () => {
  it('put helplines first and only their own country’s embassy', () => {
    const forMoldovans = resolveContacts(britain, 'MDA', 'en');
    expect(forMoldovans.contacts.map((contact) => contact.kind)).toEqual([
      'anti_trafficking_helpline',
      'labour_helpline',
      'embassy',
      'international_organisation',
    ]);
    expect(forMoldovans.contacts[2]?.name).toBe('Embassy of the Republic of Moldova, example entry (demo)');
    expect(resolveContacts(britain, null, 'en').contacts.some((contact) => contact.kind === 'embassy')).toBe(
      false,
    );
  });

  it('use an organisation’s name in the reader’s language where it has one, else in English', () => {
    const russian = resolveContacts(britain, 'MDA', 'ru');
    expect(russian.contacts[2]?.name).toBe('Посольство Республики Молдова, пример (демо)');
    expect(russian.contacts[1]?.name).toBe('Example workers’ rights line (demo)');
    expect(russian.contacts[0]?.kindLabel).toBe('Горячая линия по борьбе с торговлей людьми');
  });

  it('always end with the international fallback, which gives no number', () => {
    for (const language of LANGUAGES) {
      const { fallback } = resolveContacts(null, null, language);
      expect(fallback).toHaveLength(3);
      for (const line of fallback) expect(line, language).not.toMatch(/\d{3}/);
      expect(fallback[1]).toContain('www.iom.int');
    }
  });

  it('come with the check for the destination named, embassy chosen by the passport', () => {
    const result = checkOffer(CLEAN_OFFER, exampleContext({ language: 'ar' }));
    expect(result.contacts.country).toBe('GBR');
    expect(result.contacts.countryName).toBe('المملكة المتحدة');
    expect(result.contacts.isDemo).toBe(true);
    expect(result.contacts.contacts.filter((contact) => contact.kind === 'embassy')).toHaveLength(1);
  });
});
