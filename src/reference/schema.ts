// Tables for reference data: countries, UN M49 areas and the shared code lists.
import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { Labels } from './schemas.js';

/** UN M49 areas: the world, regions, sub-regions and intermediate regions. */
export const m49Areas = pgTable(
  'm49_areas',
  {
    code: char('code', { length: 3 }).primaryKey(),
    level: text('level', { enum: ['world', 'region', 'subregion', 'intermediate'] }).notNull(),
    parentCode: char('parent_code', { length: 3 }),
    names: jsonb('names').$type<Labels>().notNull(),
  },
  (t) => [index('m49_areas_parent_idx').on(t.parentCode)],
);

/** ISO 3166-1 countries and territories with their place in M49. */
export const countries = pgTable(
  'countries',
  {
    iso3: char('iso3', { length: 3 }).primaryKey(),
    iso2: char('iso2', { length: 2 }).notNull().unique(),
    numeric: char('numeric', { length: 3 }).notNull().unique(),
    regionCode: char('region_code', { length: 3 }).references(() => m49Areas.code),
    subregionCode: char('subregion_code', { length: 3 }).references(() => m49Areas.code),
    intermediateRegionCode: char('intermediate_region_code', { length: 3 }).references(() => m49Areas.code),
    names: jsonb('names').$type<Labels>().notNull(),
  },
  (t) => [
    index('countries_region_idx').on(t.regionCode),
    index('countries_subregion_idx').on(t.subregionCode),
  ],
);

/** A named, versioned vocabulary (pillar, form of exploitation, target group, …). */
export const codeLists = pgTable('code_lists', {
  name: text('name').primaryKey(),
  version: text('version').notNull(),
  labels: jsonb('labels').$type<Labels>().notNull(),
  description: jsonb('description').$type<Labels>(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/** One code of a code list. `parentCode` links, for example, an activity type to its pillar. */
export const codes = pgTable(
  'codes',
  {
    listName: text('list_name')
      .notNull()
      .references(() => codeLists.name, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    parentList: text('parent_list'),
    parentCode: text('parent_code'),
    sortOrder: integer('sort_order').notNull(),
    labels: jsonb('labels').$type<Labels>().notNull(),
    isDeprecated: boolean('is_deprecated').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.listName, t.code] })],
);

/** Which datasets have been loaded, so seeding is idempotent and demo data is labelled. */
export const datasetLoads = pgTable('dataset_loads', {
  name: text('name').primaryKey(),
  version: text('version').notNull(),
  isIllustrative: boolean('is_illustrative').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().default(sql`now()`),
});
