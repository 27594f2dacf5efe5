// What comes out of the job-offer check: findings, the pay comparison, contacts, the summary, the
// checklist and the questionnaire in one language.
import { z } from 'zod';
import { IsoDate } from '../../platform/fields.js';
import { Language } from '../../reference/schemas.js';
import { FINDINGS } from './constants.js';
import {
  ContactKind,
  CountryCode,
  MinimumWage,
  Money,
  QuestionId,
  QuestionKind,
  Severity,
  WarningSign,
} from './schemas.js';

export { FINDINGS };

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
