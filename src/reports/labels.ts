// The country report's words in the six UN languages (data/country-report-labels.json), and filling them in.
import { type CodeListName, getCodeListFile, type Language } from '../reference/index.js';
import LABELS from './data/country-report-labels.json' with { type: 'json' };
import { bdi, escapeHtml } from './html-parts.js';

export type LabelKey = keyof (typeof LABELS)['en'];

/** Arabic with Western digits, as the web does, so counts read like the codes and years beside them. */
const INTL_LOCALES: Record<Language, string> = {
  ar: 'ar-u-nu-latn',
  zh: 'zh-Hans',
  en: 'en',
  fr: 'fr',
  ru: 'ru',
  es: 'es',
};

export function intlLocale(lang: Language): string {
  return INTL_LOCALES[lang];
}

export function isLabelKey(key: string): key is LabelKey {
  return Object.hasOwn(LABELS.en, key);
}

/** A label with its {placeholders} filled; a missing value stays visible as {name}. */
export function label(lang: Language, key: LabelKey, values: Record<string, string | number> = {}): string {
  const text = (LABELS[lang] as Record<LabelKey, string>)[key] ?? LABELS.en[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

/**
 * A label as HTML: its own words escaped, and each value (a name, a title) escaped inside <bdi>, so that an
 * English name in an Arabic sentence keeps its place and its punctuation (Unicode bidirectional isolation).
 */
export function labelHtml(lang: Language, key: LabelKey, values: Record<string, string>): string {
  const marker = (name: string) => `\u0000${name}\u0000`;
  const placed = label(
    lang,
    key,
    Object.fromEntries(Object.keys(values).map((name) => [name, marker(name)])),
  );
  return placed
    .split('\u0000')
    .map((part, index) => (index % 2 === 1 ? bdi(values[part] ?? '') : escapeHtml(part)))
    .join('');
}

export function formatNumber(lang: Language, value: number): string {
  return new Intl.NumberFormat(intlLocale(lang)).format(value);
}

/** The month of a day (YYYY-MM-DD), as the language writes it: enough for when an activity runs. */
export function formatMonth(lang: Language, day: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), {
    year: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** A day (YYYY-MM-DD) as the language writes dates, read in UTC so that it is the same day everywhere. */
export function formatDay(lang: Language, day: string, style: 'medium' | 'long' = 'medium'): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: style, timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** A code's label from the shared code lists; the code itself only if the list does not know it. */
export function codeLabel(lang: Language, list: CodeListName, code: string): string {
  const entry = getCodeListFile(list).codes.find((candidate) => candidate.code === code);
  return entry?.labels[lang] ?? code;
}

/** Every language's keys, for the test that none is missing. */
export const LABEL_LANGUAGES = LABELS;
