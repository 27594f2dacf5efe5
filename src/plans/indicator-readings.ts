// Reads the actuals self-checking indicators ask for: a figure from official statistics (through the statistics
// capability's query, naming the release it came from) and counts of 4W activities (one set-based query).
import { sql } from 'drizzle-orm';
import { activities } from '../activities/index.js';
import { type Queryable, rowsOf } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { textArray } from '../platform/sql-arrays.js';
import { listReleases, queryStatistics, type Release, StatisticsQuery } from '../statistics/index.js';
import {
  activitiesNote,
  type Reading,
  statisticsNote,
  type WantedActual,
  yearOfPeriod,
} from './engine/automatic-actuals.js';
import type { Plan } from './engine/model.js';
import { planMeasureActivities } from './schema.js';

type WantedFigure = Extract<WantedActual, { kind: 'statistics' }>;
type WantedCount = Extract<WantedActual, { kind: 'activities' }>;

/** What one refresh has already asked, so that plans sharing a query or a release ask once. */
export type ReadingMemo = { figures: Map<string, Promise<Reading | null>>; releases?: Promise<Release[]> };

export function newReadingMemo(): ReadingMemo {
  return { figures: new Map() };
}

/** The readings for the wanted actuals, in their order: null where the source has no figure. */
export async function readActuals(
  db: Queryable,
  plan: Plan,
  wanted: readonly WantedActual[],
  today: string,
  memo: ReadingMemo,
): Promise<(Reading | null)[]> {
  const counts = await countActivities(
    db,
    plan,
    wanted.filter((item): item is WantedCount => item.kind === 'activities'),
    today,
  );
  const readings: (Reading | null)[] = [];
  let countIndex = 0;
  for (const item of wanted) {
    if (item.kind === 'activities') readings.push(counts[countIndex++] ?? null);
    // One query at a time: an embedded database answers one anyway, and a server keeps its pool for requests.
    else readings.push(await readFigure(db, plan, item, memo));
  }
  return readings;
}

function readFigure(db: Queryable, plan: Plan, wanted: WantedFigure, memo: ReadingMemo) {
  const query = {
    indicator: wanted.query.indicator,
    country: wanted.query.country ?? (plan.countries.length === 1 ? plan.countries[0] : undefined),
    sex: wanted.disaggregation.sex ?? wanted.query.sex,
    age: wanted.disaggregation.age ?? wanted.query.age,
    year: yearOfPeriod(wanted.period),
  };
  const key = JSON.stringify(query);
  let reading = memo.figures.get(key);
  if (!reading) {
    reading = figureOf(db, query, memo);
    memo.figures.set(key, reading);
  }
  return reading;
}

type FigureQuery = {
  indicator: string;
  country: string | undefined;
  sex: string | undefined;
  age: string | undefined;
  year: number;
};

/**
 * The figure the newest release holding the indicator gives for the country, year and people: by sex and age
 * as our codes name them (whatever words the publisher used). Only an exact figure counts: a censored one
 * ("<5") is a range, not an actual.
 */
async function figureOf(db: Queryable, query: FigureQuery, memo: ReadingMemo): Promise<Reading | null> {
  const by = [...(query.sex ? ['sex'] : []), ...(query.age ? ['age'] : [])];
  const parsed = StatisticsQuery.parse({
    indicator: query.indicator,
    ...(query.country ? { area: [query.country] } : {}),
    year: query.year,
    by,
  });
  const result = await queryStatistics(db, parsed).catch((error: unknown) => {
    // No release holds the indicator (yet): no figure, which is no failure.
    if (error instanceof AppError && (error.code === 'not_found' || error.code === 'validation_failed'))
      return null;
    throw error;
  });
  const row = result?.rows.find(
    (candidate) =>
      candidate.year === query.year &&
      (!query.sex || candidate.sexCode === query.sex) &&
      (!query.age || candidate.ageCode === query.age) &&
      candidate.value !== null,
  );
  if (!result || !row || row.value === null) return null;
  memo.releases ??= listReleases(db);
  const release = (await memo.releases).find((candidate) => candidate.id === result.release.id);
  return {
    value: row.value,
    sourceNote: statisticsNote(
      { label: result.release.label, publisher: release?.publisher ?? result.release.source },
      query.year,
    ),
  };
}

type CountRow = { slot: number; count: number };
const OPEN_START = '0001-01-01';
const OPEN_END = '9999-12-31';

/**
 * Counts, for each wanted actual, the classified activities matching its filter that ran at some point of its
 * period (an activity without dates counts as running throughout). Without a country in the filter, the
 * plan's countries. One query for all of them.
 */
async function countActivities(
  db: Queryable,
  plan: Plan,
  wanted: readonly WantedCount[],
  today: string,
): Promise<Reading[]> {
  if (wanted.length === 0) return [];
  const slots = wanted.map(
    (item, slot) =>
      sql`(${slot}::int, ${item.period.start}::date, ${item.period.end}::date, ${item.filter.pillar ?? null}::text,
        ${textArray(item.filter.country ? [item.filter.country] : plan.countries)}::text[],
        ${item.filter.organisationId ?? null}::uuid, ${item.filter.linkedToMeasure ? item.measureId : null}::uuid)`,
  );
  const rows = await rowsOf<CountRow>(
    db,
    sql`
      WITH wanted(slot, period_start, period_end, pillar, countries, organisation_id, measure_id) AS (
        VALUES ${sql.join(slots, sql`, `)})
      SELECT w.slot, count(a.id)::int AS count
      FROM wanted w
      LEFT JOIN ${activities} a ON a.pillar IS NOT NULL
        AND (w.pillar IS NULL OR a.pillar = w.pillar)
        AND a.country_codes && w.countries
        AND (w.organisation_id IS NULL OR w.organisation_id = ANY(a.organisation_ids))
        AND (w.measure_id IS NULL OR EXISTS (SELECT 1 FROM ${planMeasureActivities} l
          WHERE l.measure_id = w.measure_id AND l.activity_id = a.id))
        AND coalesce(a.actual_start, a.planned_start, ${OPEN_START}::date) <= w.period_end
        AND coalesce(a.actual_end, a.planned_end, ${OPEN_END}::date) >= w.period_start
      GROUP BY w.slot`,
  );
  const bySlot = new Map(rows.map((row) => [Number(row.slot), Number(row.count)]));
  return wanted.map((_, slot) => ({ value: bySlot.get(slot) ?? 0, sourceNote: activitiesNote(today) }));
}
