-- Writing activities in bulk: the GIN index on country_codes cost every written activity several microseconds
-- of server time (about a tenth of an import's insert) and served no request: under row-level security the
-- planner uses an index only for operators it knows leak nothing, and the array operators (&&, @>) are not
-- among them, so requests filtering by country scan the table anyway. Only the owner could use it.
DROP INDEX IF EXISTS "activities_country_codes_idx";
