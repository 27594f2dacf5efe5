-- An import's new table fills its release_id itself: the rows sent by COPY leave the column out, which
-- spares the server parsing the same uuid once per row (about a fifth of COPY's time) and the import
-- sending it. Attaching the table drops the default again, so that a partition is defined as its parent.
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
  EXECUTE format('ALTER TABLE %I ALTER COLUMN release_id SET DEFAULT %L::uuid', name, release);
  EXECUTE format('REVOKE ALL ON %I FROM concerted_app', name);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO concerted_importer', name);
  RETURN name;
END
$$;
--> statement-breakpoint
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
  EXECUTE format('ALTER TABLE %I ALTER COLUMN release_id DROP DEFAULT', fresh);
  EXECUTE format('CREATE INDEX %I ON %I (iso3, year)', fresh || '_area', fresh);
  EXECUTE format('ALTER TABLE statistic_observations ATTACH PARTITION %I FOR VALUES IN (%L)', fresh, release);
  -- Statistics for the columns queries filter and group on; the figures and texts only come back.
  EXECUTE format('ANALYZE %I (indicator, unit, iso3, m49, year, sex, age, dimension, category, sex_code, age_code, category_code)', fresh);
END
$$;
--> statement-breakpoint
-- Roll-ups are partitioned by release like observations: an import COPYs a release's roll-ups into a new
-- table without index, trigger or policy (several rows per write-ahead record, where INSERT … SELECT into
-- the shared table wrote one record and one index entry per row), indexes it once and swaps it in for the
-- release's previous roll-ups. Each partition holds one release, so the index need not lead with it.
ALTER TABLE statistic_rollups RENAME TO statistic_rollups_unpartitioned;
--> statement-breakpoint
ALTER INDEX statistic_rollups_lookup_idx RENAME TO statistic_rollups_unpartitioned_lookup_idx;
--> statement-breakpoint
CREATE TABLE statistic_rollups (LIKE statistic_rollups_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
  PARTITION BY LIST (release_id);
--> statement-breakpoint
CREATE INDEX statistic_rollups_lookup_idx ON statistic_rollups (indicator, m49, dimension);
--> statement-breakpoint
ALTER TABLE statistic_rollups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY statistic_rollups_read ON statistic_rollups FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY statistic_rollups_write ON statistic_rollups FOR ALL
  USING (app_user_id() IS NOT NULL) WITH CHECK (app_user_id() IS NOT NULL);
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON statistic_rollups FROM concerted_app;
--> statement-breakpoint
DO $$
BEGIN
  GRANT INSERT, UPDATE, DELETE ON statistic_rollups TO concerted_importer;
EXCEPTION WHEN undefined_object THEN
  RAISE NOTICE 'the role concerted_importer is missing; create it with the setup SQL in the README';
END
$$;
--> statement-breakpoint
SELECT data_version_watch('statistic_rollups');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION statistic_rollups_base(release uuid) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT 'statistic_rollups_' || replace(release::text, '-', '') $$;
--> statement-breakpoint
-- Creates the empty table an import COPYs a release's roll-ups into, and returns its name (as
-- statistic_release_open does for observations).
CREATE OR REPLACE FUNCTION statistic_rollups_open(release uuid) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  base text := statistic_rollups_base(release);
  name text := base || '_1';
BEGIN
  PERFORM statistic_require_writer();
  IF to_regclass(name) IS NOT NULL THEN name := base || '_2'; END IF;
  EXECUTE format('DROP TABLE IF EXISTS %I', name);
  EXECUTE format('CREATE TABLE %I (LIKE statistic_rollups INCLUDING DEFAULTS INCLUDING CONSTRAINTS,'
    ' CONSTRAINT %I CHECK (release_id = %L::uuid))', name, name || '_release', release);
  EXECUTE format('ALTER TABLE %I ALTER COLUMN release_id SET DEFAULT %L::uuid', name, release);
  EXECUTE format('REVOKE ALL ON %I FROM concerted_app', name);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO concerted_importer', name);
  RETURN name;
END
$$;
--> statement-breakpoint
-- Indexes the filled table, drops the release's previous roll-ups and attaches the new ones in their place.
CREATE OR REPLACE FUNCTION statistic_rollups_attach(release uuid) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public SET maintenance_work_mem = '256MB' AS $$
DECLARE
  base text := statistic_rollups_base(release);
  fresh text;
  old text;
BEGIN
  PERFORM statistic_require_writer();
  SELECT c.relname INTO fresh FROM pg_class c
    WHERE c.relname IN (base || '_1', base || '_2') AND NOT c.relispartition AND c.relkind = 'r';
  IF fresh IS NULL THEN RAISE EXCEPTION 'no new roll-ups to attach for release %', release; END IF;
  SELECT c.relname INTO old FROM pg_class c
    WHERE c.relname IN (base || '_1', base || '_2') AND c.relispartition;
  IF old IS NOT NULL THEN EXECUTE format('DROP TABLE %I', old); END IF;
  EXECUTE format('ALTER TABLE %I ALTER COLUMN release_id DROP DEFAULT', fresh);
  EXECUTE format('CREATE INDEX %I ON %I (indicator, m49, dimension)', fresh || '_lookup', fresh);
  EXECUTE format('ALTER TABLE statistic_rollups ATTACH PARTITION %I FOR VALUES IN (%L)', fresh, release);
END
$$;
--> statement-breakpoint
-- The roll-ups already stored, each release's in a partition of its own.
DO $$
DECLARE
  release uuid;
  name text;
BEGIN
  FOR release IN SELECT DISTINCT release_id FROM statistic_rollups_unpartitioned LOOP
    name := statistic_rollups_base(release) || '_1';
    EXECUTE format('CREATE TABLE %I PARTITION OF statistic_rollups FOR VALUES IN (%L)', name, release);
    EXECUTE format('REVOKE ALL ON %I FROM concerted_app', name);
    BEGIN
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO concerted_importer', name);
    EXCEPTION WHEN undefined_object THEN
      RAISE NOTICE 'the role concerted_importer is missing; create it with the setup SQL in the README';
    END;
  END LOOP;
END
$$;
--> statement-breakpoint
INSERT INTO statistic_rollups SELECT * FROM statistic_rollups_unpartitioned;
--> statement-breakpoint
DROP TABLE statistic_rollups_unpartitioned;
--> statement-breakpoint
-- Removing a release's tables removes its roll-ups too.
CREATE OR REPLACE FUNCTION statistic_release_drop(release uuid) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  base text := statistic_partition_base(release);
  rollups text := statistic_rollups_base(release);
BEGIN
  PERFORM statistic_require_writer();
  EXECUTE format('DROP TABLE IF EXISTS %I', base || '_1');
  EXECUTE format('DROP TABLE IF EXISTS %I', base || '_2');
  EXECUTE format('DROP TABLE IF EXISTS %I', rollups || '_1');
  EXECUTE format('DROP TABLE IF EXISTS %I', rollups || '_2');
END
$$;
