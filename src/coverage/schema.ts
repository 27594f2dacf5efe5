// The need that coverage is measured against, entered per country by coordinators until statistics exist.
import { sql } from 'drizzle-orm';
import { char, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../access/schema.js';
import { countries } from '../reference/schema.js';

export const NEED_LEVELS = ['low', 'medium', 'high'] as const;

/**
 * One statement of need: in a country, for a period of years, optionally narrowed to a pillar,
 * a form of exploitation and a target group (null means "any"), with an estimate of the people concerned.
 */
export const coverageNeeds = pgTable(
  'coverage_needs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    iso3: char('iso3', { length: 3 })
      .notNull()
      .references(() => countries.iso3),
    pillar: text('pillar'),
    form: text('form'),
    targetGroup: text('target_group'),
    fromYear: integer('from_year').notNull(),
    toYear: integer('to_year').notNull(),
    level: text('level', { enum: NEED_LEVELS }).notNull(),
    /** Estimated people in need (for example presumed victims); null when only the level is known. */
    peopleInNeed: integer('people_in_need'),
    source: text('source'),
    note: text('note'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('coverage_needs_country_idx').on(t.iso3, t.fromYear),
    check('coverage_needs_level_check', sql`${t.level} in ('low','medium','high')`),
    check('coverage_needs_years_check', sql`${t.fromYear} <= ${t.toYear}`),
  ],
);
