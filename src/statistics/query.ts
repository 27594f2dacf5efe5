// Selects figures by indicator, area, years and breakdowns; world and regional sums come from the roll-ups.
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { numberArray } from '../platform/sql-arrays.js';
import { buildCountryList, countriesInArea } from '../reference/index.js';
import {
  type AreaCode,
  findDimension,
  inList,
  namesOfIndicator,
  parseAreas,
  resolveIndicator,
} from './resolve.js';
import type { AreaCoverage, QueryResult, QueryRow, StatisticsQuery } from './schemas.js';
import { TOTAL } from './terms.js';

/** What a query asks for, once its names are resolved against the release. */
export type QueryPlan = {
  release: QueryResult['release'];
  indicator: string;
  areas: AreaCode[];
  by: string[];
  dimension: string | null;
  groupSex: boolean;
  groupAge: boolean;
  groupCategory: boolean;
  groupArea: 'none' | 'area' | 'country';
  sexes: string[] | null;
  ages: string[] | null;
  categories: string[] | null;
  fromYear: number | null;
  toYear: number | null;
  unit: string | null;
  figures: 'rollup' | 'published';
  limit: number;
};

const RESERVED = new Set(['year', 'area', 'country', 'sex', 'age']);

export async function planQuery(db: Queryable, query: StatisticsQuery): Promise<QueryPlan> {
  const { release, indicator } = await resolveIndicator(db, query);
  const names = await namesOfIndicator(db, release.id, indicator);
  const known = names.dimensions;
  const by = [
    ...new Set(
      (query.by ?? []).map((name) => (RESERVED.has(name.toLowerCase()) ? name.toLowerCase() : name)),
    ),
  ];
  const named = by
    .filter((name) => !RESERVED.has(name))
    .map((name) => findDimension(known, name, 'querystring.by'));
  // "form" and "by form of exploitation" name the same dimension.
  const grouped = named.filter((d, i) => named.findIndex((other) => other.name === d.name) === i);
  if (grouped.length > 1) {
    throw new AppError(
      'validation_failed',
      'Each figure is broken down by at most one dimension besides sex and age.',
      [
        {
          path: 'querystring.by',
          message: `choose one of ${grouped.map((d) => d.name).join(', ')}`,
          code: 'too_many_dimensions',
        },
      ],
    );
  }
  const filtered = query.dimension ? findDimension(known, query.dimension, 'querystring.dimension') : null;
  if (grouped[0] && filtered && grouped[0].name !== filtered.name) {
    throw new AppError('validation_failed', 'Group by and filter on the same dimension.', [
      {
        path: 'querystring.dimension',
        message: `must be "${grouped[0].name}"`,
        code: 'conflicting_dimensions',
      },
    ]);
  }
  if (filtered && !grouped[0] && !query.category?.length) {
    throw new AppError('validation_failed', 'A dimension filter needs the categories to keep.', [
      { path: 'querystring.category', message: 'required with dimension', code: 'required' },
    ]);
  }
  const areas = parseAreas(query.area, names.publisherAreaCodes);
  const groupArea = by.includes('country') ? 'country' : by.includes('area') ? 'area' : 'none';
  if (groupArea === 'none' && areas.length > 1 && areas.some((a) => a.kind !== 'country')) {
    throw new AppError('validation_failed', 'Areas may overlap, so they are not summed; add by=area.', [
      { path: 'querystring.by', message: 'add "area" to compare several areas', code: 'overlapping_areas' },
    ]);
  }
  const dimension = grouped[0]?.name ?? filtered?.name ?? null;
  const toYear = query.year ?? query.toYear ?? null;
  return {
    release: {
      id: release.id,
      source: release.source,
      label: release.label,
      isSynthetic: release.isSynthetic,
    },
    indicator,
    areas,
    by: by.map((name) => (RESERVED.has(name) ? name : (grouped[0]?.name ?? name))),
    dimension,
    groupSex: by.includes('sex'),
    groupAge: by.includes('age'),
    groupCategory: grouped.length === 1,
    groupArea,
    sexes: query.sex?.length ? query.sex : null,
    ages: query.age?.length ? query.age : null,
    categories: query.category?.length ? query.category : null,
    fromYear: query.year ?? query.fromYear ?? null,
    toYear,
    unit: query.unit ?? null,
    figures: query.figures,
    limit: query.limit,
  };
}

/** Sex, age and the dimension: grouped ones vary (all but Total), the others stay at their Total. */
function cubeConditions(plan: QueryPlan): SQL[] {
  const axis = (column: string, isGrouped: boolean, kept: string[] | null) => {
    const ref = sql.identifier(column);
    if (kept) return sql`${ref} in (${inList(kept)})`;
    return isGrouped ? sql`${ref} <> ${TOTAL}` : sql`${ref} = ${TOTAL}`;
  };
  const conditions = [axis('sex', plan.groupSex, plan.sexes), axis('age', plan.groupAge, plan.ages)];
  if (plan.dimension) {
    conditions.push(
      sql`dimension = ${plan.dimension}`,
      axis('category', plan.groupCategory, plan.categories),
    );
  } else conditions.push(sql`dimension = ${TOTAL}`);
  if (plan.fromYear !== null) conditions.push(sql`year >= ${plan.fromYear}`);
  if (plan.toYear !== null) conditions.push(sql`year <= ${plan.toYear}`);
  if (plan.unit) conditions.push(sql`unit = ${plan.unit}`);
  return conditions;
}

type RawRow = {
  year: number;
  area: string | null;
  sex: string | null;
  age: string | null;
  category: string | null;
  sexCode: string | null;
  ageCode: string | null;
  categoryCode: string | null;
  unit: string;
  lower: string | number;
  upper: string | number | null;
  isCensored: boolean;
  countries: number;
};

/** One aggregate select over observations or roll-ups; `area` is the column that names a row's area. */
function aggregate(
  plan: QueryPlan,
  table: 'statistic_observations' | 'statistic_rollups',
  area: SQL | null,
  where: SQL[],
) {
  const keys: SQL[] = [sql`year`, sql`unit`];
  const pick = (isGrouped: boolean, column: string, code: string) => {
    if (!isGrouped) return sql`null as ${sql.identifier(column)}, null as ${sql.identifier(`${column}Code`)}`;
    keys.push(sql`${sql.identifier(column)}`);
    return sql`${sql.identifier(column)}, min(${sql.identifier(code)}) as ${sql.identifier(`${column}Code`)}`;
  };
  const sexes = pick(plan.groupSex, 'sex', 'sex_code');
  const ages = pick(plan.groupAge, 'age', 'age_code');
  const categories = pick(plan.groupCategory, 'category', 'category_code');
  if (area) keys.push(area);
  const counted = table === 'statistic_rollups' ? sql`sum(countries)` : sql`count(*)`;
  return sql`
    select year, ${area ?? sql`null`} as area, ${sexes}, ${ages}, ${categories}, unit,
      sum(value_lower) as lower, case when bool_and(value_upper is not null) then sum(value_upper) end as upper,
      bool_or(is_censored) as "isCensored", ${counted}::int as countries
    from ${sql.identifier(table)}
    where release_id = ${plan.release.id} and indicator = ${plan.indicator} and ${sql.join(where, sql` and `)}
    group by ${sql.join(keys, sql`, `)}`;
}

function countriesOf(areas: readonly AreaCode[]): string[] {
  const all = buildCountryList();
  const codes = areas.flatMap((a) =>
    a.kind === 'country' ? [a.code] : a.kind === 'm49' ? countriesInArea(all, a.code).map((c) => c.iso3) : [],
  );
  return [...new Set(codes)];
}

/**
 * The release's cells that the plan asks for (statistic_cells, a few dozen of tens of thousands). Countries'
 * rows are then found by (iso3, cell_id): by country alone, a continent's countries match a fifth of the
 * release and PostgreSQL reads all of it. The cells go as one array, not as a subquery, whose rows the
 * planner cannot foresee.
 */
async function cellsOf(db: Queryable, plan: QueryPlan): Promise<SQL> {
  const rows = await rowsOf<{ cellId: number }>(
    db,
    sql`select cell_id as "cellId" from statistic_cells
        where release_id = ${plan.release.id} and indicator = ${plan.indicator}
          and ${sql.join(cubeConditions(plan), sql` and `)}`,
  );
  return sql`cell_id = any(${numberArray(rows.map((row) => Number(row.cellId)))}::int[])`;
}

/** The selects that answer the plan: countries from observations, M49 areas from roll-ups or as published. */
async function selectsFor(db: Queryable, plan: QueryPlan): Promise<SQL[]> {
  const cube = cubeConditions(plan);
  if (plan.groupArea === 'country') {
    const iso3 = countriesOf(plan.areas);
    const where = [...cube, await cellsOf(db, plan), sql`iso3 in (${inList(iso3)})`];
    return [aggregate(plan, 'statistic_observations', sql`iso3`, where)];
  }
  const countries = plan.areas.filter((a) => a.kind === 'country').map((a) => a.code);
  const m49 = plan.areas.filter((a) => a.kind === 'm49').map((a) => a.code);
  const selects: SQL[] = [];
  if (countries.length > 0) {
    const area = plan.groupArea === 'area' || plan.areas.length === 1 ? sql`iso3` : null;
    const where = [...cube, await cellsOf(db, plan), sql`iso3 in (${inList(countries)})`];
    selects.push(aggregate(plan, 'statistic_observations', area, where));
  }
  if (m49.length > 0) {
    const table = plan.figures === 'published' ? 'statistic_observations' : 'statistic_rollups';
    selects.push(aggregate(plan, table, sql`m49`, [...cube, sql`m49 in (${inList(m49)})`]));
  }
  // The publisher's own areas have only the publisher's figures: we never sum countries into them.
  const published = plan.areas.filter((a) => a.kind === 'publisher').map((a) => a.code);
  if (published.length > 0) {
    selects.push(
      aggregate(plan, 'statistic_observations', sql`m49`, [...cube, sql`m49 in (${inList(published)})`]),
    );
  }
  return selects;
}

export function rowOf(raw: RawRow): QueryRow {
  const lower = Number(raw.lower);
  const upper = raw.upper === null ? null : Number(raw.upper);
  return {
    year: Number(raw.year),
    area: raw.area === null ? null : raw.area.trim(),
    sex: raw.sex,
    age: raw.age,
    category: raw.category,
    sexCode: raw.sexCode,
    ageCode: raw.ageCode,
    categoryCode: raw.categoryCode,
    unit: raw.unit,
    lower,
    upper,
    value: upper === lower ? lower : null,
    isCensored: raw.isCensored,
    countries: Number(raw.countries),
  };
}

const text = (value: string | null) => value ?? '';
export function compareRows(a: QueryRow, b: QueryRow): number {
  return (
    a.year - b.year ||
    text(a.area).localeCompare(text(b.area)) ||
    text(a.sex).localeCompare(text(b.sex)) ||
    text(a.age).localeCompare(text(b.age)) ||
    text(a.category).localeCompare(text(b.category)) ||
    a.unit.localeCompare(b.unit)
  );
}

export async function runPlan(db: Queryable, plan: QueryPlan): Promise<QueryResult> {
  const selects = await selectsFor(db, plan);
  const union = sql.join(
    selects.map((s) => sql`(${s})`),
    sql` union all `,
  );
  const raw = await rowsOf<RawRow>(
    db,
    sql`select * from (${union}) q order by year, area, sex, age, category, unit limit ${plan.limit + 1}`,
  );
  const rows = raw.map(rowOf).sort(compareRows);
  const isTruncated = rows.length > plan.limit;
  if (isTruncated) rows.length = plan.limit;
  return {
    release: plan.release,
    indicator: plan.indicator,
    areas: plan.areas.map((a) => a.code),
    by: plan.by,
    dimension: plan.dimension,
    figures: figuresOf(plan),
    rows,
    coverage: await coverageOf(db, plan, rows),
    isTruncated,
  };
}

/** Whose figures the answer holds: countries', our sums of M49 areas, or the publisher's own. */
function figuresOf(plan: QueryPlan): QueryResult['figures'] {
  if (plan.groupArea === 'country') return 'country';
  if (plan.areas.some((a) => a.kind === 'm49')) return plan.figures;
  return plan.areas.some((a) => a.kind === 'publisher') ? 'published' : 'country';
}

export async function queryStatistics(db: Queryable, query: StatisticsQuery): Promise<QueryResult> {
  return runPlan(db, await planQuery(db, query));
}

/** For each M49 area and year in the answer: which member countries gave figures and which did not. */
async function coverageOf(
  db: Queryable,
  plan: QueryPlan,
  rows: readonly QueryRow[],
): Promise<AreaCoverage[]> {
  const areas = plan.areas.filter((a) => a.kind === 'm49');
  const years = [...new Set(rows.map((row) => row.year))].sort((a, b) => a - b);
  if (areas.length === 0 || years.length === 0 || plan.figures === 'published') return [];
  const members = new Map(areas.map((a) => [a.code, countriesOf([a])]));
  const all = [...new Set([...members.values()].flat())];
  const reported = await rowsOf<{ year: number; iso3: string }>(
    db,
    sql`select year, iso3 from statistic_coverage
        where release_id = ${plan.release.id} and indicator = ${plan.indicator}
          and dimension = ${plan.dimension ?? TOTAL} and year in (${sql.join(
            years.map((y) => sql`${y}`),
            sql`, `,
          )})
          and iso3 in (${inList(all)})`,
  );
  const byYear = new Map<number, Set<string>>();
  for (const row of reported) {
    const year = Number(row.year);
    const set = byYear.get(year) ?? new Set<string>();
    set.add(row.iso3);
    byYear.set(year, set);
  }
  return areas.flatMap((area) =>
    years.map((year) => {
      const inArea = members.get(area.code) ?? [];
      const reporting = byYear.get(year) ?? new Set<string>();
      const missing = inArea.filter((iso3) => !reporting.has(iso3));
      return {
        area: area.code,
        year,
        members: inArea.length,
        reporting: inArea.length - missing.length,
        missing,
      };
    }),
  );
}
