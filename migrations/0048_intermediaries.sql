-- The register of intermediaries (Chair's summary ¶17, ¶18): recruitment, marriage, modelling, adoption,
-- study-abroad and travel agencies, their licences as the issuing authority states them, inspections,
-- complaints and sanctions. The register is public: anyone, signed in or not, reads agencies, their names,
-- licences, inspections and sanctions. Complaints are never read by the public: they have no text at all,
-- and reach a reader only as counts from intermediary_public_counts(), which answers nothing below the
-- small-count minimum. Referrals that name an agency are linked by case staff and seen only by those who
-- see the referral; the public gets their number the same way. Coordinators and administrators keep the
-- register; an agency may name the organisation that keeps it (an issuing authority), whose editors do too.
CREATE TABLE "intermediary_agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL CHECK (length(btrim("name")) > 0),
	"other_names" text[] NOT NULL DEFAULT '{}',
	"kind" text NOT NULL CHECK ("kind" IN ('recruitment', 'marriage', 'modelling', 'adoption', 'study_abroad',
		'travel')),
	"country_iso3" char(3) NOT NULL REFERENCES "countries"("iso3"),
	"address" text,
	"registration_number" text,
	-- The registration number as compared (no spaces, dashes or case): a file imported again finds its agency.
	"registration_key" text,
	"keeper_organisation_id" uuid REFERENCES "organisations"("id"),
	"version" integer NOT NULL DEFAULT 1,
	"created_by" uuid REFERENCES "users"("id") ON DELETE set null,
	"created_at" timestamptz NOT NULL DEFAULT now(),
	"updated_at" timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE UNIQUE INDEX "intermediary_agencies_registration" ON "intermediary_agencies" ("country_iso3", "registration_key")
	WHERE "registration_key" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "intermediary_agencies_country_name" ON "intermediary_agencies" ("country_iso3", "name");
--> statement-breakpoint
-- Every name of an agency (its own and other names) in the form names are compared in, one row each, so
-- that a look-up by name reads a few rows through the trigram index instead of the whole register.
CREATE TABLE "intermediary_agency_names" (
	"agency_id" uuid NOT NULL REFERENCES "intermediary_agencies"("id") ON DELETE cascade,
	"comparable" text NOT NULL,
	"is_other" boolean NOT NULL,
	PRIMARY KEY ("agency_id", "comparable")
);
--> statement-breakpoint
CREATE INDEX "intermediary_agency_names_trigrams" ON "intermediary_agency_names" USING gin ("comparable" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "intermediary_agency_names_exact" ON "intermediary_agency_names" ("comparable");
--> statement-breakpoint
CREATE TABLE "intermediary_licences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL REFERENCES "intermediary_agencies"("id") ON DELETE cascade,
	"number" text NOT NULL CHECK (length(btrim("number")) > 0),
	"number_key" text NOT NULL,
	"issuing_authority" text NOT NULL,
	"status" text NOT NULL CHECK ("status" IN ('active', 'suspended', 'revoked')),
	"valid_from" date,
	"valid_until" date,
	"status_since" date,
	"status_until" date,
	"updated_at" timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT "intermediary_licences_dates_in_order" CHECK ("valid_from" IS NULL OR "valid_until" IS NULL
		OR "valid_from" <= "valid_until"),
	CONSTRAINT "intermediary_licences_one_per_authority" UNIQUE ("agency_id", "number_key", "issuing_authority")
);
--> statement-breakpoint
CREATE INDEX "intermediary_licences_number" ON "intermediary_licences" ("number_key");
--> statement-breakpoint
CREATE TABLE "intermediary_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL REFERENCES "intermediary_agencies"("id") ON DELETE cascade,
	"inspected_on" date NOT NULL,
	"outcome" text NOT NULL CHECK ("outcome" IN ('compliant', 'deficiencies', 'violations', 'not_at_address')),
	"authority" text,
	"created_by" uuid REFERENCES "users"("id") ON DELETE set null,
	"created_at" timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX "intermediary_inspections_agency" ON "intermediary_inspections" ("agency_id", "inspected_on" DESC);
--> statement-breakpoint
-- No text column: nothing about who complained can be written down here.
CREATE TABLE "intermediary_complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL REFERENCES "intermediary_agencies"("id") ON DELETE cascade,
	"received_on" date NOT NULL,
	"category" text NOT NULL CHECK ("category" IN ('fees', 'deception', 'documents_withheld', 'debt', 'abuse',
		'unlicensed_activity', 'other')),
	"status" text NOT NULL CHECK ("status" IN ('received', 'investigating', 'upheld', 'dismissed', 'withdrawn')),
	"created_by" uuid REFERENCES "users"("id") ON DELETE set null,
	"created_at" timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX "intermediary_complaints_agency" ON "intermediary_complaints" ("agency_id", "received_on");
--> statement-breakpoint
CREATE TABLE "intermediary_sanctions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL REFERENCES "intermediary_agencies"("id") ON DELETE cascade,
	"imposed_on" date NOT NULL,
	"kind" text NOT NULL CHECK ("kind" IN ('warning', 'fine', 'suspension', 'licence_revocation', 'ban', 'closure')),
	"until" date,
	"authority" text,
	"created_by" uuid REFERENCES "users"("id") ON DELETE set null,
	"created_at" timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT "intermediary_sanctions_dates_in_order" CHECK ("until" IS NULL OR "until" >= "imposed_on")
);
--> statement-breakpoint
CREATE INDEX "intermediary_sanctions_agency" ON "intermediary_sanctions" ("agency_id", "imposed_on" DESC);
--> statement-breakpoint
-- A referral that names the agency which recruited the person: the link says nothing else, and only those
-- who see the referral see it.
CREATE TABLE "intermediary_referral_links" (
	"referral_id" uuid NOT NULL REFERENCES "referrals"("id") ON DELETE cascade,
	"agency_id" uuid NOT NULL REFERENCES "intermediary_agencies"("id") ON DELETE cascade,
	"linked_by" uuid REFERENCES "users"("id") ON DELETE set null,
	"linked_on" date NOT NULL DEFAULT current_date,
	PRIMARY KEY ("referral_id", "agency_id")
);
--> statement-breakpoint
CREATE INDEX "intermediary_referral_links_agency" ON "intermediary_referral_links" ("agency_id", "linked_on");
--> statement-breakpoint
-- Who keeps an agency's record: coordinators and administrators, and the editors of its keeping organisation.
CREATE OR REPLACE FUNCTION app_can_keep_intermediary(agency uuid) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT app_is_admin() OR app_is_coordinator() OR EXISTS (SELECT 1 FROM intermediary_agencies a
     WHERE a.id = agency AND a.keeper_organisation_id IS NOT NULL AND app_can_edit_for(a.keeper_organisation_id)) $$;
--> statement-breakpoint
ALTER TABLE intermediary_agencies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE intermediary_agencies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY intermediary_agencies_read ON intermediary_agencies FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY intermediary_agencies_create ON intermediary_agencies FOR INSERT
  WITH CHECK (app_is_admin() OR app_is_coordinator()
    OR (keeper_organisation_id IS NOT NULL AND app_can_edit_for(keeper_organisation_id)));
--> statement-breakpoint
CREATE POLICY intermediary_agencies_change ON intermediary_agencies FOR UPDATE
  USING (app_is_admin() OR app_is_coordinator()
    OR (keeper_organisation_id IS NOT NULL AND app_can_edit_for(keeper_organisation_id)))
  WITH CHECK (app_is_admin() OR app_is_coordinator()
    OR (keeper_organisation_id IS NOT NULL AND app_can_edit_for(keeper_organisation_id)));
--> statement-breakpoint
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['intermediary_agency_names', 'intermediary_licences', 'intermediary_inspections',
      'intermediary_sanctions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', target);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (true)', target || '_read', target);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK (app_can_keep_intermediary(agency_id))',
      target || '_create', target);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING (app_can_keep_intermediary(agency_id)) '
      'WITH CHECK (app_can_keep_intermediary(agency_id))', target || '_change', target);
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING (app_can_keep_intermediary(agency_id))',
      target || '_remove', target);
  END LOOP;
END
$$;
--> statement-breakpoint
-- Complaints: only their keepers read them; anyone else, the counts below.
ALTER TABLE intermediary_complaints ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE intermediary_complaints FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY intermediary_complaints_keepers ON intermediary_complaints FOR ALL
  USING (app_user_id() IS NOT NULL AND app_can_keep_intermediary(agency_id))
  WITH CHECK (app_user_id() IS NOT NULL AND app_can_keep_intermediary(agency_id));
--> statement-breakpoint
ALTER TABLE intermediary_referral_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE intermediary_referral_links FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY intermediary_referral_links_case ON intermediary_referral_links FOR ALL
  USING (EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id))
  WITH CHECK (EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id));
--> statement-breakpoint
-- Complaints counted (received, under investigation or upheld) and referrals linked in the window that ends
-- on until_day, per agency. A count under the minimum answers 0: the caller, however it asks, cannot tell
-- one complaint or one referred person from none. Security definer: the requester cannot read the rows.
CREATE OR REPLACE FUNCTION intermediary_public_counts(agency_ids uuid[], after_day date, until_day date,
    minimum integer)
RETURNS TABLE (agency_id uuid, complaints integer, referrals integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ WITH wanted AS (SELECT DISTINCT unnest(agency_ids) AS id),
   c AS (SELECT k.agency_id AS id, count(*)::int AS n FROM intermediary_complaints k
         WHERE k.agency_id = ANY (agency_ids) AND k.status IN ('received', 'investigating', 'upheld')
           AND k.received_on > after_day AND k.received_on <= until_day GROUP BY k.agency_id),
   r AS (SELECT l.agency_id AS id, count(*)::int AS n FROM intermediary_referral_links l
         WHERE l.agency_id = ANY (agency_ids) AND l.linked_on > after_day AND l.linked_on <= until_day
         GROUP BY l.agency_id)
   SELECT w.id,
     CASE WHEN coalesce(c.n, 0) >= greatest(minimum, 1) THEN c.n ELSE 0 END,
     CASE WHEN coalesce(r.n, 0) >= greatest(minimum, 1) THEN r.n ELSE 0 END
   FROM wanted w LEFT JOIN c ON c.id = w.id LEFT JOIN r ON r.id = w.id $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION intermediary_public_counts(uuid[], date, date, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION intermediary_public_counts(uuid[], date, date, integer) TO concerted_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON intermediary_agencies, intermediary_agency_names, intermediary_licences,
  intermediary_inspections, intermediary_complaints, intermediary_sanctions, intermediary_referral_links
  TO concerted_app;
--> statement-breakpoint
REVOKE DELETE ON intermediary_agencies FROM concerted_app;
--> statement-breakpoint
REVOKE TRUNCATE ON intermediary_agencies, intermediary_agency_names, intermediary_licences,
  intermediary_inspections, intermediary_complaints, intermediary_sanctions, intermediary_referral_links
  FROM concerted_app;
--> statement-breakpoint
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['intermediary_agencies', 'intermediary_agency_names', 'intermediary_licences',
      'intermediary_inspections', 'intermediary_complaints', 'intermediary_sanctions',
      'intermediary_referral_links'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO %I USING (true) WITH CHECK (true)', target || '_upkeep', target, current_user);
    PERFORM data_version_watch(target::regclass);
  END LOOP;
END
$$;
