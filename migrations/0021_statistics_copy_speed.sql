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
