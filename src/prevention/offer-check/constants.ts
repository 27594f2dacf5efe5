// The check's fixed lists as plain values, free of any schema library, so that the rules can also run in a
// browser bundle of a few kilobytes; schemas.ts and result-schemas.ts build their schemas from these.
import type { Severity, WarningSign } from './schemas.js';

export const PAY_PERIODS = ['hour', 'day', 'week', 'month'] as const;

export const OFFERED_BY = ['agency', 'employer', 'acquaintance', 'online', 'other'] as const;

export const CONTACT_KINDS = [
  'anti_trafficking_helpline',
  'labour_helpline',
  'emergency',
  'embassy',
  'support_organisation',
  'international_organisation',
] as const;

/** The order contact kinds are listed in: helplines before embassies, as a person in trouble needs them. */
export const CONTACT_KIND_ORDER: readonly (typeof CONTACT_KINDS)[number][] = CONTACT_KINDS;

/**
 * Every finding the check can make, with the warning sign it belongs to and how grave it is. A flag
 * (serious or warning) says the offer shows the sign; a "find out" note says the person does not know yet and
 * what to ask. Serious: a known sign of forced labour or trafficking. Warning: a risk to clear up before signing.
 */
export const FINDINGS = {
  recruitment_fee: { sign: 'fees', severity: 'serious' },
  ask_about_fees: { sign: 'fees', severity: 'find_out' },
  documents_retained: { sign: 'documents', severity: 'serious' },
  ask_about_documents: { sign: 'documents', severity: 'find_out' },
  pay_below_minimum: { sign: 'pay', severity: 'warning' },
  ask_about_pay: { sign: 'pay', severity: 'find_out' },
  ask_pay_in_local_currency: { sign: 'pay', severity: 'find_out' },
  find_minimum_wage: { sign: 'pay', severity: 'find_out' },
  employer_unidentified: { sign: 'employer', severity: 'serious' },
  ask_about_employer: { sign: 'employer', severity: 'find_out' },
  agency_unlicensed: { sign: 'agency', severity: 'serious' },
  check_agency_licence: { sign: 'agency', severity: 'find_out' },
  no_written_contract: { sign: 'contract', severity: 'warning' },
  contract_not_understood: { sign: 'contract', severity: 'warning' },
  ask_for_written_contract: { sign: 'contract', severity: 'find_out' },
  debt_or_advance: { sign: 'debt', severity: 'serious' },
  ask_about_debts: { sign: 'debt', severity: 'find_out' },
  movement_restricted: { sign: 'movement', severity: 'serious' },
  ask_about_freedom: { sign: 'movement', severity: 'find_out' },
  job_changed: { sign: 'job_change', severity: 'serious' },
  ask_about_job_changes: { sign: 'job_change', severity: 'find_out' },
} as const satisfies Record<string, { sign: WarningSign; severity: Severity }>;
