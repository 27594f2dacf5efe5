import { describe, expect, it } from 'vitest';
import { draftOf, emptyRows, personOf } from './person-draft.js';

/** An invented person. */
const PERSON = {
  names: [{ kind: 'name' as const, value: 'Ottoline Brackwater' }],
  dateOfBirth: '1999-02-14',
  identityDocuments: [{ kind: 'passport' as const, number: 'QZ4471203' }],
};

describe('the person form’s draft', () => {
  it('gives back what was opened, every list sent even when empty', () => {
    expect(personOf(draftOf(PERSON))).toEqual({
      names: PERSON.names,
      dateOfBirth: '1999-02-14',
      contacts: [],
      identityDocuments: [{ kind: 'passport', number: 'QZ4471203', issuingCountry: null }],
      addresses: [],
    });
  });

  it('trims texts and sends an emptied date as null', () => {
    const draft = draftOf(PERSON);
    draft.dateOfBirth = '';
    draft.names = draft.names.map((name) => ({ ...name, value: '  Otty  ' }));
    expect(personOf(draft)).toMatchObject({ dateOfBirth: null, names: [{ kind: 'name', value: 'Otty' }] });
  });

  it('marks each row left empty at the path the server would name', () => {
    const draft = draftOf(PERSON);
    draft.addresses = [{ key: 'a', text: ' ', country: null }];
    draft.identityDocuments = draft.identityDocuments.map((document) => ({ ...document, number: '' }));
    expect([...emptyRows(draft).keys()]).toEqual([
      'body.person.identityDocuments.0.number',
      'body.person.addresses.0.text',
    ]);
  });
});
