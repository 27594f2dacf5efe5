-- Imports load a release at close to COPY's speed: the new table carries its release's CHECK from the start
-- (so attaching it needs no scan and no extra pass to add the constraint), its index is sorted in memory,
-- and roll-ups, written by the hundred thousand, no longer check a foreign key row by row and compare
-- their index keys byte by byte.
CREATE OR REPLACE FUNCTION statistic_release_open(release uuid) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  base text := statistic_partition_base(release);
  name text := base || '_1';
BEGIN
  PERFORM statistic_require_writer();
  IF to_regclass(name) IS NOT NULL THEN name := base || '_2'; END IF;
  EXECUTE format('DROP TABLE IF EXISTS %I', name);
  EXECUTE format('CREATE TABLE %I (LIKE statistic_observations INCLUDING DEFAULTS INCLUDING CONSTRAINTS,'
    ' CONSTRAINT %I CHECK (release_id = %L::uuid))', name, name || '_release', release);
  EXECUTE format('REVOKE ALL ON %I FROM concerted_app', name);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO concerted_importer', name);
  RETURN name;
END
$$;
--> statement-breakpoint
-- As in 0004, without adding the CHECK (the table has it) and with memory enough to sort the index at once.
CREATE OR REPLACE FUNCTION statistic_release_attach(release uuid) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public SET maintenance_work_mem = '256MB' AS $$
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
  EXECUTE format('CREATE INDEX %I ON %I (iso3, year)', fresh || '_area', fresh);
  EXECUTE format('ALTER TABLE statistic_observations ATTACH PARTITION %I FOR VALUES IN (%L)', fresh, release);
  -- Statistics for the columns queries filter and group on; the figures and texts only come back.
  EXECUTE format('ANALYZE %I (indicator, unit, iso3, m49, year, sex, age, dimension, category, sex_code, age_code, category_code)', fresh);
END
$$;
--> statement-breakpoint
-- A release's roll-ups go with it through a trigger instead of a foreign key, which checked every row written.
ALTER TABLE statistic_rollups DROP CONSTRAINT IF EXISTS statistic_rollups_release_id_statistic_releases_id_fk;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION statistic_release_forget_rollups() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM statistic_rollups WHERE release_id = OLD.id;
  RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER statistic_releases_forget_rollups AFTER DELETE ON statistic_releases
  FOR EACH ROW EXECUTE FUNCTION statistic_release_forget_rollups();
--> statement-breakpoint
-- The roll-ups' index keys compare as bytes ("C"), not by the locale's rules: inserting a million roll-ups
-- spent most of its time in locale comparisons. Queries only test these columns for equality, which gives
-- the same answer under either collation.
ALTER TABLE statistic_rollups
  ALTER COLUMN indicator TYPE text COLLATE "C",
  ALTER COLUMN m49 TYPE char(3) COLLATE "C",
  ALTER COLUMN dimension TYPE text COLLATE "C";
