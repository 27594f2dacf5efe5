// Words of titles and descriptions in the six UN languages that speak of trafficking or hint at a classification. Pure.
import data from './iati-keywords.json' with { type: 'json' };

export type KeywordHint = { activityType?: string; form?: string; targetGroup?: string };
export type KeywordMatch = { language: string; term: string; found: string };

type Matcher = { language: string; term: string; pattern: RegExp };
type TermsByLanguage = Record<string, string[]>;

const SUBSTRING_LANGUAGES: ReadonlySet<string> = new Set(data.substringLanguages);

/** Lower case, no accents or other combining marks, one kind of apostrophe, hyphens as spaces. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[-‐‑‒–—]/g, ' ')
    .replace(/\s+/g, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "traffick* in persons" → whole words, the starred one open to longer forms; Chinese and Arabic anywhere. */
function patternOf(term: string, language: string): RegExp {
  const words = normaliseText(term).trim().split(' ');
  const body = words
    .map((word) => (word.endsWith('*') ? `${escapeRegExp(word.slice(0, -1))}\\p{L}*` : escapeRegExp(word)))
    .join('\\s+');
  if (SUBSTRING_LANGUAGES.has(language)) return new RegExp(body, 'u');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'u');
}

function matchersOf(terms: TermsByLanguage): Matcher[] {
  return Object.entries(terms).flatMap(([language, list]) =>
    list.map((term) => ({ language, term, pattern: patternOf(term, language) })),
  );
}

const TRAFFICKING = matchersOf(data.trafficking);
const HINTS: { hint: KeywordHint; matchers: Matcher[] }[] = data.hints.map(({ terms, ...hint }) => ({
  hint,
  matchers: matchersOf(terms as TermsByLanguage),
}));

function firstMatch(matchers: readonly Matcher[], text: string): KeywordMatch | null {
  for (const { language, term, pattern } of matchers) {
    const found = pattern.exec(text);
    if (found) return { language, term, found: found[0] };
  }
  return null;
}

/** Where the text speaks of trafficking in persons (in any of the six languages), or null. */
export function findTraffickingTerm(text: string): KeywordMatch | null {
  return firstMatch(TRAFFICKING, normaliseText(text));
}

/** The activity types, forms and target groups the text's words hint at, with the words that did. */
export function findKeywordHints(text: string): { hint: KeywordHint; match: KeywordMatch }[] {
  const normalised = normaliseText(text);
  return HINTS.flatMap(({ hint, matchers }) => {
    const match = firstMatch(matchers, normalised);
    return match ? [{ hint, match }] : [];
  });
}

/** For tests and documentation: every language the data file covers, per list. */
export function languagesCovered(): { trafficking: string[]; hints: string[][] } {
  return {
    trafficking: Object.keys(data.trafficking),
    hints: data.hints.map((h) => Object.keys(h.terms)),
  };
}
