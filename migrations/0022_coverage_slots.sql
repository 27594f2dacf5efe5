-- Coverage slots: which activities work in each country, kept by triggers in the same statement as every write to
-- activities, so that the findings of one country read that country's activities by index instead of testing
-- every activity's countries. The activities' own GIN index on country_codes cannot serve a request: under
-- row-level security the planner uses an index only for operators it knows leak nothing, and && is not one.
-- Here the country is a plain key, which it may use. A slot names an activity, nothing more: the caller still
-- reads the activity itself through the activities' policies.
CREATE TABLE "coverage_slots" (
	"iso3" text COLLATE "C" NOT NULL,
	"activity_id" uuid NOT NULL,
	"is_published" boolean NOT NULL,
	CONSTRAINT "coverage_slots_pk" PRIMARY KEY("iso3","activity_id")
);
--> statement-breakpoint
CREATE INDEX "coverage_slots_activity_idx" ON "coverage_slots" USING btree ("activity_id");
--> statement-breakpoint
-- Security definer: requests write activities but may not write slots. The transition tables hold every row
-- the statement touched, so an import of a million activities writes its slots in one statement.
CREATE OR REPLACE FUNCTION coverage_slots_note() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM coverage_slots s USING old_rows o WHERE s.activity_id = o.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO coverage_slots (iso3, activity_id, is_published)
    SELECT DISTINCT iso3, n.id, n.is_published FROM new_rows n CROSS JOIN LATERAL unnest(n.country_codes) iso3;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER coverage_slots_insert AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_slots_note();
--> statement-breakpoint
CREATE TRIGGER coverage_slots_update AFTER UPDATE ON activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_slots_note();
--> statement-breakpoint
CREATE TRIGGER coverage_slots_delete AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_slots_note();
--> statement-breakpoint
-- The activities already held.
INSERT INTO coverage_slots (iso3, activity_id, is_published)
SELECT DISTINCT iso3, a.id, a.is_published FROM activities a CROSS JOIN LATERAL unnest(a.country_codes) iso3;
--> statement-breakpoint
-- Read as the activities are: published ones by everyone, the others by signed-in partners.
ALTER TABLE coverage_slots ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY coverage_slots_read ON coverage_slots FOR SELECT USING (is_published OR app_user_id() IS NOT NULL);
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON coverage_slots FROM concerted_app;
--> statement-breakpoint
GRANT SELECT ON coverage_slots TO concerted_app;
--> statement-breakpoint
-- Forced, so that even the owner meets the policy; the owner's upkeep (the trigger function above, which runs as
-- the role that ran this migration) gets a policy of its own.
DO $$
BEGIN
  ALTER TABLE coverage_slots FORCE ROW LEVEL SECURITY;
  EXECUTE format('CREATE POLICY coverage_slots_upkeep ON coverage_slots FOR ALL TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;
--> statement-breakpoint
ANALYZE coverage_slots;
--> statement-breakpoint
-- Written only with the activities they follow, but watched like every table, so that the data version holds.
SELECT data_version_watch('coverage_slots'::regclass);
