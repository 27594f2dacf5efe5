-- A number that grows with every committed change of the data: a reader that finds it unchanged knows
-- that what it read before still holds, so an anonymous answer can be kept in memory and served again
-- without a transaction. Every write marks its transaction (a row trigger on every table, and one for
-- TRUNCATE); at COMMIT a deferred trigger adds one to the number, in the same transaction as the write,
-- so the number and the data change together or not at all. The row of data_version is locked only
-- from that deferred trigger to the end of COMMIT, so writers do not wait on one another for longer.
CREATE TABLE "data_version" (
	"id" boolean PRIMARY KEY DEFAULT true CHECK ("id"),
	"version" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO data_version (id, version) VALUES (true, 1);
--> statement-breakpoint
-- One row per writing transaction until its COMMIT: the deferred trigger on it does the counting.
CREATE TABLE "data_version_marks" ("xact" xid8 PRIMARY KEY);
--> statement-breakpoint
REVOKE ALL ON data_version, data_version_marks FROM PUBLIC, concerted_app;
--> statement-breakpoint
-- Runs as the owner: requests may neither write the number nor the marks themselves.
CREATE OR REPLACE FUNCTION data_version_mark() RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS
$$ INSERT INTO data_version_marks (xact) VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING $$;
--> statement-breakpoint
-- The row triggers' function: marks the transaction once (the setting, local to the transaction and
-- undone with a rolled-back savepoint like the mark itself, spares the later rows a call).
CREATE OR REPLACE FUNCTION data_version_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('concerted.data_changed', 'on', true);
  PERFORM data_version_mark();
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION data_version_note_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('concerted.data_changed', 'on', true);
  PERFORM data_version_mark();
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The notice goes out with the COMMIT: the embedded database, which only its own process can write,
-- learns the new number from it without asking.
CREATE OR REPLACE FUNCTION data_version_bump() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  raised bigint;
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id RETURNING version INTO raised;
  DELETE FROM data_version_marks WHERE xact = NEW.xact;
  PERFORM pg_notify('concerted_data_version', raised::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_version_bump AFTER INSERT ON data_version_marks
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- Installs the triggers on a table (later migrations call it for the tables they create; a test checks
-- that every table has them). Row triggers of a partitioned table reach its partitions, attached later too.
CREATE OR REPLACE FUNCTION data_version_watch(target regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('DROP TRIGGER IF EXISTS data_version_note ON %s', target);
  EXECUTE format(
    'CREATE TRIGGER data_version_note BEFORE INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW '
    'WHEN (current_setting(''concerted.data_changed'', true) IS DISTINCT FROM ''on'') '
    'EXECUTE FUNCTION data_version_note()', target);
  EXECUTE format('DROP TRIGGER IF EXISTS data_version_note_truncate ON %s', target);
  EXECUTE format(
    'CREATE TRIGGER data_version_note_truncate BEFORE TRUNCATE ON %s FOR EACH STATEMENT '
    'EXECUTE FUNCTION data_version_note_truncate()', target);
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION data_version_watch(regclass) FROM PUBLIC;
--> statement-breakpoint
DO $$
DECLARE
  target regclass;
BEGIN
  FOR target IN
    SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND c.relname NOT IN ('data_version', 'data_version_marks')
  LOOP
    PERFORM data_version_watch(target);
  END LOOP;
END
$$;
