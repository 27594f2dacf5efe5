// The coverage matrix: country × pillar × activity type × target group × form, over the activities in view.
import { and, type SQL, sql } from 'drizzle-orm';
import { activityConditions } from '../activities/index.js';
import { type Queryable, rowsOf } from '../platform/db.js';
import { aggregateMatrixText, type CellFigures } from './aggregate.js';
import { countLeftOut, matrixFromCells } from './cells.js';
import { compactMatrix } from './compact.js';
import type { CoverageQuery, Matrix } from './schemas.js';

export const MATRIX_NOTE =
  'An activity counts in full in every cell it touches (each of its countries, target groups and forms), so cells do not add up to totals. Cancelled activities are left out. Null target group or form: the activities name none.';

/** The filters as conditions on activities, and the period as an overlap of dates; cancelled work does not count. */
export function coverageConditions(query: Partial<CoverageQuery>): SQL[] {
  return [
    ...activityConditions({
      country: query.country,
      pillar: query.pillar,
      activityType: query.activityType,
      targetGroup: query.targetGroup,
      form: query.form,
      organisationId: query.organisationId,
      from: query.from,
      to: query.to,
    }),
    sql`status <> 'cancelled'`,
    // Activities awaiting classification have no pillar or type to count under; they are listed apart.
    sql`not needs_classification`,
  ];
}

/** Past this many activities left out by the period, the matrix adds up the activities in it instead. */
const MOST_LEFT_OUT = 100_000;

/**
 * Read from the coverage cells kept by the database, less what the period leaves out; an organisation filter,
 * or a period that leaves out more than `mostLeftOut` activities, adds up the activities instead.
 */
export async function computeMatrix(
  db: Queryable,
  query: CoverageQuery,
  mostLeftOut = MOST_LEFT_OUT,
): Promise<Matrix> {
  return JSON.parse(await matrixJson(db, query, mostLeftOut)) as Matrix;
}

/**
 * The compact matrix as the JSON text the API sends: its dimensions and cells come written by the database, so
 * that the largest answer (every country) is passed through as it is instead of parsed and written again.
 */
export async function matrixJson(
  db: Queryable,
  query: CoverageQuery,
  mostLeftOut = MOST_LEFT_OUT,
): Promise<string> {
  const conditions = coverageConditions({ ...query, from: undefined, to: undefined });
  const leftOut = query.organisationId ? null : await countLeftOut(db, conditions, query, mostLeftOut + 1);
  const body =
    leftOut !== null && leftOut <= mostLeftOut
      ? await matrixFromCells(db, query, conditions, leftOut > 0)
      : JSON.stringify(compactMatrix(await matrixFromActivities(db, query)));
  const head = JSON.stringify({
    period: { from: query.from ?? null, to: query.to ?? null },
    currency: query.currency,
    note: MATRIX_NOTE,
  } satisfies Omit<Matrix, 'dimensions' | 'cells'>);
  return `${head.slice(0, -1)},${body.slice(1)}`;
}

/**
 * The database filters (with row-level security) and hands over one compact row per activity in a single JSON
 * value; grouping happens in aggregateMatrix. Why not GROUP BY over unnested arrays: measured on PGlite, that
 * costs ~50 µs per exploded row (5,000 activities ≈ 250–500 ms), far over the 1 s target at 50,000 activities,
 * while one text value per query takes ~20 ms per 5,000 (bench/coverage).
 */
export async function matrixFromActivities(db: Queryable, query: CoverageQuery): Promise<CellFigures[]> {
  const rows = await rowsOf<{ data: string | null }>(
    db,
    sql`select string_agg(concat_ws('|', array_to_string(country_codes, ','), pillar, activity_type,
          array_to_string(target_groups, ','), array_to_string(forms, ','), array_to_string(organisation_ids, ','),
          coalesce(reached_total::text, ''), coalesce(budget_amount::text, ''), coalesce(budget_currency, '')), E'\n') as data
        from activities where ${and(...coverageConditions(query))}`,
  );
  return aggregateMatrixText(rows[0]?.data ?? '', {
    currency: query.currency,
    countries: query.country,
    targetGroup: query.targetGroup,
    form: query.form,
  });
}
