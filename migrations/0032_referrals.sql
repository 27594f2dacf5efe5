-- Referrals from a case to another organisation: who asked whom for what, its stage, due date and each
-- change of state with its reason. The receiving organisation's case staff see the referral, and through
-- app_referral_shared() only the fields its service needs, and only while it is open.
CREATE TABLE "referrals" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE cascade,
  "case_code" text NOT NULL,
  "from_organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
  "to_organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
  "service" text NOT NULL,
  "shared_person_fields" text[] NOT NULL,
  "shared_facts" text[] NOT NULL,
  "status" text DEFAULT 'requested' NOT NULL
    CHECK ("status" IN ('requested', 'accepted', 'declined', 'in_progress', 'completed', 'closed')),
  "cross_border" boolean DEFAULT false NOT NULL,
  "stage" text,
  "due_on" date,
  "note" text,
  "consent_override_reason" text,
  "consent_override_by" uuid REFERENCES "users"("id") ON DELETE set null,
  "created_by" uuid REFERENCES "users"("id") ON DELETE set null,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "version" integer DEFAULT 1 NOT NULL,
  CONSTRAINT "referrals_elsewhere" CHECK ("from_organisation_id" <> "to_organisation_id")
);
--> statement-breakpoint
CREATE INDEX "referrals_case" ON "referrals" ("case_id", "created_at" DESC);
--> statement-breakpoint
CREATE INDEX "referrals_inbox" ON "referrals" ("to_organisation_id", "status", "due_on");
--> statement-breakpoint
CREATE TABLE "referral_events" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "referral_id" uuid NOT NULL REFERENCES "referrals"("id") ON DELETE cascade,
  "status" text NOT NULL,
  "reason" text,
  "by_user_id" uuid REFERENCES "users"("id") ON DELETE set null,
  "at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "referral_events_referral" ON "referral_events" ("referral_id", "at");
--> statement-breakpoint
-- The referral is seen by whoever sees its case, and by the receiving organisation's case staff.
CREATE OR REPLACE FUNCTION app_receives_referrals_for(target uuid) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT target = ANY (app_case_manager_org_ids()) OR target = ANY (app_case_worker_org_ids()) $$;
--> statement-breakpoint
ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE referrals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY referrals_read ON referrals FOR SELECT USING (
  EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id) OR app_receives_referrals_for(to_organisation_id));
--> statement-breakpoint
CREATE POLICY referrals_create ON referrals FOR INSERT WITH CHECK (
  EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.organisation_id = from_organisation_id));
--> statement-breakpoint
CREATE POLICY referrals_change ON referrals FOR UPDATE
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id) OR app_receives_referrals_for(to_organisation_id))
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id) OR app_receives_referrals_for(to_organisation_id));
--> statement-breakpoint
ALTER TABLE referral_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE referral_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY referral_events_referral ON referral_events FOR ALL
  USING (EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id))
  WITH CHECK (EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id));
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON referrals FROM concerted_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON referral_events FROM concerted_app;
--> statement-breakpoint
-- Whether the referral may carry personal data now: it is open, and the person's consent to share with
-- the receiver is in force, or a case manager overrode its absence and the person has not refused or
-- withdrawn it since.
CREATE OR REPLACE FUNCTION referral_may_share(r referrals) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT r.status IN ('requested', 'accepted', 'in_progress')
     AND (app_consent_allows(r.case_id, 'share_with_organisation', r.to_organisation_id)
          OR (r.consent_override_reason IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM case_consents c
                WHERE c.case_id = r.case_id AND c.purpose = 'share_with_organisation'
                  AND c.recipient_organisation_id = r.to_organisation_id
                  AND c.recorded_at > r.created_at AND c.decision <> 'given'))) $$;
--> statement-breakpoint
-- For the receiving side, who cannot see the case: the case code, the facts and the sealed person record,
-- only for a referral addressed to one of their organisations that may share now. The caller opens the
-- sealed fields and keeps only those the referral names.
CREATE OR REPLACE FUNCTION app_referral_shared(target uuid)
RETURNS TABLE (case_id uuid, facts jsonb, master_key_id text, wrapped_data_key text, fields jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT c.id, jsonb_build_object(
       'sex', c.sex, 'gender', c.gender,
       'ageBandAtIdentification', c.age_band_at_identification, 'ageBandWhenTrafficked', c.age_band_when_trafficked,
       'citizenship', c.citizenship, 'recruitmentCountries', c.recruitment_countries,
       'transitCountries', c.transit_countries, 'exploitationCountries', c.exploitation_countries,
       'formsOfExploitation', c.forms_of_exploitation, 'sector', c.sector, 'meansOfControl', c.means_of_control,
       'recruitmentChannel', c.recruitment_channel, 'recruiterRelation', c.recruiter_relation),
     p.master_key_id, p.wrapped_data_key, p.fields
   FROM referrals r
   JOIN cases c ON c.id = r.case_id
   LEFT JOIN persons p ON p.case_id = r.case_id
   WHERE r.id = target AND app_receives_referrals_for(r.to_organisation_id) AND referral_may_share(r) $$;
--> statement-breakpoint
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['referrals', 'referral_events'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO %I USING (true) WITH CHECK (true)', target || '_upkeep', target, current_user);
    PERFORM data_version_watch(target::regclass);
  END LOOP;
END
$$;
