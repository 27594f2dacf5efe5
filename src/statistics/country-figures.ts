// Use case: a country's latest official figures — detected victims, persons prosecuted and convicted — by sex
// and age, each from the newest release that holds the country, with the release named.
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db.js';
import { TOTAL } from './terms.js';

/** What a figure counts; publishers name their indicators differently, so each is recognised by its words. */
export const COUNTRY_MEASURES = ['detected_victims', 'prosecuted', 'convicted'] as const;
export type CountryMeasure = (typeof COUNTRY_MEASURES)[number];

/** One published value: its bounds (a censored "<5" is 0–4) and the text as published. */
export type PublishedValue = { lower: number; upper: number | null; text: string; isCensored: boolean };

/** One cell of the sex × age breakdown; codes are null where the publisher's term maps to none of ours. */
export type FigureCell = {
  sex: string;
  age: string;
  sexCode: string | null;
  ageCode: string | null;
  value: PublishedValue;
};

export type CountryFigure = {
  measure: CountryMeasure;
  indicator: string;
  unit: string;
  year: number;
  release: { id: string; label: string; publisher: string; publishedOn: string | null; isSynthetic: boolean };
  /** The figure for all sexes and ages, when the publisher gave one. */
  total: PublishedValue | null;
  /** Every breakdown the publisher gave at the total of its other dimension: by sex, by age, by both. */
  cells: FigureCell[];
};

/**
 * The measure an indicator's published name speaks of, in SQL. Convictions are tested before prosecutions, so
 * that "persons convicted after prosecution" counts convictions. Rates and shares are left for counts.
 */
const MEASURE_OF = sql`case
    when lower(o.indicator) like '%detected%victim%' then 'detected_victims'
    when lower(o.indicator) like '%convict%' then 'convicted'
    when lower(o.indicator) like '%prosecut%' then 'prosecuted' end`;
const IS_RATE = sql`(lower(c.unit) ~ '(rate|per |percent|%|share|ratio)')`;

type Row = {
  measure: CountryMeasure;
  indicator: string;
  unit: string;
  year: number;
  releaseId: string;
  label: string;
  publisher: string;
  publishedOn: string | null;
  isSynthetic: boolean;
  sex: string;
  age: string;
  sexCode: string | null;
  ageCode: string | null;
  lower: string;
  upper: string | null;
  text: string;
  isCensored: boolean;
};

/**
 * For each measure: the newest release (as everywhere, by publication date then import) that holds a figure for
 * the country, counts before rates, its latest year; then that year's figures by sex and age, in one statement.
 */
export async function latestCountryFigures(db: Queryable, iso3: string): Promise<CountryFigure[]> {
  const rows = await rowsOf<Row>(
    db,
    sql`with candidates as (
          select o.release_id, o.indicator, o.unit, o.year, ${MEASURE_OF} as measure
          from statistic_observations o
          where o.iso3 = ${iso3} and o.dimension = ${TOTAL} and o.category = ${TOTAL}
          group by o.release_id, o.indicator, o.unit, o.year),
        chosen as (
          select distinct on (c.measure) c.*, r.label, r.publisher, r.published_on, r.is_synthetic
          from candidates c join statistic_releases r on r.id = c.release_id
          where c.measure is not null
          order by c.measure, r.published_on desc nulls last, r.created_at desc, ${IS_RATE}, c.year desc,
            c.indicator)
        select ch.measure, ch.indicator, ch.unit, ch.year, ch.release_id as "releaseId", ch.label, ch.publisher,
          to_char(ch.published_on, 'YYYY-MM-DD') as "publishedOn", ch.is_synthetic as "isSynthetic", o.sex, o.age,
          o.sex_code as "sexCode", o.age_code as "ageCode", o.value_lower::text as lower,
          o.value_upper::text as upper, o.value_text as text, o.is_censored as "isCensored"
        from chosen ch join statistic_observations o
          on o.release_id = ch.release_id and o.iso3 = ${iso3} and o.indicator = ch.indicator
            and o.unit = ch.unit and o.year = ch.year and o.dimension = ${TOTAL} and o.category = ${TOTAL}
        order by ch.measure, o.sex, o.age`,
  );
  return COUNTRY_MEASURES.flatMap((measure) => {
    const mine = rows.filter((row) => row.measure === measure);
    const first = mine[0];
    return first ? [figureOf(measure, first, mine)] : [];
  });
}

function figureOf(measure: CountryMeasure, first: Row, rows: readonly Row[]): CountryFigure {
  const publishedValue = (row: Row): PublishedValue => ({
    lower: Number(row.lower),
    upper: row.upper === null ? null : Number(row.upper),
    text: row.text,
    isCensored: row.isCensored,
  });
  const total = rows.find((row) => row.sex === TOTAL && row.age === TOTAL);
  return {
    measure,
    indicator: first.indicator,
    unit: first.unit,
    year: Number(first.year),
    release: {
      id: first.releaseId,
      label: first.label,
      publisher: first.publisher,
      publishedOn: first.publishedOn,
      isSynthetic: first.isSynthetic,
    },
    total: total ? publishedValue(total) : null,
    cells: rows
      .filter((row) => row !== total)
      .map((row) => ({
        sex: row.sex,
        age: row.age,
        sexCode: row.sexCode,
        ageCode: row.ageCode,
        value: publishedValue(row),
      })),
  };
}
