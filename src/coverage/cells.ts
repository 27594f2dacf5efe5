// The coverage matrix read from the coverage cells that triggers keep beside activities (migration 0016).
import { and, type SQL, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db.js';
import type { CoverageQuery } from './schemas.js';

/** The cell's dimensions, in the order the cell tables key them. */
const KEY = sql.raw('iso3, pillar, activity_type, target_group, form');

/**
 * The filters that pick cells. Each is also a filter on activities that keeps only the cells it names (an
 * activity with the group asked for counts in that group's cell only), so cells answer them alone. An
 * organisation filter is not: it keeps activities whose other organisations count too.
 */
function cellConditions(query: CoverageQuery, alias: string): SQL[] {
  const column = (name: string) => sql.raw(`${alias}.${name}`);
  // Evaluated once (an init plan), not for each row: the scope function looks the activities table up by name.
  const conditions: SQL[] = [sql`${column('scope')} = (select coverage_scope())`];
  if (query.country?.length)
    conditions.push(sql`${column('iso3')} = any(${`{${query.country.join(',')}}`}::text[])`);
  if (query.pillar) conditions.push(sql`${column('pillar')} = ${query.pillar}`);
  if (query.activityType) conditions.push(sql`${column('activity_type')} = ${query.activityType}`);
  if (query.targetGroup) conditions.push(sql`${column('target_group')} = ${query.targetGroup}`);
  if (query.form) conditions.push(sql`${column('form')} = ${query.form}`);
  return conditions;
}

/** The expressions of the date indexes of migration 0016 (CASE, which row-level security lets indexes answer). */
const END = sql.raw(
  `(case when actual_end is not null then actual_end when planned_end is not null then planned_end else 'infinity'::date end)`,
);
const START = sql.raw(
  `(case when actual_start is not null then actual_start when planned_start is not null then planned_start else '-infinity'::date end)`,
);

/** The activities a period leaves out: those that end before it starts or start after it ends. */
function leftOutByPeriod(query: CoverageQuery): SQL | null {
  const parts: SQL[] = [];
  if (query.from) parts.push(sql`${END} < ${query.from}::date`);
  if (query.to) parts.push(sql`${START} > ${query.to}::date`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : null;
}

/**
 * How many activities the period leaves out, counted up to `limit`: past it, adding up the activities in the
 * period directly costs less than taking that many away from the cells.
 */
export async function countLeftOut(
  db: Queryable,
  conditions: SQL[],
  query: CoverageQuery,
  limit: number,
): Promise<number> {
  const period = leftOutByPeriod(query);
  if (!period) return 0;
  const [row] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select 1 from activities where ${and(...conditions, period)} limit ${limit}) x`,
  );
  return row?.n ?? 0;
}

/**
 * The cells as the API's JSON array of matrix cells, built by the database: at a million activities the matrix
 * holds a couple of hundred thousand cells, and parsing and writing them again in Node.js cost more than the query.
 * The cells over every activity the caller sees, less the activities the period leaves out (found by the date
 * indexes): a wide period reads the cells and a few activities. A cell loses an organisation when every one of
 * that organisation's activities in it is left out. `conditions` are the activity filters without the period.
 */
export async function matrixFromCells(
  db: Queryable,
  query: CoverageQuery,
  conditions: SQL[],
): Promise<string> {
  const period = leftOutByPeriod(query);
  const currency = query.currency;
  const leftOut = period
    ? sql`,
      left_out as (select country_codes, pillar, activity_type, target_groups, forms, organisation_ids,
        reached_total, budget_amount, budget_currency from activities where ${and(...conditions, period)}),
      facts as (
        select * from (
          select iso3, a.pillar, a.activity_type, g as target_group, fm as form, a.organisation_ids,
            a.reached_total, a.budget_amount, coalesce(a.budget_currency, '') as currency
          from left_out a
          cross join lateral unnest(a.country_codes) iso3
          cross join lateral unnest(case when cardinality(a.target_groups) = 0 then array[''] else a.target_groups end) g
          cross join lateral unnest(case when cardinality(a.forms) = 0 then array[''] else a.forms end) fm) f
        where ${and(sql`true`, ...cellConditions(query, 'f').slice(1))}),
      lost_cells as (
        select ${KEY}, count(*)::int as activities,
          count(*) filter (where reached_total is not null)::int as reached_activities,
          coalesce(sum(reached_total), 0)::bigint as reached,
          sum(budget_amount) filter (where currency = ${currency}) as amount,
          count(*) filter (where budget_amount is not null and currency <> ${currency})::int as others
        from facts group by ${KEY}),
      lost_pairs as (
        select ${KEY}, organisation_id, count(*)::int as n
        from facts cross join lateral unnest(organisation_ids) organisation_id group by ${KEY}, organisation_id),
      lost_organisations as (
        select p.iso3, p.pillar, p.activity_type, p.target_group, p.form, count(*)::int as n
        from lost_pairs p join coverage_cell_organisations o
          on o.scope = (select coverage_scope()) and o.iso3 = p.iso3 and o.pillar = p.pillar
          and o.activity_type = p.activity_type and o.target_group = p.target_group and o.form = p.form
          and o.organisation_id = p.organisation_id
        where o.activities = p.n
        group by 1, 2, 3, 4, 5)`
    : sql`,
      lost_cells as (select ${KEY}, 0 as activities, 0 as reached_activities, 0::bigint as reached,
        null::numeric as amount, 0 as others from coverage_cells where false),
      lost_organisations as (select ${KEY}, 0 as n from coverage_cells where false)`;
  // Writes only note their changes: the cells take them in first, in one pass (they are then everyone's).
  await rowsOf(db, sql`select coverage_cells_catch_up()`);
  // Compiling this query for the JIT costs more than running it; sorting the cells needs more than 4 MB. The
  // cells fill after the statistics were last taken (right after a large import), so the planner may expect a
  // handful of cells and join thousands to thousands in nested loops (seconds): hash joins cost little either way.
  await rowsOf(
    db,
    sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true),
      set_config('enable_nestloop', 'off', true)`,
  );
  const [row] = await rowsOf<{ data: string | null }>(
    db,
    sql`with cells as (select * from coverage_cells c where ${and(...cellConditions(query, 'c'))}),
      budgets as (
        select ${KEY}, amount, activities from coverage_cell_budgets b
        where ${and(...cellConditions(query, 'b'), sql`b.currency = ${currency}`)})${leftOut}
      select coalesce(json_agg(json_build_object('iso3', c.iso3, 'pillar', c.pillar,
          'activityType', c.activity_type, 'targetGroup', nullif(c.target_group, ''), 'form', nullif(c.form, ''),
          'organisations', c.organisations - coalesce(l.n, 0),
          'activities', c.activities - coalesce(x.activities, 0),
          'peopleReached', case when c.reached_activities - coalesce(x.reached_activities, 0) > 0
            then c.reached - coalesce(x.reached, 0) end,
          'budget', coalesce(b.amount, 0) - coalesce(x.amount, 0),
          'budgetOtherCurrencies', c.budgeted_activities - coalesce(b.activities, 0) - coalesce(x.others, 0))
        order by c.iso3, c.pillar, c.activity_type, c.target_group, c.form), '[]')::text as data
      from cells c
      left join budgets b using (iso3, pillar, activity_type, target_group, form)
      left join lost_cells x using (iso3, pillar, activity_type, target_group, form)
      left join lost_organisations l using (iso3, pillar, activity_type, target_group, form)
      where c.activities - coalesce(x.activities, 0) > 0`,
  );
  return row?.data ?? '[]';
}
