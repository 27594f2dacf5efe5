-- Commitments of employers' ethical associations and travel-sector signatories (Chair's summary ¶23, ¶31):
-- a partner organisation signs a code or principle (a code of the commitment_code list, or another named by
-- the organisation) on a date, for countries and sectors, undertaking what it says; the commitment stays
-- active, lapses or is withdrawn, and the organisation reports its progress over time. The public reads
-- published commitments and the public progress reports on them; an organisation's editors read and write
-- their own, drafts and internal reports included; coordinators everything. A withdrawn commitment is kept.
CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"code" text NOT NULL CHECK ("code" IN ('travel_child_protection_code', 'global_code_of_ethics_tourism',
		'athens_ethical_principles', 'employer_pays_principle', 'fair_recruitment_principles', 'other')),
	"other_code_name" text CHECK ("other_code_name" IS NULL OR length(btrim("other_code_name")) > 0),
	"signed_on" date NOT NULL,
	"countries" text[] NOT NULL DEFAULT '{}',
	"sectors" text[] NOT NULL DEFAULT '{}' CHECK ("sectors" <@ ARRAY['travel_tourism', 'hospitality',
		'air_transport', 'ground_sea_transport', 'recruitment', 'agriculture', 'construction', 'manufacturing',
		'fishing', 'domestic_work', 'other_sector']),
	"undertaking" text NOT NULL CHECK (length(btrim("undertaking")) > 0),
	"status" text NOT NULL DEFAULT 'active' CHECK ("status" IN ('active', 'lapsed', 'withdrawn')),
	"is_published" boolean NOT NULL DEFAULT false,
	"created_by" uuid REFERENCES "users"("id"),
	"created_at" timestamptz NOT NULL DEFAULT now(),
	"updated_at" timestamptz NOT NULL DEFAULT now(),
	-- "Another code" is only meaningful with its name; a listed code has its name in the list.
	CONSTRAINT "commitments_other_code_named" CHECK (("code" = 'other') = ("other_code_name" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "commitment_progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL REFERENCES "commitments"("id"),
	"reported_on" date NOT NULL,
	"summary" text NOT NULL CHECK (length(btrim("summary")) > 0),
	"is_public" boolean NOT NULL DEFAULT false,
	"created_by" uuid REFERENCES "users"("id"),
	"created_at" timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX "commitments_organisation" ON "commitments" ("organisation_id");
--> statement-breakpoint
CREATE INDEX "commitments_code" ON "commitments" ("code", "signed_on" DESC);
--> statement-breakpoint
CREATE INDEX "commitments_countries" ON "commitments" USING gin ("countries");
--> statement-breakpoint
CREATE INDEX "commitment_progress_reports_commitment" ON "commitment_progress_reports"
	("commitment_id", "reported_on" DESC);
--> statement-breakpoint
ALTER TABLE commitments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE commitments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY commitments_read ON commitments FOR SELECT
  USING (is_published OR app_can_edit_for(organisation_id));
--> statement-breakpoint
CREATE POLICY commitments_create ON commitments FOR INSERT WITH CHECK (app_can_edit_for(organisation_id));
--> statement-breakpoint
CREATE POLICY commitments_change ON commitments FOR UPDATE
  USING (app_can_edit_for(organisation_id)) WITH CHECK (app_can_edit_for(organisation_id));
--> statement-breakpoint
ALTER TABLE commitment_progress_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE commitment_progress_reports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A public report on a published commitment is public; the rest stay with the signatory and coordinators.
CREATE POLICY commitment_progress_reports_read ON commitment_progress_reports FOR SELECT USING (EXISTS (
  SELECT 1 FROM commitments c WHERE c.id = commitment_id
    AND ((is_public AND c.is_published) OR app_can_edit_for(c.organisation_id))));
--> statement-breakpoint
CREATE POLICY commitment_progress_reports_write ON commitment_progress_reports FOR ALL
  USING (EXISTS (SELECT 1 FROM commitments c WHERE c.id = commitment_id AND app_can_edit_for(c.organisation_id)))
  WITH CHECK (EXISTS (SELECT 1 FROM commitments c WHERE c.id = commitment_id
    AND app_can_edit_for(c.organisation_id)));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON commitments, commitment_progress_reports TO concerted_app;
--> statement-breakpoint
REVOKE TRUNCATE ON commitments, commitment_progress_reports FROM concerted_app;
--> statement-breakpoint
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['commitments', 'commitment_progress_reports'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO %I USING (true) WITH CHECK (true)', target || '_upkeep', target, current_user);
    PERFORM data_version_watch(target::regclass);
  END LOOP;
END
$$;
