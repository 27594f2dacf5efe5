// What goes into the job-offer check: the answers a person gives and the facts the server adds (legal
// minimum wage, the register's answer, contacts). The result's shapes are in result-schemas.ts. Routes and
// the web page import both, so that the API and the page cannot disagree.
import { z } from 'zod';
import { IsoDate, PlainText } from '../../platform/fields.js';
import { Language } from '../../reference/schemas.js';
import { CONTACT_KINDS, OFFERED_BY, PAY_PERIODS } from './constants.js';

export { CONTACT_KINDS, OFFERED_BY, PAY_PERIODS };

export const QUESTION_IDS = [
  'destination_country',
  'citizenship_country',
  'offered_by',
  'agency_name',
  'agency_licence_number',
  'employer_name_known',
  'employer_address_known',
  'employer_registration_known',
  'fee_charged',
  'debt_or_advance',
  'written_contract',
  'contract_in_your_language',
  'pay',
  'work_days_per_week',
  'work_hours_per_day',
  'documents_kept',
  'free_to_leave',
  'keeps_phone',
  'job_changed',
] as const;
export const QuestionId = z.enum(QUESTION_IDS);
export type QuestionId = z.infer<typeof QuestionId>;

export const QUESTION_KINDS = ['yes_no', 'choice', 'country', 'money', 'number', 'text'] as const;
export const QuestionKind = z.enum(QUESTION_KINDS);
export type QuestionKind = z.infer<typeof QuestionKind>;

/** "I don't know" is an answer of its own: it asks the person to find out, where a skipped question says nothing. */
const Unknown = z.literal('unknown');

export const YesNo = z.enum(['yes', 'no', 'unknown']);
export type YesNo = z.infer<typeof YesNo>;

export const PayPeriod = z.enum(PAY_PERIODS);
export type PayPeriod = z.infer<typeof PayPeriod>;

export const OfferedBy = z.enum(OFFERED_BY);
export type OfferedBy = z.infer<typeof OfferedBy>;

export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'A country is given by its ISO 3166-1 alpha-3 code, for example "FRA"');

export const CurrencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'A currency is given by its ISO 4217 code, for example "EUR"');

export const Money = z.object({
  amount: z.number().finite().nonnegative().max(1e12),
  currency: CurrencyCode,
  period: PayPeriod,
});
export type Money = z.infer<typeof Money>;

/** Every answer may be left out: the person decides what to tell, and the check says what it could not look at. */
export const OfferAnswers = z.strictObject({
  destination_country: z.union([CountryCode, Unknown]).optional(),
  citizenship_country: z.union([CountryCode, Unknown]).optional(),
  offered_by: z.union([OfferedBy, Unknown]).optional(),
  agency_name: PlainText(200).optional(),
  agency_licence_number: PlainText(100).optional(),
  employer_name_known: YesNo.optional(),
  employer_address_known: YesNo.optional(),
  employer_registration_known: YesNo.optional(),
  fee_charged: YesNo.optional(),
  debt_or_advance: YesNo.optional(),
  written_contract: YesNo.optional(),
  contract_in_your_language: YesNo.optional(),
  pay: z.union([Money, Unknown]).optional(),
  work_days_per_week: z.union([z.number().int().min(1).max(7), Unknown]).optional(),
  work_hours_per_day: z.union([z.number().min(0.5).max(24), Unknown]).optional(),
  documents_kept: YesNo.optional(),
  free_to_leave: YesNo.optional(),
  keeps_phone: YesNo.optional(),
  job_changed: YesNo.optional(),
});
export type OfferAnswers = z.infer<typeof OfferAnswers>;

/** The destination's statutory minimum wage as a published source states it; the server keeps the table. */
export const MinimumWage = z.object({
  country: CountryCode,
  amount: z.number().finite().positive(),
  currency: CurrencyCode,
  period: PayPeriod,
  hoursPerWeek: z
    .number()
    .positive()
    .max(168)
    .optional()
    .describe('The working week the minimum is set for; 40 when the source does not say'),
  daysPerWeek: z
    .number()
    .int()
    .min(1)
    .max(7)
    .optional()
    .describe('Working days in that week; 5 when not said'),
  source: PlainText(300).describe('Who publishes the figure: a law, a decree, a ministry page'),
  asOf: IsoDate.describe('The date from which the figure applies, or when it was read'),
});
export type MinimumWage = z.infer<typeof MinimumWage>;

export const REGISTER_STATUSES = [
  'licensed',
  'not_found',
  'lapsed',
  'suspended',
  'revoked',
  'unknown',
] as const;
export const RegisterStatus = z.enum(REGISTER_STATUSES);
export type RegisterStatus = z.infer<typeof RegisterStatus>;

/** What the register of intermediaries answered for the agency the person named; `unknown` when it could not say. */
export const RegisterLookup = z.object({ status: RegisterStatus, checkedOn: IsoDate.optional() });
export type RegisterLookup = z.infer<typeof RegisterLookup>;

export const ContactKind = z.enum(CONTACT_KINDS);
export type ContactKind = z.infer<typeof ContactKind>;

/** Names of organisations are proper names: English is required, other languages where the organisation has them. */
export const ProperName = z.object({
  en: PlainText(200),
  ar: PlainText(200).optional(),
  zh: PlainText(200).optional(),
  fr: PlainText(200).optional(),
  ru: PlainText(200).optional(),
  es: PlainText(200).optional(),
});
export type ProperName = z.infer<typeof ProperName>;

export const ContactPoint = z.object({
  kind: ContactKind,
  name: ProperName,
  phone: PlainText(40).optional(),
  email: z.email().optional(),
  website: z.url({ protocol: /^https$/ }).optional(),
  hours: ProperName.optional().describe('When someone answers, for example "24 hours"'),
  languages: z.array(Language).optional().describe('UN languages spoken there, of those it answers in'),
  forCitizensOf: CountryCode.optional().describe('For an embassy or consulate: the country it represents'),
});
export type ContactPoint = z.infer<typeof ContactPoint>;

export const DestinationContacts = z.object({
  country: CountryCode,
  isDemo: z.boolean().describe('Example data for demonstrations; never shown as real help'),
  checkedOn: IsoDate,
  source: PlainText(300),
  contacts: z.array(ContactPoint),
  minimumWage: MinimumWage.omit({ country: true })
    .optional()
    .describe(
      'The statutory minimum wage there, as its published source states it; the check compares pay with it',
    ),
});
export type DestinationContacts = z.infer<typeof DestinationContacts>;

export const ContactsDirectory = z.object({
  version: z.string().min(1),
  isDemo: z.boolean(),
  note: z.string(),
  destinations: z.array(DestinationContacts),
});
export type ContactsDirectory = z.infer<typeof ContactsDirectory>;

/** What the server adds to the answers before the check; each part may be missing, and the check says so. */
export const OfferCheckContext = z.object({
  language: Language,
  minimumWage: MinimumWage.nullable().optional(),
  agencyLookup: RegisterLookup.nullable().optional(),
  contacts: DestinationContacts.nullable().optional(),
});
export type OfferCheckContext = z.infer<typeof OfferCheckContext>;

export const WARNING_SIGNS = [
  'fees',
  'documents',
  'pay',
  'employer',
  'agency',
  'contract',
  'debt',
  'movement',
  'job_change',
] as const;
export const WarningSign = z.enum(WARNING_SIGNS);
export type WarningSign = z.infer<typeof WarningSign>;

export const Severity = z.enum(['serious', 'warning', 'find_out']);
export type Severity = z.infer<typeof Severity>;
