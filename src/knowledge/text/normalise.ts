// Text as it goes into to_tsvector: one pipeline for documents and queries, so that both always agree.
import type { KnowledgeLanguage } from './languages.js';

/*
 * Arabic is written with optional short vowels and several spellings of the same letter (hamza seats,
 * final yeh and teh marbuta), so a reader may type a word differently from the document. These are the
 * usual folds of Arabic information retrieval (Larkey, Ballesteros & Connell, "light stemming", 2002).
 */
const ARABIC_DROPPED = /[\u064B-\u065F\u0670\u0640]/g;
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

/**
 * Cuts Chinese into words separated by single spaces (ICU's dictionary segmentation), leaving every
 * non-Chinese run exactly as it was; text without Chinese characters comes back unchanged.
 */
export function segmentChinese(text: string): string {
  if (!HAN.test(text)) return text;
  const pieces: string[] = [];
  let last: string | undefined;
  let spaceOwed = false;
  for (const { segment } of chineseWords.segment(text)) {
    const isChinese = HAN.test(segment);
    // A space goes between a Chinese word and whatever touches it, unless a space is already there.
    if ((isChinese || spaceOwed) && !isSpace(last) && !isSpace(segment[0])) pieces.push(' ');
    pieces.push(segment);
    last = segment.at(-1);
    spaceOwed = isChinese;
  }
  return pieces.join('');
}

/*
 * Characters that must not reach the database or a snippet: controls (PostgreSQL refuses NUL), lone
 * surrogates (not valid UTF-8), and private-use characters, which snippet.ts reserves as highlight markers.
 */
const UNSAFE = /[\p{Cc}\p{Cs}\p{Co}]/gu;
const KEPT_CONTROLS = /[\t\n]/;

/**
 * What goes into to_tsvector(searchConfigOf(lang), …) and ts_headline. The same for every language, so
 * a French quotation in an Arabic guideline or Latin names in a Chinese report are found as well:
 * NFKC folds full-width Latin, ligatures and Arabic presentation forms (as PDFs often hold them);
 * Arabic is folded; Chinese is cut into words. Case is left alone so that snippets read as written:
 * to_tsvector lowers case itself on both engines.
 */
export function indexableText(text: string, _lang: KnowledgeLanguage): string {
  const safe = text.replace(UNSAFE, (character) => (KEPT_CONTROLS.test(character) ? character : ' '));
  return segmentChinese(normaliseArabic(safe.normalize('NFKC')));
}
