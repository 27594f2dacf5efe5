-- IATI files as publishers write them: organisations known by their IATI identifier, provisional organisations
-- registered by an import for a coordinator to review, and activities kept unclassified until someone classifies them.
ALTER TABLE "organisations" ADD COLUMN "iati_identifier" text;
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "iati_organisation_type" text;
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "is_provisional" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "registered_via" text;
--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_iati_identifier_key" ON "organisations" USING btree (lower("iati_identifier"));
--> statement-breakpoint
CREATE INDEX "organisations_provisional_idx" ON "organisations" USING btree ("name") WHERE "is_provisional";
--> statement-breakpoint
ALTER TABLE "activities" ALTER COLUMN "pillar" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "activities" ALTER COLUMN "activity_type" DROP NOT NULL;
--> statement-breakpoint
-- Derived, so that it can never disagree with the classification; coverage leaves these activities out.
ALTER TABLE "activities" ADD COLUMN "needs_classification" boolean GENERATED ALWAYS AS ("activity_type" IS NULL) STORED NOT NULL;
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "narratives" jsonb DEFAULT '{}'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "recipient_regions" jsonb DEFAULT '[]'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "classification_hints" jsonb DEFAULT '[]'::jsonb NOT NULL;
--> statement-breakpoint
CREATE INDEX "activities_needs_classification_idx" ON "activities" USING btree ("identifier") WHERE "needs_classification";
