// The knowledge library's tables: items with their search columns, and their attachments (migration 0046).
import { sql } from 'drizzle-orm';
import { customType, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../access/schema.js';
import { organisations } from '../partners/schema.js';
import { bytea } from '../platform/column-types.js';

/** A text-search vector: written by SQL (setweight, to_tsvector), read only by search queries. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const knowledgeItems = pgTable('knowledge_items', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  /** The versions of one item in other languages share it. */
  translationGroup: uuid('translation_group').notNull(),
  type: text('type').notNull(),
  language: text('language').notNull(),
  title: text('title').notNull(),
  summary: text('summary').notNull().default(''),
  body: text('body').notNull().default(''),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  year: integer('year'),
  countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
  pillars: text('pillars').array().notNull().default(sql`'{}'::text[]`),
  forms: text('forms').array().notNull().default(sql`'{}'::text[]`),
  targetGroups: text('target_groups').array().notNull().default(sql`'{}'::text[]`),
  /** Legislation or case law particulars, as the API's schema checks them. */
  details: jsonb('details').notNull().default({}),
  status: text('status').notNull().default('draft'),
  version: integer('version').notNull().default(1),
  /** The title as search normalises it (Arabic letters folded, Chinese words apart), for trigrams. */
  searchTitle: text('search_title').notNull(),
  /** The title's own vector: small enough to stay in the row, for ranking many matches cheaply. */
  titleVector: tsvector('title_vector').notNull(),
  searchVector: tsvector('search_vector').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  publishedAt: timestamp('published_at', { withTimezone: true }),
});

export const knowledgeAttachments = pgTable('knowledge_attachments', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  itemId: uuid('item_id')
    .notNull()
    .references(() => knowledgeItems.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  byteSize: integer('byte_size').notNull(),
  content: bytea('content').notNull(),
  /** The file's text, extracted on upload, searched with the item's body. */
  extractedText: text('extracted_text').notNull().default(''),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
