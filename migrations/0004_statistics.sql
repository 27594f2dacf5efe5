CREATE TABLE "statistic_categories" (
	"release_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"dimension" text NOT NULL,
	"category" text NOT NULL,
	"category_code" text,
	"observations" integer NOT NULL,
	"from_year" smallint NOT NULL,
	"to_year" smallint NOT NULL,
	"units" text[] NOT NULL,
	CONSTRAINT "statistic_categories_release_id_indicator_dimension_category_pk" PRIMARY KEY("release_id","indicator","dimension","category")
);
--> statement-breakpoint
CREATE TABLE "statistic_coverage" (
	"release_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"dimension" text NOT NULL,
	"year" smallint NOT NULL,
	"iso3" char(3) NOT NULL,
	CONSTRAINT "statistic_coverage_release_id_indicator_dimension_year_iso3_pk" PRIMARY KEY("release_id","indicator","dimension","year","iso3")
);
--> statement-breakpoint
CREATE TABLE "statistic_observations" (
	"release_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"cell_id" integer NOT NULL,
	"indicator" text NOT NULL,
	"unit" text NOT NULL,
	"iso3" char(3),
	"m49" char(3),
	"year" smallint NOT NULL,
	"sex" text NOT NULL,
	"age" text NOT NULL,
	"dimension" text NOT NULL,
	"category" text NOT NULL,
	"sex_code" text,
	"age_code" text,
	"category_code" text,
	"value_lower" numeric NOT NULL,
	"value_upper" numeric,
	"is_censored" boolean NOT NULL,
	"value_text" text NOT NULL,
	"source" text,
	"note" text,
	CONSTRAINT "statistic_observations_area_check" CHECK (("statistic_observations"."iso3" is null) <> ("statistic_observations"."m49" is null))
) PARTITION BY LIST ("release_id");
--> statement-breakpoint
CREATE TABLE "statistic_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"label" text NOT NULL,
	"publisher" text NOT NULL,
	"published_on" date,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"file_name" text,
	"observation_count" integer DEFAULT 0 NOT NULL,
	"rejected_count" integer DEFAULT 0 NOT NULL,
	"report" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"imported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistic_rollups" (
	"release_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"m49" char(3) NOT NULL,
	"dimension" text NOT NULL,
	"age" text NOT NULL,
	"sex" text NOT NULL,
	"category" text NOT NULL,
	"year" smallint NOT NULL,
	"unit" text NOT NULL,
	"sex_code" text,
	"age_code" text,
	"category_code" text,
	"value_lower" numeric NOT NULL,
	"value_upper" numeric,
	"is_censored" boolean NOT NULL,
	"countries" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "statistic_categories" ADD CONSTRAINT "statistic_categories_release_id_statistic_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."statistic_releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistic_coverage" ADD CONSTRAINT "statistic_coverage_release_id_statistic_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."statistic_releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistic_releases" ADD CONSTRAINT "statistic_releases_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistic_rollups" ADD CONSTRAINT "statistic_rollups_release_id_statistic_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."statistic_releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "statistic_observations_area_idx" ON "statistic_observations" USING btree ("iso3","year");--> statement-breakpoint
CREATE UNIQUE INDEX "statistic_releases_source_label_key" ON "statistic_releases" USING btree ("source","label");--> statement-breakpoint
CREATE INDEX "statistic_rollups_lookup_idx" ON "statistic_rollups" USING btree ("release_id","indicator","m49","dimension");
--> statement-breakpoint
-- Official statistics are published figures: anyone may read them. Writing needs a signed-in requester;
-- which roles may import is the route's action (statistics.import), as row-level security knows no analyst.
ALTER TABLE statistic_releases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY statistic_releases_read ON statistic_releases FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY statistic_releases_write ON statistic_releases FOR ALL
  USING (app_user_id() IS NOT NULL) WITH CHECK (app_user_id() IS NOT NULL);
--> statement-breakpoint
ALTER TABLE statistic_observations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY statistic_observations_read ON statistic_observations FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY statistic_observations_write ON statistic_observations FOR ALL
  USING (app_user_id() IS NOT NULL) WITH CHECK (app_user_id() IS NOT NULL);
--> statement-breakpoint
ALTER TABLE statistic_rollups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY statistic_rollups_read ON statistic_rollups FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY statistic_rollups_write ON statistic_rollups FOR ALL
  USING (app_user_id() IS NOT NULL) WITH CHECK (app_user_id() IS NOT NULL);
--> statement-breakpoint
ALTER TABLE statistic_coverage ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY statistic_coverage_read ON statistic_coverage FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY statistic_coverage_write ON statistic_coverage FOR ALL
  USING (app_user_id() IS NOT NULL) WITH CHECK (app_user_id() IS NOT NULL);
--> statement-breakpoint
ALTER TABLE statistic_categories ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY statistic_categories_read ON statistic_categories FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY statistic_categories_write ON statistic_categories FOR ALL
  USING (app_user_id() IS NOT NULL) WITH CHECK (app_user_id() IS NOT NULL);
--> statement-breakpoint
-- Observations are partitioned by release (edited by hand above: PARTITION BY LIST). An import fills a
-- fresh table without indexes (fast), removes duplicates, then indexes it once and swaps it for the
-- release's previous partition, all in the import's transaction. These functions do the DDL as the
-- tables' owner, so that an import made through the API, as concerted_app, can do it too; they refuse
-- a requester who is not signed in, like the tables' policies.
CREATE OR REPLACE FUNCTION statistic_partition_base(release uuid) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT 'statistic_observations_' || replace(release::text, '-', '') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION statistic_require_writer() RETURNS void LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF current_setting('role', true) = 'concerted_app' AND app_user_id() IS NULL THEN
    RAISE EXCEPTION 'statistics may be written only by a signed-in user' USING ERRCODE = '42501';
  END IF;
END
$$;
--> statement-breakpoint
-- Creates the empty table an import fills, and returns its name: <base>_1, or <base>_2 beside an existing _1.
CREATE OR REPLACE FUNCTION statistic_release_open(release uuid) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  base text := statistic_partition_base(release);
  name text := base || '_1';
BEGIN
  PERFORM statistic_require_writer();
  IF to_regclass(name) IS NOT NULL THEN name := base || '_2'; END IF;
  EXECUTE format('DROP TABLE IF EXISTS %I', name);
  EXECUTE format('CREATE TABLE %I (LIKE statistic_observations INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', name);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO concerted_app', name);
  RETURN name;
END
$$;
--> statement-breakpoint
-- Indexes the filled table, drops the release's previous partition and attaches the new one in its place.
CREATE OR REPLACE FUNCTION statistic_release_attach(release uuid) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  base text := statistic_partition_base(release);
  fresh text;
  old text;
BEGIN
  PERFORM statistic_require_writer();
  SELECT c.relname INTO fresh FROM pg_class c
    WHERE c.relname IN (base || '_1', base || '_2') AND NOT c.relispartition AND c.relkind = 'r';
  IF fresh IS NULL THEN RAISE EXCEPTION 'no new table to attach for release %', release; END IF;
  SELECT c.relname INTO old FROM pg_class c
    WHERE c.relname IN (base || '_1', base || '_2') AND c.relispartition;
  IF old IS NOT NULL THEN EXECUTE format('DROP TABLE %I', old); END IF;
  EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (release_id = %L::uuid)', fresh, fresh || '_release', release);
  EXECUTE format('CREATE INDEX %I ON %I (iso3, year)', fresh || '_area', fresh);
  EXECUTE format('ALTER TABLE statistic_observations ATTACH PARTITION %I FOR VALUES IN (%L)', fresh, release);
  EXECUTE format('ANALYZE %I', fresh);
END
$$;
--> statement-breakpoint
-- Removes a release's observations (its partition and any table an import left).
CREATE OR REPLACE FUNCTION statistic_release_drop(release uuid) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  base text := statistic_partition_base(release);
BEGIN
  PERFORM statistic_require_writer();
  EXECUTE format('DROP TABLE IF EXISTS %I', base || '_1');
  EXECUTE format('DROP TABLE IF EXISTS %I', base || '_2');
END
$$;
