// The names a command prints for the codes it holds: countries and pillars as the reference data ships them, and
// languages as the platform names them, in English like the command line's sentences. A code without a name
// prints as it is. Pure.
import { buildCountryList, getCodeListFile } from '../reference/index.js';

let countryNames: Map<string, string> | undefined;
let pillarNames: Map<string, string> | undefined;

/** "Kenya" for KEN. */
export function countryName(iso3: string): string {
  countryNames ??= new Map(buildCountryList().map((country) => [country.iso3, country.names.en]));
  return countryNames.get(iso3) || iso3;
}

/** "Kenya, Uganda" for KEN and UGA. */
export const countryNamesText = (codes: readonly string[]) => codes.map(countryName).join(', ');

/** "Protection and assistance" for protection. */
export function pillarName(code: string): string {
  pillarNames ??= new Map(getCodeListFile('pillar').codes.map((entry) => [entry.code, entry.labels.en]));
  return pillarNames.get(code) ?? code;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** "English, French" for en and fr. */
export const languageNamesText = (codes: readonly string[]) =>
  codes.map((code) => languageNames.of(code) ?? code).join(', ');

/** "specialised units" for specialised_units: a code of a list without labels, read as words. */
export const codeWords = (code: string) => code.replaceAll('_', ' ');
