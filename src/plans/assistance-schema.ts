// The technical assistance tables: offers partners make, needs countries post, and the decisions on them
// (migration 0045).
import { sql } from 'drizzle-orm';
import { char, date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../access/schema.js';
import { organisations } from '../partners/schema.js';
import { countries } from '../reference/schema.js';

export const assistanceOffers = pgTable('assistance_offers', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  pillars: text('pillars').array().notNull(),
  kinds: text('kinds').array().notNull(),
  /** ISO3 codes of the countries the offer serves; empty for any country. */
  countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
  languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
  availableFrom: date('available_from'),
  availableUntil: date('available_until'),
  status: text('status').notNull().default('open'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const assistanceNeeds = pgTable('assistance_needs', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  countryIso3: char('country_iso3', { length: 3 })
    .notNull()
    .references(() => countries.iso3),
  pillar: text('pillar').notNull(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
  wantedBy: date('wanted_by'),
  status: text('status').notNull().default('open'),
  matchedOfferId: uuid('matched_offer_id').references(() => assistanceOffers.id),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A need's poster accepted or declined an offer; a declined pair is never suggested again. */
export const assistanceMatches = pgTable('assistance_matches', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  needId: uuid('need_id')
    .notNull()
    .references(() => assistanceNeeds.id),
  offerId: uuid('offer_id')
    .notNull()
    .references(() => assistanceOffers.id),
  status: text('status').notNull(),
  note: text('note').notNull().default(''),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
});
