// What changed between two releases of a source: figures revised, added or removed.
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { getRelease } from './resolve.js';
import type { Revision, RevisionsQuery, RevisionsResult } from './schemas.js';

type RawRevision = Omit<Revision, 'before' | 'after'> & {
  beforeLower: string | null;
  beforeUpper: string | null;
  beforeText: string | null;
  afterLower: string | null;
  afterUpper: string | null;
  afterText: string | null;
};

const figure = (lower: string | null, upper: string | null, text: string | null) =>
  lower === null
    ? null
    : { lower: Number(lower), upper: upper === null ? null : Number(upper), text: text ?? '' };

export async function listRevisions(db: Queryable, query: RevisionsQuery): Promise<RevisionsResult> {
  const from = await getRelease(db, query.from);
  const to = await getRelease(db, query.to);
  if (from.source !== to.source) {
    throw new AppError('validation_failed', 'Revisions compare two releases of one source.', [
      { path: 'querystring.to', message: `must be a release of ${from.source}`, code: 'different_source' },
    ]);
  }
  const side = (releaseId: string) => sql`
    select indicator, unit, coalesce(iso3, m49) as area, year, sex, age, dimension, category,
      value_lower, value_upper, value_text
    from statistic_observations where release_id = ${releaseId}
      ${query.indicator ? sql`and indicator = ${query.indicator}` : sql``}
      ${query.area ? sql`and coalesce(iso3, m49) = ${query.area.toUpperCase()}` : sql``}`;
  const joined = sql`
    with a as (${side(from.id)}), b as (${side(to.id)}),
    j as (
      select coalesce(a.indicator, b.indicator) as indicator, coalesce(a.area, b.area) as area,
        coalesce(a.year, b.year) as year, coalesce(a.sex, b.sex) as sex, coalesce(a.age, b.age) as age,
        coalesce(a.dimension, b.dimension) as dimension, coalesce(a.category, b.category) as category,
        coalesce(a.unit, b.unit) as unit,
        a.value_lower as "beforeLower", a.value_upper as "beforeUpper", a.value_text as "beforeText",
        b.value_lower as "afterLower", b.value_upper as "afterUpper", b.value_text as "afterText",
        case when a.indicator is null then 'added' when b.indicator is null then 'removed'
             when a.value_lower = b.value_lower and a.value_upper is not distinct from b.value_upper
               and a.value_text = b.value_text then 'unchanged'
             else 'revised' end as change
      from a full join b on a.indicator = b.indicator and a.unit = b.unit and a.area = b.area
        and a.year = b.year and a.sex = b.sex and a.age = b.age and a.dimension = b.dimension
        and a.category = b.category
    )`;
  const counts = await rowsOf<Record<'revised' | 'added' | 'removed' | 'unchanged', number>>(
    db,
    sql`${joined} select count(*) filter (where change = 'revised')::int as revised,
        count(*) filter (where change = 'added')::int as added,
        count(*) filter (where change = 'removed')::int as removed,
        count(*) filter (where change = 'unchanged')::int as unchanged from j`,
  );
  const raw = await rowsOf<RawRevision>(
    db,
    sql`${joined} select * from j where change <> 'unchanged'
        order by indicator, area, year, sex, age, dimension, category, unit limit ${query.limit + 1}`,
  );
  const changes = raw.slice(0, query.limit).map((r) => ({
    change: r.change,
    indicator: r.indicator,
    area: r.area.trim(),
    year: Number(r.year),
    sex: r.sex,
    age: r.age,
    dimension: r.dimension,
    category: r.category,
    unit: r.unit,
    before: figure(r.beforeLower, r.beforeUpper, r.beforeText),
    after: figure(r.afterLower, r.afterUpper, r.afterText),
  }));
  const [count] = counts;
  return {
    from,
    to,
    counts: count ?? { revised: 0, added: 0, removed: 0, unchanged: 0 },
    changes,
    isTruncated: raw.length > query.limit,
  };
}
