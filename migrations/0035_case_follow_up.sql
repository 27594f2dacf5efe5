-- Follow-up of a case: the services delivered (append-only; a correction is a new record that supersedes
-- the one it corrects), a case plan of goals and actions, each closure and reopening with its reason, and
-- the keyed hashes that find a possible duplicate in another organisation without revealing who it is.
CREATE TABLE "case_services" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE cascade,
  "category" text NOT NULL,
  "provider_organisation_id" uuid REFERENCES "organisations"("id"),
  "provider_name" text,
  "delivered_on" date NOT NULL,
  "notes" text,
  "supersedes" uuid,
  "correction_reason" text,
  "recorded_by" uuid REFERENCES "users"("id") ON DELETE set null,
  "recorded_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
  CONSTRAINT "case_services_case_id_key" UNIQUE ("case_id", "id"),
  -- A correction supersedes a record of the same case, and says why.
  CONSTRAINT "case_services_supersedes_fkey" FOREIGN KEY ("case_id", "supersedes")
    REFERENCES "case_services" ("case_id", "id") ON DELETE cascade,
  CONSTRAINT "case_services_correction_check" CHECK (("supersedes" IS NULL) = ("correction_reason" IS NULL)),
  CONSTRAINT "case_services_provider_check" CHECK (num_nonnulls("provider_organisation_id", "provider_name") <= 1)
);
--> statement-breakpoint
-- A record is corrected once; a second correction corrects the correction.
CREATE UNIQUE INDEX "case_services_supersedes_key" ON "case_services" ("supersedes");
--> statement-breakpoint
CREATE INDEX "case_services_case" ON "case_services" ("case_id", "delivered_on" DESC, "recorded_at" DESC);
--> statement-breakpoint
-- Nobody changes or removes a delivered service, not even the owner: it goes only with its case.
CREATE OR REPLACE FUNCTION case_services_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = OLD.case_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'services delivered are kept as recorded: record a correction instead'
    USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_services_append_only BEFORE UPDATE OR DELETE ON case_services
  FOR EACH ROW EXECUTE FUNCTION case_services_append_only();
--> statement-breakpoint
CREATE TABLE "case_plans" (
  "case_id" uuid PRIMARY KEY NOT NULL REFERENCES "cases"("id") ON DELETE cascade,
  "updated_by" uuid REFERENCES "users"("id") ON DELETE set null,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_plan_goals" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "case_id" uuid NOT NULL REFERENCES "case_plans"("case_id") ON DELETE cascade,
  "position" integer NOT NULL,
  "title" text NOT NULL,
  "status" text NOT NULL CHECK ("status" IN ('open', 'achieved', 'dropped')),
  CONSTRAINT "case_plan_goals_position_key" UNIQUE ("case_id", "position")
);
--> statement-breakpoint
CREATE TABLE "case_plan_actions" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "goal_id" uuid NOT NULL REFERENCES "case_plan_goals"("id") ON DELETE cascade,
  "case_id" uuid NOT NULL REFERENCES "case_plans"("case_id") ON DELETE cascade,
  "position" integer NOT NULL,
  "title" text NOT NULL,
  "owner_kind" text NOT NULL CHECK ("owner_kind" IN ('worker', 'person', 'organisation')),
  "owner_user_id" uuid REFERENCES "users"("id") ON DELETE set null,
  "owner_organisation_id" uuid REFERENCES "organisations"("id"),
  "due_on" date,
  "status" text NOT NULL CHECK ("status" IN ('planned', 'in_progress', 'done', 'cancelled')),
  CONSTRAINT "case_plan_actions_position_key" UNIQUE ("goal_id", "position"),
  CONSTRAINT "case_plan_actions_owner_check" CHECK (
    ("owner_kind" = 'organisation') = ("owner_organisation_id" IS NOT NULL)
    AND ("owner_kind" <> 'worker' OR "owner_organisation_id" IS NULL)
    AND ("owner_kind" = 'worker' OR "owner_user_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX "case_plan_actions_case" ON "case_plan_actions" ("case_id", "due_on");
--> statement-breakpoint
-- Closures and reopenings of a case with their reasons (append-only): the case's status history.
CREATE TABLE "case_status_events" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE cascade,
  "kind" text NOT NULL CHECK ("kind" IN ('closed', 'reopened')),
  "status" text NOT NULL CHECK ("status" IN ('Active', 'FollowUp', 'Closed', 'ClosedReferred')),
  "reason" text NOT NULL,
  "note" text,
  "by_user_id" uuid REFERENCES "users"("id") ON DELETE set null,
  "at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "case_status_events_case" ON "case_status_events" ("case_id", "at" DESC);
--> statement-breakpoint
-- A closed case's reason is now a code; reasons written as free text before stay as they are.
ALTER TABLE "cases" ADD CONSTRAINT "cases_closure_reason_code" CHECK ("closure_reason" IS NULL OR "closure_reason" IN (
  'goals_met', 'referred_elsewhere', 'declined_assistance', 'lost_contact', 'deceased', 'transferred_abroad',
  'duplicate')) NOT VALID;
--> statement-breakpoint
-- Keyed hashes (HMAC-SHA-256) of a person's normalised names, date of birth and document numbers, written
-- with the person record: no plain text, and without the installation's key they cannot be tested.
CREATE TABLE "person_match_keys" (
  "case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE cascade,
  "kind" text NOT NULL CHECK ("kind" IN ('name', 'date_of_birth', 'document')),
  "key_id" text NOT NULL,
  "digest" bytea NOT NULL CHECK (octet_length("digest") = 32),
  PRIMARY KEY ("case_id", "kind", "digest")
);
--> statement-breakpoint
CREATE INDEX "person_match_keys_digest" ON "person_match_keys" ("digest", "kind");
--> statement-breakpoint
-- For a case the caller can see: the other organisations holding a case whose person matches on a document
-- number, or on both a name and the date of birth, with the kinds that matched. Security definer, because
-- the other organisation's cases are out of the caller's sight; it returns their names and nothing else.
-- A case closed as a duplicate is not offered again.
CREATE OR REPLACE FUNCTION app_possible_duplicates(target uuid)
RETURNS TABLE (organisation_id uuid, organisation_name text, kinds text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ WITH mine AS (
     SELECT k.kind, k.key_id, k.digest FROM person_match_keys k
     JOIN cases c ON c.id = k.case_id
     WHERE k.case_id = target AND app_can_see_case(c.id, c.organisation_id)),
   matches AS (
     SELECT o.case_id, array_agg(DISTINCT o.kind ORDER BY o.kind) AS kinds
     FROM person_match_keys o JOIN mine m ON m.kind = o.kind AND m.key_id = o.key_id AND m.digest = o.digest
     WHERE o.case_id <> target
     GROUP BY o.case_id)
   SELECT c.organisation_id, org.name, array_agg(DISTINCT kind ORDER BY kind)
   FROM matches x
   JOIN cases c ON c.id = x.case_id
   JOIN organisations org ON org.id = c.organisation_id
   CROSS JOIN LATERAL unnest(x.kinds) AS kind
   WHERE c.closure_reason IS DISTINCT FROM 'duplicate'
     AND ('document' = ANY (x.kinds) OR ('name' = ANY (x.kinds) AND 'date_of_birth' = ANY (x.kinds)))
   GROUP BY c.organisation_id, org.name
   ORDER BY org.name $$;
--> statement-breakpoint
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['case_services', 'case_plans', 'case_plan_goals', 'case_plan_actions',
      'case_status_events', 'person_match_keys'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', target);
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id)) '
      'WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))', target || '_case', target);
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO %I USING (true) WITH CHECK (true)', target || '_upkeep', target, current_user);
    PERFORM data_version_watch(target::regclass);
  END LOOP;
END
$$;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON case_services FROM concerted_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON case_status_events FROM concerted_app;
