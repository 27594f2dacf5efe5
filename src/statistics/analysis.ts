// Shares and trends built on queries, with censored figures carried as bounds (see interval.ts).
import type { Queryable } from '../platform/db.js';
import {
  type Interval,
  pointOf,
  relativeChange,
  shareOfSum,
  shareOfTotal,
  subtract,
  sumIntervals,
} from './interval.js';
import { compareRows, planQuery, type QueryPlan, runPlan } from './query.js';
import type { QueryRow, SharesQuery, SharesResult, StatisticsQuery, TrendsResult } from './schemas.js';

const boundsOf = (row: QueryRow): Interval => ({ lower: row.lower, upper: row.upper });

/** The key of a row without the breakdown whose shares are computed. */
type Axis = 'sex' | 'age' | 'category';

function keyWithout(row: QueryRow, of: Axis): string {
  return [
    row.year,
    row.area,
    of === 'sex' ? '' : row.sex,
    of === 'age' ? '' : row.age,
    of === 'category' ? '' : row.category,
    row.unit,
  ].join('\u0000');
}

/**
 * Each category's share of its total (women and girls among detected victims: of=sex). The total is
 * the publisher's own "Total" figure where there is one, else the sum of the categories.
 */
export async function computeShares(db: Queryable, query: SharesQuery): Promise<SharesResult> {
  const ofName = query.of.trim().toLowerCase();
  const axis = ofName === 'sex' || ofName === 'age' ? ofName : 'category';
  const byWithoutOf = (query.by ?? []).filter((name) => name.toLowerCase() !== ofName);
  const partsPlan = await planQuery(db, { ...query, by: [...byWithoutOf, query.of] });
  const parts = await runPlan(db, partsPlan);
  const totalsPlan: QueryPlan = {
    ...partsPlan,
    groupSex: axis === 'sex' ? false : partsPlan.groupSex,
    groupAge: axis === 'age' ? false : partsPlan.groupAge,
    groupCategory: axis === 'category' ? false : partsPlan.groupCategory,
    sexes: axis === 'sex' ? null : partsPlan.sexes,
    ages: axis === 'age' ? null : partsPlan.ages,
    categories: axis === 'category' ? null : partsPlan.categories,
    dimension: axis === 'category' ? null : partsPlan.dimension,
  };
  const isRegional =
    partsPlan.figures === 'rollup' &&
    partsPlan.groupArea !== 'country' &&
    partsPlan.areas.every((a) => a.kind === 'm49');
  const [partRows, totalRows] = isRegional
    ? await reportingCountriesOnly(db, partsPlan, totalsPlan, axis)
    : [parts.rows, (await runPlan(db, totalsPlan)).rows];
  const published = new Map(totalRows.map((row) => [keyWithout(row, axis), boundsOf(row)]));
  const sums = new Map<string, Interval>();
  for (const row of partRows) {
    const key = keyWithout(row, axis);
    sums.set(key, sumIntervals([sums.get(key) ?? { lower: 0, upper: 0 }, boundsOf(row)]));
  }
  const rows = partRows.map((row) => {
    const key = keyWithout(row, axis);
    const part = boundsOf(row);
    const total = published.get(key);
    const sum = sums.get(key) ?? part;
    const share = total ? shareOfTotal(part, total) : shareOfSum(part, subtract(sum, part));
    const { lower: _l, upper: _u, value: _v, countries: _c, ...keys } = row;
    return {
      ...keys,
      part,
      total: total ?? sum,
      share,
      shareValue: share ? pointOf(share) : null,
      denominator: total ? ('published_total' as const) : ('sum_of_categories' as const),
    };
  });
  return { ...parts, of: parts.dimension && axis === 'category' ? parts.dimension : axis, rows };
}

/**
 * For an M49 area, a share is only meaningful over the countries that gave both the breakdown and the
 * total: summing every country's total would count victims whose sex (say) nobody reported.
 */
async function reportingCountriesOnly(
  db: Queryable,
  partsPlan: QueryPlan,
  totalsPlan: QueryPlan,
  axis: Axis,
) {
  const partRows: QueryRow[] = [];
  const totalRows: QueryRow[] = [];
  for (const area of partsPlan.areas) {
    const perCountry = (plan: QueryPlan) =>
      runPlan(db, { ...plan, areas: [area], groupArea: 'country', limit: 1_000_000 });
    const parts = (await perCountry(partsPlan)).rows;
    const totals = (await perCountry(totalsPlan)).rows;
    const withParts = new Set(parts.map((row) => keyWithout(row, axis)));
    const kept = totals.filter((row) => withParts.has(keyWithout(row, axis)));
    const keptKeys = new Set(kept.map((row) => keyWithout(row, axis)));
    partRows.push(
      ...sumOverCountries(
        parts.filter((row) => keptKeys.has(keyWithout(row, axis))),
        area.code,
      ),
    );
    totalRows.push(...sumOverCountries(kept, area.code));
  }
  return [partRows.sort(compareRows), totalRows] as const;
}

/** Adds country rows up into one row per area and breakdown. */
function sumOverCountries(rows: readonly QueryRow[], area: string): QueryRow[] {
  const sums = new Map<string, QueryRow>();
  for (const row of rows) {
    const key = [row.year, row.sex, row.age, row.category, row.unit].join('\u0000');
    const before = sums.get(key);
    if (!before) {
      sums.set(key, { ...row, area });
      continue;
    }
    const total = sumIntervals([boundsOf(before), boundsOf(row)]);
    sums.set(key, {
      ...before,
      lower: total.lower ?? 0,
      upper: total.upper,
      value: pointOf(total),
      isCensored: before.isCensored || row.isCensored,
      countries: before.countries + row.countries,
    });
  }
  return [...sums.values()];
}

/** Year-on-year change within each group, as intervals when figures are censored. */
export async function computeTrends(db: Queryable, query: StatisticsQuery): Promise<TrendsResult> {
  const result = await runPlan(db, await planQuery(db, query));
  const previous = new Map<string, QueryRow>();
  const rows = result.rows.map((row) => {
    const key = [row.area, row.sex, row.age, row.category, row.unit].join('\u0000');
    const before = previous.get(key);
    previous.set(key, row);
    if (!before) return { ...row, change: null, relativeChange: null };
    return {
      ...row,
      change: subtract(boundsOf(row), boundsOf(before)),
      relativeChange: relativeChange(boundsOf(before), boundsOf(row)),
    };
  });
  return { ...result, rows };
}
