// The part of a long text that its passages are chosen from: a reader sees a passage or three, while cutting
// Chinese into words (ICU) and ts_headline both take time growing with the whole text.
const HAN = /\p{Script=Han}/u;
const WORD_PART = /[\p{L}\p{N}\p{M}]/u;

/** Texts up to this long are given whole. */
export const WHOLE_TEXT_CHARS = 3000;
/** Characters kept before the first word found, so that its passage can start before it. */
const CONTEXT_BEFORE = 300;
/** How far back from there a passage boundary (space or punctuation) is looked for. */
const BOUNDARY_SEARCH = 50;

/**
 * Where the term is first written as a word of the text (lower-cased): a Chinese term anywhere (Chinese has
 * no spaces), any other one between two characters that are not part of a word.
 */
function firstWord(lower: string, term: string): number {
  if (term === '') return -1;
  const anywhere = HAN.test(term);
  for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
    if (anywhere) return at;
    const before = lower[at - 1];
    const after = lower[at + term.length];
    if ((before === undefined || !WORD_PART.test(before)) && (after === undefined || !WORD_PART.test(after)))
      return at;
  }
  return -1;
}

/** A start at a space or punctuation shortly before `at`, and never between the halves of a character. */
function startNear(text: string, at: number): number {
  for (let index = at; index > Math.max(0, at - BOUNDARY_SEARCH); index--)
    if (!WORD_PART.test(text[index - 1] ?? '')) return index;
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

/**
 * The text, or for a long one WHOLE_TEXT_CHARS of it from shortly before the first place one of the terms
 * (as searchTerms gives them) is written as typed. A long text where none is (found by another form of
 * the word, or another spelling) is given whole, as the passage can be anywhere.
 */
export function headlineWindow(text: string, terms: readonly string[]): string {
  if (text.length <= WHOLE_TEXT_CHARS) return text;
  const lower = text.toLowerCase();
  // Lower-casing that changes the length (a few letters, as "İ") would put positions elsewhere.
  if (lower.length !== text.length) return text;
  const found = terms.map((term) => firstWord(lower, term)).filter((at) => at >= 0);
  if (found.length === 0) return text;
  const start = startNear(text, Math.max(0, Math.min(...found) - CONTEXT_BEFORE));
  let end = Math.min(text.length, start + WHOLE_TEXT_CHARS);
  const last = text.charCodeAt(end - 1);
  if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(start, end);
}
