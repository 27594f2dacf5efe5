// The commitments partners sign and the progress they report on them (migration 0050).
import { sql } from 'drizzle-orm';
import { boolean, date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../access/schema.js';
import { organisations } from '../partners/schema.js';

export const COMMITMENT_STATUSES = ['active', 'lapsed', 'withdrawn'] as const;

export const commitments = pgTable('commitments', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  /** A code of the commitment_code list. */
  code: text('code').notNull(),
  /** The name of the code or principle when `code` is `other`, and only then. */
  otherCodeName: text('other_code_name'),
  signedOn: date('signed_on').notNull(),
  /** ISO3 codes of the countries covered; empty for every country the signatory works in. */
  countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
  /** Codes of the business_sector list. */
  sectors: text('sectors').array().notNull().default(sql`'{}'::text[]`),
  undertaking: text('undertaking').notNull(),
  status: text('status', { enum: COMMITMENT_STATUSES }).notNull().default('active'),
  isPublished: boolean('is_published').notNull().default(false),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const commitmentProgressReports = pgTable('commitment_progress_reports', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  commitmentId: uuid('commitment_id')
    .notNull()
    .references(() => commitments.id),
  reportedOn: date('reported_on').notNull(),
  summary: text('summary').notNull(),
  /** Shown to the public once the commitment is published; otherwise to the signatory and coordinators. */
  isPublic: boolean('is_public').notNull().default(false),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
