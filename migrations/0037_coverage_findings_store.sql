-- Findings kept per country: the gaps and overlaps of a country are computed again only when what they were
-- computed from changed. Activities are the inputs that change most and weigh most, so every write to them
-- raises the version of each country the written rows name (in the trigger that keeps the coverage slots, in
-- the same statement); the rest of the inputs (organisations, mechanisms, need, the rules) are few and are
-- compared by a hash when findings are asked for.
CREATE SEQUENCE "coverage_country_version_seq";
--> statement-breakpoint
-- Keyed by country ('KEN'), and by the demand-side work in a country ('demand:KEN').
CREATE TABLE "coverage_country_versions" (
	"iso3" text COLLATE "C" PRIMARY KEY,
	"version" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO coverage_country_versions (iso3, version)
SELECT iso3, nextval('coverage_country_version_seq') FROM (
  SELECT unnest(country_codes) AS iso3 FROM activities
  UNION SELECT 'demand:' || unnest(country_codes) FROM activities WHERE chain_stage = 'demand') c;
--> statement-breakpoint
-- The slots' trigger (migration 0029), now also raising the versions of the countries the rows name, old and new.
CREATE OR REPLACE FUNCTION coverage_slots_note() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM coverage_slots s
    USING old_rows o CROSS JOIN LATERAL unnest(o.country_codes) c(iso3)
    WHERE s.iso3 = c.iso3 AND s.activity_id = o.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO coverage_slots (iso3, activity_id, is_published)
    SELECT c.iso3, n.id, n.is_published
    FROM new_rows n CROSS JOIN LATERAL unnest(n.country_codes) WITH ORDINALITY c(iso3, place)
    WHERE array_position(n.country_codes, c.iso3) = c.place;
  END IF;
  -- A country's version, and apart from it the version of its demand-side work: that work is all the findings of
  -- other countries look at here (whether a corridor is worked at its destination end), and it changes seldom.
  IF TG_OP = 'INSERT' THEN
    PERFORM coverage_versions_raise(ARRAY(
      SELECT unnest(country_codes) FROM new_rows
      UNION SELECT 'demand:' || unnest(country_codes) FROM new_rows WHERE chain_stage = 'demand'));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM coverage_versions_raise(ARRAY(
      SELECT unnest(country_codes) FROM new_rows UNION SELECT unnest(country_codes) FROM old_rows
      UNION SELECT 'demand:' || unnest(country_codes) FROM new_rows WHERE chain_stage = 'demand'
      UNION SELECT 'demand:' || unnest(country_codes) FROM old_rows WHERE chain_stage = 'demand'));
  ELSE
    PERFORM coverage_versions_raise(ARRAY(
      SELECT unnest(country_codes) FROM old_rows
      UNION SELECT 'demand:' || unnest(country_codes) FROM old_rows WHERE chain_stage = 'demand'));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- In country order, so that two writers raising the same countries take their rows' locks in one order.
CREATE OR REPLACE FUNCTION coverage_versions_raise(countries text[]) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO coverage_country_versions (iso3, version)
  SELECT iso3, nextval('coverage_country_version_seq') FROM unnest(countries) iso3 WHERE iso3 IS NOT NULL
  ORDER BY iso3 COLLATE "C"
  ON CONFLICT (iso3) DO UPDATE SET version = excluded.version
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION coverage_versions_raise(text[]) FROM PUBLIC;
--> statement-breakpoint
-- One kept answer per caller scope ('published' or 'all', as coverage_scope() says), query (every filter but the
-- countries) and country; `depends` are the countries whose activities it was computed from, with their versions
-- then, and `inputs` the hash of everything else it was computed from.
CREATE TABLE "coverage_findings_entries" (
	"id" bigserial PRIMARY KEY,
	"scope" text NOT NULL CHECK ("scope" IN ('published', 'all')),
	"query_key" text NOT NULL,
	"iso3" text COLLATE "C" NOT NULL,
	"inputs" text NOT NULL,
	"depends" text[] NOT NULL,
	"depends_versions" bigint[] NOT NULL,
	"gap_count" integer NOT NULL,
	"overlap_count" integer NOT NULL,
	"computed_at" timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT "coverage_findings_entries_key" UNIQUE ("scope", "query_key", "iso3")
);
--> statement-breakpoint
-- The findings themselves, in the order they are answered in: severity first, then country, then position.
CREATE TABLE "coverage_findings_kept" (
	"entry_id" bigint NOT NULL REFERENCES coverage_findings_entries (id) ON DELETE CASCADE,
	"kind" text NOT NULL CHECK ("kind" IN ('gap', 'overlap')),
	"position" integer NOT NULL,
	"severity_rank" smallint NOT NULL,
	"iso3" text COLLATE "C" NOT NULL,
	-- Under the entry's own country; otherwise a corridor gap under its destination, kept with its origin too.
	"home" boolean NOT NULL,
	"finding" jsonb NOT NULL,
	CONSTRAINT "coverage_findings_kept_pk" PRIMARY KEY ("entry_id", "kind", "position")
);
--> statement-breakpoint
-- What the public computed may be read and written by anyone; what signed-in partners computed names activities
-- that are not published, so only they (and the owner's commands) read or write it.
ALTER TABLE coverage_findings_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE coverage_findings_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY coverage_findings_entries_scope ON coverage_findings_entries FOR ALL
  USING (scope = 'published' OR app_user_id() IS NOT NULL)
  WITH CHECK (scope = 'published' OR app_user_id() IS NOT NULL);
--> statement-breakpoint
ALTER TABLE coverage_findings_kept ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE coverage_findings_kept FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY coverage_findings_kept_scope ON coverage_findings_kept FOR ALL
  USING (EXISTS (SELECT 1 FROM coverage_findings_entries e WHERE e.id = entry_id))
  WITH CHECK (EXISTS (SELECT 1 FROM coverage_findings_entries e WHERE e.id = entry_id));
--> statement-breakpoint
GRANT SELECT ON coverage_country_versions TO concerted_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON coverage_findings_entries, coverage_findings_kept TO concerted_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE coverage_findings_entries_id_seq TO concerted_app;
