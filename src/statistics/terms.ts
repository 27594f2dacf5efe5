// Maps publishers' terms (sexes, ages, dimensions, categories, country names) to our codes. Pure.
import isoCountries from 'i18n-iso-countries';
import { buildM49Areas, isKnownIso3 } from '../reference/index.js';
import TERMS from './data/terms.json' with { type: 'json' };

/** The word every published total is stored as, whatever the publisher wrote ("BOTHSEX", "All ages"). */
export const TOTAL = 'Total';

export type DimensionKind = 'form_of_exploitation' | 'citizenship' | 'country_of_repatriation' | 'other';

const normalise = (term: string) => term.trim().toLowerCase().replace(/\s+/g, ' ');

/** Lower case without accents or punctuation: "Curacao" finds "Curaçao", "Cote d'Ivoire" "Côte d’Ivoire". */
const looseName = (name: string) =>
  normalise(
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[’'`.,]/g, ' ')
      .replace(/-/g, ' '),
  );

function invert(table: Record<string, string[]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [code, terms] of Object.entries(table)) for (const term of terms) map.set(normalise(term), code);
  return map;
}

const TOTALS = new Set(TERMS.totals.map(normalise));
const SEXES = invert(TERMS.sex);
const AGES = invert(TERMS.age);
const FORMS = invert(TERMS.forms);
const COUNTRY_ALIASES = new Map(Object.entries(TERMS.countryAliases).map(([name, iso3]) => [name, iso3]));

export const TERMS_VERSION = TERMS.version;

/** Remembers answers for the few distinct terms a file repeats millions of times (bounded). */
function remembered<T>(compute: (term: string) => T): (term: string) => T {
  const cache = new Map<string, T>();
  return (term) => {
    const known = cache.get(term);
    if (known !== undefined || cache.has(term)) return known as T;
    const value = compute(term);
    if (cache.size < 50_000) cache.set(term, value);
    return value;
  };
}

export function isTotal(term: string): boolean {
  return TOTALS.has(normalise(term));
}

/** The published term, or "Total" for any of the publishers' words for a total. */
export const canonicalTerm = remembered((term: string): string => {
  const trimmed = term.trim().replace(/\s+/g, ' ');
  return trimmed === '' || isTotal(trimmed) ? TOTAL : trimmed;
});

export const sexCodeOf = remembered((term: string): string | null => SEXES.get(normalise(term)) ?? null);

export const ageCodeOf = remembered((term: string): string | null => AGES.get(normalise(term)) ?? null);

/** What a dimension is about, read from its published name ("by form of exploitation" → form). */
export const dimensionKindOf = remembered(findDimensionKind);

function findDimensionKind(name: string): DimensionKind {
  const lower = normalise(name);
  // Several breakdowns joined in one (a mapped CSV's "Form × Citizenship") map to no single vocabulary.
  if (lower.includes(' × ')) return 'other';
  for (const entry of TERMS.dimensionKinds) {
    if (entry.patterns.some((pattern) => lower.includes(pattern))) return entry.kind as DimensionKind;
  }
  return 'other';
}

/** A form of exploitation code for a published category, or null when it has none. */
export const formCodeOf = remembered(
  (category: string): string | null => FORMS.get(normalise(category)) ?? null,
);

/** An ISO3 code for a country name or code as publishers write it, or null. */
export const iso3OfCountry = remembered(findIso3);

function findIso3(nameOrCode: string): string | null {
  const text = nameOrCode.trim();
  if (/^[A-Za-z]{3}$/.test(text) && isKnownIso3(text.toUpperCase())) return text.toUpperCase();
  const alias = COUNTRY_ALIASES.get(normalise(text));
  if (alias) return alias;
  const direct = isoCountries.getAlpha3Code(text, 'en');
  if (direct) return direct;
  const loose = looseNames().get(looseName(text));
  if (loose) return loose;
  // "Bolivia (Plurinational State of)" and the like: UN names put the formal part in brackets.
  const short = text.replace(/\s*\(.*\)\s*$/, '');
  return short !== text && short !== '' ? findIso3(short) : null;
}

let looseNamesCache: Map<string, string> | undefined;

/** Every English name and alternative name of each country, and our aliases, compared loosely. */
function looseNames(): Map<string, string> {
  if (looseNamesCache) return looseNamesCache;
  const names = new Map<string, string>();
  for (const [iso2, list] of Object.entries(isoCountries.getNames('en', { select: 'all' }))) {
    const iso3 = isoCountries.alpha2ToAlpha3(iso2);
    if (!iso3 || !isKnownIso3(iso3)) continue;
    for (const name of list) if (!names.has(looseName(name))) names.set(looseName(name), iso3);
  }
  // "Congo" names both Congos in the package's alternatives: a name that is ambiguous maps to neither.
  names.delete('congo');
  for (const [alias, iso3] of COUNTRY_ALIASES) names.set(looseName(alias), iso3);
  looseNamesCache = names;
  return names;
}

/** The code of a category in the vocabulary its dimension's kind points at, or null. */
export function categoryCodeOf(kind: DimensionKind, category: string): string | null {
  if (category === TOTAL) return null;
  if (kind === 'form_of_exploitation') return formCodeOf(category);
  if (kind === 'citizenship' || kind === 'country_of_repatriation') return iso3OfCountry(category);
  return null;
}

let areaNamesCache: Map<string, string> | undefined;

/** An M49 area code for an English area name ("World", "Africa") or a three-digit code, or null. */
export function m49OfArea(nameOrCode: string): string | null {
  areaNamesCache ??= new Map(buildM49Areas().map((area) => [normalise(area.names.en), area.code]));
  const text = nameOrCode.trim();
  if (/^\d{1,3}$/.test(text)) {
    const code = text.padStart(3, '0');
    return buildM49Areas().some((area) => area.code === code) ? code : null;
  }
  return areaNamesCache.get(normalise(text)) ?? null;
}

/** An ISO3 code for an M49 numeric country code ("4", "004"), or null. */
export function iso3OfNumeric(code: string): string | null {
  const iso3 = isoCountries.numericToAlpha3(code.trim().padStart(3, '0'));
  return iso3 && isKnownIso3(iso3) ? iso3 : null;
}
