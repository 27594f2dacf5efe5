// The check as the server runs it: the answers joined with what only the server knows (the register's answer
// for the agency named, the contacts directory the deployment keeps), then the pure check and its checklist.
// Nothing here is stored or logged.
import { readFile } from 'node:fs/promises';
import type { Language } from '../../../reference/schemas.js';
import type { LookupQuery } from '../../register/schemas.js';
import { checkOffer } from '../check-offer.js';
import { buildChecklist } from '../checklist.js';
import {
  findDestinationContacts,
  loadDemoContacts,
  minimumWageAt,
  parseContactsDirectory,
} from '../contacts.js';
import type { ChecklistItem, OfferCheckResult } from '../result-schemas.js';
import type { ContactsDirectory, OfferAnswers, RegisterLookup } from '../schemas.js';

/** The register of intermediaries as the check asks it: one answer for the agency a person named. */
export type RegisterSource = (query: LookupQuery, asOf: string) => Promise<RegisterLookup>;

export type OfferCheckSources = {
  register: RegisterSource;
  contacts: () => Promise<ContactsDirectory | null>;
  today: () => string;
};

export type OfferCheckAnswer = { result: OfferCheckResult; checklist: ChecklistItem[] };

/** The agency as the register is asked for it, by where the person is recruited; none when none was named. */
export function registerQueryOf(answers: OfferAnswers): LookupQuery | null {
  const { agency_name: name, agency_licence_number: licenceNumber, citizenship_country } = answers;
  if (!name && !licenceNumber) return null;
  return {
    ...(name ? { name } : {}),
    ...(licenceNumber ? { licenceNumber } : {}),
    ...(citizenship_country && citizenship_country !== 'unknown' ? { country: citizenship_country } : {}),
  };
}

export async function runOfferCheck(
  answers: OfferAnswers,
  language: Language,
  sources: OfferCheckSources,
): Promise<OfferCheckAnswer> {
  const query = registerQueryOf(answers);
  const destination = answers.destination_country;
  const [agencyLookup, directory] = await Promise.all([
    query ? sources.register(query, sources.today()) : null,
    sources.contacts(),
  ]);
  const contacts =
    directory && destination && destination !== 'unknown'
      ? findDestinationContacts(directory, destination)
      : null;
  const result = checkOffer(answers, {
    language,
    agencyLookup,
    contacts,
    minimumWage: minimumWageAt(contacts),
  });
  const checklist = buildChecklist(answers, [...result.flags, ...result.findOut], language);
  return { result, checklist };
}

/**
 * The contacts a deployment shows: its checked directory file when configured (read now, so that a bad file
 * stops the server at start); the example directory only when the demo dataset is loaded (every entry says it
 * is an example); otherwise none, and the page gives only the advice that holds everywhere. Never invented
 * numbers shown as real.
 */
export async function contactsSource(options: {
  file: string | undefined;
  hasDemoDataset: () => Promise<boolean>;
}): Promise<() => Promise<ContactsDirectory | null>> {
  if (options.file) {
    const directory = parseContactsDirectory(JSON.parse(await readFile(options.file, 'utf8')));
    return async () => directory;
  }
  let known: Promise<ContactsDirectory | null> | undefined;
  return () => {
    known ??= options.hasDemoDataset().then((hasDemo) => (hasDemo ? loadDemoContacts() : null));
    return known;
  };
}

/** Today's date where the server is, as the register dates licences. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
