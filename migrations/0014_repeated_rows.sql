-- Rows of a publisher's file that repeat an earlier row's cell and area are kept as published, apart from
-- the figures (queries and roll-ups use the first row): a file loses nothing, and the report says which
-- repeats are identical and which give another value.
CREATE TABLE "statistic_repeated_rows" (
	"release_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"first_row_no" integer,
	"cell_id" integer NOT NULL,
	"area" text NOT NULL,
	"value_text" text NOT NULL,
	"is_identical" boolean NOT NULL,
	CONSTRAINT "statistic_repeated_rows_release_id_row_no_pk" PRIMARY KEY("release_id","row_no")
);
--> statement-breakpoint
ALTER TABLE "statistic_repeated_rows" ADD CONSTRAINT "statistic_repeated_rows_release_id_statistic_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."statistic_releases"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE statistic_repeated_rows ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY statistic_repeated_rows_read ON statistic_repeated_rows FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY statistic_repeated_rows_write ON statistic_repeated_rows FOR ALL
  USING (app_user_id() IS NOT NULL) WITH CHECK (app_user_id() IS NOT NULL);
--> statement-breakpoint
GRANT SELECT ON statistic_repeated_rows TO concerted_app;
--> statement-breakpoint
-- Like every statistics table (migration 0010): requests read, only imports write.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON statistic_publisher_areas FROM concerted_app;
--> statement-breakpoint
DO $$
BEGIN
  GRANT INSERT, UPDATE, DELETE ON statistic_publisher_areas, statistic_repeated_rows TO concerted_importer;
EXCEPTION WHEN undefined_object THEN
  RAISE NOTICE 'the role concerted_importer is missing; create it with the setup SQL in the README';
END
$$;
--> statement-breakpoint
-- Invitations name people: their policies apply to the table's owner too.
ALTER TABLE membership_invitations FORCE ROW LEVEL SECURITY;
