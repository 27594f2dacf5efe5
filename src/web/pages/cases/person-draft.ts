// The person record as its form holds it, and back: rows keyed for editing, texts trimmed and empty
// choices sent as null when saving, and rows left empty found before anything is sent. Pure; no React.
import type { PersonData } from '../../../cases/schemas.js';
import type { FieldIssue } from '../../components/field-messages.js';
import { type Keyed, withKeys, withoutKey } from '../../components/row-keys.js';

type Name = Required<PersonData>['names'][number];
type Contact = Required<PersonData>['contacts'][number];
type IdentityDocument = Required<PersonData>['identityDocuments'][number];
type Address = Required<PersonData>['addresses'][number];

export const NAME_KINDS = ['name', 'alias'] as const;
export const CONTACT_KINDS = ['phone', 'email', 'messaging', 'other'] as const;
export const DOCUMENT_KINDS = [
  'passport',
  'national_id',
  'residence_permit',
  'birth_certificate',
  'other',
] as const;

/** The person record as the form holds it: each row keyed, the date as the date field's text. */
export type Draft = {
  names: (Name & Keyed)[];
  dateOfBirth: string;
  contacts: (Contact & Keyed)[];
  identityDocuments: (IdentityDocument & Keyed)[];
  addresses: (Address & Keyed)[];
};

export function draftOf(person: PersonData): Draft {
  return {
    names: withKeys(person.names ?? []),
    dateOfBirth: person.dateOfBirth ?? '',
    contacts: withKeys(person.contacts ?? []),
    identityDocuments: withKeys(person.identityDocuments ?? []),
    addresses: withKeys(person.addresses ?? []),
  };
}

/** Every field is sent: the API replaces each one given, so an emptied list is an emptied field. */
export function personOf(draft: Draft): PersonData {
  return {
    names: draft.names.map(withoutKey).map((name) => ({ ...name, value: name.value.trim() })),
    dateOfBirth: draft.dateOfBirth || null,
    contacts: draft.contacts.map(withoutKey).map((contact) => ({ ...contact, value: contact.value.trim() })),
    identityDocuments: draft.identityDocuments.map(withoutKey).map((document) => ({
      ...document,
      number: document.number.trim(),
      issuingCountry: document.issuingCountry || null,
    })),
    addresses: draft.addresses
      .map(withoutKey)
      .map((address) => ({ text: address.text.trim(), country: address.country || null })),
  };
}

/** Rows left with an empty text: each is marked at its own path, as the server would. */
export function emptyRows(draft: Draft): Map<string, FieldIssue[]> {
  const issues = new Map<string, FieldIssue[]>();
  const check = (list: string, rows: readonly object[], field: string) =>
    rows.forEach((row, index) => {
      if (!String((row as Record<string, unknown>)[field] ?? '').trim())
        issues.set(`body.person.${list}.${index}.${field}`, [{ code: 'required' }]);
    });
  check('names', draft.names, 'value');
  check('contacts', draft.contacts, 'value');
  check('identityDocuments', draft.identityDocuments, 'number');
  check('addresses', draft.addresses, 'text');
  return issues;
}
