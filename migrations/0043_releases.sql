-- Privacy-preserving releases: count tables with disclosure control and synthetic microdata, made from the
-- de-identified case data of one organisation or from a CSV file. A release is prepared as a draft (its
-- data, parameters, evaluation and report kept together) and published by a coordinator; published ones are
-- public. Differentially private releases spend a budget kept per dataset, in zero-concentrated DP (rho),
-- which the database refuses to exceed.
CREATE TABLE "release_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset_key" text NOT NULL UNIQUE,
	"label" text NOT NULL,
	"organisation_id" uuid REFERENCES "organisations"("id"),
	"total_rho" double precision NOT NULL CHECK ("total_rho" > 0),
	"spent_rho" double precision NOT NULL DEFAULT 0,
	"created_at" timestamptz NOT NULL DEFAULT now(),
	"updated_at" timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT "release_budgets_not_overspent" CHECK ("spent_rho" >= 0 AND "spent_rho" <= "total_rho" * (1 + 1e-9))
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL CHECK ("kind" IN ('table', 'synthetic')),
	"method" text NOT NULL CHECK ("method" IN ('suppression', 'laplace', 'gaussian', 'k-anonymous', 'dp')),
	"status" text NOT NULL DEFAULT 'draft' CHECK ("status" IN ('draft', 'published', 'withdrawn')),
	"source_kind" text NOT NULL CHECK ("source_kind" IN ('cases', 'file')),
	"source_label" text NOT NULL,
	"organisation_id" uuid REFERENCES "organisations"("id"),
	"budget_id" uuid REFERENCES "release_budgets"("id"),
	"input_rows" integer NOT NULL,
	"input_checksum" text NOT NULL,
	"columns" jsonb NOT NULL,
	"parameters" jsonb NOT NULL,
	"privacy" jsonb NOT NULL,
	"evaluation" jsonb NOT NULL,
	"software_version" text NOT NULL,
	"seed" text,
	"output_rows" integer NOT NULL,
	"output_checksum" text NOT NULL,
	"output_csv_gzip" bytea NOT NULL,
	"report_html" text NOT NULL,
	"created_by" uuid REFERENCES "users"("id"),
	"created_at" timestamptz NOT NULL DEFAULT now(),
	"published_by" uuid REFERENCES "users"("id"),
	"published_at" timestamptz,
	"version" integer NOT NULL DEFAULT 1,
	CONSTRAINT "releases_published_has_publisher" CHECK ("status" = 'draft' OR "published_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX "releases_status_created" ON "releases" ("status", "created_at" DESC);
--> statement-breakpoint
CREATE INDEX "releases_budget" ON "releases" ("budget_id");
--> statement-breakpoint
-- Who prepares releases: from a file, signed-in users whom the access policy allows (coordinators,
-- administrators, analysts); from case data, only the case managers of the organisation holding the cases.
CREATE OR REPLACE FUNCTION app_can_prepare_releases_for(org uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN org IS NULL THEN app_user_id() IS NOT NULL
    ELSE org = ANY(app_case_manager_org_ids()) END
$$;
--> statement-breakpoint
ALTER TABLE release_budgets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE release_budgets FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY release_budgets_read ON release_budgets FOR SELECT USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY release_budgets_write ON release_budgets FOR ALL
  USING (app_can_prepare_releases_for(organisation_id)) WITH CHECK (app_can_prepare_releases_for(organisation_id));
--> statement-breakpoint
ALTER TABLE releases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE releases FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY releases_read ON releases FOR SELECT USING (
  status = 'published' OR created_by = app_user_id() OR app_is_admin() OR app_is_coordinator()
  OR (organisation_id IS NOT NULL AND organisation_id = ANY(app_case_manager_org_ids())));
--> statement-breakpoint
CREATE POLICY releases_create ON releases FOR INSERT WITH CHECK (
  status = 'draft' AND created_by = app_user_id() AND app_can_prepare_releases_for(organisation_id));
--> statement-breakpoint
CREATE POLICY releases_change ON releases FOR UPDATE
  USING (app_is_admin() OR app_is_coordinator() OR created_by = app_user_id()
    OR (organisation_id IS NOT NULL AND organisation_id = ANY(app_case_manager_org_ids())))
  WITH CHECK (app_is_admin() OR app_is_coordinator()
    OR (organisation_id IS NOT NULL AND organisation_id = ANY(app_case_manager_org_ids())));
--> statement-breakpoint
CREATE POLICY releases_discard ON releases FOR DELETE USING (
  status = 'draft' AND (created_by = app_user_id() OR app_is_admin() OR app_is_coordinator()));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON release_budgets, releases TO concerted_app;
--> statement-breakpoint
REVOKE TRUNCATE ON release_budgets, releases FROM concerted_app;
--> statement-breakpoint
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['release_budgets', 'releases'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO %I USING (true) WITH CHECK (true)', target || '_upkeep', target, current_user);
    PERFORM data_version_watch(target::regclass);
  END LOOP;
END
$$;
