// Text as it goes into to_tsvector: one pipeline for documents and queries, so that both always agree.
import type { KnowledgeLanguage } from './languages.js';

/*
 * Arabic is written with optional short vowels and several spellings of the same letter (hamza seats,
 * final yeh and teh marbuta), so a reader may type a word differently from the document. These are the
 * usual folds of Arabic information retrieval (Larkey, Ballesteros & Connell, "light stemming", 2002).
 */
const ARABIC_DROPPED = /[\u064B-\u065F\u0670\u0640]/g;
/** Harakat, superscript alef and tatweel: written or not, the word is the same. */
export const isDroppedInArabic = (code: number) =>
  (code >= 0x064b && code <= 0x065f) || code === 0x0670 || code === 0x0640;
const ARABIC_FOLDS: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ة: 'ه',
  ؤ: 'و',
  ئ: 'ي',
};
const ARABIC_FOLDED = /[أإآٱىةؤئ]/g;

/** Strips harakat and tatweel, and folds alef, yeh, teh marbuta and hamza seats to one letter each. */
export function normaliseArabic(text: string): string {
  return text.replace(ARABIC_DROPPED, '').replace(ARABIC_FOLDED, (letter) => ARABIC_FOLDS[letter] ?? letter);
}

const HAN = /\p{Script=Han}/u;
const chineseWords = new Intl.Segmenter('zh', { granularity: 'word' });

const isSpace = (character: string | undefined) => character === undefined || /\s/u.test(character);

/** A piece of segmented text: as written, or a space segmentation put between two words. */
export type ChinesePiece = { text: string; isAdded: boolean };

/*
 * ICU's segmenter takes time growing with the square of the text it is given (a 200,000-character body
 * took over a minute), so long texts go to it in blocks of at most this many characters, each ending
 * after a space or punctuation when there is one in its second half: no word is cut there.
 */
const SEGMENTED_AT_ONCE = 1000;
const WORD_END = /[^\p{L}\p{N}\p{M}]/u;

/** Where a block starting at `start` ends: after the last separator of its second half, else at its length. */
function blockEnd(text: string, start: number): number {
  const limit = start + SEGMENTED_AT_ONCE;
  if (limit >= text.length) return text.length;
  for (let end = limit; end > start + SEGMENTED_AT_ONCE / 2; end--)
    if (WORD_END.test(text[end - 1] ?? '')) return end;
  // No separator: cut anyway, but never between the two halves of a character.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

function* chineseSegments(text: string): Generator<string> {
  for (let start = 0; start < text.length; ) {
    const end = blockEnd(text, start);
    for (const { segment } of chineseWords.segment(text.slice(start, end))) yield segment;
    start = end;
  }
}

/**
 * Cuts Chinese into words separated by single spaces (ICU's dictionary segmentation), leaving every
 * non-Chinese run exactly as it was: the text's own pieces in order, with the spaces it adds between them.
 */
export function chinesePieces(text: string): ChinesePiece[] {
  if (!HAN.test(text)) return [{ text, isAdded: false }];
  const pieces: ChinesePiece[] = [];
  let last: string | undefined;
  let spaceOwed = false;
  for (const segment of chineseSegments(text)) {
    const isChinese = HAN.test(segment);
    // A space goes between a Chinese word and whatever touches it, unless a space is already there.
    if ((isChinese || spaceOwed) && !isSpace(last) && !isSpace(segment[0]))
      pieces.push({ text: ' ', isAdded: true });
    pieces.push({ text: segment, isAdded: false });
    last = segment.at(-1);
    spaceOwed = isChinese;
  }
  return pieces;
}

/** The text with its Chinese cut into words (chinesePieces); text without Chinese comes back unchanged. */
export function segmentChinese(text: string): string {
  return chinesePieces(text)
    .map((piece) => piece.text)
    .join('');
}

/*
 * Characters that must not reach the database or a snippet: controls (PostgreSQL refuses NUL), lone
 * surrogates (not valid UTF-8), and private-use characters, which snippet.ts reserves as highlight markers.
 */
const UNSAFE = /[\p{Cc}\p{Cs}\p{Co}]/gu;
const KEPT_CONTROLS = /[\t\n]/;

/**
 * Everything but cutting Chinese into words: safe characters, NFKC, Arabic folded. Works character by
 * character (NFKC with the combining marks that follow), so a text can be folded in parts (origins.ts).
 */
export function foldText(text: string): string {
  const safe = text.replace(UNSAFE, (character) => (KEPT_CONTROLS.test(character) ? character : ' '));
  return normaliseArabic(safe.normalize('NFKC'));
}

/**
 * What goes into to_tsvector(searchConfigOf(lang), …) and ts_headline. The same for every language, so
 * a French quotation in an Arabic guideline or Latin names in a Chinese report are found as well:
 * NFKC folds full-width Latin, ligatures and Arabic presentation forms (as PDFs often hold them);
 * Arabic is folded; Chinese is cut into words. Case is left alone so that snippets read as written:
 * to_tsvector lowers case itself on both engines.
 */
export function indexableText(text: string, _lang: KnowledgeLanguage): string {
  return segmentChinese(foldText(text));
}
