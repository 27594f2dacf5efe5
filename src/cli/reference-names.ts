// The names a command prints for the codes it holds: countries and the codes of lists as the reference data
// ships them, and languages as the platform names them, in English like the command line's sentences. A code
// without a name prints as it is. Pure.
import { buildCountryList, getCodeListFile } from '../reference/index.js';
import type { CodeListName } from '../reference/vocabulary.js';

let countryNames: Map<string, string> | undefined;
const codeLabels = new Map<CodeListName, Map<string, string>>();

/** "Kenya" for KEN. */
export function countryName(iso3: string): string {
  countryNames ??= new Map(buildCountryList().map((country) => [country.iso3, country.names.en]));
  return countryNames.get(iso3) || iso3;
}

/** "Kenya, Uganda" for KEN and UGA. */
export const countryNamesText = (codes: readonly string[]) => codes.map(countryName).join(', ');

/** The English label of a code of a list ("Employer pays principle" for employer_pays_principle). */
export function codeLabel(list: CodeListName, code: string): string {
  let labels = codeLabels.get(list);
  if (!labels) {
    labels = new Map(getCodeListFile(list).codes.map((entry) => [entry.code, entry.labels.en]));
    codeLabels.set(list, labels);
  }
  return labels.get(code) ?? code;
}

/** "Protection and assistance" for protection. */
export const pillarName = (code: string) => codeLabel('pillar', code);

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** "English, French" for en and fr. */
export const languageNamesText = (codes: readonly string[]) =>
  codes.map((code) => languageNames.of(code) ?? code).join(', ');

/** "specialised units" for specialised_units: a code of a list without labels, read as words. */
export const codeWords = (code: string) => code.replaceAll('_', ' ');
