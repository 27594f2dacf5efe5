-- Screenings kept on a case, and the person's consent per purpose and recipient. Both are append-only:
-- a new screening or a new consent decision is a new row, so that the history of each stays as it was.
CREATE TABLE "case_screenings" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE cascade,
  "rules_version" text NOT NULL,
  "age_at_recruitment" integer,
  "answers" jsonb NOT NULL,
  "indicators" text[] DEFAULT '{}' NOT NULL,
  "outcomes" text[] NOT NULL,
  "screened_by" uuid REFERENCES "users"("id") ON DELETE set null,
  "screened_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "case_screenings_case" ON "case_screenings" ("case_id", "screened_at" DESC);
--> statement-breakpoint
CREATE TABLE "case_consents" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE cascade,
  "purpose" text NOT NULL
    CHECK ("purpose" IN ('receive_services', 'share_with_organisation', 'statistics', 'research')),
  "recipient_organisation_id" uuid REFERENCES "organisations"("id"),
  "decision" text NOT NULL CHECK ("decision" IN ('given', 'refused', 'withdrawn')),
  "given_by" text NOT NULL CHECK ("given_by" IN ('person', 'parent_or_guardian', 'legal_representative')),
  "expires_at" timestamp with time zone,
  "recorded_by" uuid REFERENCES "users"("id") ON DELETE set null,
  "recorded_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
  CONSTRAINT "case_consents_recipient" CHECK (("purpose" = 'share_with_organisation') = ("recipient_organisation_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX "case_consents_case" ON "case_consents" ("case_id", "purpose", "recorded_at" DESC);
--> statement-breakpoint
-- Whether the person's latest decision for this purpose (and recipient) is a consent that has not expired.
CREATE OR REPLACE FUNCTION app_consent_allows(target uuid, wanted_purpose text, recipient uuid) RETURNS boolean
LANGUAGE sql STABLE AS
$$ SELECT coalesce((
     SELECT c.decision = 'given' AND (c.expires_at IS NULL OR c.expires_at > now())
     FROM case_consents c
     WHERE c.case_id = target AND c.purpose = wanted_purpose
       AND c.recipient_organisation_id IS NOT DISTINCT FROM recipient
     ORDER BY c.recorded_at DESC, c.id DESC LIMIT 1), false) $$;
--> statement-breakpoint
ALTER TABLE case_screenings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_screenings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_screenings_case ON case_screenings FOR ALL
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));
--> statement-breakpoint
ALTER TABLE case_consents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_consents FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_consents_case ON case_consents FOR ALL
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON case_screenings FROM concerted_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON case_consents FROM concerted_app;
--> statement-breakpoint
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['case_screenings', 'case_consents'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO %I USING (true) WITH CHECK (true)', target || '_upkeep', target, current_user);
    PERFORM data_version_watch(target::regclass);
  END LOOP;
END
$$;
