CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"lead_organisation_id" uuid NOT NULL,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"organisation_ids" uuid[] NOT NULL,
	"pillar" text NOT NULL,
	"activity_type" text NOT NULL,
	"forms" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"chain_stage" text,
	"countries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"country_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"actual_start" date,
	"actual_end" date,
	"status" text NOT NULL,
	"budget_amount" numeric(18, 2),
	"budget_currency" char(3),
	"funder_name" text,
	"people_targeted" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"people_reached" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"targeted_total" integer,
	"reached_total" integer,
	"gender_marker" text,
	"coordination_mechanism_id" uuid,
	"source" text,
	"reported_by" text,
	"reported_on" date,
	"is_published" boolean DEFAULT false NOT NULL,
	"is_illustrative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_versions" (
	"activity_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"change" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" uuid,
	"via" text NOT NULL,
	"lead_organisation_id" uuid NOT NULL,
	"is_published" boolean NOT NULL,
	"snapshot" jsonb NOT NULL,
	CONSTRAINT "activity_versions_activity_id_version_pk" PRIMARY KEY("activity_id","version")
);
--> statement-breakpoint
CREATE TABLE "coverage_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"iso3" char(3) NOT NULL,
	"pillar" text,
	"form" text,
	"target_group" text,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"level" text NOT NULL,
	"people_in_need" integer,
	"source" text,
	"note" text,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coverage_needs_level_check" CHECK ("coverage_needs"."level" in ('low','medium','high')),
	CONSTRAINT "coverage_needs_years_check" CHECK ("coverage_needs"."from_year" <= "coverage_needs"."to_year")
);
--> statement-breakpoint
CREATE TABLE "coordination_mechanisms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"names" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"acronym" text,
	"kind" text NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"mandate" text,
	"established_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coordination_mechanisms_kind_check" CHECK ("coordination_mechanisms"."kind" in ('national_task_force','national_referral_mechanism','inter_agency_group','regional_network','working_group','other'))
);
--> statement-breakpoint
CREATE TABLE "focal_point_contacts" (
	"focal_point_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"email" text,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "focal_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" text,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mechanism_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mechanism_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"place" text,
	"summary" text,
	"attendee_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mechanism_members" (
	"mechanism_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"joined_on" date,
	"left_on" date,
	CONSTRAINT "mechanism_members_mechanism_id_organisation_id_pk" PRIMARY KEY("mechanism_id","organisation_id"),
	CONSTRAINT "mechanism_members_role_check" CHECK ("mechanism_members"."role" in ('chair','secretariat','member','observer'))
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "countries_of_operation" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "mandate" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_coordination_mechanism_id_coordination_mechanisms_id_fk" FOREIGN KEY ("coordination_mechanism_id") REFERENCES "public"."coordination_mechanisms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_versions" ADD CONSTRAINT "activity_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_needs" ADD CONSTRAINT "coverage_needs_iso3_countries_iso3_fk" FOREIGN KEY ("iso3") REFERENCES "public"."countries"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_needs" ADD CONSTRAINT "coverage_needs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focal_point_contacts" ADD CONSTRAINT "focal_point_contacts_focal_point_id_focal_points_id_fk" FOREIGN KEY ("focal_point_id") REFERENCES "public"."focal_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focal_point_contacts" ADD CONSTRAINT "focal_point_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focal_points" ADD CONSTRAINT "focal_points_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mechanism_meetings" ADD CONSTRAINT "mechanism_meetings_mechanism_id_coordination_mechanisms_id_fk" FOREIGN KEY ("mechanism_id") REFERENCES "public"."coordination_mechanisms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mechanism_members" ADD CONSTRAINT "mechanism_members_mechanism_id_coordination_mechanisms_id_fk" FOREIGN KEY ("mechanism_id") REFERENCES "public"."coordination_mechanisms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mechanism_members" ADD CONSTRAINT "mechanism_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activities_identifier_key" ON "activities" USING btree ("identifier");--> statement-breakpoint
CREATE INDEX "activities_lead_idx" ON "activities" USING btree ("lead_organisation_id");--> statement-breakpoint
CREATE INDEX "activities_pillar_type_idx" ON "activities" USING btree ("pillar","activity_type");--> statement-breakpoint
CREATE INDEX "activities_country_codes_idx" ON "activities" USING gin ("country_codes");--> statement-breakpoint
CREATE INDEX "activities_mechanism_idx" ON "activities" USING btree ("coordination_mechanism_id");--> statement-breakpoint
CREATE INDEX "coverage_needs_country_idx" ON "coverage_needs" USING btree ("iso3","from_year");--> statement-breakpoint
CREATE UNIQUE INDEX "coordination_mechanisms_name_key" ON "coordination_mechanisms" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "focal_points_organisation_idx" ON "focal_points" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "mechanism_meetings_mechanism_idx" ON "mechanism_meetings" USING btree ("mechanism_id","held_on");--> statement-breakpoint
CREATE INDEX "mechanism_members_organisation_idx" ON "mechanism_members" USING btree ("organisation_id");--> statement-breakpoint
-- Hand-written below: grants and row-level security for the tables above (see 0002_access.sql).
-- Only these tables: a grant on all tables would undo the audit trail's REVOKE in 0002.
GRANT SELECT, INSERT, UPDATE, DELETE ON activities, coverage_needs, coordination_mechanisms, mechanism_members,
  mechanism_meetings, focal_points, focal_point_contacts TO concerted_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON activity_versions TO concerted_app;
--> statement-breakpoint
-- Whether the requester may edit records held by an organisation: editors and organisation admins of it.
CREATE OR REPLACE FUNCTION app_can_edit_for(org uuid) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT app_is_admin() OR app_is_coordinator() OR (org = ANY (app_org_ids()) AND EXISTS (
     SELECT 1 FROM memberships m WHERE m.user_id = app_user_id() AND m.organisation_id = org
       AND m.role IN ('org_admin', 'editor'))) $$;
--> statement-breakpoint
ALTER TABLE activities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The public sees published activities; every signed-in partner sees all of them.
CREATE POLICY activities_read ON activities FOR SELECT USING (is_published OR app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY activities_create ON activities FOR INSERT WITH CHECK (app_can_edit_for(lead_organisation_id));
--> statement-breakpoint
CREATE POLICY activities_change ON activities FOR UPDATE
  USING (app_can_edit_for(lead_organisation_id)) WITH CHECK (app_can_edit_for(lead_organisation_id));
--> statement-breakpoint
CREATE POLICY activities_remove ON activities FOR DELETE USING (app_can_edit_for(lead_organisation_id));
--> statement-breakpoint
ALTER TABLE activity_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Versions are append-only: a request may add one, never change or remove one.
REVOKE UPDATE, DELETE, TRUNCATE ON activity_versions FROM concerted_app;
--> statement-breakpoint
CREATE POLICY activity_versions_read ON activity_versions FOR SELECT
  USING (is_published OR app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY activity_versions_append ON activity_versions FOR INSERT
  WITH CHECK (app_can_edit_for(lead_organisation_id));
--> statement-breakpoint
ALTER TABLE coverage_needs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY coverage_needs_read ON coverage_needs FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY coverage_needs_write ON coverage_needs FOR ALL
  USING (app_is_admin() OR app_is_coordinator()) WITH CHECK (app_is_admin() OR app_is_coordinator());
--> statement-breakpoint
ALTER TABLE coordination_mechanisms ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY coordination_mechanisms_read ON coordination_mechanisms FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY coordination_mechanisms_write ON coordination_mechanisms FOR ALL
  USING (app_is_admin() OR app_is_coordinator()) WITH CHECK (app_is_admin() OR app_is_coordinator());
--> statement-breakpoint
ALTER TABLE mechanism_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mechanism_members_read ON mechanism_members FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY mechanism_members_write ON mechanism_members FOR ALL
  USING (app_is_admin() OR app_is_coordinator()) WITH CHECK (app_is_admin() OR app_is_coordinator());
--> statement-breakpoint
ALTER TABLE mechanism_meetings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mechanism_meetings_read ON mechanism_meetings FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY mechanism_meetings_write ON mechanism_meetings FOR ALL
  USING (app_is_admin() OR app_is_coordinator()) WITH CHECK (app_is_admin() OR app_is_coordinator());
--> statement-breakpoint
ALTER TABLE focal_points ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY focal_points_read ON focal_points FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY focal_points_write ON focal_points FOR ALL
  USING (app_is_admin() OR app_is_coordinator() OR organisation_id = ANY (app_manage_org_ids()))
  WITH CHECK (app_is_admin() OR app_is_coordinator() OR organisation_id = ANY (app_manage_org_ids()));
--> statement-breakpoint
ALTER TABLE focal_point_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- How to reach a focal point is for signed-in partners only.
CREATE POLICY focal_point_contacts_read ON focal_point_contacts FOR SELECT USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY focal_point_contacts_write ON focal_point_contacts FOR ALL
  USING (app_is_admin() OR app_is_coordinator() OR organisation_id = ANY (app_manage_org_ids()))
  WITH CHECK (app_is_admin() OR app_is_coordinator() OR organisation_id = ANY (app_manage_org_ids()));
--> statement-breakpoint
CREATE INDEX activity_versions_changed_idx ON activity_versions USING btree (changed_at);
