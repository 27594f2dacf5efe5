// Numbers, money, dates and country names as a reader of each UN language expects them.
import { buildCountryList } from '../../reference/countries.js';
import type { Language } from '../../reference/schemas.js';

/** Arabic with Western digits, as the rest of Concerted shows it, so amounts read like the codes beside them. */
const INTL_LOCALES: Record<Language, string> = {
  ar: 'ar-u-nu-latn',
  zh: 'zh-Hans',
  en: 'en',
  fr: 'fr',
  ru: 'ru',
  es: 'es',
};

export function intlLocale(language: Language): string {
  return INTL_LOCALES[language];
}

export function formatNumber(language: Language, value: number): string {
  return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 2 }).format(value);
}

/** Money with its currency; an amount per hour keeps its cents, so 7.50 and 7.99 do not both read 8. */
export function formatMoney(language: Language, amount: number, currency: string): string {
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'currency',
    currency,
    currencyDisplay: 'code',
    maximumFractionDigits: 2,
  }).format(amount);
}

/** A calendar date (YYYY-MM-DD) in words, read in UTC so that the day never shifts with the server's zone. */
export function formatDate(language: Language, isoDate: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

let countryNames: Map<string, Record<Language, string>> | undefined;

/** The country's name in the language, or its code when the package does not know it. */
export function countryName(language: Language, iso3: string): string {
  countryNames ??= new Map(buildCountryList().map((country) => [country.iso3, country.names]));
  return countryNames.get(iso3)?.[language] || iso3;
}
