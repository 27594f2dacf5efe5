// Partner organisations, their focal points and the coordination mechanisms they meet in.
import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
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
    /** ISO3 codes of the countries where the organisation works. */
    countriesOfOperation: text('countries_of_operation').array().notNull().default(sql`'{}'::text[]`),
    mandate: text('mandate'),
    website: text('website'),
    /** The IATI organisation identifier (for example `GB-CHC-202918`); files name organisations by it. */
    iatiIdentifier: text('iati_identifier'),
    /** The IATI OrganisationType code the organisation was published with (for example `21`). */
    iatiOrganisationType: text('iati_organisation_type'),
    /** Registered by an import from what a file said, not yet reviewed by a coordinator. */
    isProvisional: boolean('is_provisional').notNull().default(false),
    /** How a provisional organisation came (for example "IATI import example.xml"). */
    registeredVia: text('registered_via'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organisations_name_key').on(sql`lower(${t.name})`),
    index('organisations_actor_type_idx').on(t.actorType),
    uniqueIndex('organisations_iati_identifier_key').on(sql`lower(${t.iatiIdentifier})`),
    index('organisations_provisional_idx').on(t.name).where(sql`${t.isProvisional}`),
  ],
);

/** A person an organisation names as its contact on a topic; the public sees who, partners how to reach them. */
export const focalPoints = pgTable(
  'focal_points',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: text('position'),
    /** What the person is the contact for (for example "referrals", "data"). */
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('focal_points_organisation_idx').on(t.organisationId)],
);

/** Contact details of a focal point, in their own table so that row-level security hides them from the public. */
export const focalPointContacts = pgTable('focal_point_contacts', {
  focalPointId: uuid('focal_point_id')
    .primaryKey()
    .references(() => focalPoints.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  email: text('email'),
  phone: text('phone'),
});

export const MECHANISM_KINDS = [
  'national_task_force',
  'national_referral_mechanism',
  'inter_agency_group',
  'regional_network',
  'working_group',
  'other',
] as const;
export const MECHANISM_MEMBER_ROLES = ['chair', 'secretariat', 'member', 'observer'] as const;

/** A national task force, an inter-agency group, a regional network: where partners coordinate. */
export const coordinationMechanisms = pgTable(
  'coordination_mechanisms',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    names: jsonb('names').$type<Partial<Labels>>().notNull().default({}),
    acronym: text('acronym'),
    kind: text('kind', { enum: MECHANISM_KINDS }).notNull(),
    /** ISO3 codes of the countries it covers (one for a national body, several for a regional network). */
    countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
    mandate: text('mandate'),
    establishedOn: date('established_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('coordination_mechanisms_name_key').on(sql`lower(${t.name})`),
    check(
      'coordination_mechanisms_kind_check',
      sql`${t.kind} in ('national_task_force','national_referral_mechanism','inter_agency_group','regional_network','working_group','other')`,
    ),
  ],
);

export const mechanismMembers = pgTable(
  'mechanism_members',
  {
    mechanismId: uuid('mechanism_id')
      .notNull()
      .references(() => coordinationMechanisms.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: MECHANISM_MEMBER_ROLES }).notNull().default('member'),
    joinedOn: date('joined_on'),
    leftOn: date('left_on'),
  },
  (t) => [
    primaryKey({ columns: [t.mechanismId, t.organisationId] }),
    index('mechanism_members_organisation_idx').on(t.organisationId),
    check('mechanism_members_role_check', sql`${t.role} in ('chair','secretariat','member','observer')`),
  ],
);

export const mechanismMeetings = pgTable(
  'mechanism_meetings',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    mechanismId: uuid('mechanism_id')
      .notNull()
      .references(() => coordinationMechanisms.id, { onDelete: 'cascade' }),
    heldOn: date('held_on').notNull(),
    title: text('title').notNull(),
    place: text('place'),
    summary: text('summary'),
    /** Organisations that attended. */
    attendeeIds: uuid('attendee_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mechanism_meetings_mechanism_idx').on(t.mechanismId, t.heldOn)],
);
