// The releases' tables: privacy budgets per dataset and the releases themselves (migration 0043).
import { sql } from 'drizzle-orm';
import { doublePrecision, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../access/schema.js';
import { organisations } from '../partners/schema.js';
import { bytea } from '../platform/column-types.js';

export const releaseBudgets = pgTable('release_budgets', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  /** `cases:<organisation id>` for an organisation's case data, `file:<sha-256>` for a file. */
  datasetKey: text('dataset_key').notNull().unique(),
  label: text('label').notNull(),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  totalRho: doublePrecision('total_rho').notNull(),
  spentRho: doublePrecision('spent_rho').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const releases = pgTable('releases', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  title: text('title').notNull(),
  kind: text('kind').notNull(),
  method: text('method').notNull(),
  status: text('status').notNull().default('draft'),
  sourceKind: text('source_kind').notNull(),
  sourceLabel: text('source_label').notNull(),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  budgetId: uuid('budget_id').references(() => releaseBudgets.id),
  inputRows: integer('input_rows').notNull(),
  inputChecksum: text('input_checksum').notNull(),
  columns: jsonb('columns').notNull(),
  parameters: jsonb('parameters').notNull(),
  privacy: jsonb('privacy').notNull(),
  evaluation: jsonb('evaluation').notNull(),
  softwareVersion: text('software_version').notNull(),
  seed: text('seed'),
  outputRows: integer('output_rows').notNull(),
  outputChecksum: text('output_checksum').notNull(),
  outputCsvGzip: bytea('output_csv_gzip').notNull(),
  reportHtml: text('report_html').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  publishedBy: uuid('published_by').references(() => users.id),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
});
