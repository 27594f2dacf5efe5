// The 4W register: who does what, where, for whom and when; every change is kept as a version.
import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../access/schema.js';
import { coordinationMechanisms, organisations } from '../partners/schema.js';

/** A country the activity concerns, in one role, with optional places below country level. */
export type ActivityCountryValue = {
  iso3: string;
  role: string;
  places: string[];
  percentage?: number | null;
};
/** A narrative of an IATI file in its language (`lang` null when the file names none). */
export type NarrativeValue = { lang: string | null; text: string };
/** Every title and description narrative an activity was published with. */
export type ActivityNarrativesValue = {
  title?: NarrativeValue[];
  description?: (NarrativeValue & { type: string })[];
};
/** An IATI recipient region: its code in a vocabulary (1 = OECD DAC regions, 2 = UN M49, 99 = the publisher's). */
export type RecipientRegionValue = {
  code: string;
  vocabulary: string;
  vocabularyUri: string | null;
  percentage: number | null;
};
/** Why an import suggests (or could not find) a classification: a sector, SDG target or words of the text. */
export type ClassificationHintValue = {
  source: string;
  isTraffickingSignal: boolean;
  pillar?: string;
  activityType?: string;
  forms?: string[];
  targetGroups?: string[];
};

/** An organisation taking part, by IATI role; `organisationId` is null when it is not in the registry. */
export type ActivityParticipantValue = {
  organisationId: string | null;
  name: string;
  ref: string | null;
  role: string;
};
/** People counts keyed `<sex>_<age group>` (for example `female_children`). */
export type PeopleCountsValue = Partial<Record<string, number>>;

export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** Stable key across systems (IATI identifier or the file's own); re-imports update by it. */
    identifier: text('identifier').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    leadOrganisationId: uuid('lead_organisation_id')
      .notNull()
      .references(() => organisations.id),
    participants: jsonb('participants').$type<ActivityParticipantValue[]>().notNull().default([]),
    /** The lead organisation and every implementing participant in the registry, kept by the store for set-based counts. */
    organisationIds: uuid('organisation_ids').array().notNull(),
    /** Null with the activity type while the activity awaits classification. */
    pillar: text('pillar'),
    activityType: text('activity_type'),
    /** Imported without a counter-trafficking classification; listed for classification, left out of coverage. */
    needsClassification: boolean('needs_classification')
      .notNull()
      .generatedAlwaysAs(sql`activity_type is null`),
    classificationHints: jsonb('classification_hints')
      .$type<ClassificationHintValue[]>()
      .notNull()
      .default([]),
    forms: text('forms').array().notNull().default(sql`'{}'::text[]`),
    targetGroups: text('target_groups').array().notNull().default(sql`'{}'::text[]`),
    chainStage: text('chain_stage'),
    countries: jsonb('countries').$type<ActivityCountryValue[]>().notNull().default([]),
    /** The ISO3 codes of `countries`, kept by the store for indexed filtering. */
    countryCodes: text('country_codes').array().notNull().default(sql`'{}'::text[]`),
    recipientRegions: jsonb('recipient_regions').$type<RecipientRegionValue[]>().notNull().default([]),
    /** Title and description in every language the publisher wrote them in. */
    narratives: jsonb('narratives').$type<ActivityNarrativesValue>().notNull().default({}),
    plannedStart: date('planned_start'),
    plannedEnd: date('planned_end'),
    actualStart: date('actual_start'),
    actualEnd: date('actual_end'),
    status: text('status').notNull(),
    budgetAmount: numeric('budget_amount', { precision: 18, scale: 2, mode: 'number' }),
    budgetCurrency: char('budget_currency', { length: 3 }),
    funderName: text('funder_name'),
    peopleTargeted: jsonb('people_targeted').$type<PeopleCountsValue>().notNull().default({}),
    peopleReached: jsonb('people_reached').$type<PeopleCountsValue>().notNull().default({}),
    targetedTotal: integer('targeted_total'),
    reachedTotal: integer('reached_total'),
    genderMarker: text('gender_marker'),
    coordinationMechanismId: uuid('coordination_mechanism_id').references(() => coordinationMechanisms.id, {
      onDelete: 'set null',
    }),
    source: text('source'),
    reportedBy: text('reported_by'),
    reportedOn: date('reported_on'),
    isPublished: boolean('is_published').notNull().default(false),
    isIllustrative: boolean('is_illustrative').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('activities_identifier_key').on(t.identifier),
    index('activities_lead_idx').on(t.leadOrganisationId),
    index('activities_pillar_type_idx').on(t.pillar, t.activityType),
    index('activities_mechanism_idx')
      .on(t.coordinationMechanismId)
      .where(sql`${t.coordinationMechanismId} is not null`),
    index('activities_needs_classification_idx').on(t.identifier).where(sql`${t.needsClassification}`),
  ],
);

/** One row per change of an activity: who, when, what kind of change and the full record after it. */
export const activityVersions = pgTable(
  'activity_versions',
  {
    activityId: uuid('activity_id').notNull(),
    version: integer('version').notNull(),
    change: text('change', { enum: ['created', 'updated', 'deleted'] }).notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    /** How the change came: the API, an import (with the file name) or the demo loader. */
    via: text('via').notNull(),
    leadOrganisationId: uuid('lead_organisation_id').notNull(),
    isPublished: boolean('is_published').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.version] })],
);
