-- Coverage cells: the coverage matrix's figures per country × pillar × activity type × target group × form, kept
-- from what triggers note in the same statement as every write to activities, so that the matrix reads cells (tens
-- of thousands) instead of exploding every activity (millions of rows) on each request. Each cell is kept
-- twice: over published activities ('published', what the public sees) and over all of them ('all', what a
-- signed-in partner sees); row-level security hides the 'all' rows from the public as it hides the activities.
-- A target group or form of '' stands for "the activity names none". Rows that fall to zero stay, and readers
-- skip them: removing them would need a second pass, and counting crossings through zero stays exact without.
CREATE TABLE "coverage_cells" (
	"scope" text COLLATE "C" NOT NULL,
	"iso3" text COLLATE "C" NOT NULL,
	"pillar" text COLLATE "C" NOT NULL,
	"activity_type" text COLLATE "C" NOT NULL,
	"target_group" text COLLATE "C" NOT NULL,
	"form" text COLLATE "C" NOT NULL,
	"activities" integer NOT NULL,
	"organisations" integer NOT NULL,
	"reached_activities" integer NOT NULL,
	"reached" bigint NOT NULL,
	"budgeted_activities" integer NOT NULL,
	CONSTRAINT "coverage_cells_pk" PRIMARY KEY("scope","iso3","pillar","activity_type","target_group","form"),
	CONSTRAINT "coverage_cells_scope_check" CHECK ("scope" IN ('published', 'all'))
);
--> statement-breakpoint
-- How many activities of each organisation a cell holds: a cell's organisations are those above zero.
CREATE TABLE "coverage_cell_organisations" (
	"scope" text COLLATE "C" NOT NULL,
	"iso3" text COLLATE "C" NOT NULL,
	"pillar" text COLLATE "C" NOT NULL,
	"activity_type" text COLLATE "C" NOT NULL,
	"target_group" text COLLATE "C" NOT NULL,
	"form" text COLLATE "C" NOT NULL,
	"organisation_id" uuid NOT NULL,
	"activities" integer NOT NULL,
	CONSTRAINT "coverage_cell_organisations_pk" PRIMARY KEY("scope","iso3","pillar","activity_type","target_group","form","organisation_id")
);
--> statement-breakpoint
-- Budgets per currency ('' when the activity names none): the matrix sums one currency, and counts the others
-- as the cell's budgeted activities less those in that currency.
CREATE TABLE "coverage_cell_budgets" (
	"scope" text COLLATE "C" NOT NULL,
	"iso3" text COLLATE "C" NOT NULL,
	"pillar" text COLLATE "C" NOT NULL,
	"activity_type" text COLLATE "C" NOT NULL,
	"target_group" text COLLATE "C" NOT NULL,
	"form" text COLLATE "C" NOT NULL,
	"currency" text COLLATE "C" NOT NULL,
	"activities" integer NOT NULL,
	"amount" numeric(24, 2) NOT NULL,
	CONSTRAINT "coverage_cell_budgets_pk" PRIMARY KEY("scope","iso3","pillar","activity_type","target_group","form","currency")
);
--> statement-breakpoint
-- The period filter leaves out activities that end before it or start after it: these indexes find the few
-- that a wide period leaves out, which the matrix then takes away from the cells. Written with CASE, not
-- coalesce: under row-level security the planner uses an index only for conditions it knows leak nothing, and
-- it does not know that of coalesce (nor of && on arrays), so a coalesce index would be read by the owner only.
CREATE INDEX "activities_coverage_end_idx" ON "activities" USING btree ((CASE WHEN "actual_end" IS NOT NULL THEN "actual_end" WHEN "planned_end" IS NOT NULL THEN "planned_end" ELSE 'infinity'::date END));
--> statement-breakpoint
CREATE INDEX "activities_coverage_start_idx" ON "activities" USING btree ((CASE WHEN "actual_start" IS NOT NULL THEN "actual_start" WHEN "planned_start" IS NOT NULL THEN "planned_start" ELSE '-infinity'::date END));
--> statement-breakpoint
-- Which cells the caller reads: what the activities' read policy lets them see. The owner (migrations, the
-- command line) bypasses that policy and sees every activity, so it reads 'all' too.
CREATE OR REPLACE FUNCTION coverage_scope() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT CASE WHEN NOT row_security_active('activities') OR app_user_id() IS NOT NULL THEN 'all' ELSE 'published' END $$;
--> statement-breakpoint
-- The statement that adds changed activities (sign +1) or takes them away (-1) in every cell they touch, in one
-- pass for however many rows a write touched; `changed` is a query giving sign and the activities' columns.
CREATE OR REPLACE FUNCTION coverage_cells_statement(changed text) RETURNS text LANGUAGE sql IMMUTABLE AS
$f$ SELECT format($q$
    WITH changed AS (%s),
    facts AS (
      SELECT c.sign, s.scope, iso3, c.pillar, c.activity_type, g AS target_group, f AS form, c.organisation_ids,
        c.reached_total, c.budget_amount, coalesce(c.budget_currency, '') AS currency
      FROM changed c
      CROSS JOIN LATERAL unnest(c.country_codes) iso3
      CROSS JOIN LATERAL unnest(CASE WHEN cardinality(c.target_groups) = 0 THEN ARRAY[''] ELSE c.target_groups END) g
      CROSS JOIN LATERAL unnest(CASE WHEN cardinality(c.forms) = 0 THEN ARRAY[''] ELSE c.forms END) f
      CROSS JOIN (VALUES ('published'), ('all')) s(scope)
      WHERE c.status <> 'cancelled' AND NOT c.needs_classification AND (s.scope = 'all' OR c.is_published)),
    org_deltas AS (
      SELECT scope, iso3, pillar, activity_type, target_group, form, o AS organisation_id, sum(sign)::int AS d
      FROM facts CROSS JOIN LATERAL unnest(organisation_ids) o
      GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(sign) <> 0),
    org_upserts AS (
      INSERT INTO coverage_cell_organisations AS t
      SELECT * FROM org_deltas
      ON CONFLICT (scope, iso3, pillar, activity_type, target_group, form, organisation_id)
      DO UPDATE SET activities = t.activities + excluded.activities
      RETURNING t.*),
    -- The upsert sees the latest committed count, so a cell gains an organisation when the count equals what
    -- was added (it was zero), and loses one when the count falls to zero, whatever runs at the same time.
    crossings AS (
      SELECT u.scope, u.iso3, u.pillar, u.activity_type, u.target_group, u.form,
        (count(*) FILTER (WHERE d.d > 0 AND u.activities = d.d) - count(*) FILTER (WHERE u.activities = 0))::int AS n
      FROM org_upserts u JOIN org_deltas d USING (scope, iso3, pillar, activity_type, target_group, form, organisation_id)
      GROUP BY 1, 2, 3, 4, 5, 6),
    budget_upserts AS (
      INSERT INTO coverage_cell_budgets AS t
      SELECT scope, iso3, pillar, activity_type, target_group, form, currency, sum(sign)::int, sum(sign * budget_amount)
      FROM facts WHERE budget_amount IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(sign) <> 0
      ON CONFLICT (scope, iso3, pillar, activity_type, target_group, form, currency)
      DO UPDATE SET activities = t.activities + excluded.activities, amount = t.amount + excluded.amount),
    cell_deltas AS (
      SELECT scope, iso3, pillar, activity_type, target_group, form, sum(sign)::int AS activities,
        (sum(sign) FILTER (WHERE reached_total IS NOT NULL))::int AS reached_activities,
        sum(sign * coalesce(reached_total, 0))::bigint AS reached,
        (sum(sign) FILTER (WHERE budget_amount IS NOT NULL))::int AS budgeted_activities
      FROM facts GROUP BY 1, 2, 3, 4, 5, 6)
    INSERT INTO coverage_cells AS t
    SELECT c.scope, c.iso3, c.pillar, c.activity_type, c.target_group, c.form, c.activities, coalesce(x.n, 0),
      coalesce(c.reached_activities, 0), c.reached, coalesce(c.budgeted_activities, 0)
    FROM cell_deltas c LEFT JOIN crossings x USING (scope, iso3, pillar, activity_type, target_group, form)
    WHERE c.activities <> 0 OR coalesce(x.n, 0) <> 0 OR coalesce(c.reached_activities, 0) <> 0 OR c.reached <> 0
      OR coalesce(c.budgeted_activities, 0) <> 0
    ON CONFLICT (scope, iso3, pillar, activity_type, target_group, form) DO UPDATE SET
      activities = t.activities + excluded.activities, organisations = t.organisations + excluded.organisations,
      reached_activities = t.reached_activities + excluded.reached_activities, reached = t.reached + excluded.reached,
      budgeted_activities = t.budgeted_activities + excluded.budgeted_activities
  $q$, changed) $f$;
--> statement-breakpoint
-- What changed since the cells were last brought up to date: the counted columns of each activity written, with
-- +1 for its new state and -1 for its old one. Writes only append here (cheap, however large the import); the
-- next matrix nets everything pending in one pass, so a million imported activities cost one pass over their
-- cells, not one per batch. Holds unpublished work: no request reads it.
CREATE TABLE "coverage_cells_pending" (
	"sign" integer NOT NULL,
	"country_codes" text[] NOT NULL,
	"pillar" text,
	"activity_type" text,
	"target_groups" text[] NOT NULL,
	"forms" text[] NOT NULL,
	"organisation_ids" uuid[] NOT NULL,
	"reached_total" integer,
	"budget_amount" numeric(18, 2),
	"budget_currency" char(3),
	"status" text NOT NULL,
	"needs_classification" boolean NOT NULL,
	"is_published" boolean NOT NULL
);
--> statement-breakpoint
-- Security definer: requests write activities but may not write the pending changes directly. The transition
-- tables are visible to this function's own statements only.
CREATE OR REPLACE FUNCTION coverage_cells_note() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO coverage_cells_pending
    SELECT -1, country_codes, pillar, activity_type, target_groups, forms, organisation_ids, reached_total,
      budget_amount, budget_currency, status, needs_classification, is_published
    FROM old_rows WHERE status <> 'cancelled' AND NOT needs_classification;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO coverage_cells_pending
    SELECT 1, country_codes, pillar, activity_type, target_groups, forms, organisation_ids, reached_total,
      budget_amount, budget_currency, status, needs_classification, is_published
    FROM new_rows WHERE status <> 'cancelled' AND NOT needs_classification;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Brings the cells up to date with every committed (and the caller's own) pending change, in one statement.
-- Concurrent callers each take the rows they delete, so no change counts twice. Without nested loops: the
-- planner cannot know how many rows the statement's steps return and would join thousands to thousands in one.
CREATE OR REPLACE FUNCTION coverage_cells_catch_up() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET enable_nestloop = off SET jit = off AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM coverage_cells_pending) THEN
    EXECUTE coverage_cells_statement('DELETE FROM coverage_cells_pending RETURNING *');
  END IF;
END
$$;
--> statement-breakpoint
CREATE TRIGGER coverage_cells_insert AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_cells_note();
--> statement-breakpoint
CREATE TRIGGER coverage_cells_update AFTER UPDATE ON activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_cells_note();
--> statement-breakpoint
CREATE TRIGGER coverage_cells_delete AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_cells_note();
--> statement-breakpoint
-- The activities already held, counted once as the triggers would have.
DO $$ BEGIN EXECUTE coverage_cells_statement('SELECT 1 AS sign, * FROM activities'); END $$;
--> statement-breakpoint
ALTER TABLE coverage_cells_pending ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON coverage_cells_pending FROM concerted_app;
--> statement-breakpoint
ALTER TABLE coverage_cells ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE coverage_cell_organisations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE coverage_cell_budgets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY coverage_cells_read ON coverage_cells FOR SELECT USING (scope = 'published' OR app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY coverage_cell_organisations_read ON coverage_cell_organisations FOR SELECT
  USING (scope = 'published' OR app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY coverage_cell_budgets_read ON coverage_cell_budgets FOR SELECT
  USING (scope = 'published' OR app_user_id() IS NOT NULL);
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON coverage_cells, coverage_cell_organisations, coverage_cell_budgets FROM concerted_app;
--> statement-breakpoint
GRANT SELECT ON coverage_cells, coverage_cell_organisations, coverage_cell_budgets TO concerted_app;
--> statement-breakpoint
-- Forced, so that even the owner meets the policies; the owner's upkeep (the security-definer functions
-- above, which run as the role that ran this migration) gets a policy of its own.
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['coverage_cells', 'coverage_cell_organisations', 'coverage_cell_budgets', 'coverage_cells_pending']
  LOOP
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', target);
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO %I USING (true) WITH CHECK (true)', target || '_upkeep', target, current_user);
  END LOOP;
END
$$;
--> statement-breakpoint
-- Statistics now, so that the first matrix after a large fill is planned on the cells as they are.
ANALYZE coverage_cells, coverage_cell_organisations, coverage_cell_budgets;
