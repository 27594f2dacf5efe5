// A country as a publisher writes it — "PH", "PHL", "Philippines", "Philippines (the)", "Филиппины",
// "الفلبين" — to its ISO 3166-1 alpha-3 code, from the reference data's names in the six UN languages. Pure.
import isoCountries from 'i18n-iso-countries';
import { buildCountryList } from '../../reference/countries.js';
import { LANGUAGES } from '../../reference/schemas.js';
import { isKnownIso3 } from '../../reference/vocabulary.js';
import WORDS from './data/publisher-words.json' with { type: 'json' };
import { simplify } from './names.js';

let byNameCache: Map<string, string> | undefined;

/**
 * Every name and alternative name in the six languages, and the UN's official names the package lacks
 * (data/publisher-words.json); a name two countries share names neither.
 */
function countriesByName(): Map<string, string> {
  if (byNameCache) return byNameCache;
  const found = new Map<string, Set<string>>();
  const add = (name: string, iso3: string) => {
    const key = simplify(name);
    if (key) found.set(key, (found.get(key) ?? new Set()).add(iso3));
  };
  // buildCountryList registers the six languages' names with the package before they are listed here.
  for (const country of buildCountryList())
    for (const name of Object.values(country.names)) add(name, country.iso3);
  for (const language of LANGUAGES) {
    for (const [iso2, names] of Object.entries(isoCountries.getNames(language, { select: 'all' }))) {
      const iso3 = isoCountries.alpha2ToAlpha3(iso2);
      if (iso3) for (const name of names) add(name, iso3);
    }
  }
  for (const [iso3, names] of Object.entries(WORDS.countryAliases))
    if (isKnownIso3(iso3)) for (const name of names) add(name, iso3);
  byNameCache = new Map(
    [...found].flatMap(([name, codes]) => (codes.size === 1 ? [[name, [...codes][0] as string]] : [])),
  );
  return byNameCache;
}

/** The alpha-3 code for a code (alpha-2 or alpha-3) or a name in any UN language, or null. */
export function countryCodeOf(text: string): string | null {
  const trimmed = text.trim();
  if (/^[A-Za-z]{3}$/.test(trimmed) && isKnownIso3(trimmed.toUpperCase())) return trimmed.toUpperCase();
  if (/^[A-Za-z]{2}$/.test(trimmed)) return isoCountries.alpha2ToAlpha3(trimmed.toUpperCase()) ?? null;
  const byName = countriesByName().get(simplify(trimmed));
  if (byName) return byName;
  // UN and ISO names put a formal part in brackets: "Bolivia (Plurinational State of)".
  const short = trimmed.replace(/\s*\(.*\)\s*$/, '');
  return short !== trimmed && short !== '' ? countryCodeOf(short) : null;
}
