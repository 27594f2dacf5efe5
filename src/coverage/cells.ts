// The coverage matrix read from the coverage cells that triggers keep beside activities (migration 0016).
import { and, type SQL, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db.js';
import { textArray } from '../platform/sql-arrays.js';
import { type CodedDimension, codeDictionaries, type Dictionaries, matrixDimensions } from './compact.js';
import type { CoverageQuery, MatrixColumns } from './schemas.js';

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
  // One country as an equality, which the index answers in its order (a list it answers unordered).
  if (query.country?.length === 1) conditions.push(sql`${column('iso3')} = ${query.country[0]}`);
  else if (query.country?.length)
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

/** The activities the period leaves out, and what they take away from each cell they touch. */
function leftOutCells(query: CoverageQuery, conditions: SQL[], period: SQL): SQL {
  const currency = query.currency;
  return sql`
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
      group by 1, 2, 3, 4, 5)`;
}

/** Each coded dimension's column in the cell tables. */
const CODED_COLUMNS: Record<CodedDimension, string> = {
  pillar: 'pillar',
  activityType: 'activity_type',
  targetGroup: 'target_group',
  form: 'form',
};

/** Each column of the compact matrix and how a cell of `cells` (below) writes it as JSON text. */
const COLUMNS: readonly (readonly [keyof MatrixColumns, string])[] = [
  ['iso3', 'iso3_code::text'],
  // The place among value and bound pairs, halved: the value's place in the dictionary (see cellsText).
  ...(Object.keys(CODED_COLUMNS) as CodedDimension[]).map(
    (name) => [name, `(${name}_place / 2)::text`] as const,
  ),
  ['organisations', 'organisations::text'],
  ['activities', 'activities::text'],
  ['peopleReached', "coalesce(people_reached::text, 'null')"],
  ['budget', 'trim_scale(budget)::text'],
  ['budgetOtherCurrencies', 'other_currencies::text'],
];

type CellsText = { iso3: string; leaves_out: boolean; unknown: number; columns: string };

/**
 * Each value followed by the least string above it (the value and byte 1): a value's place among these, by
 * binary search, is odd when it is in the dictionary, and even when it falls between two of its values. One
 * search per cell gives both the code and whether the dictionary holds the value.
 */
const withBounds = (values: readonly string[]) => values.flatMap((value) => [value, `${value}\u0001`]);

/**
 * One pass over the cells in the order of their key (the primary key's index: no sort), with the budgets in the
 * chosen currency joined in the same order, each cell written into the columns of the compact matrix as it
 * comes. A cell's code is its value's place in the sorted dictionary, found by binary search (width_bucket);
 * the countries are those the cells hold, read by skipping along the index. `lost` takes away what the period
 * leaves out; without it, `guard` says whether the period leaves anything out after all (a write since it was
 * counted). `unknown` counts cells whose value is in no dictionary.
 */
function cellsText(query: CoverageQuery, dictionaries: Dictionaries, lost: SQL | null, guard: SQL | null) {
  const coded = (Object.keys(CODED_COLUMNS) as CodedDimension[]).map((name) => {
    const bounded = sql`${textArray(withBounds(dictionaries[name]))}::text[] collate "C"`;
    return sql`width_bucket(${sql.raw(`c.${CODED_COLUMNS[name]}`)}, ${bounded}) as ${sql.raw(`${name}_place`)}`;
  });
  const isUnknown = (Object.keys(CODED_COLUMNS) as CodedDimension[]).map((name) =>
    sql.raw(`${name}_place % 2 = 0`),
  );
  const taken = (column: string) => (lost ? sql.raw(`coalesce(x.${column}, 0)`) : sql.raw('0'));
  // Dollars, the default currency, are kept on the cells themselves (migration 0052): no budgets to join.
  const inDollars = query.currency === CELL_CURRENCY;
  return sql`with recursive countries(iso3) as (
      select min(c.iso3) from coverage_cells c where ${and(...cellConditions(query, 'c'))}
      union all
      select (select min(c.iso3) from coverage_cells c where ${and(...cellConditions(query, 'c'), sql`c.iso3 > countries.iso3`)})
      from countries where countries.iso3 is not null),
    dictionary as (select coalesce(array_agg(iso3 order by iso3), '{}') as iso3 from countries where iso3 is not null)
    ${lost ? sql`, ${lost}` : sql``},
    cells as (
      select width_bucket(c.iso3, (select iso3 from dictionary)) - 1 as iso3_code,
        ${sql.join(coded, sql`, `)},
        c.organisations${lost ? sql` - coalesce(l.n, 0)` : sql``} as organisations,
        c.activities - ${taken('activities')} as activities,
        case when c.reached_activities - ${taken('reached_activities')} > 0
          then c.reached - ${taken('reached')} end as people_reached,
        ${inDollars ? sql`c.usd_amount` : sql`coalesce(b.amount, 0)`}${lost ? sql` - coalesce(x.amount, 0)` : sql``} as budget,
        c.budgeted_activities - ${inDollars ? sql`c.usd_activities` : sql`coalesce(b.activities, 0)`} - ${taken('others')}
          as other_currencies
      from coverage_cells c
      ${
        inDollars
          ? sql``
          : sql`left join ${budgetsInKeyOrder(query)} b on ${and(sql`true`, ...openKey(query).map((column) => sql.raw(`b.${column} = c.${column}`)))}`
      }
      ${
        lost
          ? sql`left join lost_cells x on x.iso3 = c.iso3 and x.pillar = c.pillar and x.activity_type = c.activity_type
              and x.target_group = c.target_group and x.form = c.form
            left join lost_organisations l on l.iso3 = c.iso3 and l.pillar = c.pillar
              and l.activity_type = c.activity_type and l.target_group = c.target_group and l.form = c.form`
          : sql``
      }
      where ${and(...cellConditions(query, 'c'), sql`c.activities - ${taken('activities')} > 0`)}
      order by c.iso3, c.pillar, c.activity_type, c.target_group, c.form)
    select (select array_to_json(iso3)::text from dictionary) as iso3,
      ${guard ? sql`exists (select from activities where ${guard})` : sql`false`} as leaves_out,
      count(*) filter (where ${sql.join(isUnknown, sql` or `)})::int as unknown,
      concat('"count":', count(*), ${sql.join(
        COLUMNS.map(([name, value]) => sql`${`,"${name}":[`}::text, string_agg(${sql.raw(value)}, ','), ']'`),
        sql`, `,
      )}) as columns
    from cells`;
}

/** The currency whose budgets the cells keep themselves. */
const CELL_CURRENCY = 'USD';

/** The key columns that no filter fixes to one value: the cells and their budgets are matched on these. */
function openKey(query: CoverageQuery): string[] {
  const fixed = {
    iso3: query.country?.length === 1,
    pillar: Boolean(query.pillar),
    activity_type: Boolean(query.activityType),
    target_group: Boolean(query.targetGroup),
    form: Boolean(query.form),
  };
  return Object.entries(fixed).flatMap(([column, isFixed]) => (isFixed ? [] : [column]));
}

/**
 * The cells' budgets in the chosen currency, in the order of the open key. Planned apart (offset 0) so that their
 * order is known to the join: a left join forgets that its inner side holds one scope, country or currency only,
 * and would sort what the index already gives in order.
 */
function budgetsInKeyOrder(query: CoverageQuery): SQL {
  const key = openKey(query);
  return sql`(select ${KEY}, amount, activities from coverage_cell_budgets
    where ${and(...cellConditions(query, 'coverage_cell_budgets'), sql`currency = ${query.currency}`)}
    ${key.length ? sql`order by ${sql.raw(key.join(', '))}` : sql``} offset 0)`;
}

/** The values of the coded dimensions that the cells hold, to add to the dictionaries (rarely needed). */
async function valuesHeld(db: Queryable, query: CoverageQuery): Promise<Dictionaries> {
  const [row] = await rowsOf<Record<CodedDimension, string[]>>(
    db,
    sql`select ${sql.join(
      (Object.keys(CODED_COLUMNS) as CodedDimension[]).map(
        (name) => sql`array_agg(distinct ${sql.raw(CODED_COLUMNS[name])}) as ${sql.raw(`"${name}"`)}`,
      ),
      sql`, `,
    )} from coverage_cells c where ${and(...cellConditions(query, 'c'))}`,
  );
  return codeDictionaries({ ...row });
}

/** Runs `work` with planner settings that last only as long as it does (they are the transaction's otherwise). */
async function withSettings<T>(db: Queryable, settings: Record<string, string>, work: () => Promise<T>) {
  const names = Object.keys(settings);
  const [before] = await rowsOf<Record<string, string>>(
    db,
    sql`select ${sql.join(
      names.map(
        (name) =>
          sql`current_setting(${name}) as ${sql.raw(`"${name}"`)}, set_config(${name}, ${settings[name]}, true)`,
      ),
      sql`, `,
    )}`,
  );
  try {
    return await work();
  } finally {
    await rowsOf(
      db,
      sql`select ${sql.join(
        names.map((name) => sql`set_config(${name}, ${before?.[name] ?? ''}, true)`),
        sql`, `,
      )}`,
    );
  }
}

/**
 * The compact matrix's dimensions and cells as the API's JSON text, written by the database: at a million
 * activities the matrix holds a couple of hundred thousand cells, and reading and writing them again in Node.js
 * would cost more than the query.
 * The cells over every activity the caller sees, less the activities the period leaves out (found by the date
 * indexes): a wide period reads the cells and a few activities. A cell loses an organisation when every one of
 * that organisation's activities in it is left out. `conditions` are the activity filters without the period;
 * `leavesOut` says whether the period was found to leave activities out.
 */
export async function matrixFromCells(
  db: Queryable,
  query: CoverageQuery,
  conditions: SQL[],
  leavesOut: boolean,
): Promise<string> {
  // Writes only note their changes: the cells take them in first, in one pass (they are then everyone's).
  await rowsOf(db, sql`select coverage_cells_catch_up()`);
  const period = leftOutByPeriod(query);
  const read = async (dictionaries: Dictionaries, isLost: boolean): Promise<CellsText> => {
    const lost = isLost && period ? leftOutCells(query, conditions, period) : null;
    const guard = !lost && period ? (and(...conditions, period) ?? null) : null;
    // Compiling this query for the JIT costs more than running it. The cells fill after the statistics were last
    // taken (right after a large import), so the planner may expect a handful of cells: it must not join them in
    // nested loops. Nothing to take away and at most one country, the index gives the cells in key order and the
    // budgets merge in that order: sorting or hashing them would only cost.
    const isInKeyOrder = !lost && (query.country?.length ?? 0) <= 1;
    const sortsAndHashes = isInKeyOrder ? 'off' : 'on';
    const [row] = await withSettings(
      db,
      {
        jit: 'off',
        work_mem: '64MB',
        enable_nestloop: 'off',
        enable_sort: sortsAndHashes,
        enable_hashjoin: sortsAndHashes,
      },
      () => rowsOf<CellsText>(db, cellsText(query, dictionaries, lost, guard)),
    );
    if (!row) throw new Error('the coverage cells query returned no row');
    return row;
  };
  // Read again when the period turns out to leave activities out (written since they were counted), or when the
  // cells hold values that no code list has (the dictionaries then take in the values the cells hold).
  let dictionaries = codeDictionaries();
  let isLost = leavesOut;
  let answer = await read(dictionaries, isLost);
  while (answer.leaves_out || answer.unknown > 0) {
    isLost ||= answer.leaves_out;
    if (answer.unknown > 0) dictionaries = await valuesHeld(db, query);
    answer = await read(dictionaries, isLost);
  }
  const { iso3: _, ...coded } = matrixDimensions([], dictionaries);
  const codedText = JSON.stringify(coded).slice(1, -1);
  return `{"dimensions":{"iso3":${answer.iso3},${codedText}},"cells":{${answer.columns}}}`;
}
