// The contacts of a destination put into the reader's language, with the international fallback that holds
// wherever a person goes. Kept apart from the directory's loading, so that the browser's check can use it.
import type { Language } from '../../reference/schemas.js';
import { CONTACT_KIND_ORDER } from './constants.js';
import { countryName } from './format.js';
import type { OfferContacts, ResolvedContact } from './result-schemas.js';
import type {
  ContactPoint,
  ContactsDirectory,
  DestinationContacts,
  MinimumWage,
  ProperName,
} from './schemas.js';
import { OFFER_TEXTS, say } from './texts.js';

export function findDestinationContacts(
  directory: ContactsDirectory,
  country: string,
): DestinationContacts | null {
  return directory.destinations.find((destination) => destination.country === country) ?? null;
}

/** The destination's statutory minimum wage, when the directory states one, for comparing the pay offered. */
export function minimumWageAt(destination: DestinationContacts | null): MinimumWage | null {
  return destination?.minimumWage ? { ...destination.minimumWage, country: destination.country } : null;
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
