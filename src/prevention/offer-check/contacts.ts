// Where a person can turn in the destination: helplines and their own embassy from a directory the
// deployment keeps, and the international fallback that holds wherever they go. Example data is refused
// unless asked for, so that invented numbers never reach someone who needs a real one.
import type { Language } from '../../reference/schemas.js';
import demoDirectory from './data/contacts.demo.json' with { type: 'json' };
import { countryName } from './format.js';
import type { OfferContacts, ResolvedContact } from './result-schemas.js';
import {
  type ContactPoint,
  ContactsDirectory,
  type DestinationContacts,
  type ProperName,
} from './schemas.js';
import { CONTACT_KIND_ORDER, OFFER_TEXTS, say } from './texts.js';

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

export function findDestinationContacts(
  directory: ContactsDirectory,
  country: string,
): DestinationContacts | null {
  return directory.destinations.find((destination) => destination.country === country) ?? null;
}

/** A proper name in the reader's language where the organisation has one, else in English. */
function nameIn(name: ProperName, language: Language): string {
  return name[language] ?? name.en;
}

function resolveContact(contact: ContactPoint, language: Language): ResolvedContact {
  return {
    kind: contact.kind,
    kindLabel: say(OFFER_TEXTS.contacts.kinds[contact.kind], language),
    name: nameIn(contact.name, language),
    ...(contact.phone ? { phone: contact.phone } : {}),
    ...(contact.email ? { email: contact.email } : {}),
    ...(contact.website ? { website: contact.website } : {}),
    ...(contact.hours ? { hours: nameIn(contact.hours, language) } : {}),
  };
}

/** Embassies only of the person's own country: another country's embassy cannot help them. */
function isForThisPerson(contact: ContactPoint, citizenship: string | null): boolean {
  return contact.kind !== 'embassy' || (citizenship !== null && contact.forCitizensOf === citizenship);
}

export function resolveContacts(
  entry: DestinationContacts | null,
  citizenship: string | null,
  language: Language,
): OfferContacts {
  const fallback = OFFER_TEXTS.contacts.fallback;
  const contacts = (entry?.contacts ?? [])
    .filter((contact) => isForThisPerson(contact, citizenship))
    .sort((a, b) => CONTACT_KIND_ORDER.indexOf(a.kind) - CONTACT_KIND_ORDER.indexOf(b.kind))
    .map((contact) => resolveContact(contact, language));
  const isDemo = entry?.isDemo ?? false;
  return {
    country: entry?.country ?? null,
    countryName: entry ? countryName(language, entry.country) : null,
    isDemo,
    demoNotice: isDemo ? say(OFFER_TEXTS.contacts.demo, language) : null,
    checkedOn: entry?.checkedOn ?? null,
    contacts,
    fallback: [fallback.embassy, fallback.iom, fallback.emergency].map((text) => say(text, language)),
  };
}
