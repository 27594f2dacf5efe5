// Invented offers for the tests: one that shows none of the warning signs, and the context a server would add.
import { findDestinationContacts, loadDemoContacts } from './contacts.js';
import type { MinimumWage, OfferAnswers, OfferCheckContext } from './schemas.js';

/** A full-time job at 2,200 a month: above the invented minimum of 12 an hour (about 2,080 a month). */
export const CLEAN_OFFER: OfferAnswers = {
  destination_country: 'GBR',
  citizenship_country: 'MDA',
  offered_by: 'agency',
  agency_name: 'Example Recruiters',
  employer_name_known: 'yes',
  employer_address_known: 'yes',
  employer_registration_known: 'yes',
  fee_charged: 'no',
  debt_or_advance: 'no',
  written_contract: 'yes',
  contract_in_your_language: 'yes',
  pay: { amount: 2200, currency: 'GBP', period: 'month' },
  work_days_per_week: 5,
  work_hours_per_day: 8,
  documents_kept: 'no',
  free_to_leave: 'yes',
  keeps_phone: 'yes',
  job_changed: 'no',
};

/** An invented minimum, not the United Kingdom's real one: the tests must not depend on a law changing. */
export const EXAMPLE_MINIMUM: MinimumWage = {
  country: 'GBR',
  amount: 12,
  currency: 'GBP',
  period: 'hour',
  source: 'Example wage order',
  asOf: '2026-04-01',
};

export function exampleContext(overrides: Partial<OfferCheckContext> = {}): OfferCheckContext {
  return {
    language: 'en',
    minimumWage: EXAMPLE_MINIMUM,
    agencyLookup: { status: 'licensed' },
    contacts: findDestinationContacts(loadDemoContacts(), 'GBR'),
    ...overrides,
  };
}
