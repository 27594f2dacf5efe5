// Partner organisations: every record in Concerted says which of them holds it.
import { sql } from 'drizzle-orm';
import { char, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { countries } from '../reference/schema.js';
import type { Labels } from '../reference/schemas.js';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    /** The name in other UN languages, where the organisation uses one. */
    names: jsonb('names').$type<Partial<Labels>>().notNull().default({}),
    acronym: text('acronym'),
    /** A code of the actor_type list. */
    actorType: text('actor_type').notNull(),
    headquartersIso3: char('headquarters_iso3', { length: 3 }).references(() => countries.iso3),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organisations_name_key').on(sql`lower(${t.name})`),
    index('organisations_actor_type_idx').on(t.actorType),
  ],
);
