CREATE TABLE "code_lists" (
	"name" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"labels" jsonb NOT NULL,
	"description" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "codes" (
	"list_name" text NOT NULL,
	"code" text NOT NULL,
	"parent_list" text,
	"parent_code" text,
	"sort_order" integer NOT NULL,
	"labels" jsonb NOT NULL,
	"is_deprecated" boolean DEFAULT false NOT NULL,
	CONSTRAINT "codes_list_name_code_pk" PRIMARY KEY("list_name","code")
);
--> statement-breakpoint
CREATE TABLE "countries" (
	"iso3" char(3) PRIMARY KEY NOT NULL,
	"iso2" char(2) NOT NULL,
	"numeric" char(3) NOT NULL,
	"region_code" char(3),
	"subregion_code" char(3),
	"intermediate_region_code" char(3),
	"names" jsonb NOT NULL,
	CONSTRAINT "countries_iso2_unique" UNIQUE("iso2"),
	CONSTRAINT "countries_numeric_unique" UNIQUE("numeric")
);
--> statement-breakpoint
CREATE TABLE "dataset_loads" (
	"name" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"is_illustrative" boolean NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "m49_areas" (
	"code" char(3) PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"parent_code" char(3),
	"names" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "codes" ADD CONSTRAINT "codes_list_name_code_lists_name_fk" FOREIGN KEY ("list_name") REFERENCES "public"."code_lists"("name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "countries" ADD CONSTRAINT "countries_region_code_m49_areas_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."m49_areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "countries" ADD CONSTRAINT "countries_subregion_code_m49_areas_code_fk" FOREIGN KEY ("subregion_code") REFERENCES "public"."m49_areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "countries" ADD CONSTRAINT "countries_intermediate_region_code_m49_areas_code_fk" FOREIGN KEY ("intermediate_region_code") REFERENCES "public"."m49_areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "countries_region_idx" ON "countries" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "countries_subregion_idx" ON "countries" USING btree ("subregion_code");--> statement-breakpoint
CREATE INDEX "m49_areas_parent_idx" ON "m49_areas" USING btree ("parent_code");