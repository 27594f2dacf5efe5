-- Importing activities in bulk: every index entry an activity writes costs the server a few microseconds (a
-- descent, a buffer lock, a WAL record), and an import of a million writes tens of millions of them. Two of them
-- served nothing a partial or an existing index does not serve as well.
--
-- Most activities name no coordination mechanism: their null entries served no query (requests and the foreign
-- key's ON DELETE SET NULL look up one mechanism, `= id`, which implies IS NOT NULL and so uses this index).
DROP INDEX IF EXISTS "activities_mechanism_idx";
--> statement-breakpoint
CREATE INDEX "activities_mechanism_idx" ON "activities" USING btree ("coordination_mechanism_id")
  WHERE "coordination_mechanism_id" IS NOT NULL;
--> statement-breakpoint
-- A slot's activity index served only the trigger's own DELETE. The slots of a changed activity are exactly the
-- countries of its old row, so that DELETE finds them by the primary key (iso3, activity_id) instead; new slots are
-- written in the order of the statement's rows (time-ordered ids, so near the right edge of each country's keys)
-- without the sort or hash that DISTINCT needed: a country listed twice in one row is taken once by its first place.
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
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP INDEX IF EXISTS "coverage_slots_activity_idx";
