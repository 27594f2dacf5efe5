// API shapes for the audit trail; the web app imports these so that API and UI agree.
import { z } from 'zod';
import { IsoDateTime, QueryInt, Text } from '../platform/fields.js';

export const AuditActorVia = z.enum(['session', 'token', 'cli', 'system', 'anonymous']);
export type AuditActorVia = z.infer<typeof AuditActorVia>;

export const AuditOutcome = z.enum(['allowed', 'denied', 'failed']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

export const AuditEntry = z.object({
  seq: z.number().int().positive().describe('Position in the chain, from 1 with no gaps'),
  at: z.string().describe('When it happened (ISO 8601, UTC, milliseconds)'),
  actorUserId: z.string().nullable().describe('Null for anonymous requests and the system itself'),
  actorName: z.string().nullable().describe('The actor’s display name'),
  actorVia: AuditActorVia,
  action: z.string().describe('The `noun.verb` action, for example "organisations.update"'),
  outcome: AuditOutcome,
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  resourceName: z
    .string()
    .nullable()
    .describe('What the record is called (organisations, people, activities), when the requester may see it'),
  organisationId: z.string().nullable().describe('The organisation whose record it is'),
  organisationName: z.string().nullable(),
  reason: z.string().nullable().describe('Given for overrides and break-glass'),
  ipAddress: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).describe('What changed, by field name; never personal data'),
  prevHash: z.string().describe('The previous entry’s hash (64 zeros before the first entry)'),
  hash: z.string().describe('SHA-256 of prevHash and this entry’s content, hex'),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditEntryList = z.object({
  data: z.array(AuditEntry).describe('Newest first'),
  nextBefore: z
    .number()
    .int()
    .nullable()
    .describe('Pass as `before` to get the next (older) page; null on the last page'),
});
export type AuditEntryList = z.infer<typeof AuditEntryList>;

export const AuditQuery = z
  .object({
    userId: z.uuid().optional().describe('Only entries by this user'),
    user: Text(200).min(1).optional().describe('Only entries by people whose name or email contains this'),
    action: Text(100).min(1).optional(),
    resourceType: Text(100).min(1).optional(),
    resourceId: Text(200).min(1).optional(),
    organisationId: z.uuid().optional(),
    from: IsoDateTime.optional().describe('Entries at or after this time'),
    to: IsoDateTime.optional().describe('Entries before this time (exclusive)'),
    limit: QueryInt({ min: 1, max: 500 }).default(100),
    before: QueryInt({ min: 1, max: Number.MAX_SAFE_INTEGER })
      .optional()
      .describe('Entries with a smaller seq (a cursor)'),
  })
  .strict();
/** Filters as parsed by `AuditQuery` (defaults applied). */
export type AuditFilters = z.output<typeof AuditQuery>;
