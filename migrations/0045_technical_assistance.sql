-- Technical assistance (Chair's summary ¶34): needs that countries post (a pillar, a kind of help, the
-- languages it can be given in, a date it is wanted by) and offers that partners make; a need's poster
-- accepts one offer (the need is then matched, later delivered) or declines it, and a declined offer is
-- never suggested for that need again. Suggestions themselves are computed when asked, never stored, so
-- that they follow the offers as these change. Signed-in partners read everything; an organisation's
-- editors write their own needs and offers, and the decisions on their needs; coordinators everything.
CREATE TABLE "assistance_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"title" text NOT NULL CHECK (length(btrim("title")) > 0),
	"description" text NOT NULL DEFAULT '',
	"pillars" text[] NOT NULL CHECK (cardinality("pillars") > 0
		AND "pillars" <@ ARRAY['prevention', 'protection', 'prosecution', 'partnership']),
	"kinds" text[] NOT NULL CHECK (cardinality("kinds") > 0 AND "kinds" <@ ARRAY['legislation', 'training',
		'specialised_units', 'data_systems', 'victim_services', 'coordination', 'research', 'other']),
	"countries" text[] NOT NULL DEFAULT '{}',
	"languages" text[] NOT NULL DEFAULT '{}' CHECK ("languages" <@ ARRAY['ar', 'zh', 'en', 'fr', 'ru', 'es']),
	"available_from" date,
	"available_until" date,
	"status" text NOT NULL DEFAULT 'open' CHECK ("status" IN ('open', 'withdrawn')),
	"created_by" uuid REFERENCES "users"("id"),
	"created_at" timestamptz NOT NULL DEFAULT now(),
	"updated_at" timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT "assistance_offers_dates_in_order" CHECK ("available_from" IS NULL OR "available_until" IS NULL
		OR "available_from" <= "available_until")
);
--> statement-breakpoint
CREATE TABLE "assistance_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"country_iso3" char(3) NOT NULL REFERENCES "countries"("iso3"),
	"pillar" text NOT NULL CHECK ("pillar" IN ('prevention', 'protection', 'prosecution', 'partnership')),
	"kind" text NOT NULL CHECK ("kind" IN ('legislation', 'training', 'specialised_units', 'data_systems',
		'victim_services', 'coordination', 'research', 'other')),
	"title" text NOT NULL CHECK (length(btrim("title")) > 0),
	"description" text NOT NULL DEFAULT '',
	"languages" text[] NOT NULL DEFAULT '{}' CHECK ("languages" <@ ARRAY['ar', 'zh', 'en', 'fr', 'ru', 'es']),
	"wanted_by" date,
	"status" text NOT NULL DEFAULT 'open' CHECK ("status" IN ('open', 'matched', 'delivered', 'withdrawn')),
	"matched_offer_id" uuid REFERENCES "assistance_offers"("id"),
	"created_by" uuid REFERENCES "users"("id"),
	"created_at" timestamptz NOT NULL DEFAULT now(),
	"updated_at" timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT "assistance_needs_matched_has_offer" CHECK ("status" NOT IN ('matched', 'delivered')
		OR "matched_offer_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "assistance_matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL REFERENCES "assistance_needs"("id"),
	"offer_id" uuid NOT NULL REFERENCES "assistance_offers"("id"),
	"status" text NOT NULL CHECK ("status" IN ('accepted', 'declined')),
	"note" text NOT NULL DEFAULT '',
	"delivered_at" timestamptz,
	"decided_by" uuid REFERENCES "users"("id"),
	"decided_at" timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT "assistance_matches_one_decision_per_pair" UNIQUE ("need_id", "offer_id"),
	CONSTRAINT "assistance_matches_delivered_was_accepted" CHECK ("delivered_at" IS NULL OR "status" = 'accepted')
);
--> statement-breakpoint
-- A need is met by one offer at most.
CREATE UNIQUE INDEX "assistance_matches_one_accepted_per_need" ON "assistance_matches" ("need_id")
	WHERE "status" = 'accepted';
--> statement-breakpoint
CREATE INDEX "assistance_matches_offer" ON "assistance_matches" ("offer_id");
--> statement-breakpoint
CREATE INDEX "assistance_needs_status_created" ON "assistance_needs" ("status", "created_at" DESC);
--> statement-breakpoint
CREATE INDEX "assistance_needs_organisation" ON "assistance_needs" ("organisation_id");
--> statement-breakpoint
CREATE INDEX "assistance_offers_status_created" ON "assistance_offers" ("status", "created_at" DESC);
--> statement-breakpoint
CREATE INDEX "assistance_offers_organisation" ON "assistance_offers" ("organisation_id");
--> statement-breakpoint
ALTER TABLE assistance_offers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE assistance_offers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY assistance_offers_read ON assistance_offers FOR SELECT USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY assistance_offers_write ON assistance_offers FOR ALL
  USING (app_can_edit_for(organisation_id)) WITH CHECK (app_can_edit_for(organisation_id));
--> statement-breakpoint
ALTER TABLE assistance_needs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE assistance_needs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY assistance_needs_read ON assistance_needs FOR SELECT USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY assistance_needs_write ON assistance_needs FOR ALL
  USING (app_can_edit_for(organisation_id)) WITH CHECK (app_can_edit_for(organisation_id));
--> statement-breakpoint
ALTER TABLE assistance_matches ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE assistance_matches FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY assistance_matches_read ON assistance_matches FOR SELECT USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
-- The decisions on a need are its poster's (or a coordinator's), whoever made the offer.
CREATE POLICY assistance_matches_write ON assistance_matches FOR ALL
  USING (EXISTS (SELECT 1 FROM assistance_needs n WHERE n.id = need_id AND app_can_edit_for(n.organisation_id)))
  WITH CHECK (EXISTS (SELECT 1 FROM assistance_needs n WHERE n.id = need_id AND app_can_edit_for(n.organisation_id)));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON assistance_offers, assistance_needs, assistance_matches TO concerted_app;
--> statement-breakpoint
REVOKE TRUNCATE ON assistance_offers, assistance_needs, assistance_matches FROM concerted_app;
--> statement-breakpoint
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['assistance_offers', 'assistance_needs', 'assistance_matches'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO %I USING (true) WITH CHECK (true)', target || '_upkeep', target, current_user);
    PERFORM data_version_watch(target::regclass);
  END LOOP;
END
$$;
