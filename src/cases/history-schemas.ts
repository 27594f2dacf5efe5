// API shape of a case's history: each audit entry on the case as an event with the names it needs, so that
// the interface can say it as a sentence in the reader's language (never ids, never personal data).
import { z } from 'zod';
import { AuditOutcome } from '../audit/schemas.js';
import { QueryInt } from '../platform/fields.js';
import { CaseStatus, ConsentDecision, ConsentPurpose } from './schemas.js';
import { Outcome } from './screening/schemas.js';

export const HISTORY_EVENTS = [
  'case_opened',
  'case_received',
  'case_changed',
  'screened',
  'consent_recorded',
  'worker_assigned',
  'worker_unassigned',
  'person_opened',
  'person_changed',
  'referral_made',
  'referral_moved',
  'referral_opened',
  'referral_packaged',
  'break_glass_requested',
  'break_glass_reviewed',
  'other',
] as const;
export const HistoryEvent = z.enum(HISTORY_EVENTS);
export type HistoryEvent = z.infer<typeof HistoryEvent>;

export const CaseHistoryEntry = z.object({
  seq: z.number().int().describe('Position in the audit chain'),
  at: z.string(),
  actorName: z.string().nullable().describe('Who did it, by name; null for the system'),
  event: HistoryEvent,
  action: z.string().describe('The `noun.verb` action recorded, for events without a sentence of their own'),
  outcome: AuditOutcome,
  organisationName: z.string().nullable().describe('The organisation the entry was recorded for'),
  reason: z.string().nullable().describe('Given for overrides and break-glass'),
  status: CaseStatus.nullable().describe('The status the case was given'),
  facts: z.array(z.string()).describe('The facts changed, by field name'),
  personFields: z.array(z.string()).describe('The personal data fields changed, by field name'),
  workerName: z.string().nullable().describe('Who was assigned or taken off the case'),
  screeningOutcomes: z.array(Outcome),
  consent: z
    .object({ purpose: ConsentPurpose, decision: ConsentDecision, recipientName: z.string().nullable() })
    .nullable(),
  referral: z
    .object({
      toOrganisationName: z.string().nullable(),
      service: z.string().nullable(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      consentOverride: z.boolean(),
    })
    .nullable(),
});
export type CaseHistoryEntry = z.infer<typeof CaseHistoryEntry>;

export const CaseHistoryQuery = z
  .object({
    limit: QueryInt({ min: 1, max: 200 }).default(50),
    before: QueryInt({ min: 1, max: Number.MAX_SAFE_INTEGER })
      .optional()
      .describe('Entries older than this seq (the nextBefore of the previous page)'),
  })
  .strict();

export const CaseHistory = z.object({
  data: z.array(CaseHistoryEntry).describe('Newest first'),
  nextBefore: z
    .number()
    .int()
    .nullable()
    .describe('Pass as `before` for older entries; null on the last page'),
});
