// Free text kept on a case in the clear (service notes, plan goals, reasons) must not identify the person:
// it is refused when it holds an email address, a long number (phone, document), or one of the person's
// own names, document numbers, contacts or date of birth. Pure; no I/O. The answer names what kind of
// identifier was found, never the text itself.
import { nameTokens, normaliseDocumentNumber } from '../duplicates/normalise.js';
import type { PersonData } from '../schemas.js';

export type IdentifierKind = 'email' | 'long_number' | 'name' | 'document' | 'contact' | 'date_of_birth';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u;
/** Six digits or more, spaces, dots and dashes between them allowed: phones and document numbers. */
const LONG_NUMBER = /\d(?:[\s.\-/]?\d){5,}/u;
/** Name words shorter than this are too common to refuse ("Li" is also a word in many texts). */
const MIN_NAME_TOKEN = 3;

export function findIdentifiers(text: string, person: PersonData): IdentifierKind[] {
  const found = new Set<IdentifierKind>();
  if (EMAIL.test(text)) found.add('email');
  if (LONG_NUMBER.test(text)) found.add('long_number');
  const words = new Set(nameTokens(text));
  const names = (person.names ?? []).flatMap((entry) => nameTokens(entry.value));
  if (names.some((token) => token.length >= MIN_NAME_TOKEN && words.has(token))) found.add('name');
  const compact = normaliseDocumentNumber(text);
  const documents = (person.identityDocuments ?? []).map((doc) => normaliseDocumentNumber(doc.number));
  if (documents.some((number) => number.length >= 4 && compact.includes(number))) found.add('document');
  const contacts = (person.contacts ?? []).map((contact) => normaliseDocumentNumber(contact.value));
  if (contacts.some((value) => value.length >= 4 && compact.includes(value))) found.add('contact');
  if (person.dateOfBirth && text.includes(person.dateOfBirth)) found.add('date_of_birth');
  return [...found];
}
