import demoDirectory from './data/contacts.demo.json' with { type: 'json' };
import { ContactsDirectory } from './schemas.js';

export { findDestinationContacts, minimumWageAt, resolveContacts } from './resolve-contacts.js';

export class DemoContactsRefused extends Error {
  constructor() {
    super(
      'This contacts directory is example data (isDemo). Example numbers must not be shown as real help: ' +
        'load a checked directory, or pass { allowDemo: true } for a demonstration.',
    );
  }
}

/** Reads a directory; an embassy must say whose it is, and other contacts must not. */
export function parseContactsDirectory(
  input: unknown,
  options: { allowDemo?: boolean } = {},
): ContactsDirectory {
  const directory = ContactsDirectory.superRefine((value, context) => {
    value.destinations.forEach((destination, d) => {
      destination.contacts.forEach((contact, c) => {
        if ((contact.kind === 'embassy') !== (contact.forCitizensOf !== undefined))
          context.addIssue({
            code: 'custom',
            path: ['destinations', d, 'contacts', c, 'forCitizensOf'],
            message: 'an embassy names the country it represents (forCitizensOf); other contacts do not',
          });
      });
    });
  }).parse(input);
  const hasDemo = directory.isDemo || directory.destinations.some((destination) => destination.isDemo);
  if (hasDemo && !options.allowDemo) throw new DemoContactsRefused();
  return directory;
}

/** The example directory shipped for demonstrations and tests; every entry in it says it is an example. */
export function loadDemoContacts(): ContactsDirectory {
  return parseContactsDirectory(demoDirectory, { allowDemo: true });
}
