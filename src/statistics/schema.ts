// Official statistics: releases of a publisher's data, their observations, and per-release roll-ups.
import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../access/schema.js';

/**
 * One release of a source (for example the UNODC Global Report data of 2024). Several releases of a
 * source live side by side; the newest (by publication date, then by first import) is the default.
 */
export const statisticReleases = pgTable(
  'statistic_releases',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** glotip, sdg, demo, or the name a mapping file gives a generic CSV source. */
    source: text('source').notNull(),
    label: text('label').notNull(),
    publisher: text('publisher').notNull(),
    publishedOn: date('published_on'),
    /** Invented figures (the demo dataset) — never to be read as a publisher's. */
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    fileName: text('file_name'),
    observationCount: integer('observation_count').notNull().default(0),
    rejectedCount: integer('rejected_count').notNull().default(0),
    /** The import report, with its list of rejected rows capped (see import/report.ts). */
    report: jsonb('report').$type<Record<string, unknown>>().notNull().default({}),
    importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('statistic_releases_source_label_key').on(t.source, t.label)],
);

/**
 * One published figure. Sex, age and the publisher's one further breakdown (dimension + category) are kept
 * as published, with "Total" where the figure is not broken down; the *_code columns hold our vocabulary's
 * code where the published term maps to one. A censored value ("<5") keeps its bounds and its text.
 * No foreign key on iso3 either: the importer checks countries once per distinct code, not per row.
 */
export const statisticObservations = pgTable(
  'statistic_observations',
  {
    /**
     * The table is partitioned by release (see migration 0004): an import fills a new partition without
     * indexes, indexes it once, and swaps it for the old one. No foreign key, so that attaching a partition
     * needs no check of every row; a release's partition is dropped with it (statistic_release_drop).
     */
    releaseId: uuid('release_id').notNull(),
    /** The row of the file it came from (spreadsheet numbering), so every figure can be traced. */
    rowNo: integer('row_no').notNull(),
    /**
     * The import's number for the row's cell (indicator, unit, year, sex, age, dimension, category), so that
     * roll-ups group on one integer instead of seven texts. Meaningful within a release only.
     */
    cellId: integer('cell_id').notNull(),
    indicator: text('indicator').notNull(),
    unit: text('unit').notNull(),
    /** A country, or null when the publisher gave a figure for an area (m49). */
    iso3: char('iso3', { length: 3 }),
    /** An M49 area (three digits) or the code of an area the publisher defines (statistic_publisher_areas). */
    m49: text('m49'),
    year: smallint('year').notNull(),
    sex: text('sex').notNull(),
    age: text('age').notNull(),
    dimension: text('dimension').notNull(),
    category: text('category').notNull(),
    sexCode: text('sex_code'),
    ageCode: text('age_code'),
    categoryCode: text('category_code'),
    valueLower: numeric('value_lower').notNull(),
    /** Null when the value has no upper bound (">1000"). */
    valueUpper: numeric('value_upper'),
    isCensored: boolean('is_censored').notNull(),
    /** The value exactly as published ("<5", "12"). */
    valueText: text('value_text').notNull(),
    source: text('source'),
    note: text('note'),
  },
  // No primary key: the importer numbers rows uniquely, and every index costs time on millions of rows.
  (t) => [
    // Each release is a partition, so the index need not lead with release_id; short keys build fast.
    // Queries find their cells first (statistic_cells), then the rows by country and cell.
    index('statistic_observations_area_idx').on(t.iso3, t.cellId),
    check('statistic_observations_area_check', sql`(${t.iso3} is null) <> (${t.m49} is null)`),
  ],
);

/**
 * Country figures summed into every M49 area that holds them (world, regions, sub-regions, intermediate
 * regions), per release, computed at import so that world and regional queries read a few hundred rows.
 */
export const statisticRollups = pgTable(
  'statistic_rollups',
  {
    /**
     * Partitioned by release like observations (migration 0021): an import COPYs a release's roll-ups into a
     * new table, indexes it once and swaps it in. No foreign key: an import writes a million roll-ups and a
     * key checked each of them. A trigger removes a deleted release's roll-ups instead (migration 0017).
     */
    releaseId: uuid('release_id').notNull(),
    indicator: text('indicator').notNull(),
    m49: char('m49', { length: 3 }).notNull(),
    dimension: text('dimension').notNull(),
    age: text('age').notNull(),
    sex: text('sex').notNull(),
    category: text('category').notNull(),
    year: smallint('year').notNull(),
    unit: text('unit').notNull(),
    sexCode: text('sex_code'),
    ageCode: text('age_code'),
    categoryCode: text('category_code'),
    valueLower: numeric('value_lower').notNull(),
    valueUpper: numeric('value_upper'),
    isCensored: boolean('is_censored').notNull(),
    /** How many countries' figures were summed. */
    countries: integer('countries').notNull(),
  },
  // Unique per release by construction (one row per cell and area); each release is a partition, so a short
  // index without release_id serves the queries.
  (t) => [index('statistic_rollups_lookup_idx').on(t.indicator, t.m49, t.dimension)],
);

/**
 * A release's cells under the numbers its observations carry (cell_id): a query looks up the few cells it
 * asks for here, then their rows through the observations' (iso3, cell_id) index. Written once by the import.
 */
export const statisticCells = pgTable(
  'statistic_cells',
  {
    releaseId: uuid('release_id')
      .notNull()
      .references(() => statisticReleases.id, { onDelete: 'cascade' }),
    cellId: integer('cell_id').notNull(),
    indicator: text('indicator').notNull(),
    unit: text('unit').notNull(),
    year: smallint('year').notNull(),
    sex: text('sex').notNull(),
    age: text('age').notNull(),
    dimension: text('dimension').notNull(),
    category: text('category').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.releaseId, t.cellId] }),
    index('statistic_cells_lookup_idx').on(t.releaseId, t.indicator, t.dimension),
  ],
);

/** Which countries gave any figure for an indicator, year and breakdown: a roll-up names those that did not. */
export const statisticCoverage = pgTable(
  'statistic_coverage',
  {
    releaseId: uuid('release_id')
      .notNull()
      .references(() => statisticReleases.id, { onDelete: 'cascade' }),
    indicator: text('indicator').notNull(),
    dimension: text('dimension').notNull(),
    year: smallint('year').notNull(),
    iso3: char('iso3', { length: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.indicator, t.dimension, t.year, t.iso3] })],
);

/** What a release holds: each indicator's breakdowns and categories, for catalogues and dashboards. */
export const statisticCategories = pgTable(
  'statistic_categories',
  {
    releaseId: uuid('release_id')
      .notNull()
      .references(() => statisticReleases.id, { onDelete: 'cascade' }),
    indicator: text('indicator').notNull(),
    /** "sex", "age", or the publisher's dimension name. */
    dimension: text('dimension').notNull(),
    category: text('category').notNull(),
    categoryCode: text('category_code'),
    observations: integer('observations').notNull(),
    fromYear: smallint('from_year').notNull(),
    toYear: smallint('to_year').notNull(),
    units: text('units').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.indicator, t.dimension, t.category] })],
);

/**
 * Areas a publisher gives figures for under its own definition: its regional codes ("SAM"), joint areas
 * ("Aruba/Curacao") and territories without an ISO code ("Sark"). Their figures are shown as the
 * publisher's, never added into the roll-ups of countries.
 */
export const statisticPublisherAreas = pgTable(
  'statistic_publisher_areas',
  {
    releaseId: uuid('release_id')
      .notNull()
      .references(() => statisticReleases.id, { onDelete: 'cascade' }),
    /** The publisher's code, or one derived from the members ("ABW+CUW") or the name ("SARK"). */
    code: text('code').notNull(),
    kind: text('kind').$type<'region' | 'joint' | 'territory'>().notNull(),
    names: jsonb('names').$type<Record<string, string>>().notNull(),
    /** The M49 area whose countries the publisher's area holds, where it is one. */
    sameAsM49: char('same_as_m49', { length: 3 }),
    parentM49: char('parent_m49', { length: 3 }),
    members: char('members', { length: 3 }).array().notNull().default(sql`'{}'`),
    observations: integer('observations').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.releaseId, t.code] }),
    check('statistic_publisher_areas_kind_check', sql`${t.kind} in ('region', 'joint', 'territory')`),
    check('statistic_publisher_areas_code_check', sql`${t.code} !~ '^[0-9]{3}$'`),
  ],
);

/**
 * Rows of a file that repeat an earlier row's cell and area: kept as published, never counted. The first
 * row's figure is the one queries use; a repeat with another value is a question for the publisher.
 */
export const statisticRepeatedRows = pgTable(
  'statistic_repeated_rows',
  {
    releaseId: uuid('release_id')
      .notNull()
      .references(() => statisticReleases.id, { onDelete: 'cascade' }),
    rowNo: integer('row_no').notNull(),
    firstRowNo: integer('first_row_no'),
    cellId: integer('cell_id').notNull(),
    area: text('area').notNull(),
    valueText: text('value_text').notNull(),
    isIdentical: boolean('is_identical').notNull(),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.rowNo] })],
);
