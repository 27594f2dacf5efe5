// Cases, their assigned workers, the persons' sealed personal data and the master keys' ids.
import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../access/schema.js';
import { organisations } from '../partners/schema.js';
import { bytea } from '../platform/column-types.js';

export const masterKeys = pgTable('master_keys', {
  id: text('id').primaryKey(),
  isCurrent: boolean('is_current').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    code: text('code').notNull(),
    status: text('status').notNull().default('Active'),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    sex: text('sex'),
    gender: text('gender'),
    ageBandAtIdentification: text('age_band_at_identification'),
    ageBandWhenTrafficked: text('age_band_when_trafficked'),
    citizenship: char('citizenship', { length: 3 }),
    recruitmentCountries: char('recruitment_countries', { length: 3 }).array().notNull().default(sql`'{}'`),
    transitCountries: char('transit_countries', { length: 3 }).array().notNull().default(sql`'{}'`),
    exploitationCountries: char('exploitation_countries', { length: 3 }).array().notNull().default(sql`'{}'`),
    formsOfExploitation: text('forms_of_exploitation').array().notNull().default(sql`'{}'`),
    sector: text('sector'),
    meansOfControl: text('means_of_control').array().notNull().default(sql`'{}'`),
    recruitmentChannel: text('recruitment_channel'),
    recruiterRelation: text('recruiter_relation'),
    closureReason: text('closure_reason'),
    reflectionStartsOn: date('reflection_starts_on'),
    reflectionEndsOn: date('reflection_ends_on'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('cases_code_key').on(t.code),
    index('cases_organisation_idx').on(t.organisationId, t.updatedAt),
  ],
);

export const caseWorkers = pgTable(
  'case_workers',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] }), index('case_workers_user_idx').on(t.userId)],
);

/** Field name → value sealed with the person's data key (see person/envelope.ts). */
export type SealedFields = Record<string, string>;

export const persons = pgTable('persons', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  masterKeyId: text('master_key_id')
    .notNull()
    .references(() => masterKeys.id),
  wrappedDataKey: text('wrapped_data_key').notNull(),
  fields: jsonb('fields').$type<SealedFields>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const personFiles = pgTable('person_files', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  caseId: uuid('case_id')
    .notNull()
    .references(() => persons.caseId, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  sealedName: text('sealed_name').notNull(),
  sealedMediaType: text('sealed_media_type').notNull(),
  content: bytea('content').notNull(),
  byteSize: integer('byte_size').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Screenings kept on a case (append-only): the answers, the rule version and the outcomes it gave. */
export const caseScreenings = pgTable(
  'case_screenings',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    rulesVersion: text('rules_version').notNull(),
    ageAtRecruitment: integer('age_at_recruitment'),
    answers: jsonb('answers').$type<Record<string, string>>().notNull(),
    indicators: text('indicators').array().notNull().default(sql`'{}'`),
    outcomes: text('outcomes').array().notNull(),
    screenedBy: uuid('screened_by').references(() => users.id, { onDelete: 'set null' }),
    screenedAt: timestamp('screened_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_screenings_case').on(t.caseId, t.screenedAt.desc())],
);

/** The person's consent decisions (append-only): the latest per purpose and recipient is the one in force. */
export const caseConsents = pgTable(
  'case_consents',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    recipientOrganisationId: uuid('recipient_organisation_id').references(() => organisations.id),
    decision: text('decision').notNull(),
    givenBy: text('given_by').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [index('case_consents_case').on(t.caseId, t.purpose, t.recordedAt.desc())],
);

/** A referral from a case to another organisation, with the fields its service needs. */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    caseCode: text('case_code').notNull(),
    fromOrganisationId: uuid('from_organisation_id')
      .notNull()
      .references(() => organisations.id),
    toOrganisationId: uuid('to_organisation_id')
      .notNull()
      .references(() => organisations.id),
    service: text('service').notNull(),
    sharedPersonFields: text('shared_person_fields').array().notNull(),
    sharedFacts: text('shared_facts').array().notNull(),
    status: text('status').notNull().default('requested'),
    crossBorder: boolean('cross_border').notNull().default(false),
    stage: text('stage'),
    dueOn: date('due_on'),
    note: text('note'),
    consentOverrideReason: text('consent_override_reason'),
    consentOverrideBy: uuid('consent_override_by').references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('referrals_case').on(t.caseId, t.createdAt.desc()),
    index('referrals_inbox').on(t.toOrganisationId, t.status, t.dueOn),
  ],
);

export const referralEvents = pgTable(
  'referral_events',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    reason: text('reason'),
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [index('referral_events_referral').on(t.referralId, t.at)],
);

/** Partner installations whose public keys are registered, for cross-border referral packages. */
export const exchangePartners = pgTable('exchange_partners', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  name: text('name').notNull(),
  country: char('country', { length: 3 }),
  signingPublicKey: text('signing_public_key').notNull(),
  agreementPublicKey: text('agreement_public_key').notNull(),
  fingerprint: text('fingerprint').notNull().unique('exchange_partners_fingerprint_key'),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Packages received from partners, each once, with the case each became. */
export const receivedPackages = pgTable('received_packages', {
  packageId: uuid('package_id').primaryKey(),
  partnerId: uuid('partner_id')
    .notNull()
    .references(() => exchangePartners.id),
  caseId: uuid('case_id')
    .notNull()
    .references(() => cases.id, { onDelete: 'cascade' }),
  service: text('service').notNull(),
  stage: text('stage'),
  dueOn: date('due_on'),
  senderCaseCode: text('sender_case_code').notNull(),
  receivedBy: uuid('received_by').references(() => users.id, { onDelete: 'set null' }),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Services delivered on a case (append-only): a correction is a new record that supersedes another. */
export const caseServices = pgTable(
  'case_services',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    providerOrganisationId: uuid('provider_organisation_id').references(() => organisations.id),
    providerName: text('provider_name'),
    deliveredOn: date('delivered_on').notNull(),
    notes: text('notes'),
    supersedes: uuid('supersedes'),
    correctionReason: text('correction_reason'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [
    uniqueIndex('case_services_supersedes_key').on(t.supersedes),
    index('case_services_case').on(t.caseId, t.deliveredOn.desc(), t.recordedAt.desc()),
  ],
);

/** The case plan's version; its goals and actions are replaced whole by each change. */
export const casePlans = pgTable('case_plans', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const casePlanGoals = pgTable('case_plan_goals', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  caseId: uuid('case_id')
    .notNull()
    .references(() => casePlans.caseId, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  title: text('title').notNull(),
  status: text('status').notNull(),
});

export const casePlanActions = pgTable(
  'case_plan_actions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => casePlanGoals.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => casePlans.caseId, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    ownerKind: text('owner_kind').notNull(),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    ownerOrganisationId: uuid('owner_organisation_id').references(() => organisations.id),
    dueOn: date('due_on'),
    status: text('status').notNull(),
  },
  (t) => [index('case_plan_actions_case').on(t.caseId, t.dueOn)],
);

/** Closures and reopenings of a case, with their reason codes (append-only). */
export const caseStatusEvents = pgTable(
  'case_status_events',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    reason: text('reason').notNull(),
    note: text('note'),
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [index('case_status_events_case').on(t.caseId, t.at.desc())],
);

/** Keyed hashes of a person's normalised identifiers, to find possible duplicates; never plain text. */
export const personMatchKeys = pgTable(
  'person_match_keys',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    keyId: text('key_id').notNull(),
    digest: bytea('digest').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.kind, t.digest] }),
    index('person_match_keys_digest').on(t.digest, t.kind),
  ],
);
