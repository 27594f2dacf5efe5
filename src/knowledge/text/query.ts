// A person's search words turned into a to_tsquery argument that their input can never break.
import type { KnowledgeLanguage } from './languages.js';
import { indexableText } from './normalise.js';

/** Enough for any real question; more only makes the query slower. */
export const MAX_TERMS = 32;
/** Longer "words" are pasted data, not something a document is searched for. */
export const MAX_TERM_LENGTH = 100;

const WORD_PART = /[\p{L}\p{N}\p{M}]/u;
/*
 * Inside a word, . - _ @ ' / join parts the PostgreSQL parser reads together ("e-mail", "unodc.org",
 * "l'homme", "a.smith@example.org"); anything else separates words.
 */
const SEPARATORS = /[^\p{L}\p{N}\p{M}.\-_@'/]+/u;
const UNSENDABLE = /[\p{Cc}\p{Cs}]/gu;
const EDGE = /^[^\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+$/gu;

/**
 * The words of a query, through the same pipeline as the documents (normalise.ts), lower-cased,
 * without punctuation, each once, at most MAX_TERMS of them.
 */
export function searchTerms(query: string, lang: KnowledgeLanguage): string[] {
  const words = indexableText(query, lang)
    .toLowerCase()
    .split(SEPARATORS)
    .map((word) => word.replace(EDGE, ''))
    .filter((word) => WORD_PART.test(word) && word.length <= MAX_TERM_LENGTH);
  return [...new Set(words)].slice(0, MAX_TERMS);
}

export type TsqueryOptions = {
  /** Also find words that start with each term (as a person types). */
  prefix: boolean;
  /** Every term (the default), or any of them ("more like this", or a fallback when all finds nothing). */
  match?: 'all' | 'any';
};

/*
 * Each term is a quoted tsquery literal: inside quotes the tsquery syntax reads a quote doubled and a
 * backslash escaping the next character, and passes the rest to the configuration's parser as text, so
 * &, |, !, <->, :, parentheses and weights typed by a person are never operators. A term the parser
 * finds several words in (a hyphenated word) becomes a phrase, which matches the document's own reading.
 */
function literal(term: string, prefix: boolean): string {
  // PostgreSQL refuses NUL and lone surrogates in any text; as spaces, they only separate words.
  const escaped = term.replace(UNSENDABLE, ' ').replaceAll('\\', '\\\\').replaceAll("'", "''");
  return `'${escaped}'${prefix ? ':*' : ''}`;
}

/**
 * The text for to_tsquery(config, $1). Empty when there is nothing to search for: the caller then
 * skips the search rather than sending it (to_tsquery of nothing matches nothing, with a notice).
 */
export function tsqueryText(terms: readonly string[], options: TsqueryOptions): string {
  const usable = terms.filter((term) => term.replace(UNSENDABLE, '').trim() !== '');
  const operator = options.match === 'any' ? ' | ' : ' & ';
  return usable.map((term) => literal(term, options.prefix)).join(operator);
}

/** Any of the terms: for "more like this" and for a second try when requiring all of them found nothing. */
export function anyTermTsqueryText(terms: readonly string[], options: { prefix: boolean }): string {
  return tsqueryText(terms, { ...options, match: 'any' });
}
