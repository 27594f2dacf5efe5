// The forms of names, dates of birth and document numbers that are hashed to find possible duplicates, so
// that "José  María Núñez" and "nunez maria jose" give the same key. Pure; no I/O.

/** Lower case, diacritics and punctuation removed, words sorted: the order of given and family names varies. */
export function normaliseName(name: string): string {
  return nameTokens(name).sort().join(' ');
}

/** The words of a name, lower case and without diacritics, in their order. */
export function nameTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '');
}

/** Upper case letters and digits only: "kq 883-3107" and "KQ8833107" are the same document number. */
export function normaliseDocumentNumber(number: string): string {
  return number
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** An ISO date of birth as given (YYYY-MM-DD); anything else is not a date of birth to match on. */
export function normaliseDateOfBirth(date: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}
