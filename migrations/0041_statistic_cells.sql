-- A release's cells (indicator, unit, year, sex, age, dimension, category), numbered as its observations'
-- cell_id, so that a query finds the few cells it asks for first and then their rows by (iso3, cell_id).
-- The (iso3, year) index matched a fifth of a release for the countries of a continent, so PostgreSQL read
-- the whole partition instead (about 2.3 s at ten million rows). An index on the cell's texts would be as
-- selective, but sorting ten million text keys made the import's index build more than twice as long;
-- (iso3, cell_id) builds as fast as (iso3, year). A release holds tens of thousands of cells, written once
-- by its import: releases never change afterwards.
CREATE TABLE "statistic_cells" (
	"release_id" uuid NOT NULL,
	"cell_id" integer NOT NULL,
	"indicator" text NOT NULL,
	"unit" text NOT NULL,
	"year" smallint NOT NULL,
	"sex" text NOT NULL,
	"age" text NOT NULL,
	"dimension" text NOT NULL,
	"category" text NOT NULL,
	CONSTRAINT "statistic_cells_release_id_cell_id_pk" PRIMARY KEY("release_id","cell_id")
);
--> statement-breakpoint
ALTER TABLE "statistic_cells" ADD CONSTRAINT "statistic_cells_release_id_statistic_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."statistic_releases"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "statistic_cells_lookup_idx" ON "statistic_cells" ("release_id", "indicator", "dimension");
--> statement-breakpoint
-- The cells of the releases already stored.
INSERT INTO statistic_cells (release_id, cell_id, indicator, unit, year, sex, age, dimension, category)
  SELECT DISTINCT ON (release_id, cell_id) release_id, cell_id, indicator, unit, year, sex, age, dimension, category
  FROM statistic_observations ORDER BY release_id, cell_id;
--> statement-breakpoint
-- Published figures' labels, readable by anyone like the observations they number, so without row-level
-- security: requests read, only imports write (as every statistics table, migration 0010).
GRANT SELECT ON statistic_cells TO concerted_app;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON statistic_cells FROM concerted_app;
--> statement-breakpoint
DO $$
BEGIN
  GRANT INSERT, UPDATE, DELETE ON statistic_cells TO concerted_importer;
EXCEPTION WHEN undefined_object THEN
  RAISE NOTICE 'the role concerted_importer is missing; create it with the setup SQL in the README';
END
$$;
--> statement-breakpoint
SELECT data_version_watch('statistic_cells');
--> statement-breakpoint
DROP INDEX IF EXISTS statistic_observations_area_idx;
--> statement-breakpoint
CREATE INDEX statistic_observations_area_idx ON statistic_observations (iso3, cell_id);
--> statement-breakpoint
-- The planner needs to know how few rows a cell has to choose the index (later imports analyze it too).
ANALYZE statistic_observations (cell_id);
--> statement-breakpoint
ANALYZE statistic_cells;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION statistic_release_attach(release uuid) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public SET maintenance_work_mem = '1GB' AS $$
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
  EXECUTE format('ALTER TABLE %I ALTER COLUMN release_id DROP DEFAULT', fresh);
  -- As the parent's index, so that attaching the table adopts it instead of building another.
  EXECUTE format('CREATE INDEX %I ON %I (iso3, cell_id)', fresh || '_area', fresh);
  EXECUTE format('ALTER TABLE statistic_observations ATTACH PARTITION %I FOR VALUES IN (%L)', fresh, release);
  -- Statistics for the columns queries filter and group on; the figures and texts only come back.
  EXECUTE format('ANALYZE %I (indicator, unit, iso3, m49, cell_id, year, sex, age, dimension, category, sex_code, age_code, category_code)', fresh);
END
$$;
