-- Cross-border referral packages: the partner installations whose public keys are registered here, and
-- the packages received from them (each once). And the reflection and recovery period of a case.
CREATE TABLE "exchange_partners" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "name" text NOT NULL,
  "country" char(3),
  "signing_public_key" text NOT NULL,
  "agreement_public_key" text NOT NULL,
  "fingerprint" text NOT NULL,
  "created_by" uuid REFERENCES "users"("id") ON DELETE set null,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "exchange_partners_fingerprint_key" UNIQUE ("fingerprint")
);
--> statement-breakpoint
CREATE TABLE "received_packages" (
  "package_id" uuid PRIMARY KEY NOT NULL,
  "partner_id" uuid NOT NULL REFERENCES "exchange_partners"("id"),
  "case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE cascade,
  "service" text NOT NULL,
  "stage" text,
  "due_on" date,
  "sender_case_code" text NOT NULL,
  "received_by" uuid REFERENCES "users"("id") ON DELETE set null,
  "received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "reflection_starts_on" date;
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "reflection_ends_on" date;
--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_reflection_thirty_days" CHECK (
  ("reflection_starts_on" IS NULL) = ("reflection_ends_on" IS NULL)
  AND ("reflection_ends_on" IS NULL OR "reflection_ends_on" >= "reflection_starts_on" + 30));
--> statement-breakpoint
ALTER TABLE exchange_partners ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE exchange_partners FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY exchange_partners_read ON exchange_partners FOR SELECT USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY exchange_partners_manage ON exchange_partners FOR ALL
  USING (app_is_admin() OR app_is_coordinator()) WITH CHECK (app_is_admin() OR app_is_coordinator());
--> statement-breakpoint
ALTER TABLE received_packages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE received_packages FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY received_packages_case ON received_packages FOR ALL
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON received_packages FROM concerted_app;
--> statement-breakpoint
-- Whether a package was already received, and as which case code, asked by anyone importing it: a second
-- import must create nothing even when the first case is out of the importer's sight.
CREATE OR REPLACE FUNCTION app_package_received_as(target uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT c.code FROM received_packages p JOIN cases c ON c.id = p.case_id WHERE p.package_id = target $$;
--> statement-breakpoint
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['exchange_partners', 'received_packages'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO %I USING (true) WITH CHECK (true)', target || '_upkeep', target, current_user);
    PERFORM data_version_watch(target::regclass);
  END LOOP;
END
$$;
