// The service directory's tables: providers, their services and the services' locations (migration 0034).
import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../access/schema.js';
import { organisations } from '../partners/schema.js';

export const serviceProviders = pgTable('service_providers', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  /** The partner organisation whose staff keep this record. */
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  /** The provider itself when it is a registered partner organisation. */
  partnerOrganisationId: uuid('partner_organisation_id').references(() => organisations.id, {
    onDelete: 'set null',
  }),
  name: text('name').notNull(),
  description: text('description'),
  email: text('email'),
  website: text('website'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const services = pgTable('services', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  providerId: uuid('provider_id')
    .notNull()
    .references(() => serviceProviders.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  category: text('category').notNull(),
  description: text('description'),
  countries: char('countries', { length: 3 }).array().notNull().default(sql`'{}'`),
  areas: text('areas').array().notNull().default(sql`'{}'`),
  languages: text('languages').array().notNull().default(sql`'{}'`),
  eligibility: text('eligibility').array().notNull().default(sql`'{}'`),
  openingHours: jsonb('opening_hours').notNull().default(sql`'[]'::jsonb`),
  capacity: integer('capacity'),
  placesFree: integer('places_free'),
  placesUpdatedAt: timestamp('places_updated_at', { withTimezone: true }),
  phones: jsonb('phones').notNull().default(sql`'[]'::jsonb`),
  email: text('email'),
  website: text('website'),
  isPublic: boolean('is_public').notNull().default(false),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const serviceLocations = pgTable('service_locations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  serviceId: uuid('service_id')
    .notNull()
    .references(() => services.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name'),
  address: text('address'),
  city: text('city'),
  region: text('region'),
  postalCode: text('postal_code'),
  country: char('country', { length: 3 }),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  /** A shelter's location: never public, read only by case staff and the holder's staff. */
  isConfidential: boolean('is_confidential').notNull().default(false),
});
