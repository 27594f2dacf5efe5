// The six UN languages the interface speaks, each named in itself, and how the first one is chosen.
import type { Language } from '../../reference/schemas.js';

export type { Language };

export type LanguageInfo = {
  code: Language;
  /** The language's name in that language, so a reader finds theirs whatever is on screen. */
  endonym: string;
  dir: 'ltr' | 'rtl';
  /**
   * The locale Intl formats numbers with. Arabic uses Western digits so counts read like the
   * ISO and M49 codes beside them, as in the UN's Arabic statistical tables.
   */
  intlLocale: string;
};

// The UN order (Arabic, Chinese, English, French, Russian, Spanish), as on un.org.
export const LANGUAGE_INFO: readonly LanguageInfo[] = [
  { code: 'ar', endonym: 'العربية', dir: 'rtl', intlLocale: 'ar-u-nu-latn' },
  { code: 'zh', endonym: '中文', dir: 'ltr', intlLocale: 'zh-Hans' },
  { code: 'en', endonym: 'English', dir: 'ltr', intlLocale: 'en' },
  { code: 'fr', endonym: 'Français', dir: 'ltr', intlLocale: 'fr' },
  { code: 'ru', endonym: 'Русский', dir: 'ltr', intlLocale: 'ru' },
  { code: 'es', endonym: 'Español', dir: 'ltr', intlLocale: 'es' },
];

export const DEFAULT_LANGUAGE: Language = 'en';
export const LANGUAGE_PARAM = 'lang';
export const LANGUAGE_STORAGE_KEY = 'concerted.language';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGE_INFO.some((info) => info.code === value);
}

export function languageInfo(language: Language): LanguageInfo {
  return LANGUAGE_INFO.find((info) => info.code === language) ?? LANGUAGE_INFO[2]!;
}

/**
 * The language to start in: the URL wins (a shared link keeps its language), then the reader's
 * remembered choice, then the browser's preferences, then English.
 */
export function chooseInitialLanguage(
  search: string,
  stored: string | null,
  preferred: readonly string[],
): Language {
  const fromUrl = new URLSearchParams(search).get(LANGUAGE_PARAM);
  if (isLanguage(fromUrl)) return fromUrl;
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}
