// The plans' tables (migration 0044): plans, their objectives, measures, funding, links to 4W activities,
// indicators and progress reports.
import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../access/schema.js';
import { activities } from '../activities/schema.js';
import { organisations } from '../partners/schema.js';

export const plans = pgTable('plans', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  scope: text('scope').notNull(),
  countries: text('countries').array().notNull().default(sql`'{}'`),
  periodStart: date('period_start').notNull(),
  periodEnd: date('period_end').notNull(),
  coordinatorOrganisationId: uuid('coordinator_organisation_id')
    .notNull()
    .references(() => organisations.id),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const planObjectives = pgTable('plan_objectives', {
  id: uuid('id').primaryKey(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  title: text('title').notNull(),
  pillar: text('pillar').notNull(),
});

export const planMeasures = pgTable('plan_measures', {
  id: uuid('id').primaryKey(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' }),
  objectiveId: uuid('objective_id')
    .notNull()
    .references(() => planObjectives.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  title: text('title').notNull(),
  ownerOrganisationId: uuid('owner_organisation_id')
    .notNull()
    .references(() => organisations.id),
  contributingOrganisationIds: uuid('contributing_organisation_ids').array().notNull().default(sql`'{}'`),
  deadline: date('deadline'),
  budgetMinor: bigint('budget_minor', { mode: 'number' }),
  budgetCurrency: char('budget_currency', { length: 3 }),
  status: text('status').notNull().default('planned'),
  countries: text('countries').array().notNull().default(sql`'{}'`),
});

export const planMeasureActivities = pgTable(
  'plan_measure_activities',
  {
    measureId: uuid('measure_id')
      .notNull()
      .references(() => planMeasures.id, { onDelete: 'cascade' }),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.measureId, table.activityId] })],
);

export const planMeasureFunding = pgTable('plan_measure_funding', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  measureId: uuid('measure_id')
    .notNull()
    .references(() => planMeasures.id, { onDelete: 'cascade' }),
  planId: uuid('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' }),
  funderOrganisationId: uuid('funder_organisation_id')
    .notNull()
    .references(() => organisations.id),
  currency: char('currency', { length: 3 }).notNull(),
  committedMinor: bigint('committed_minor', { mode: 'number' }).notNull(),
  spentMinor: bigint('spent_minor', { mode: 'number' }).notNull(),
});

export const planIndicators = pgTable('plan_indicators', {
  id: uuid('id').primaryKey(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' }),
  measureId: uuid('measure_id')
    .notNull()
    .references(() => planMeasures.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  definition: text('definition').notNull().default(''),
  unit: text('unit').notNull(),
  direction: text('direction').notNull(),
  baseline: jsonb('baseline'),
  disaggregatedBaselines: jsonb('disaggregated_baselines').notNull().default([]),
  targets: jsonb('targets').notNull().default([]),
  disaggregatedBy: text('disaggregated_by').array().notNull().default(sql`'{}'`),
  source: jsonb('source').notNull().default({ kind: 'manual' }),
});

export const planProgressReports = pgTable('plan_progress_reports', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  planId: uuid('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' }),
  indicatorId: uuid('indicator_id')
    .notNull()
    .references(() => planIndicators.id, { onDelete: 'cascade' }),
  periodStart: date('period_start').notNull(),
  periodEnd: date('period_end').notNull(),
  sex: text('sex'),
  age: text('age'),
  value: doublePrecision('value'),
  narrative: text('narrative').notNull().default(''),
  evidenceLinks: text('evidence_links').array().notNull().default(sql`'{}'`),
  status: text('status').notNull(),
  sourceNote: text('source_note'),
  submittedBy: uuid('submitted_by').references(() => users.id),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  approvedBy: uuid('approved_by').references(() => users.id),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
});
