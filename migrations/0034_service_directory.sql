-- The service directory: providers (an organisation, registered as a partner or not), the services they
-- offer to victims (shelter, food, health care, legal aid…) with areas served, languages, eligibility,
-- opening hours, capacity and places free, and their locations. Each record is held by a partner
-- organisation whose staff keep it up to date. A service is public when its provider chooses; the
-- address and coordinates of a shelter are never public: only case staff and the holder's staff read them.
CREATE TABLE "service_providers" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
  "partner_organisation_id" uuid REFERENCES "organisations"("id") ON DELETE set null,
  "name" text NOT NULL,
  "description" text,
  "email" text,
  "website" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "service_providers_holder_name" ON "service_providers" ("organisation_id", lower("name"));
--> statement-breakpoint
CREATE TABLE "services" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "provider_id" uuid NOT NULL REFERENCES "service_providers"("id") ON DELETE cascade,
  "organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
  "name" text NOT NULL,
  "category" text NOT NULL,
  "description" text,
  "countries" char(3)[] DEFAULT '{}' NOT NULL,
  "areas" text[] DEFAULT '{}' NOT NULL,
  "languages" text[] DEFAULT '{}' NOT NULL,
  "eligibility" text[] DEFAULT '{}' NOT NULL,
  "opening_hours" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "capacity" integer,
  "places_free" integer,
  "places_updated_at" timestamp with time zone,
  "phones" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "email" text,
  "website" text,
  "is_public" boolean DEFAULT false NOT NULL,
  "created_by" uuid REFERENCES "users"("id") ON DELETE set null,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "version" integer DEFAULT 1 NOT NULL,
  CONSTRAINT "services_places_check" CHECK ("places_free" IS NULL OR ("places_free" >= 0
    AND ("capacity" IS NULL OR "places_free" <= "capacity"))),
  CONSTRAINT "services_capacity_check" CHECK ("capacity" IS NULL OR "capacity" >= 0)
);
--> statement-breakpoint
CREATE INDEX "services_category" ON "services" ("category", "name");
--> statement-breakpoint
CREATE INDEX "services_countries" ON "services" USING gin ("countries");
--> statement-breakpoint
CREATE INDEX "services_provider" ON "services" ("provider_id");
--> statement-breakpoint
CREATE TABLE "service_locations" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "service_id" uuid NOT NULL REFERENCES "services"("id") ON DELETE cascade,
  "organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
  "name" text,
  "address" text,
  "city" text,
  "region" text,
  "postal_code" text,
  "country" char(3),
  "latitude" double precision,
  "longitude" double precision,
  "is_confidential" boolean DEFAULT false NOT NULL,
  CONSTRAINT "service_locations_latitude" CHECK ("latitude" IS NULL OR "latitude" BETWEEN -90 AND 90),
  CONSTRAINT "service_locations_longitude" CHECK ("longitude" IS NULL OR "longitude" BETWEEN -180 AND 180)
);
--> statement-breakpoint
CREATE INDEX "service_locations_service" ON "service_locations" ("service_id");
--> statement-breakpoint
-- Who keeps a service directory record: the holder's editors and organisation admins (as for activities),
-- its case managers (they update places free), administrators and coordinators.
CREATE OR REPLACE FUNCTION app_can_keep_services_for(org uuid) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT app_can_edit_for(org) OR org = ANY (app_case_manager_org_ids()) $$;
--> statement-breakpoint
-- Case staff of any organisation refer victims to shelters, so they may read where a shelter is.
CREATE OR REPLACE FUNCTION app_is_case_staff() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT cardinality(app_case_manager_org_ids()) > 0 OR cardinality(app_case_worker_org_ids()) > 0 $$;
--> statement-breakpoint
ALTER TABLE service_providers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE service_providers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The public sees a provider that offers at least one public service; signed-in partners see all.
CREATE POLICY service_providers_read ON service_providers FOR SELECT USING (
  app_user_id() IS NOT NULL OR EXISTS (SELECT 1 FROM services s WHERE s.provider_id = service_providers.id AND s.is_public));
--> statement-breakpoint
CREATE POLICY service_providers_create ON service_providers FOR INSERT WITH CHECK (app_can_keep_services_for(organisation_id));
--> statement-breakpoint
CREATE POLICY service_providers_change ON service_providers FOR UPDATE
  USING (app_can_keep_services_for(organisation_id)) WITH CHECK (app_can_keep_services_for(organisation_id));
--> statement-breakpoint
ALTER TABLE services ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE services FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY services_read ON services FOR SELECT USING (is_public OR app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY services_create ON services FOR INSERT WITH CHECK (app_can_keep_services_for(organisation_id));
--> statement-breakpoint
CREATE POLICY services_change ON services FOR UPDATE
  USING (app_can_keep_services_for(organisation_id)) WITH CHECK (app_can_keep_services_for(organisation_id));
--> statement-breakpoint
CREATE POLICY services_remove ON services FOR DELETE USING (app_can_keep_services_for(organisation_id));
--> statement-breakpoint
ALTER TABLE service_locations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE service_locations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A location is seen with its service; a confidential one (every shelter's) only by case staff and the
-- holder's own staff, whatever the service's public flag says.
CREATE POLICY service_locations_read ON service_locations FOR SELECT USING (
  EXISTS (SELECT 1 FROM services s WHERE s.id = service_locations.service_id)
  AND (NOT is_confidential OR app_is_case_staff() OR app_can_keep_services_for(organisation_id)));
--> statement-breakpoint
CREATE POLICY service_locations_write ON service_locations FOR ALL
  USING (app_can_keep_services_for(organisation_id)) WITH CHECK (app_can_keep_services_for(organisation_id));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON service_providers, services, service_locations TO concerted_app;
--> statement-breakpoint
REVOKE TRUNCATE ON service_providers, services, service_locations FROM concerted_app;
--> statement-breakpoint
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['service_providers', 'services', 'service_locations'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO %I USING (true) WITH CHECK (true)', target || '_upkeep', target, current_user);
    PERFORM data_version_watch(target::regclass);
  END LOOP;
END
$$;
