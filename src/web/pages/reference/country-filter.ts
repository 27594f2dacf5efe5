// Filtering and sorting the country table: pure functions, tested without a browser.
import type { Country, Language, M49Area } from '../../../reference/schemas.js';

/** Lower-case without diacritics, so "cote" finds "Côte d'Ivoire" and "reunion" finds "Réunion". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();
}

export function matchesRegion(country: Country, areaCode: string): boolean {
  return (
    areaCode === '' ||
    country.regionCode === areaCode ||
    country.subregionCode === areaCode ||
    country.intermediateRegionCode === areaCode
  );
}

/** Searches the name in the current language and in English (widely typed), and the three codes. */
export function matchesQuery(country: Country, query: string, language: Language): boolean {
  const needle = foldForSearch(query.trim());
  if (needle === '') return true;
  const haystack = [country.names[language], country.names.en, country.iso3, country.iso2, country.numeric];
  return haystack.some((value) => foldForSearch(value).includes(needle));
}

export function filterCountries(
  countries: readonly Country[],
  filter: { areaCode: string; query: string },
  language: Language,
): Country[] {
  const collator = new Intl.Collator(language);
  return countries
    .filter(
      (country) => matchesRegion(country, filter.areaCode) && matchesQuery(country, filter.query, language),
    )
    .sort((a, b) => collator.compare(a.names[language], b.names[language]));
}

export type RegionOption = { region: M49Area; subregions: M49Area[] };

/** Regions with their sub-regions, for a grouped select; both sorted by name in the current language. */
export function regionOptions(areas: readonly M49Area[], language: Language): RegionOption[] {
  const collator = new Intl.Collator(language);
  const byName = (a: M49Area, b: M49Area) => collator.compare(a.names[language], b.names[language]);
  return areas
    .filter((area) => area.level === 'region')
    .sort(byName)
    .map((region) => ({
      region,
      subregions: areas
        .filter((area) => area.level === 'subregion' && area.parentCode === region.code)
        .sort(byName),
    }));
}
