// API shapes of cases and persons. A case holds no direct identifier: its code is generated, and everything
// that could identify the person lives in the person record, which is sealed at rest.
import { z } from 'zod';
import { Int, IsoDate, IsoDateTime, PlainText } from '../platform/fields.js';
import { Language } from '../reference/schemas.js';
import {
  ForcedLabourSector,
  FormOfExploitation,
  Iso3,
  MeansOfControl,
  RecruitmentChannel,
  Sex,
} from '../reference/vocabulary.js';
import { Outcome, ScreeningAnswers } from './screening/schemas.js';

/** HTCDS 2.0 case statuses. */
export const CASE_STATUSES = ['Active', 'FollowUp', 'Closed', 'ClosedReferred'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** Age bands of the HTCDS and CTDC data (ageBroad). */
export const AGE_BANDS = [
  '0-8',
  '9-17',
  '18-20',
  '21-23',
  '24-26',
  '27-29',
  '30-38',
  '39-47',
  '48+',
] as const;
export const AgeBand = z.enum(AGE_BANDS).describe('An age band as in the HTCDS and CTDC data');

export const GENDERS = ['woman', 'man', 'transgender', 'other'] as const;
export const Gender = z.enum(GENDERS).describe('Gender as the person states it');

export const RECRUITER_RELATIONS = [
  'intimate_partner',
  'friend',
  'family_member',
  'employer',
  'other',
] as const;
export const RecruiterRelation = z.enum(RECRUITER_RELATIONS);

export const CaseCode = z
  .string()
  .regex(/^C-\d{4}-[0-9A-Z]{6}$/)
  .describe('The case code, never a name (for example C-2026-7KQ2MX)');

const Countries = z.array(Iso3).max(50);

/** The non-identifying facts of a case, kept in the clear for statistics. */
export const CaseFacts = z
  .object({
    sex: Sex.nullable(),
    gender: Gender.nullable(),
    ageBandAtIdentification: AgeBand.nullable(),
    ageBandWhenTrafficked: AgeBand.nullable(),
    citizenship: Iso3.nullable(),
    recruitmentCountries: Countries,
    transitCountries: Countries,
    exploitationCountries: Countries,
    formsOfExploitation: z.array(FormOfExploitation).max(20),
    sector: ForcedLabourSector.nullable(),
    meansOfControl: z.array(MeansOfControl).max(20),
    recruitmentChannel: RecruitmentChannel.nullable(),
    recruiterRelation: RecruiterRelation.nullable(),
  })
  .partial()
  .strict();
export type CaseFacts = z.infer<typeof CaseFacts>;

const NameEntry = z.object({ kind: z.enum(['name', 'alias']), value: PlainText(200).min(1) }).strict();
const Contact = z
  .object({ kind: z.enum(['phone', 'email', 'messaging', 'other']), value: PlainText(200).min(1) })
  .strict();
const IdentityDocument = z
  .object({
    kind: z.enum(['passport', 'national_id', 'residence_permit', 'birth_certificate', 'other']),
    number: PlainText(100).min(1),
    issuingCountry: Iso3.nullable().optional(),
  })
  .strict();
const Address = z.object({ text: PlainText(500).min(1), country: Iso3.nullable().optional() }).strict();

/** Personal data: every field is sealed with the person's data key before it reaches the database. */
export const PersonData = z
  .object({
    names: z.array(NameEntry).max(20),
    dateOfBirth: IsoDate.nullable(),
    contacts: z.array(Contact).max(20),
    identityDocuments: z.array(IdentityDocument).max(20),
    addresses: z.array(Address).max(20),
  })
  .partial()
  .strict();
export type PersonData = z.infer<typeof PersonData>;
export const PERSON_FIELDS = ['names', 'dateOfBirth', 'contacts', 'identityDocuments', 'addresses'] as const;

export const CreateCaseRequest = z
  .object({
    organisationId: z.uuid().describe('The organisation that owns the case'),
    facts: CaseFacts.default({}),
    person: PersonData.optional().describe('Personal data, sealed at rest; may be added later'),
  })
  .strict();

/** Days a reflection and recovery period lasts at least. */
export const MINIMUM_REFLECTION_DAYS = 30;

export const ReflectionPeriodRequest = z
  .object({
    startsOn: IsoDate,
    endsOn: IsoDate.optional().describe(
      `When it ends; ${MINIMUM_REFLECTION_DAYS} days after the start when left out, never sooner`,
    ),
  })
  .strict()
  .describe(
    'The reflection and recovery period: time to recover and decide, free of any obligation to cooperate',
  );

export const ReflectionPeriod = z.object({
  startsOn: z.string(),
  endsOn: z.string(),
  daysLeft: z.number().int().describe('Days until it ends, counting today; 0 once it has ended'),
});

export const UpdateCaseRequest = z
  .object({
    version: Int({ min: 1 }).describe('The version you read; a change made since is refused as a conflict'),
    reflectionPeriod: ReflectionPeriodRequest.nullable().optional(),
    status: z
      .enum(['Active', 'FollowUp'])
      .optional()
      .describe('Active or FollowUp; a case is closed and reopened with a reason at /closure and /reopening'),
    facts: CaseFacts.optional(),
  })
  .strict();

export const PutPersonRequest = z
  .object({
    version: Int({ min: 0 }).describe('The person record’s version you read; 0 when there is none yet'),
    person: PersonData,
  })
  .strict();

export const CaseView = z.object({
  id: z.uuid(),
  code: CaseCode,
  status: CaseStatus,
  organisationId: z.uuid(),
  organisationName: z.string(),
  facts: CaseFacts,
  closureReason: z.string().nullable().describe('Why a closed case was closed: a closure reason code'),
  reflectionPeriod: ReflectionPeriod.nullable(),
  workers: z.array(z.object({ userId: z.uuid(), displayName: z.string() })),
  hasPerson: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type CaseView = z.infer<typeof CaseView>;

export const CaseStaffMember = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  role: z.enum(['case_manager', 'case_worker']),
});
export type CaseStaffMember = z.infer<typeof CaseStaffMember>;

export const CaseSummary = CaseView.pick({
  id: true,
  code: true,
  status: true,
  organisationId: true,
  organisationName: true,
  updatedAt: true,
});

export const PersonView = z.object({
  caseId: z.uuid(),
  version: z.number().int(),
  person: PersonData,
  updatedAt: z.string().nullable(),
});
export type PersonView = z.infer<typeof PersonView>;

export const CaseListQuery = z
  .object({
    status: CaseStatus.optional(),
    organisationId: z.uuid().optional(),
    assigned: z.enum(['me']).optional().describe('Only the cases one is assigned to'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('Cases to skip (paging)'),
  })
  .strict();

export const CaseParams = z.object({ id: z.uuid() }).strict();
export const CaseWorkerParams = z.object({ id: z.uuid(), userId: z.uuid() }).strict();
export const LanguageQuery = z
  .object({ lang: Language.default('en').describe('The language of the explanations') })
  .strict();

/** A screening kept on a case: the answers without the free-text note, which could name someone. */
export const CaseScreeningRequest = ScreeningAnswers.omit({ description: true });

export const CaseScreeningSummary = z.object({
  id: z.uuid(),
  rulesVersion: z.string(),
  outcomes: z.array(Outcome),
  screenedBy: z.string().nullable().describe('Who screened, by name'),
  screenedAt: z.string(),
});

export const CONSENT_PURPOSES = [
  'receive_services',
  'share_with_organisation',
  'statistics',
  'research',
] as const;
export const ConsentPurpose = z
  .enum(CONSENT_PURPOSES)
  .describe(
    'What the consent is for: receiving services, sharing with a named organisation, being counted in statistics, research',
  );
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;
export const ConsentDecision = z.enum(['given', 'refused', 'withdrawn']);
export const ConsentGiver = z
  .enum(['person', 'parent_or_guardian', 'legal_representative'])
  .describe(
    'Who gave or refused the consent: the person, or for a child a parent, guardian or legal representative',
  );

export const RecordConsentRequest = z
  .object({
    purpose: ConsentPurpose,
    recipientOrganisationId: z
      .uuid()
      .nullable()
      .default(null)
      .describe(
        'The organisation the data may be shared with; required for share_with_organisation, else empty',
      ),
    decision: ConsentDecision,
    givenBy: ConsentGiver.default('person'),
    expiresAt: IsoDateTime.nullable()
      .default(null)
      .describe('When the consent lapses by itself; empty for none'),
  })
  .strict();
export type RecordConsentRequest = z.infer<typeof RecordConsentRequest>;

export const ConsentEntry = z.object({
  id: z.uuid(),
  purpose: ConsentPurpose,
  recipientOrganisationId: z.uuid().nullable(),
  recipientOrganisationName: z.string().nullable(),
  decision: ConsentDecision,
  givenBy: ConsentGiver,
  expiresAt: z.string().nullable(),
  recordedBy: z.string().nullable().describe('Who recorded the decision, by name'),
  recordedAt: z.string(),
});
export type ConsentEntry = z.infer<typeof ConsentEntry>;

export const ConsentState = ConsentEntry.extend({
  inForce: z.boolean().describe('Given and not expired: sharing for this purpose (and recipient) is allowed'),
});

export const CaseConsents = z.object({
  current: z.array(ConsentState).describe('The latest decision per purpose and recipient'),
  history: z.array(ConsentEntry).describe('Every decision, newest first'),
});
