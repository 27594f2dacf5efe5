// Invented offers for the tests of the check's API and pages, one per warning sign, and a register source
// over the register module's invented agencies. No real agency, person or number.

import { CLEAN_OFFER as ENGINE_CLEAN_OFFER } from '../../src/prevention/offer-check/offer.fixtures.js';
import type { FindingId } from '../../src/prevention/offer-check/result-schemas.js';
import type { OfferAnswers } from '../../src/prevention/offer-check/schemas.js';
import type { RegisterSource } from '../../src/prevention/offer-check/server/service.js';
import { lookUpAgency } from '../../src/prevention/register/lookup.js';
import { exampleRegister } from '../../src/prevention/register/register.fixtures.js';

/** A fixed day, so that the invented licences' dates give the same answer whenever the tests run. */
const REGISTER_DAY = '2026-06-01';

export const exampleRegisterSource: RegisterSource = async (query) =>
  lookUpAgency(exampleRegister(), query, { asOf: REGISTER_DAY }).answer.lookup;

/** The engine's clean offer, through a licensed (invented) agency of the register's fixtures. */
export const CLEAN_OFFER: OfferAnswers = {
  ...ENGINE_CLEAN_OFFER,
  citizenship_country: 'PHL',
  agency_name: 'Atlas Recruitment Ltd',
  agency_licence_number: 'POEA-123-LB',
};

/** Each warning sign the answers (with the register and the destination's minimum wage) can show, the change to the clean offer that shows it, and the flag. */
export const SIGNED_OFFERS: { sign: string; change: Partial<OfferAnswers>; flag: FindingId }[] = [
  { sign: 'fees', change: { fee_charged: 'yes' }, flag: 'recruitment_fee' },
  { sign: 'documents', change: { documents_kept: 'yes' }, flag: 'documents_retained' },
  { sign: 'employer', change: { employer_name_known: 'no' }, flag: 'employer_unidentified' },
  {
    sign: 'agency',
    change: { agency_name: 'Horizon Overseas Placement Inc.', agency_licence_number: 'POEA-200-LB' },
    flag: 'agency_unlicensed',
  },
  { sign: 'contract', change: { written_contract: 'no' }, flag: 'no_written_contract' },
  // Under the demo directory's example minimum for the destination (12 GBP an hour; 1,500 a month is about 8.65).
  {
    sign: 'pay',
    change: { pay: { amount: 1500, currency: 'GBP', period: 'month' } },
    flag: 'pay_below_minimum',
  },
  { sign: 'debt', change: { debt_or_advance: 'yes' }, flag: 'debt_or_advance' },
  { sign: 'movement', change: { free_to_leave: 'no' }, flag: 'movement_restricted' },
  { sign: 'job change', change: { job_changed: 'yes' }, flag: 'job_changed' },
];

/** The answers as the plain HTML form sends them. */
export function formFieldsOf(answers: OfferAnswers): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(answers)) {
    if (key === 'pay' && typeof value === 'object') {
      fields.pay_amount = String(value.amount);
      fields.pay_currency = value.currency;
      fields.pay_period = value.period;
    } else if (value !== undefined) fields[key] = String(value);
  }
  return fields;
}
