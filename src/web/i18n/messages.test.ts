// Every catalogue has exactly English's keys, no empty text, the same placeholders and valid plurals.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pluralSelectors } from './format.js';
import { LANGUAGE_INFO } from './languages.js';

const NAMESPACES = [
  '',
  'activities/',
  'statistics/',
  'home/',
  'coverage/',
  'audit/',
  'cases/',
  'referrals/',
  'screening/',
  'follow-up/',
  'releases/',
  'assistance/',
  'plans/',
  'knowledge/',
  'commitments/',
];

/** One language's messages: the shell's file merged with each capability's own file. */
function catalogue(language: string): Record<string, string> {
  const parts = NAMESPACES.map((folder) => {
    const url = new URL(`../messages/${folder}${language}.json`, import.meta.url);
    return JSON.parse(readFileSync(url, 'utf8')) as Record<string, string>;
  });
  return Object.assign({}, ...parts) as Record<string, string>;
}

/** Placeholder names a message uses, e.g. {count} and {count, plural, …} both give "count". */
function placeholderNames(message: string): string[] {
  const names = new Set<string>();
  for (const match of message.matchAll(/\{\s*(\w+)\s*(?:,|\})/g)) if (match[1]) names.add(match[1]);
  return [...names].sort();
}

const english = catalogue('en');
const englishKeys = Object.keys(english).sort();

describe.each(LANGUAGE_INFO.map((info) => [info.code, info.intlLocale] as const))(
  '%s messages',
  (code, locale) => {
    const messages = catalogue(code);

    it('has exactly the keys of en.json', () => {
      expect(Object.keys(messages).sort()).toEqual(englishKeys);
    });

    it('has no empty message', () => {
      const empty = Object.entries(messages).filter(([, text]) => text.trim() === '');
      expect(empty).toEqual([]);
    });

    it('uses the same placeholders as English', () => {
      const mismatched = englishKeys.filter(
        (key) => placeholderNames(messages[key] ?? '').join() !== placeholderNames(english[key] ?? '').join(),
      );
      expect(mismatched).toEqual([]);
    });

    it("uses only the language's plural categories, always with 'other'", () => {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
      for (const [key, text] of Object.entries(messages)) {
        const selectors = pluralSelectors(text);
        if (selectors.length === 0) continue;
        expect(selectors, key).toContain('other');
        const invalid = selectors.filter((s) => !s.startsWith('=') && !categories.includes(s));
        expect(invalid, key).toEqual([]);
      }
    });
  },
);
