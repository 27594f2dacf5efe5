-- Roles that keep row-level security on however a request's SQL behaves. On a PostgreSQL server, requests
-- log in as concerted_app_login: neither superuser nor BYPASSRLS, a member of concerted_app and of nothing
-- else, so RESET ROLE or SET ROLE cannot reach more rights. Migrations and importers run as the owner
-- (the DATABASE_URL user); statistics imports through the API switch to concerted_importer, the only
-- role besides the owner that may write statistics. Reference tables are written by the owner alone.
-- A user who may not create roles gets a notice here and creates them with the setup SQL in the README.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'concerted_app_login') THEN
    CREATE ROLE concerted_app_login LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION INHERIT;
  END IF;
  GRANT concerted_app TO concerted_app_login;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'could not create the role concerted_app_login (%); create it with the setup SQL in the README', SQLERRM;
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'concerted_importer') THEN
    CREATE ROLE concerted_importer NOLOGIN NOBYPASSRLS INHERIT;
  END IF;
  GRANT concerted_app TO concerted_importer;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'could not create the role concerted_importer (%); create it with the setup SQL in the README', SQLERRM;
END
$$;
--> statement-breakpoint
-- The owner switches to the importer role inside an import's transaction (a superuser needs no grant).
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT concerted_importer TO %I', current_user);
  END IF;
EXCEPTION WHEN insufficient_privilege OR undefined_object THEN
  RAISE NOTICE 'could not grant concerted_importer to %: %', current_user, SQLERRM;
END
$$;
--> statement-breakpoint
-- Reference data: read-only to requests; the owner loads it.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON code_lists, codes, countries, m49_areas, dataset_loads FROM concerted_app;
--> statement-breakpoint
-- Sign-in throttling is the server's own bookkeeping: a request must not be able to reset a lock-out.
REVOKE ALL ON sign_in_throttle FROM concerted_app;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE
  ON statistic_releases, statistic_observations, statistic_rollups, statistic_coverage, statistic_categories
  FROM concerted_app;
--> statement-breakpoint
GRANT INSERT, UPDATE, DELETE
  ON statistic_releases, statistic_observations, statistic_rollups, statistic_coverage, statistic_categories
  TO concerted_importer;
--> statement-breakpoint
-- A release's partition is reached through statistic_observations (whose policies apply); directly, only
-- the importer and the owner may touch it.
DO $$
DECLARE
  partition_name text;
BEGIN
  FOR partition_name IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname LIKE 'statistic\_observations\_%'
  LOOP
    EXECUTE format('REVOKE ALL ON %I FROM concerted_app', partition_name);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO concerted_importer', partition_name);
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION statistic_require_writer() RETURNS void LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF current_setting('role', true) = 'concerted_app' THEN
    RAISE EXCEPTION 'statistics are written only by an import' USING ERRCODE = '42501';
  END IF;
  IF current_setting('role', true) = 'concerted_importer' AND app_user_id() IS NULL THEN
    RAISE EXCEPTION 'statistics may be imported only by a signed-in user' USING ERRCODE = '42501';
  END IF;
END
$$;
--> statement-breakpoint
-- As in 0004, but the new table is the importer's: the owner's default privileges would hand it to
-- concerted_app as well, so they are taken back.
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
  EXECUTE format('REVOKE ALL ON %I FROM concerted_app', name);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO concerted_importer', name);
  RETURN name;
END
$$;
--> statement-breakpoint
-- Organisation data obeys its policies even for the tables' owner when the owner is not a superuser.
DO $$
DECLARE
  table_name text;
BEGIN
  FOR table_name IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relrowsecurity
      AND c.relname NOT LIKE 'statistic\_%'
  LOOP
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', table_name);
  END LOOP;
END
$$;
