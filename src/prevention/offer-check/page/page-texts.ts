// The words of the check's public pages in the six UN languages (texts.json beside this file). Plain data and
// no schema library: the browser's bundle of one language brings only that language's words.
import type { Language } from '../../../reference/schemas.js';
import raw from './texts.json' with { type: 'json' };

export type PageTextKey = keyof typeof raw.texts;

const TEXTS: Record<PageTextKey, Partial<Record<Language, string>>> = raw.texts;

export function pageText(key: PageTextKey, language: Language): string {
  return TEXTS[key][language] ?? '';
}

/** The six UN languages, each named in itself, in the order the switcher lists them. */
export const PAGE_LANGUAGES = [
  { code: 'ar', name: 'العربية' },
  { code: 'zh', name: '中文' },
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
  { code: 'ru', name: 'Русский' },
  { code: 'es', name: 'Español' },
] as const satisfies readonly { code: Language; name: string }[];

export function isPageLanguage(value: unknown): value is Language {
  return PAGE_LANGUAGES.some((language) => language.code === value);
}

export const SECTORS = [
  'domestic_work',
  'care',
  'construction',
  'agriculture',
  'fishing',
  'hospitality',
  'manufacturing',
  'entertainment',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export function sectorName(sector: Sector, language: Language): string {
  return pageText(`sector_${sector}`, language);
}
