// Official figures as need for the coverage analysis: detected victims by country, form and year.
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db.js';
import { listReleases } from './resolve.js';
import { dimensionKindOf, TOTAL } from './terms.js';

export type DetectedVictimsRow = {
  iso3: string;
  /** Our form_of_exploitation code, or null when the publisher's category maps to none. */
  form: string | null;
  /** The publisher's category as published (several may share one form code; they are summed). */
  category: string;
  year: number;
  lower: number;
  /** Null when a figure had no upper bound. */
  upper: number | null;
  releaseId: string;
};

export type DetectedVictimsFilter = { fromYear: number; toYear: number; iso3?: string | undefined };

const DETECTED_VICTIMS = sql`lower(indicator) like '%detected%victim%'`;

/**
 * From the newest release that holds detected victims by form of exploitation (all sexes and ages),
 * one row per country, form and year. Censored figures keep their bounds; nothing is guessed.
 */
export async function detectedVictimsByCountryAndForm(
  db: Queryable,
  filter: DetectedVictimsFilter,
): Promise<DetectedVictimsRow[]> {
  for (const release of await listReleases(db)) {
    const dimensions = await rowsOf<{ indicator: string; dimension: string }>(
      db,
      sql`select distinct indicator, dimension from statistic_categories
          where release_id = ${release.id} and ${DETECTED_VICTIMS} and dimension not in ('sex', 'age', ${TOTAL})`,
    );
    const forms = dimensions.filter((d) => dimensionKindOf(d.dimension) === 'form_of_exploitation');
    const first = forms[0];
    if (!first) continue;
    const rows = await rowsOf<{
      iso3: string;
      form: string | null;
      category: string;
      year: number;
      lower: string;
      upper: string | null;
    }>(
      db,
      sql`select iso3, category_code as form, min(category) as category, year,
            sum(value_lower) as lower, case when bool_and(value_upper is not null) then sum(value_upper) end as upper
          from statistic_observations
          where release_id = ${release.id} and indicator = ${first.indicator} and dimension = ${first.dimension}
            and category <> ${TOTAL} and sex = ${TOTAL} and age = ${TOTAL} and iso3 is not null
            and year between ${filter.fromYear} and ${filter.toYear}
            ${filter.iso3 ? sql`and iso3 = ${filter.iso3}` : sql``}
          group by iso3, year, category_code, case when category_code is null then category end
          order by iso3, year, category_code nulls last, min(category)`,
    );
    return rows.map((row) => ({
      iso3: row.iso3,
      form: row.form,
      category: row.category,
      year: Number(row.year),
      lower: Number(row.lower),
      upper: row.upper === null ? null : Number(row.upper),
      releaseId: release.id,
    }));
  }
  return [];
}
