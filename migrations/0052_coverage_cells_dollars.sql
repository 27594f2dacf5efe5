-- The budget in US dollars, the matrix's default currency, kept on each cell besides the budgets per currency:
-- the all-countries matrix at a million activities then reads its cells alone, without joining a couple of hundred
-- thousand budget rows to them (a fifth of its time). Other currencies are still read from the budgets.
ALTER TABLE "coverage_cells" ADD COLUMN "usd_activities" integer NOT NULL DEFAULT 0;
--> statement-breakpoint
ALTER TABLE "coverage_cells" ADD COLUMN "usd_amount" numeric(24, 2) NOT NULL DEFAULT 0;
--> statement-breakpoint
-- The statement of migration 0016, now also adding up the dollar budgets on the cells, and keeping a change of
-- budget alone (the same activities, another amount), which it used to drop.
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
      GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(sign) <> 0 OR sum(sign * budget_amount) <> 0
      ON CONFLICT (scope, iso3, pillar, activity_type, target_group, form, currency)
      DO UPDATE SET activities = t.activities + excluded.activities, amount = t.amount + excluded.amount),
    cell_deltas AS (
      SELECT scope, iso3, pillar, activity_type, target_group, form, sum(sign)::int AS activities,
        (sum(sign) FILTER (WHERE reached_total IS NOT NULL))::int AS reached_activities,
        sum(sign * coalesce(reached_total, 0))::bigint AS reached,
        (sum(sign) FILTER (WHERE budget_amount IS NOT NULL))::int AS budgeted_activities,
        (sum(sign) FILTER (WHERE budget_amount IS NOT NULL AND currency = 'USD'))::int AS usd_activities,
        sum(sign * budget_amount) FILTER (WHERE currency = 'USD') AS usd_amount
      FROM facts GROUP BY 1, 2, 3, 4, 5, 6)
    INSERT INTO coverage_cells AS t
    SELECT c.scope, c.iso3, c.pillar, c.activity_type, c.target_group, c.form, c.activities, coalesce(x.n, 0),
      coalesce(c.reached_activities, 0), c.reached, coalesce(c.budgeted_activities, 0),
      coalesce(c.usd_activities, 0), coalesce(c.usd_amount, 0)
    FROM cell_deltas c LEFT JOIN crossings x USING (scope, iso3, pillar, activity_type, target_group, form)
    WHERE c.activities <> 0 OR coalesce(x.n, 0) <> 0 OR coalesce(c.reached_activities, 0) <> 0 OR c.reached <> 0
      OR coalesce(c.budgeted_activities, 0) <> 0 OR coalesce(c.usd_activities, 0) <> 0
      OR coalesce(c.usd_amount, 0) <> 0
    ON CONFLICT (scope, iso3, pillar, activity_type, target_group, form) DO UPDATE SET
      activities = t.activities + excluded.activities, organisations = t.organisations + excluded.organisations,
      reached_activities = t.reached_activities + excluded.reached_activities, reached = t.reached + excluded.reached,
      budgeted_activities = t.budgeted_activities + excluded.budgeted_activities,
      usd_activities = t.usd_activities + excluded.usd_activities, usd_amount = t.usd_amount + excluded.usd_amount
  $q$, changed) $f$;
--> statement-breakpoint
-- Pending changes are netted first, so that the budgets copied below are all there is.
SELECT coverage_cells_catch_up();
--> statement-breakpoint
UPDATE coverage_cells c SET usd_activities = b.activities, usd_amount = b.amount
FROM coverage_cell_budgets b
WHERE b.scope = c.scope AND b.iso3 = c.iso3 AND b.pillar = c.pillar AND b.activity_type = c.activity_type
  AND b.target_group = c.target_group AND b.form = c.form AND b.currency = 'USD';
