// ISO 3166-1 countries with names in the six UN languages (i18n-iso-countries) and their place in UN M49.
import isoCountries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import isoPackage from 'i18n-iso-countries/package.json' with { type: 'json' };
import { placementOf } from './m49.js';
import { type Country, LANGUAGES, type Labels } from './schemas.js';

for (const locale of [ar, zh, en, fr, ru, es]) isoCountries.registerLocale(locale);

export const ISO_COUNTRIES_VERSION = isoPackage.version;

function countryNames(iso3: string): Labels {
  const names = {} as Labels;
  for (const lang of LANGUAGES) names[lang] = isoCountries.getName(iso3, lang) ?? '';
  return names;
}

let countriesCache: Country[] | undefined;

/** Every country the package knows, ordered by alpha-3 code; computed once. */
export function buildCountryList(): Country[] {
  countriesCache ??= Object.entries(isoCountries.getAlpha3Codes())
    .map(([iso3, iso2]) => ({
      iso3,
      iso2,
      numeric: isoCountries.alpha3ToNumeric(iso3) ?? '',
      ...placementOf(iso2),
      names: countryNames(iso3),
    }))
    .sort((a, b) => a.iso3.localeCompare(b.iso3));
  return countriesCache;
}

/** The countries inside an M49 area at any level; the world ("001") holds every country. */
export function countriesInArea(countries: readonly Country[], areaCode: string): Country[] {
  if (areaCode === '001') return [...countries];
  return countries.filter(
    (c) => c.regionCode === areaCode || c.subregionCode === areaCode || c.intermediateRegionCode === areaCode,
  );
}
