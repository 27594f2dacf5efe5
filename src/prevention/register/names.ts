// How names and licence numbers are compared. People type an agency's name as they heard or read it: without
// accents, with "Ltd" or without, "S.A." or "SA". The comparison drops what does not tell agencies apart and
// keeps every word that does ("agency", "agence", "travel" stay: two firms may differ only by them).

/** Legal forms, written as they read once dots are gone and letters are lower case; the longest is tried first. */
const LEGAL_FORM_SUFFIXES = [
  'sa de cv',
  's de rl de cv',
  's de rl',
  'sdn bhd',
  'pty ltd',
  'pvt ltd',
  'pte ltd',
  'co ltd',
  'ltd',
  'limited',
  'llc',
  'llp',
  'lp',
  'plc',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'ag',
  'kg',
  'sa',
  'sas',
  'sasu',
  'sarl',
  'sarlu',
  'eurl',
  'sl',
  'slu',
  'srl',
  'spa',
  'ltda',
  'bv',
  'nv',
  'oy',
  'ab',
  'as',
  'kk',
  'jsc',
  'pjsc',
  'ojsc',
  'cjsc',
  'fze',
  'fzco',
  'fzllc',
  'wll',
  'pty',
  'pvt',
  'pte',
  'bhd',
  'tbk',
  'ооо',
  'оао',
  'зао',
  'пао',
  'ао',
  'ип',
  'тоо',
  'ذمم',
  'شمم',
]
  .map((form) => form.split(' '))
  .sort((a, b) => b.length - a.length);

/** Chinese and Japanese names run without spaces: their legal form is the end of the last word. */
const JOINED_LEGAL_FORMS = ['股份有限公司', '有限责任公司', '有限公司', '株式会社'];

/** Forms written before the name in some countries ("PT Maju", "SARL Atlas", "ООО Ромашка"). */
const LEGAL_FORM_PREFIXES = [
  'pt',
  'cv',
  'sarl',
  'sas',
  'eurl',
  'ооо',
  'оао',
  'зао',
  'пао',
  'ао',
  'ип',
  'тоо',
].map((form) => [form]);

/** Accents, case, dots and apostrophes dropped ("S.A." is "sa", "D'Or" "dor"); other punctuation is a space. */
export function simplify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'’`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function endsWith(words: readonly string[], form: readonly string[]): boolean {
  if (form.length >= words.length) return false;
  return form.every((word, i) => words[words.length - form.length + i] === word);
}

function startsWith(words: readonly string[], form: readonly string[]): boolean {
  return form.length < words.length && form.every((word, i) => words[i] === word);
}

function withoutJoinedForm(words: string[]): string[] {
  const last = words.at(-1) ?? '';
  const form = JOINED_LEGAL_FORMS.find((joined) => last.endsWith(joined) && last.length > joined.length);
  return form ? [...words.slice(0, -1), last.slice(0, -form.length)] : words;
}

/** Drops legal forms from either end, one after another ("Atlas Co. Ltd" → "atlas"), keeping at least one word. */
function withoutLegalForms(words: string[]): string[] {
  let rest = withoutJoinedForm(words);
  for (let changed = true; changed; ) {
    const suffix = LEGAL_FORM_SUFFIXES.find((form) => endsWith(rest, form));
    const prefix = LEGAL_FORM_PREFIXES.find((form) => startsWith(rest, form));
    changed = suffix !== undefined || prefix !== undefined;
    if (suffix) rest = rest.slice(0, rest.length - suffix.length);
    else if (prefix) rest = rest.slice(prefix.length);
  }
  return rest;
}

/** The form two names are compared in: "Agence Étoile S.A.R.L." and "agence etoile" are the same. */
export function comparableName(name: string): string {
  const words = simplify(name).split(' ').filter(Boolean);
  return withoutLegalForms(words).join(' ');
}

/**
 * Licence numbers compare without spaces, dashes and case: "POEA-123 LB" is "poea123lb". Other signs (a
 * slash, a dot) often carry meaning in a number's parts and stay.
 */
export function comparableLicenceNumber(number: string): string {
  return number
    .normalize('NFKC')
    .replace(/[\s\p{Pd}]+/gu, '')
    .toLowerCase();
}

function trigrams(text: string): Map<string, number> {
  const padded = `  ${text} `;
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i += 1) {
    const gram = padded.slice(i, i + 3);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** How alike two spellings are (Sørensen–Dice over letter triples): 1 for the same, 0 for nothing shared. */
function spellingLikeness(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  let shared = 0;
  let total = 0;
  for (const count of left.values()) total += count;
  for (const count of right.values()) total += count;
  for (const [gram, count] of left) shared += Math.min(count, right.get(gram) ?? 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

/**
 * The share of words two names have in common, against the longer. A name whose every word is in the other
 * ("Atlas" in "Atlas Recruitment") is at least similar: a person often gives only part of a name, and
 * answering "not found" to it would wrongly call a licensed agency unlicensed.
 */
function wordLikeness(a: string, b: string): number {
  const left = new Set(a.split(' '));
  const right = new Set(b.split(' '));
  const shared = [...left].filter((word) => right.has(word)).length;
  const isContained = shared === Math.min(left.size, right.size);
  return Math.max(shared / Math.max(left.size, right.size), isContained ? SIMILAR_NAME : 0);
}

/** From this likeness on, a name is shown as similar; below it, it is another agency. */
export const SIMILAR_NAME = 0.6;

/** How alike two comparable names are, from 0 to 1: by spelling or by words, whichever says more. */
export function nameLikeness(a: string, b: string): number {
  if (a === b) return 1;
  return Math.max(spellingLikeness(a, b), wordLikeness(a, b));
}
