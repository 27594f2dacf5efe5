-- The knowledge library (Chair's summary ¶26, ¶33): good practices, lessons learned, legislation, case law,
-- research, training material and guidelines, each in one of the six UN languages, with the versions of one
-- item in other languages joined in a translation group. An item moves draft → reviewed → published (and
-- back to draft): the authoring organisation's editors write drafts, coordinators and administrators review
-- and publish. Published items are public; the others are seen by the authoring organisation and reviewers.
-- Search runs on PostgreSQL itself: a stored tsvector per item (title A, summary B, body and attachments C,
-- built in the item's language, title and summary in 'simple' too so that names match across languages),
-- the title's own vector for ranking, and trigrams of the normalised title for typing mistakes. Case law counts victims and defendants by sex, age group and
-- nationality: there is no field for a person's name.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "knowledge_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"translation_group" uuid NOT NULL,
	"type" text NOT NULL CHECK ("type" IN ('good_practice', 'lesson_learned', 'legislation', 'case_law',
		'research', 'training_material', 'guideline')),
	"language" text NOT NULL CHECK ("language" IN ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
	"title" text NOT NULL CHECK (length(btrim("title")) > 0),
	"summary" text NOT NULL DEFAULT '',
	"body" text NOT NULL DEFAULT '',
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"year" integer CHECK ("year" BETWEEN 1800 AND 2200),
	"countries" text[] NOT NULL DEFAULT '{}',
	"pillars" text[] NOT NULL DEFAULT '{}'
		CHECK ("pillars" <@ ARRAY['prevention', 'protection', 'prosecution', 'partnership']),
	"forms" text[] NOT NULL DEFAULT '{}',
	"target_groups" text[] NOT NULL DEFAULT '{}',
	-- Legislation (instrument, articles) or case law (court, decision, charges, outcome, counts): checked
	-- by the API's schema, kept together because nothing filters on them but the columns above.
	"details" jsonb NOT NULL DEFAULT '{}',
	"status" text NOT NULL DEFAULT 'draft' CHECK ("status" IN ('draft', 'reviewed', 'published')),
	"version" integer NOT NULL DEFAULT 1,
	"search_title" text NOT NULL,
	"title_vector" tsvector NOT NULL,
	"search_vector" tsvector NOT NULL,
	"created_by" uuid REFERENCES "users"("id"),
	"created_at" timestamptz NOT NULL DEFAULT now(),
	"updated_at" timestamptz NOT NULL DEFAULT now(),
	"reviewed_by" uuid REFERENCES "users"("id"),
	"reviewed_at" timestamptz,
	"published_at" timestamptz,
	CONSTRAINT "knowledge_items_one_version_per_language" UNIQUE ("translation_group", "language")
);
--> statement-breakpoint
CREATE TABLE "knowledge_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL REFERENCES "knowledge_items"("id") ON DELETE CASCADE,
	"file_name" text NOT NULL CHECK (length(btrim("file_name")) > 0),
	"media_type" text NOT NULL CHECK ("media_type" IN ('application/pdf',
		'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
	"byte_size" integer NOT NULL CHECK ("byte_size" > 0),
	"content" bytea NOT NULL,
	"extracted_text" text NOT NULL DEFAULT '',
	"created_by" uuid REFERENCES "users"("id"),
	"created_at" timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
-- The title's vector, in the item's language and in 'simple' (names, acronyms and words of other languages
-- match as written), from text the application has normalised (Arabic folded, Chinese cut). Kept apart as
-- well: small enough to stay in the row, it ranks an item whose title has the words before one whose body has.
CREATE OR REPLACE FUNCTION knowledge_title_vector(config regconfig, title text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector(config, title), 'A')
    || CASE WHEN config = 'simple'::regconfig THEN ''::tsvector ELSE setweight(to_tsvector('simple', title), 'A') END
$$;
--> statement-breakpoint
-- The whole vector: the title's, the summary (B) as the title, and the body with the attachments' text (C)
-- in the item's language only: parsing the longest part once keeps indexing fast, at the price of names in
-- a body matching across languages only where the item's language leaves them as written.
CREATE OR REPLACE FUNCTION knowledge_document_vector(title_vector tsvector, config regconfig, summary text, rest text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT title_vector || setweight(to_tsvector(config, summary), 'B')
    || CASE WHEN config = 'simple'::regconfig THEN ''::tsvector ELSE setweight(to_tsvector('simple', summary), 'B') END
    || setweight(to_tsvector(config, rest), 'C')
$$;
--> statement-breakpoint
-- One search term, as a to_tsquery literal: the word in the reader's language or as written; nothing for a
-- word the language ignores ("the", "de"), so that it does not have to appear in every document.
CREATE OR REPLACE FUNCTION knowledge_term_query(config regconfig, term text)
RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN numnode(to_tsquery(config, term)) = 0 THEN ''::tsquery
    ELSE to_tsquery(config, term) || to_tsquery('simple', term) END
$$;
--> statement-breakpoint
-- Rows stay narrow (the texts and the whole vector move out of line), so that counting and ordering the
-- items a search finds reads few pages.
ALTER TABLE knowledge_items SET (toast_tuple_target = 256);
--> statement-breakpoint
-- What every search reads stays in the row (MAIN: compressed if need be, never moved out).
ALTER TABLE knowledge_items ALTER COLUMN "title_vector" SET STORAGE MAIN,
	ALTER COLUMN "search_title" SET STORAGE MAIN, ALTER COLUMN "title" SET STORAGE MAIN,
	ALTER COLUMN "countries" SET STORAGE MAIN, ALTER COLUMN "pillars" SET STORAGE MAIN,
	ALTER COLUMN "forms" SET STORAGE MAIN;
--> statement-breakpoint
CREATE INDEX "knowledge_items_search" ON "knowledge_items" USING gin ("search_vector");
--> statement-breakpoint
CREATE INDEX "knowledge_items_title_trigrams" ON "knowledge_items" USING gin ("search_title" gin_trgm_ops);
--> statement-breakpoint
-- Standing order (search ranks the best-standing of very many items found): published first, newest first.
CREATE INDEX "knowledge_items_standing" ON "knowledge_items"
	((CASE status WHEN 'published' THEN 2 WHEN 'reviewed' THEN 1 ELSE 0 END) DESC, "year" DESC NULLS LAST);
--> statement-breakpoint
CREATE INDEX "knowledge_items_organisation" ON "knowledge_items" ("organisation_id");
--> statement-breakpoint
CREATE INDEX "knowledge_attachments_item" ON "knowledge_attachments" ("item_id");
--> statement-breakpoint
ALTER TABLE knowledge_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE knowledge_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The public reads what is published; the authoring organisation's members and reviewers the rest too.
CREATE OR REPLACE FUNCTION knowledge_item_visible(status text, organisation_id uuid) RETURNS boolean
LANGUAGE sql STABLE AS
$$ SELECT status = 'published' OR app_is_admin() OR app_is_coordinator()
     OR (app_user_id() IS NOT NULL AND organisation_id = ANY (app_org_ids())) $$;
--> statement-breakpoint
CREATE POLICY knowledge_items_read ON knowledge_items FOR SELECT
  USING (knowledge_item_visible(status, organisation_id));
--> statement-breakpoint
-- The same rows for searching. Under row-level security PostgreSQL applies the policy before any operator
-- that is not leak-proof, and the text-search, trigram and array operators are not: the indexes would go
-- unused and every search read the whole table. This view (its owner's rights, the same visibility rule
-- written as its condition) lets the planner use them. Requests run only the application's own SQL, so no
-- function of theirs can observe the rows the condition leaves out. Writes still go through the table.
CREATE VIEW knowledge_items_visible AS
  SELECT * FROM knowledge_items WHERE knowledge_item_visible(status, organisation_id);
--> statement-breakpoint
GRANT SELECT ON knowledge_items_visible TO concerted_app;
--> statement-breakpoint
-- Editors create drafts for their organisation; only reviewers leave an item reviewed or published.
CREATE POLICY knowledge_items_create ON knowledge_items FOR INSERT
  WITH CHECK (status = 'draft' AND app_can_edit_for(organisation_id));
--> statement-breakpoint
CREATE POLICY knowledge_items_change ON knowledge_items FOR UPDATE
  USING (app_can_edit_for(organisation_id))
  WITH CHECK (app_can_edit_for(organisation_id) AND (status = 'draft' OR app_is_admin() OR app_is_coordinator()));
--> statement-breakpoint
ALTER TABLE knowledge_attachments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE knowledge_attachments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- An attachment is seen with its item (the items' own policy applies inside this one).
CREATE POLICY knowledge_attachments_read ON knowledge_attachments FOR SELECT
  USING (EXISTS (SELECT 1 FROM knowledge_items i WHERE i.id = item_id));
--> statement-breakpoint
-- Attachments change only while their item is a draft, by those who write it.
CREATE POLICY knowledge_attachments_write ON knowledge_attachments FOR ALL
  USING (EXISTS (SELECT 1 FROM knowledge_items i WHERE i.id = item_id AND i.status = 'draft'
    AND app_can_edit_for(i.organisation_id)))
  WITH CHECK (EXISTS (SELECT 1 FROM knowledge_items i WHERE i.id = item_id AND i.status = 'draft'
    AND app_can_edit_for(i.organisation_id)));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON knowledge_items TO concerted_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON knowledge_attachments TO concerted_app;
--> statement-breakpoint
REVOKE TRUNCATE ON knowledge_items, knowledge_attachments FROM concerted_app;
--> statement-breakpoint
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['knowledge_items', 'knowledge_attachments'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO %I USING (true) WITH CHECK (true)', target || '_upkeep', target, current_user);
    PERFORM data_version_watch(target::regclass);
  END LOOP;
END
$$;
