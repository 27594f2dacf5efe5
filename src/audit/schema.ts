// The audit trail: append-only, each entry chained to the one before by a SHA-256 hash.
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditEntries = pgTable(
  'audit_entries',
  {
    /** Position in the chain, gap-free: entries are appended under a lock. */
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** Null for anonymous requests and the system itself. */
    actorUserId: uuid('actor_user_id'),
    /** How the actor was acting: session, token, cli or system. */
    actorVia: text('actor_via').notNull(),
    action: text('action').notNull(),
    /** allowed, denied or failed. */
    outcome: text('outcome').notNull(),
    resourceType: text('resource_type'),
    resourceId: text('resource_id'),
    /** The organisation whose record it is; its administrators see the entry. */
    organisationId: uuid('organisation_id'),
    reason: text('reason'),
    ipAddress: text('ip_address'),
    requestId: text('request_id'),
    /** What changed, by field name; never the personal data itself. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_entries_actor_idx').on(t.actorUserId, t.at),
    index('audit_entries_resource_idx').on(t.resourceType, t.resourceId),
    index('audit_entries_organisation_idx').on(t.organisationId, t.at),
    index('audit_entries_at_idx').on(t.at),
  ],
);
