// The shapes of the job-offer check: the answers a person gives, the facts the server adds (legal minimum
// wage, the register's answer, contacts) and the result. Routes and the web page import these, so that the
// API and the page cannot disagree.
import { z } from 'zod';
import { IsoDate, PlainText } from '../../platform/fields.js';
import { Language } from '../../reference/schemas.js';

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

export const PAY_PERIODS = ['hour', 'day', 'week', 'month'] as const;
export const PayPeriod = z.enum(PAY_PERIODS);
export type PayPeriod = z.infer<typeof PayPeriod>;

export const OFFERED_BY = ['agency', 'employer', 'acquaintance', 'online', 'other'] as const;
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

export const CONTACT_KINDS = [
  'anti_trafficking_helpline',
  'labour_helpline',
  'emergency',
  'embassy',
  'support_organisation',
  'international_organisation',
] as const;
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

export type FindingId = keyof typeof FINDINGS;
export const FINDING_IDS = Object.keys(FINDINGS) as FindingId[];
export const FindingId = z.enum(FINDING_IDS as [FindingId, ...FindingId[]]);

export const Finding = z.object({
  id: FindingId,
  sign: WarningSign,
  severity: Severity,
  severityLabel: z.string(),
  signName: z.string().describe('The warning sign in a few words'),
  title: z.string(),
  explanation: z.string().describe('What the answer means and why it matters'),
  whatToDo: z.string(),
  basis: z.string().describe('The legal or ethical basis, in one line'),
  questions: z.array(QuestionId).describe('The answers that led to this finding'),
});
export type Finding = z.infer<typeof Finding>;

export const PayComparison = z.object({
  offered: Money,
  minimum: MinimumWage,
  isBelowMinimum: z.boolean(),
  offeredPerHour: z
    .number()
    .nullable()
    .describe('Null when both are for the same period and compared as given'),
  minimumPerHour: z.number().nullable(),
  text: z.string().describe('The comparison in one or two sentences'),
  assumptions: z.array(z.string()).describe('How periods were converted, in plain words'),
});
export type PayComparison = z.infer<typeof PayComparison>;

export const ResolvedContact = z.object({
  kind: ContactKind,
  kindLabel: z.string(),
  name: z.string(),
  phone: z.string().optional(),
  email: z.string().optional(),
  website: z.string().optional(),
  hours: z.string().optional(),
});
export type ResolvedContact = z.infer<typeof ResolvedContact>;

export const OfferContacts = z.object({
  country: CountryCode.nullable(),
  countryName: z.string().nullable(),
  isDemo: z.boolean(),
  demoNotice: z.string().nullable().describe('Said next to example contacts, so nobody takes them for real'),
  checkedOn: IsoDate.nullable(),
  contacts: z.array(ResolvedContact),
  fallback: z.array(z.string()).describe('Where to turn whatever the directory holds; no numbers'),
});
export type OfferContacts = z.infer<typeof OfferContacts>;

export const Verdict = z.enum(['serious', 'warning', 'find_out', 'none']);
export type Verdict = z.infer<typeof Verdict>;

export const OfferSummary = z.object({
  verdict: Verdict,
  headline: z.string(),
  advice: z.string(),
  counts: z.object({
    serious: z.number().int(),
    warning: z.number().int(),
    findOut: z.number().int(),
    skipped: z.number().int().describe('Questions the check needs that were left out'),
  }),
  skippedNote: z.string().nullable(),
  limits: z.string().describe('What the check cannot tell, said every time'),
});
export type OfferSummary = z.infer<typeof OfferSummary>;

export const OfferCheckResult = z.object({
  flags: z.array(Finding),
  findOut: z.array(Finding),
  summary: OfferSummary,
  pay: PayComparison.nullable(),
  contacts: OfferContacts,
});
export type OfferCheckResult = z.infer<typeof OfferCheckResult>;

export const CHECKLIST_ITEM_IDS = [
  'resolve_warning_signs',
  'get_answers_in_writing',
  'keep_contract_copy',
  'keep_passport',
  'copies_of_documents',
  'check_visa',
  'pay_in_writing',
  'employer_details',
  'check_agency_licence',
  'no_fees_keep_receipts',
  'no_debt_for_work',
  'tell_someone',
  'emergency_numbers',
  'own_phone_and_money',
] as const;
export const ChecklistItemId = z.enum(CHECKLIST_ITEM_IDS);
export type ChecklistItemId = z.infer<typeof ChecklistItemId>;

export const ChecklistItem = z.object({
  id: ChecklistItemId,
  text: z.string(),
  because: z.array(FindingId).describe('The findings that put this item on the list or make it urgent'),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

const Option = z.object({ value: z.string(), label: z.string() });

export const QuestionnaireQuestion = z.object({
  id: QuestionId,
  kind: QuestionKind,
  isOptional: z.boolean().describe('An extra the check can do without; every question may still be skipped'),
  text: z.string(),
  help: z.string().nullable(),
  options: z.array(Option).describe('The answers to pick from, "I don\'t know" included where it is one'),
  periods: z.array(Option).describe('For pay: per hour, day, week or month'),
  min: z.number().nullable(),
  max: z.number().nullable(),
  step: z.number().nullable(),
});
export type QuestionnaireQuestion = z.infer<typeof QuestionnaireQuestion>;

export const Questionnaire = z.object({
  language: Language,
  intro: z.string(),
  privacy: z.string(),
  questions: z.array(QuestionnaireQuestion),
});
export type Questionnaire = z.infer<typeof Questionnaire>;
