-- Victim cases. A case carries a code (never a name), its status, the organisation that owns it and the
-- non-identifying facts that statistics need. Personal data sits apart in persons: every field sealed
-- with a data key of the person's own, stored only wrapped by a master key whose material never enters
-- the database (master_keys says which key id is current).
CREATE TABLE "master_keys" (
  "id" text PRIMARY KEY NOT NULL,
  "is_current" boolean DEFAULT false NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "retired_at" timestamp with time zone,
  CONSTRAINT "master_keys_id_check" CHECK ("id" ~ '^mk_[0-9a-f]{16}$')
);
--> statement-breakpoint
CREATE UNIQUE INDEX "master_keys_one_current" ON "master_keys" ("is_current") WHERE "is_current";
--> statement-breakpoint
CREATE TABLE "cases" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "code" text NOT NULL,
  "status" text DEFAULT 'Active' NOT NULL,
  "organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
  "sex" text,
  "gender" text,
  "age_band_at_identification" text,
  "age_band_when_trafficked" text,
  "citizenship" char(3),
  "recruitment_countries" char(3)[] DEFAULT '{}' NOT NULL,
  "transit_countries" char(3)[] DEFAULT '{}' NOT NULL,
  "exploitation_countries" char(3)[] DEFAULT '{}' NOT NULL,
  "forms_of_exploitation" text[] DEFAULT '{}' NOT NULL,
  "sector" text,
  "means_of_control" text[] DEFAULT '{}' NOT NULL,
  "recruitment_channel" text,
  "recruiter_relation" text,
  "closure_reason" text,
  "created_by" uuid REFERENCES "users"("id") ON DELETE set null,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "version" integer DEFAULT 1 NOT NULL,
  CONSTRAINT "cases_status_check" CHECK ("status" in ('Active','FollowUp','Closed','ClosedReferred')),
  CONSTRAINT "cases_code_check" CHECK ("code" ~ '^C-[0-9]{4}-[0-9A-Z]{6}$'),
  CONSTRAINT "cases_closure_check" CHECK (("status" in ('Closed','ClosedReferred')) = ("closure_reason" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "cases_code_key" ON "cases" ("code");
--> statement-breakpoint
CREATE INDEX "cases_organisation_idx" ON "cases" ("organisation_id", "updated_at");
--> statement-breakpoint
CREATE TABLE "case_workers" (
  "case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE cascade,
  "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE cascade,
  "assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
  PRIMARY KEY ("case_id", "user_id")
);
--> statement-breakpoint
CREATE INDEX "case_workers_user_idx" ON "case_workers" ("user_id");
--> statement-breakpoint
CREATE TABLE "persons" (
  "case_id" uuid PRIMARY KEY NOT NULL REFERENCES "cases"("id") ON DELETE cascade,
  "master_key_id" text NOT NULL REFERENCES "master_keys"("id"),
  "wrapped_data_key" text NOT NULL,
  "fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "persons_master_key_idx" ON "persons" ("master_key_id");
--> statement-breakpoint
CREATE TABLE "person_files" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "case_id" uuid NOT NULL REFERENCES "persons"("case_id") ON DELETE cascade,
  "kind" text NOT NULL,
  "sealed_name" text NOT NULL,
  "sealed_media_type" text NOT NULL,
  "content" bytea NOT NULL,
  "byte_size" integer NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "person_files_kind_check" CHECK ("kind" in ('photo','identity_document','other'))
);
--> statement-breakpoint
CREATE INDEX "person_files_case_idx" ON "person_files" ("case_id");
--> statement-breakpoint
-- Who may work on cases, per organisation, set per transaction by the server like app.org_ids.
CREATE OR REPLACE FUNCTION app_case_manager_org_ids() RETURNS uuid[] LANGUAGE sql STABLE AS
$$ SELECT coalesce(nullif(current_setting('app.case_manager_org_ids', true), ''), '{}')::uuid[] $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_case_worker_org_ids() RETURNS uuid[] LANGUAGE sql STABLE AS
$$ SELECT coalesce(nullif(current_setting('app.case_worker_org_ids', true), ''), '{}')::uuid[] $$;
--> statement-breakpoint
-- Security definer: the cases policy asks about assignments without the assignments' own policy.
CREATE OR REPLACE FUNCTION app_is_assigned(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT EXISTS (SELECT 1 FROM case_workers w WHERE w.case_id = target AND w.user_id = app_user_id()) $$;
--> statement-breakpoint
-- The worker who opens a case is assigned to it in the same transaction, before anyone else is.
CREATE OR REPLACE FUNCTION app_opened_unassigned_case(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT EXISTS (SELECT 1 FROM cases c WHERE c.id = target AND c.created_by = app_user_id()
     AND (c.organisation_id = ANY (app_case_worker_org_ids()) OR c.organisation_id = ANY (app_case_manager_org_ids())))
   AND NOT EXISTS (SELECT 1 FROM case_workers w WHERE w.case_id = target) $$;
--> statement-breakpoint
-- A case is seen by its organisation's case managers, the workers assigned to it and holders of a live
-- break-glass grant on it; nobody else, whatever their other roles.
CREATE OR REPLACE FUNCTION app_can_see_case(target uuid, owner uuid) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT owner = ANY (app_case_manager_org_ids()) OR app_is_assigned(target) OR app_has_break_glass('case', target) $$;
--> statement-breakpoint
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE cases FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY cases_read ON cases FOR SELECT USING (app_can_see_case(id, organisation_id));
--> statement-breakpoint
CREATE POLICY cases_create ON cases FOR INSERT WITH CHECK (
  organisation_id = ANY (app_case_manager_org_ids()) OR organisation_id = ANY (app_case_worker_org_ids()));
--> statement-breakpoint
CREATE POLICY cases_change ON cases FOR UPDATE
  USING (app_can_see_case(id, organisation_id)) WITH CHECK (app_can_see_case(id, organisation_id));
--> statement-breakpoint
ALTER TABLE case_workers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_workers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_workers_read ON case_workers FOR SELECT
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));
--> statement-breakpoint
-- Managers assign anyone; a worker who opens a case is assigned to it as it is created.
CREATE POLICY case_workers_assign ON case_workers FOR INSERT WITH CHECK (
  EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.organisation_id = ANY (app_case_manager_org_ids()))
  OR (user_id = app_user_id() AND app_opened_unassigned_case(case_id)));
--> statement-breakpoint
CREATE POLICY case_workers_unassign ON case_workers FOR DELETE USING (
  EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.organisation_id = ANY (app_case_manager_org_ids())));
--> statement-breakpoint
ALTER TABLE persons ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE persons FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY persons_case ON persons FOR ALL
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));
--> statement-breakpoint
ALTER TABLE person_files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE person_files FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY person_files_case ON person_files FOR ALL
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));
--> statement-breakpoint
ALTER TABLE master_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE master_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY master_keys_read ON master_keys FOR SELECT USING (true);
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON master_keys FROM concerted_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON cases FROM concerted_app;
--> statement-breakpoint
-- The owner's tools (key rotation, start-up) work on every row under FORCE ROW LEVEL SECURITY.
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['cases', 'case_workers', 'persons', 'person_files', 'master_keys'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO %I USING (true) WITH CHECK (true)', target || '_upkeep', target, current_user);
    PERFORM data_version_watch(target::regclass);
  END LOOP;
END
$$;
