// API shapes of a case's follow-up: services delivered, the case plan, closure and reopening, and possible
// duplicates. None of them carries personal data: free text is checked against the person's identifiers.
import { z } from 'zod';
import { Int, IsoDate, PlainText, Text } from '../../platform/fields.js';
import { Service } from '../referral-rules.js';
import { CaseStatus } from '../schemas.js';

/** The services a case receives are the services a referral asks for: one code list, labelled in the UI. */
export const ServiceCategory = Service.describe(
  'The kind of service delivered (accommodation, food, health care, counselling, legal aid…)',
);

const Notes = Text(2000)
  .min(1)
  .describe('What was done, without names, numbers or addresses: the person is never identified here');

export const RecordServiceRequest = z
  .object({
    category: ServiceCategory,
    providerOrganisationId: z
      .uuid()
      .nullable()
      .default(null)
      .describe('The organisation that delivered it, when it is registered here'),
    providerName: PlainText(200)
      .nullable()
      .default(null)
      .describe('Who delivered it, when not a registered organisation (never a private person’s name)'),
    deliveredOn: IsoDate,
    notes: Notes.nullable().default(null),
    supersedes: z
      .uuid()
      .nullable()
      .default(null)
      .describe('The record this one corrects; the corrected record stays in the history'),
    correctionReason: PlainText(500)
      .nullable()
      .default(null)
      .describe('Why the earlier record is corrected; required with supersedes'),
  })
  .strict();
export type RecordServiceRequest = z.infer<typeof RecordServiceRequest>;

export const ServiceRecord = z.object({
  id: z.uuid(),
  category: ServiceCategory,
  providerOrganisationId: z.uuid().nullable(),
  providerOrganisationName: z.string().nullable(),
  providerName: z.string().nullable(),
  deliveredOn: z.string(),
  notes: z.string().nullable(),
  supersedes: z.uuid().nullable(),
  correctionReason: z.string().nullable(),
  supersededBy: z.uuid().nullable().describe('The correction that replaced this record, if any'),
  recordedBy: z.string().nullable().describe('Who recorded it, by name'),
  recordedAt: z.string(),
});
export type ServiceRecord = z.infer<typeof ServiceRecord>;

export const CaseServices = z.object({
  current: z.array(ServiceRecord).describe('Services delivered, as last corrected, latest delivery first'),
  history: z.array(ServiceRecord).describe('Every record, corrections and corrected ones, newest first'),
});

export const GOAL_STATUSES = ['open', 'achieved', 'dropped'] as const;
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;

export const ActionOwner = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('worker'), userId: z.uuid() }).strict(),
    z.object({ kind: z.literal('person') }).strict(),
    z.object({ kind: z.literal('organisation'), organisationId: z.uuid() }).strict(),
  ])
  .describe('Who carries the action out: a worker on the case, the person themself, or an organisation');

const PlanAction = z
  .object({
    title: PlainText(300),
    owner: ActionOwner,
    dueOn: IsoDate.nullable().default(null),
    status: z.enum(ACTION_STATUSES).default('planned'),
  })
  .strict();

const PlanGoal = z
  .object({
    title: PlainText(300),
    status: z.enum(GOAL_STATUSES).default('open'),
    actions: z.array(PlanAction).max(50).default([]),
  })
  .strict();

export const PutPlanRequest = z
  .object({
    version: Int({ min: 0 }).describe('The plan’s version you read; 0 when the case has no plan yet'),
    goals: z.array(PlanGoal).max(50).describe('The whole plan, in order: it replaces the one before'),
  })
  .strict();
export type PutPlanRequest = z.infer<typeof PutPlanRequest>;

export const PlanView = z.object({
  caseId: z.uuid(),
  version: z.number().int(),
  goals: z.array(
    z.object({
      title: z.string(),
      status: z.enum(GOAL_STATUSES),
      actions: z.array(
        z.object({
          title: z.string(),
          owner: ActionOwner,
          ownerName: z.string().nullable().describe('The worker’s or organisation’s name'),
          dueOn: z.string().nullable(),
          status: z.enum(ACTION_STATUSES),
          isOverdue: z.boolean().describe('Due before today and neither done nor cancelled'),
        }),
      ),
    }),
  ),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type PlanView = z.infer<typeof PlanView>;

/** Why a case is closed, and the HTCDS status each reason gives. */
export const CLOSURE_STATUS = {
  goals_met: 'Closed',
  referred_elsewhere: 'ClosedReferred',
  declined_assistance: 'Closed',
  lost_contact: 'Closed',
  deceased: 'Closed',
  transferred_abroad: 'ClosedReferred',
  duplicate: 'Closed',
} as const satisfies Record<string, CaseStatus>;
export const ClosureReason = z
  .enum(Object.keys(CLOSURE_STATUS) as [keyof typeof CLOSURE_STATUS, ...(keyof typeof CLOSURE_STATUS)[]])
  .describe(
    'Why the case is closed: referred_elsewhere and transferred_abroad give ClosedReferred, the others Closed',
  );
export type ClosureReason = z.infer<typeof ClosureReason>;

export const REOPENING_REASONS = [
  'new_needs',
  'person_returned',
  'contact_restored',
  'closed_in_error',
  'referral_ended',
] as const;
export const ReopeningReason = z.enum(REOPENING_REASONS);

const StatusNote = Text(1000)
  .min(1)
  .nullable()
  .default(null)
  .describe('More on the reason, without names, numbers or addresses');

export const CloseCaseRequest = z
  .object({
    version: Int({ min: 1 }).describe('The case version you read'),
    reason: ClosureReason,
    note: StatusNote,
  })
  .strict();

export const ReopenCaseRequest = z
  .object({
    version: Int({ min: 1 }).describe('The case version you read'),
    reason: ReopeningReason,
    status: z.enum(['Active', 'FollowUp']).default('Active'),
    note: StatusNote,
  })
  .strict();

export const StatusEvent = z.object({
  id: z.uuid(),
  kind: z.enum(['closed', 'reopened']),
  status: CaseStatus,
  reason: z.string().describe('A closure or reopening reason code'),
  note: z.string().nullable(),
  by: z.string().nullable().describe('Who closed or reopened the case, by name'),
  at: z.string(),
});

export const MATCH_KINDS = ['name', 'date_of_birth', 'document'] as const;
export const MatchKind = z.enum(MATCH_KINDS);
export type MatchKind = z.infer<typeof MatchKind>;

export const PossibleDuplicate = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  matchedOn: z
    .array(MatchKind)
    .describe('What matched: a document number, or a name together with the date of birth'),
});
export type PossibleDuplicate = z.infer<typeof PossibleDuplicate>;
