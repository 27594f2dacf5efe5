-- A second number beside the data version (migration 0018), raised only by changes to what a session
-- check reads: sessions, users, memberships and break-glass grants. A signed-in request may reuse its
-- session's check while this number is unchanged; before, every write anywhere (each audited request
-- is one) made every session be checked again. A session's own touch (its last use, written once a
-- minute) does not raise it: the check keeps the time it read and asks again once that is old.
ALTER TABLE "data_version" ADD COLUMN "access_version" bigint NOT NULL DEFAULT 1;
--> statement-breakpoint
-- Marks the transaction as one that changed access; the count happens in data_version_bump at COMMIT,
-- which every write already reaches (the table's data_version_note trigger marks it as a write).
CREATE OR REPLACE FUNCTION access_version_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('concerted.access_changed', 'on', true);
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION access_version_note_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('concerted.access_changed', 'on', true);
  RETURN NULL;
END
$$;
--> statement-breakpoint
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['users', 'memberships', 'break_glass_grants', 'sessions'] LOOP
    EXECUTE format(
      'CREATE TRIGGER access_version_note BEFORE INSERT OR DELETE%s ON %I FOR EACH ROW '
      'WHEN (current_setting(''concerted.access_changed'', true) IS DISTINCT FROM ''on'') '
      'EXECUTE FUNCTION access_version_note()',
      CASE WHEN target = 'sessions' THEN '' ELSE ' OR UPDATE' END, target);
    EXECUTE format(
      'CREATE TRIGGER access_version_note_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT '
      'EXECUTE FUNCTION access_version_note_truncate()', target);
  END LOOP;
END
$$;
--> statement-breakpoint
-- A session's change counts unless only its last use moved.
CREATE TRIGGER access_version_note_session_change BEFORE UPDATE ON "sessions" FOR EACH ROW
  WHEN ((to_jsonb(OLD) - 'last_seen_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_seen_at'))
  EXECUTE FUNCTION access_version_note();
--> statement-breakpoint
-- The notice now carries both numbers: the embedded database learns them without asking.
CREATE OR REPLACE FUNCTION data_version_bump() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  raised bigint;
  access bigint;
BEGIN
  UPDATE data_version
    SET version = version + 1,
        access_version = access_version
          + CASE WHEN current_setting('concerted.access_changed', true) = 'on' THEN 1 ELSE 0 END
    WHERE id RETURNING version, access_version INTO raised, access;
  DELETE FROM data_version_marks WHERE xact = NEW.xact;
  PERFORM pg_notify('concerted_data_version', raised::text || ' ' || access::text);
  RETURN NULL;
END
$$;
