-- Anonymous reports of job offers, sent only when the person checking an offer chooses to: the agency as
-- they named it, the destination, the sector and the warning signs the check found. There is no column
-- for a name, a phone number or an email, and the day is kept rather than the time. Anyone may send one;
-- only coordinators (and administrators) read them, as counts.
CREATE TABLE "offer_check_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reported_on" date NOT NULL DEFAULT current_date,
	"language" text NOT NULL CHECK ("language" IN ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
	"agency_name" text CHECK ("agency_name" IS NULL OR length(btrim("agency_name")) BETWEEN 1 AND 200),
	"agency_licence_number" text CHECK ("agency_licence_number" IS NULL
		OR length(btrim("agency_licence_number")) BETWEEN 1 AND 100),
	"destination_country" char(3) CHECK ("destination_country" IS NULL OR "destination_country" ~ '^[A-Z]{3}$'),
	"sector" text CHECK ("sector" IS NULL OR "sector" IN ('domestic_work', 'care', 'construction', 'agriculture',
		'fishing', 'hospitality', 'manufacturing', 'entertainment', 'other')),
	"flags" text[] NOT NULL DEFAULT '{}' CHECK (cardinality("flags") <= 30)
);
--> statement-breakpoint
CREATE INDEX "offer_check_reports_reported_on" ON "offer_check_reports" ("reported_on");
--> statement-breakpoint
ALTER TABLE offer_check_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE offer_check_reports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Sending needs no account; reading back does, so a sender cannot list what others sent.
CREATE POLICY offer_check_reports_send ON offer_check_reports FOR INSERT WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY offer_check_reports_read ON offer_check_reports FOR SELECT USING (app_is_admin() OR app_is_coordinator());
--> statement-breakpoint
GRANT SELECT, INSERT ON offer_check_reports TO concerted_app;
--> statement-breakpoint
REVOKE TRUNCATE ON offer_check_reports FROM concerted_app;
--> statement-breakpoint
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['offer_check_reports'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO %I USING (true) WITH CHECK (true)', target || '_upkeep', target, current_user);
    PERFORM data_version_watch(target::regclass);
  END LOOP;
END
$$;
