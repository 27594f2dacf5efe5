// Message formatting: placeholders, numbers and plural rules per language, and the first language chosen.
import { describe, expect, it } from 'vitest';
import { formatMessage, pluralSelectors } from './format.js';
import { chooseInitialLanguage } from './languages.js';

const COUNT = '{count, plural, =0 {none} one {# list} other {# lists}}';

describe('formatMessage', () => {
  it('fills named placeholders', () => {
    expect(formatMessage('{page} — Concerted', { page: 'Home' }, 'en')).toBe('Home — Concerted');
  });

  it('formats numbers the way the language writes them', () => {
    expect(formatMessage('{n} codes', { n: 12345 }, 'en')).toBe('12,345 codes');
    expect(formatMessage('{n}', { n: 12345 }, 'fr')).toBe('12\u202f345');
  });

  it('chooses exact matches, then the plural category, then other', () => {
    expect(formatMessage(COUNT, { count: 0 }, 'en')).toBe('none');
    expect(formatMessage(COUNT, { count: 1 }, 'en')).toBe('1 list');
    expect(formatMessage(COUNT, { count: 1200 }, 'en')).toBe('1,200 lists');
  });

  it('follows Russian and Arabic plural rules', () => {
    const ru = '{count, plural, one {# код} few {# кода} many {# кодов} other {# кода}}';
    expect([1, 3, 11, 21, 25].map((count) => formatMessage(ru, { count }, 'ru'))).toEqual([
      '1 код',
      '3 кода',
      '11 кодов',
      '21 код',
      '25 кодов',
    ]);
    const ar = '{count, plural, one {رمز واحد} two {رمزان} few {# رموز} many {# رمزًا} other {# رمز}}';
    expect([2, 5, 11, 100].map((count) => formatMessage(ar, { count }, 'ar-u-nu-latn'))).toEqual([
      'رمزان',
      '5 رموز',
      '11 رمزًا',
      '100 رمز',
    ]);
  });

  it('keeps other placeholders inside a plural branch', () => {
    const message = '{count, plural, one {# code in {list}} other {# codes in {list}}}';
    expect(formatMessage(message, { count: 2, list: 'pillar' }, 'en')).toBe('2 codes in pillar');
  });

  it('leaves a missing value visible instead of inventing one', () => {
    expect(formatMessage('Hello {name}', {}, 'en')).toBe('Hello {name}');
  });

  it('lists the plural selectors a message uses', () => {
    expect(pluralSelectors(`${COUNT} and {page}`)).toEqual(['=0', 'one', 'other']);
  });
});

describe('chooseInitialLanguage', () => {
  it('prefers the URL, then the remembered choice, then the browser, then English', () => {
    expect(chooseInitialLanguage('?lang=ar', 'fr', ['es'])).toBe('ar');
    expect(chooseInitialLanguage('?lang=xx', 'fr', ['es'])).toBe('fr');
    expect(chooseInitialLanguage('', null, ['de-DE', 'zh-CN'])).toBe('zh');
    expect(chooseInitialLanguage('', 'de', ['de'])).toBe('en');
  });
});
