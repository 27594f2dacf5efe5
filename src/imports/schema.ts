// The import_jobs table: imports that run after their request has been answered (migration 0015).
import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../access/schema.js';
import { organisations } from '../partners/schema.js';

export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    kind: text('kind').$type<'activities' | 'statistics'>().notNull(),
    state: text('state').$type<'queued' | 'running' | 'succeeded' | 'failed'>().notNull().default('queued'),
    fileName: text('file_name'),
    byteSize: bigint('byte_size', { mode: 'number' }).notNull(),
    /** The import's options as sent (format, dry run…): never the file's content. */
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    progress: jsonb('progress').$type<Record<string, unknown>>().notNull(),
    result: jsonb('result').$type<Record<string, unknown>>(),
    problem: jsonb('problem').$type<Record<string, unknown>>(),
    startedBy: uuid('started_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_jobs_started_by_idx').on(t.startedBy, t.createdAt)],
);
