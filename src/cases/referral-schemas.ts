// API shapes of referrals. What the receiver sees is the case code, the service and, while the referral is
// open and consent allows, only the fields the service needs.
import { z } from 'zod';
import { IsoDate, PlainText } from '../platform/fields.js';
import { CrossBorderStage, Reason, ReferralStatus, Service } from './referral-rules.js';
import { CaseCode, CaseFacts, PersonData } from './schemas.js';

export const CreateReferralRequest = z
  .object({
    toOrganisationId: z.uuid().describe('The organisation asked to help'),
    service: Service,
    dueOn: IsoDate.nullable().default(null).describe('By when an answer or the service is needed'),
    note: PlainText(1000)
      .nullable()
      .default(null)
      .describe('What the receiver needs to know to act; never a name or other personal data'),
    crossBorder: z.boolean().default(false).describe('The receiver is in another country'),
    stage: CrossBorderStage.nullable().default(null).describe('For a cross-border referral, its stage'),
    consentOverride: z
      .object({ reason: Reason })
      .strict()
      .optional()
      .describe(
        'A case manager may refer without the person’s consent to share with this organisation, giving the reason: it is audited and shown on the case',
      ),
  })
  .strict();
export type CreateReferralRequest = z.infer<typeof CreateReferralRequest>;

export const ReferralTransitionRequest = z
  .object({
    status: ReferralStatus,
    reason: Reason.optional().describe('Required to decline or close'),
    version: z.number().int().min(1).describe('The version you read'),
  })
  .strict();

export const ReferralEvent = z.object({
  status: ReferralStatus,
  reason: z.string().nullable(),
  by: z.string().nullable().describe('Who, by name'),
  at: z.string(),
});

export const ReferralView = z.object({
  id: z.uuid(),
  caseId: z.uuid().nullable().describe('Only for those who work on the case itself'),
  caseCode: CaseCode.nullable(),
  fromOrganisationId: z.uuid(),
  fromOrganisationName: z.string(),
  toOrganisationId: z.uuid(),
  toOrganisationName: z.string(),
  service: Service,
  status: ReferralStatus,
  open: z.boolean(),
  overdue: z.boolean().describe('Open and past its due date'),
  dueOn: z.string().nullable(),
  crossBorder: z.boolean(),
  stage: CrossBorderStage.nullable(),
  note: z.string().nullable(),
  consentOverride: z
    .object({ reason: z.string(), by: z.string().nullable() })
    .nullable()
    .describe('Referred without consent, by a case manager’s decision'),
  sharedPersonFields: z.array(z.string()),
  sharedFacts: z.array(z.string()),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  events: z.array(ReferralEvent),
});
export type ReferralView = z.infer<typeof ReferralView>;

export const SharedWithReceiver = z.object({
  available: z.boolean().describe('False once the referral is closed or consent was withdrawn or expired'),
  facts: CaseFacts,
  person: PersonData,
});

export const ReferralDetail = ReferralView.extend({
  shared: SharedWithReceiver.nullable().describe('For the receiving organisation: what the referral carries'),
  side: z.enum(['sender', 'receiver']).describe('Whether the reader’s organisation sent or receives it'),
  nextSteps: z
    .array(z.object({ status: ReferralStatus, needsReason: z.boolean() }))
    .describe('The changes the reader’s side may make now, each saying whether it needs a reason'),
});

export const ReferralListQuery = z
  .object({
    box: z
      .enum(['inbox', 'sent'])
      .default('inbox')
      .describe('Referrals to one’s organisations, or from them'),
    status: ReferralStatus.optional(),
    overdue: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
