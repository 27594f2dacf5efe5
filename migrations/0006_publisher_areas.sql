-- Publishers' own areas (regional codes such as UNODC's "SAM", joint areas such as "Aruba/Curacao",
-- territories without an ISO code such as "Sark") are figures too. Their observations keep the
-- publisher's code in m49, which therefore holds text: three digits for an M49 area, letters otherwise.
ALTER TABLE "statistic_observations" ALTER COLUMN "m49" TYPE text;
--> statement-breakpoint
CREATE TABLE "statistic_publisher_areas" (
	"release_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"names" jsonb NOT NULL,
	"same_as_m49" char(3),
	"parent_m49" char(3),
	"members" char(3)[] DEFAULT '{}' NOT NULL,
	"observations" integer NOT NULL,
	CONSTRAINT "statistic_publisher_areas_release_id_code_pk" PRIMARY KEY("release_id","code"),
	CONSTRAINT "statistic_publisher_areas_kind_check" CHECK ("kind" in ('region', 'joint', 'territory')),
	CONSTRAINT "statistic_publisher_areas_code_check" CHECK ("code" !~ '^[0-9]{3}$')
);
--> statement-breakpoint
ALTER TABLE "statistic_publisher_areas" ADD CONSTRAINT "statistic_publisher_areas_release_id_statistic_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."statistic_releases"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE statistic_publisher_areas ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY statistic_publisher_areas_read ON statistic_publisher_areas FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY statistic_publisher_areas_write ON statistic_publisher_areas FOR ALL
  USING (app_user_id() IS NOT NULL) WITH CHECK (app_user_id() IS NOT NULL);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON statistic_publisher_areas TO concerted_app;
